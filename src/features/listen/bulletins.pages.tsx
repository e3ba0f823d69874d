import { Hono } from 'hono';
import { allow, authorize, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { ancestorIds, getUnit, unitIdsInScope } from '../units/index.ts';
import { disclosureSpeech, subjectsIn } from './listen.subjects.ts';
import { makeBulletin, type BulletinItem } from './listen.service.ts';
import { sendAudio } from './listen.pages.tsx';
import { BulletinForm, BulletinPage } from './views/bulletins.tsx';

export const bulletinPages = new Hono<AppEnv>();

/** The assembly form: the disclosures now posted in the user's units, to tick. */
async function formPage(c: Ctx, values: Record<string, string | string[]> = {}, errors?: FieldErrors) {
  const { db } = c.get('deps');
  if (errors) c.status(400);
  const items = (await subjectsIn(db, await unitIdsInScope(db, scopeOf(c.get('user'), 'listen.bulletin')))).filter((s) => s.type === 'disclosure');
  return c.render(<BulletinForm items={items} values={values} errors={errors} />, { title: c.get('t')('listen.bulletin.new') });
}

bulletinPages.get('/listen/bulletins/new', allow('listen.bulletin'), (c) => formPage(c));

bulletinPages.post('/listen/bulletins/new', allow('listen.bulletin'), async (c) => {
  const { db, config } = c.get('deps');
  const body = await c.req.parseBody({ all: true });
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
  const ids = ([] as unknown[]).concat(body.items ?? []).filter((v): v is string => typeof v === 'string').slice(0, 20);
  const values = { title: str('title'), intro: str('intro'), items: ids };
  const fields: Record<string, string> = {};
  if (!values.title || values.title.length > 200) fields.title = 'listen.error.title';
  if (values.intro.length > 1000) fields.intro = 'listen.error.intro';
  const items = (await Promise.all(ids.map((id) => disclosureSpeech(db, id)))).map((s, i) => s && { type: 'disclosure' as const, id: ids[i], unitId: s.unitId, title: s.title, text: s.text });
  const unitId = items[0]?.unitId;
  if (!items.length || items.some((i) => !i) || items.some((i) => i!.unitId !== unitId)) fields.items = 'listen.error.items';
  if (Object.keys(fields).length || !unitId) return formPage(c, values, translateFields(fields, c.get('t')));
  await authorize(c.get('user'), 'listen.bulletin', unitId, (id) => ancestorIds(db, id));
  const unit = await getUnit(db, unitId);
  const intro = values.intro || c.get('t')('listen.bulletin.defaultIntro', { unit: unit?.fullName ?? '' });
  const r = await makeBulletin(db, config.dataDir, actorOf(c), { unitId, title: values.title, intro, items: items as (BulletinItem & { unitId: string })[] });
  if (!r.ok) return formPage(c, values, translateFields(r.fields, c.get('t')));
  return c.redirect(`/listen/bulletins/${r.value}`, 303);
});

/** A bulletin the user may hear (its unit in scope), or 404 / 403. */
async function bulletinOf(c: Ctx) {
  const { db } = c.get('deps');
  const b = await db.selectFrom('audio_bulletins').selectAll().where('id', '=', c.req.param('id') ?? '').executeTakeFirst();
  if (!b) throw notFound();
  await authorize(c.get('user'), 'listen.bulletin', b.unit_id, (id) => ancestorIds(db, id));
  return b;
}

bulletinPages.get('/listen/bulletins/:id{[0-9a-f-]{36}}', allow('listen.bulletin'), async (c) => {
  const b = await bulletinOf(c);
  return c.render(<BulletinPage b={b} unitName={(await getUnit(c.get('deps').db, b.unit_id))?.fullName ?? ''} />, { title: b.title });
});

bulletinPages.get('/listen/bulletins/:id{[0-9a-f-]{36}}/audio.ogg', allow('listen.bulletin'), async (c) => {
  const b = await bulletinOf(c);
  return sendAudio(c, c.get('deps').config.dataDir, b.file_name, 'audio/ogg', `ban-tin-loa-${b.created_at.slice(0, 10)}.ogg`);
});
