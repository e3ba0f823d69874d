import { Hono } from 'hono';
import { allow, can, mayEnter } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { queryValues, readForm, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { DEFAULT_ANSWER_TERMS, halfYearOf, registerState } from '../../domain/oversight/index.ts';
import { ancestorIds } from '../units/index.ts';
import { explain, scopeFor } from '../community/index.ts';
import { entryFor, filerUnit, mayFile } from './oversight.access.ts';
import { extOf, sendTable } from './oversight.export.ts';
import { answeringUnits, listRegister, provinceTerms, type RegisterRow } from './register.repository.ts';
import { answerInput, closeInput, digestQuery, entryInput, registerFilter, termInput } from './register.schema.ts';
import { addTerm, answerEntry, closeEntry, fileEntry } from './register.service.ts';
import { digestDocx, digestLines, digestSummaryTable, registerTable } from './register.digest.ts';
import { DigestPage, EntryForm, EntryPage, Filters, RegisterList, TermsPage } from './views/register.tsx';

export const registerPages = new Hono<AppEnv>();

/** The register rows the user may read with the query's filters. */
async function rowsFor(c: Ctx) {
  const f = registerFilter.parse(queryValues(c));
  return { f, rows: await listRegister(c.get('deps').db, await scopeFor(c, 'register.view'), f, localToday()) };
}

registerPages.get('/recommendations', allow('register.view'), async (c) => {
  const t = c.get('t');
  const { rows } = await rowsFor(c);
  const scope = await scopeFor(c, 'register.view');
  const q = new URLSearchParams(queryValues(c)).toString();
  return c.render(<>
    <h1>{t('register.title')}</h1>
    <p>{t('register.intro')}</p>
    <p class="actions">
      {(await mayFile(c)) && <a class="button" href="/recommendations/new">{t('register.new')}</a>}
      <a href="/recommendations/digest">{t('register.digest.link')}</a> <a href="/recommendations/terms">{t('register.terms.link')}</a>
      <a href={`/recommendations/export/csv${q ? `?${q}` : ''}`}>CSV</a> <a href={`/recommendations/export/xlsx${q ? `?${q}` : ''}`}>XLSX</a>
    </p>
    <Filters values={queryValues(c)} units={await answeringUnits(c.get('deps').db, scope)} />
    <RegisterList rows={rows} today={localToday()} />
  </>, { title: t('register.title') });
});

registerPages.get('/recommendations/export/:ext', allow('register.view'), async (c) => {
  const ext = extOf(c.req.param('ext'));
  if (!ext) throw notFound();
  const { rows } = await rowsFor(c);
  return sendTable(c, ext, `so-kien-nghi-${localToday()}`, c.get('t')('register.title'), registerTable(c.get('t'), rows));
});

const renderNew = async (c: Ctx, values: Record<string, string>, errors?: FieldErrors) => {
  if (errors) c.status(400);
  const { db } = c.get('deps');
  const front = await filerUnit(c);
  const issuer = front ? (await db.selectFrom('units').select('full_name').where('id', '=', front).executeTakeFirst())?.full_name ?? null : null;
  return c.render(<EntryForm units={await answeringUnits(db, 'all')} values={{ issuerName: issuer ?? '', ...values }} errors={errors} issuer={issuer} />, { title: c.get('t')('register.new') });
};

registerPages.get('/recommendations/new', allow('register.file'), (c) => renderNew(c, { receivedOn: formatDate(localToday()) }));

registerPages.post('/recommendations/new', allow('register.file'), async (c) => {
  const front = await filerUnit(c);
  const form = await readForm(c, entryInput);
  if (!form.ok) return renderNew(c, form.values, form.errors);
  const r = await fileEntry(c.get('deps').db, actorOf(c), form.data, front);
  if (!r.ok) return renderNew(c, form.values, explain(r.fields, c.get('t')));
  return c.redirect(`/recommendations/${r.value.id}`, 303);
});

/** The half-year (default: the current one) and its rows. */
async function digestData(c: Ctx) {
  const q = digestQuery.parse(queryValues(c));
  const cur = halfYearOf(localToday());
  const year = q.year ?? cur.year;
  const half = (q.half ?? (q.year ? 1 : cur.half)) as 1 | 2;
  const h = halfYearOf(`${year}-${half === 1 ? '01' : '07'}-01`);
  const rows = await listRegister(c.get('deps').db, await scopeFor(c, 'register.view'), { from: h.from, to: h.to }, localToday());
  return { year, half, from: h.from, to: h.to, rows };
}

registerPages.get('/recommendations/digest', allow('register.view'), async (c) => {
  const d = await digestData(c);
  return c.render(<DigestPage {...d} {...digestLines(d.rows)} today={localToday()} />, { title: c.get('t')('register.digest.title', { half: d.half, year: d.year }) });
});

registerPages.get('/recommendations/digest/:ext', allow('register.view'), async (c) => {
  const t = c.get('t');
  const ext = c.req.param('ext');
  const d = await digestData(c);
  const name = `tong-hop-kien-nghi-${d.year}-${d.half}`;
  if (ext === 'xlsx') {
    const lines = digestLines(d.rows);
    const list = registerTable(t, d.rows);
    const sum = digestSummaryTable(t, lines);
    return sendTable(c, 'xlsx', name, t('register.digest.title', { half: d.half, year: d.year }), { head: sum.head, rows: [...sum.rows, [], list.head, ...list.rows] });
  }
  if (ext !== 'docx') throw notFound();
  const { db } = c.get('deps');
  const body = await db.selectFrom('units').select('full_name').where('key', 'like', 'body:%:noi-vu').where('valid_to', 'is', null).executeTakeFirst();
  const issuer = body?.full_name ?? 'Sở Nội vụ';
  const buf = await digestDocx({ t, issuer, place: issuer.replace(/^Sở Nội vụ\s*(tỉnh|thành phố)?\s*/i, '') || 'Gia Lai', date: localToday(), ...d });
  return c.body(new Uint8Array(buf), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Content-Disposition': `attachment; filename="${name}.docx"`, 'Cache-Control': 'no-store' });
});

async function renderTerms(c: Ctx, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  if (form?.errors) c.status(400);
  const own = await provinceTerms(c.get('deps').db);
  const terms = [...own.map((x) => ({ ...x, own: true })), ...DEFAULT_ANSWER_TERMS.map((x) => ({ ...x, own: false }))];
  return c.render(<TermsPage terms={terms} canConfigure={mayEnter(c.get('user'), 'register.configure')} errors={form?.errors} values={form?.values ?? { unit: 'calendar-days' }} />, { title: c.get('t')('register.terms.title') });
}

registerPages.get('/recommendations/terms', allow('register.view'), (c) => renderTerms(c));

registerPages.post('/recommendations/terms', allow('register.configure'), async (c) => {
  const form = await readForm(c, termInput);
  if (!form.ok) return renderTerms(c, form);
  await addTerm(c.get('deps').db, actorOf(c), form.data);
  return c.redirect('/recommendations/terms', 303);
});

/** An entry page with the answer and close forms the user may use. */
async function renderEntry(c: Ctx, id: string, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  const { db } = c.get('deps');
  const e = await entryFor(c, 'register.view', id);
  const unit = await db.selectFrom('units').select('full_name').where('id', '=', e.assignee_unit_id).executeTakeFirstOrThrow();
  const row = { state: registerState({ answerDue: e.answer_due, answeredOn: e.answered_on, closedOn: e.closed_on }, localToday()), answerDue: e.answer_due, answeredOn: e.answered_on } as RegisterRow;
  if (form?.errors) c.status(400);
  return c.render(<EntryPage e={e} row={row} unitName={unit.full_name} today={localToday()} canAnswer={await can(c.get('user'), 'register.answer', e.assignee_unit_id, (x) => ancestorIds(db, x))}
    canClose={await mayFile(c)} errors={form?.errors} values={form?.values} />, { title: e.subject });
}

registerPages.get('/recommendations/:id', allow('register.view'), (c) => renderEntry(c, c.req.param('id')));

registerPages.post('/recommendations/:id/answer', allow('register.answer'), async (c) => {
  const e = await entryFor(c, 'register.answer', c.req.param('id'));
  const form = await readForm(c, answerInput);
  if (!form.ok) return renderEntry(c, e.id, form);
  const r = await answerEntry(c.get('deps').db, actorOf(c), e.id, form.data);
  if (!r.ok) return renderEntry(c, e.id, { errors: explain(r.fields, c.get('t')), values: form.values });
  return c.redirect(`/recommendations/${e.id}`, 303);
});

registerPages.post('/recommendations/:id/close', allow('register.close'), async (c) => {
  const e = await entryFor(c, 'register.view', c.req.param('id'));
  await filerUnit(c);
  const form = await readForm(c, closeInput);
  if (!form.ok) return renderEntry(c, e.id, form);
  const r = await closeEntry(c.get('deps').db, actorOf(c), e.id, form.data);
  if (!r.ok) return renderEntry(c, e.id, { errors: explain(r.fields, c.get('t')), values: form.values });
  return c.redirect(`/recommendations/${e.id}`, 303);
});

