import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { notFound } from '../../platform/http/errors.ts';
import { translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { vietnameseOf } from '../../platform/i18n/index.ts';
import { CITIZEN_KEYS } from '../../platform/i18n/locale-file.ts';
import { uploadLocale } from './languages.service.ts';
import { LanguageDetail, LanguagesPage } from './views/languages.tsx';

export const languagePages = new Hono<AppEnv>();

/** The list with coverage and the upload form; `errors` brings the form back with status 400. */
async function listPage(c: Ctx, errors?: FieldErrors) {
  const { db } = c.get('deps');
  if (errors) c.status(400);
  const store = c.get('locales');
  return c.render(<LanguagesPage locales={await store.all(db)} problems={store.problems} errors={errors} />, { title: c.get('t')('languages.title') });
}

languagePages.get('/admin/languages', allow('languages.manage'), (c) => listPage(c));

languagePages.post('/admin/languages', allow('languages.manage'), async (c) => {
  const body = await c.req.parseBody();
  const file = body['file'];
  const text = file instanceof File ? await file.text() : '';
  const r = await uploadLocale(c.get('deps').db, actorOf(c), text);
  if (r.ok) return c.redirect(`/admin/languages/${r.value.code}?done=uploaded`, 303);
  return listPage(c, translateFields(r.fields, c.get('t')));
});

languagePages.get('/admin/languages/keys.json', allow('languages.manage'), (c) => {
  const keys = Object.fromEntries(CITIZEN_KEYS.map((k) => [k, vietnameseOf(k) ?? '']));
  return c.body(JSON.stringify({ code: 'xxx', name: '', note: '', messages: keys }, null, 2), 200, {
    'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': 'attachment; filename="citizen-pages.vi.json"',
  });
});

languagePages.get('/admin/languages.csv', allow('languages.manage'), async (c) => {
  const t = c.get('t');
  const all = await c.get('locales').all(c.get('deps').db);
  const csv = toCsv([t('languages.col.code'), t('languages.col.name'), t('languages.col.source'), t('languages.col.translated'), t('languages.col.total'), t('languages.col.listed')],
    all.map((l) => [l.code, l.name, t(`languages.source.${l.source}`), String(l.coverage.translated), String(l.coverage.total), t(l.listed ? 'languages.yes' : 'languages.no')]));
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="ngon-ngu.csv"' });
});

languagePages.get('/admin/languages/:code', allow('languages.manage'), async (c) => {
  const locale = await c.get('locales').get(c.get('deps').db, c.req.param('code'));
  if (!locale) throw notFound();
  return c.render(<LanguageDetail locale={locale} done={c.req.query('done') === 'uploaded'} />, { title: locale.name });
});
