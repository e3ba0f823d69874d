import { Hono } from 'hono';
import { allow, can, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { sendFile } from '../../platform/files/index.ts';
import { inTransaction, record } from '../../platform/audit/index.ts';
import { formValues, fieldErrors, translateFields } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ancestorIds, findUnits, unitIdsInScope } from '../units/index.ts';
import { circularRisks, getPetition, listPetitions, type PetitionRow } from './petitions.repository.ts';
import { filledTemplate } from './petitions.settings.ts';
import type { TemplateStatus } from '../../domain/petitions/index.ts';
import { acceptInput, classifyInput, extendInput, extendTriageInput, forwardInput, listQuery, receiveInput, resolveInput, resumeInput, revealInput, suspendInput, withdrawInput } from './petitions.schema.ts';
import { noticeSent, receive, resume, suspend, withdraw } from './petitions.steps.ts';
import { noticeDocx } from './petitions.notices.ts';
import { dialogueInput, dialogueMinutesInput, noticeSentInput, NOTICES } from './petitions.schema.ts';
import { recordDialogue, scheduleDialogue } from './petitions.dialogue.ts';
import { dialogueDocx } from './petitions.notices.ts';
import { accept, classify, extend, extendTriage, forward, mayHandle, mayReveal, resolve, reveal } from './petitions.flow.ts';
import { caseView, isOverdue } from './petitions.present.ts';
import { flowError } from './petitions.api.ts';
import { CaseDetail, CaseList, type StepForm } from './views/staff.tsx';
import { Notice, Pagination } from '../../platform/views/components.tsx';
import { pageNumber } from '../../platform/http/pagination.ts';

export const staffPages = new Hono<AppEnv>();

async function names(c: Ctx, ids: string[]) {
  const rows = ids.length ? await c.get('deps').db.selectFrom('units').select(['id', 'full_name']).where('id', 'in', [...new Set(ids)]).execute() : [];
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** Cases per page of the staff list (a search may match thousands; the exports stay complete). */
const CASES_PAGE = 50;

staffPages.get('/petitions', allow('petitions.view'), async (c) => {
  const { db } = c.get('deps');
  const units = await unitIdsInScope(db, scopeOf(c.get('user'), 'petitions.view'));
  const lq = listQuery.safeParse(c.req.query());
  const f = lq.success ? lq.data : {};
  const page = pageNumber(c.req.query('page'));
  const found = await listPetitions(db, { ...f, units, overdue: f.overdue === 'true' || f.overdue === '1', limit: CASES_PAGE + 1, offset: (page - 1) * CASES_PAGE });
  const rows = found.slice(0, CASES_PAGE);
  const risks = await circularRisks(db, units);
  const n = await names(c, [...rows.map((r) => r.handling_unit_id), ...risks.flatMap((r) => r.units)]);
  // The filters typed, kept in the export and page links (the page number is not a filter).
  const filters = Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Record<string, string>;
  const sent = /^PA-[A-Z0-9]{8}$/.test(c.req.query('sent') ?? '') ? c.req.query('sent') : null;
  return c.render(<>
    {sent && <Notice>{c.get('t')('petitions.sentAway', { code: sent })}</Notice>}
    <CaseList query={Object.keys(filters).length ? `?${new URLSearchParams(filters)}` : ''} rows={rows.map((r) => ({ ...r, overdue: isOverdue(r), unitName: n.get(r.handling_unit_id) ?? '' }))} risks={risks.map((r) => ({ ...r, names: r.units.map((u) => n.get(u) ?? u) }))}
      pager={(page > 1 || found.length > CASES_PAGE) && <Pagination page={page} hasNext={found.length > CASES_PAGE} baseQuery={filters} />} />
  </>, { title: c.get('t')('petitions.title') });
});

async function viewable(c: Ctx) {
  const { db } = c.get('deps');
  const p = await getPetition(db, c.req.param('id') ?? '');
  if (!p || !(await can(c.get('user'), 'petitions.view', p.handling_unit_id, (u) => ancestorIds(db, u)))) throw notFound();
  return p;
}

/** The case page (optionally with a step form that failed validation, values kept). */
async function detail(c: Ctx, p: PetitionRow, form?: StepForm) {
  const { db } = c.get('deps');
  const t = c.get('t');
  const view = await caseView(db, p);
  const n = await names(c, [p.handling_unit_id, ...view.forwards.flatMap((f) => [f.fromUnitId, f.toUnitId])]);
  const units = (await findUnits(db, { at: localToday() })).filter((u) => ['province-committee', 'department', 'commune-committee'].includes(u.kind)).map((u): [string, string] => [u.id, u.fullName]);
  const code = c.req.query('code');
  const key = c.req.query('key');
  const unitName = n.get(p.handling_unit_id) ?? '';
  const template = await filledTemplate(db, p, p.status as TemplateStatus, t, unitName);
  const resolveTemplate = await filledTemplate(db, p, 'resolved', t, unitName);
  return c.render(<>{code && key && <Notice>{t('petitions.newCode', { code, key })}</Notice>}<CaseDetail p={view} names={n} units={units} form={form} template={template} resolveTemplate={resolveTemplate}
    canHandle={await mayHandle(db, c.get('user'), p.handling_unit_id)} canReveal={await mayReveal(db, c.get('user'), p)} /></>, { title: p.tracking_code });
}

staffPages.get('/petitions/:id', allow('petitions.view'), async (c) => detail(c, await viewable(c)));

/**
 * A scan of the original. For a sealed case the scans are the denouncer's handwriting: only the people
 * who may reveal the identity get them, and each download is audited like a reveal.
 */
staffPages.get('/petitions/:id/files/:fileId', allow('petitions.view'), async (c) => {
  const p = await viewable(c);
  const fileId = c.req.param('fileId');
  if (!(JSON.parse(p.files) as string[]).includes(fileId)) throw notFound();
  const { db, config } = c.get('deps');
  if (p.sealed) {
    if (!(await mayReveal(db, c.get('user'), p))) throw forbidden();
    await inTransaction(db, (trx) => record(trx, actorOf(c), { action: 'petitions.reveal', subjectType: 'petition', subjectId: p.id, unitId: p.handling_unit_id, changes: { reason: 'scan download', fileId } }));
  }
  return sendFile(c, db, config.dataDir, fileId);
});

staffPages.post('/petitions/:id/reveal', allow('petitions.reveal'), async (c) => {
  const p = await viewable(c);
  const values = await formValues(c);
  const parsed = revealInput.safeParse(values);
  if (!parsed.success) {
    c.status(400);
    return detail(c, p, { name: 'reveal', values, errors: fieldErrors(parsed.error, c.get('t')) });
  }
  const r = await reveal(c.get('deps').db, actorOf(c), c.get('user'), p.id, parsed.data.reason);
  if (!r.ok) throw r.error === 'not_found' ? notFound() : flowError(c, { ok: false, error: 'forbidden' });
  const s = r.value;
  return c.render(<><h1>{p.tracking_code}</h1><dl class="summary" id="revealed">{s && Object.entries(s).map(([k, v]) => <><dt>{k}</dt><dd>{v ?? '—'}</dd></>)}</dl><p><a href={`/petitions/${p.id}`}>←</a></p></>, { title: p.tracking_code });
});

const steps = {
  classify: [classifyInput, (c: Ctx, id: string, i: never) => classify(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  forward: [forwardInput, (c: Ctx, id: string, i: never) => forward(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  accept: [acceptInput, (c: Ctx, id: string, i: never) => accept(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  extend: [extendInput, (c: Ctx, id: string, i: never) => extend(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  resolve: [resolveInput, (c: Ctx, id: string, i: never) => resolve(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  'extend-triage': [extendTriageInput, (c: Ctx, id: string, i: never) => extendTriage(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  receive: [receiveInput, (c: Ctx, id: string, i: never) => receive(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  suspend: [suspendInput, (c: Ctx, id: string, i: never) => suspend(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  resume: [resumeInput, (c: Ctx, id: string, i: never) => resume(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  withdraw: [withdrawInput, (c: Ctx, id: string, i: never) => withdraw(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  dialogue: [dialogueInput, (c: Ctx, id: string, i: never) => scheduleDialogue(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  'dialogue-minutes': [dialogueMinutesInput, (c: Ctx, id: string, i: never) => recordDialogue(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
} as const;

/** The form's one row of an excluded period (LKN Art. 9) as the API's array; an empty row is none. */
function excludedRow(v: Record<string, string>) {
  const row = { from: v.excludedFrom ?? '', to: v.excludedTo ?? '', reason: v.excludedReason ?? '', evidence: v.excludedEvidence ?? '' };
  return { excluded: row.from || row.to || row.evidence ? [row] : [] };
}

for (const [name, [schema, run]] of Object.entries(steps)) {
  staffPages.post(`/petitions/:id/${name}`, allow('petitions.handle'), async (c) => {
    const p = await viewable(c);
    const values = await formValues(c);
    const all = await c.req.parseBody({ all: true });
    const input = { ...values, ...(Array.isArray(all.areas) ? { areas: all.areas } : {}), ...(Array.isArray(all.criteria) ? { criteria: all.criteria } : {}), ...excludedRow(values) }; // several checkboxes
    const parsed = schema ? schema.safeParse(input) : { success: true as const, data: {} };
    if (!parsed.success) {
      c.status(400);
      const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error, c.get('t'))).map(([k, m]) => [k.replace(/^excluded\.0\.(\w)/, (_, ch: string) => `excluded${ch.toUpperCase()}`), m]));
      return detail(c, p, { name, values, errors });
    }
    const r = await run(c, p.id, parsed.data as never);
    if (!r.ok && r.fields && (r.error === 'unit_missing' || r.error === 'forward_loop' || r.error === 'forward_once' || r.error === 'same_unit' || r.error === 'not_complex' || r.error === 'not_especially_complex' || r.error === 'invalid_date' || r.error === 'dialogue_required')) {
      c.status(r.error === 'unit_missing' || r.error === 'not_complex' || r.error === 'invalid_date' ? 400 : 409);
      return detail(c, p, { name, values, errors: translateFields(r.fields, c.get('t')) });
    }
    if (!r.ok) throw flowError(c, r);
    // After a forward the case may have left the caller's scope: back to the list, with a notice.
    const { db } = c.get('deps');
    const now = await getPetition(db, p.id);
    if (now && !(await can(c.get('user'), 'petitions.view', now.handling_unit_id, (u) => ancestorIds(db, u)))) return c.redirect(`/petitions?sent=${encodeURIComponent(p.tracking_code)}`, 303);
    return c.redirect(`/petitions/${p.id}`, 303);
  });
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A notice of the case as a Decree 30 DOCX (draft until its dispatch is recorded). */
staffPages.get('/petitions/:id/notices/:file', allow('petitions.view'), async (c) => {
  const p = await viewable(c);
  const notice = (c.req.param('file') ?? '').replace(/\.docx$/, '');
  const unit = await c.get('deps').db.selectFrom('units').select('full_name').where('id', '=', p.handling_unit_id).executeTakeFirst();
  const doc = (NOTICES as readonly string[]).includes(notice) ? noticeDocx(p, notice, unit?.full_name ?? '') : null;
  if (!doc) throw notFound();
  return c.body(new Uint8Array(await doc), 200, { 'Content-Type': DOCX, 'Content-Disposition': `attachment; filename="${notice}-${p.tracking_code}.docx"` });
});

/** The minutes of the complaint dialogue as a Decree 30 DOCX (Mẫu 14 content: participants, content, opinions, outcome). */
staffPages.get('/petitions/:id/dialogue.docx', allow('petitions.view'), async (c) => {
  const p = await viewable(c);
  const unit = await c.get('deps').db.selectFrom('units').select('full_name').where('id', '=', p.handling_unit_id).executeTakeFirst();
  const doc = dialogueDocx(p, unit?.full_name ?? '');
  if (!doc) throw notFound();
  return c.body(new Uint8Array(await doc), 200, { 'Content-Type': DOCX, 'Content-Disposition': `attachment; filename="doi-thoai-${p.tracking_code}.docx"` });
});

/** Records the dispatch of a notice (date and number written on it). */
staffPages.post('/petitions/:id/notices/:notice/sent', allow('petitions.handle'), async (c) => {
  const p = await viewable(c);
  const notice = c.req.param('notice') ?? '';
  if (!(NOTICES as readonly string[]).includes(notice)) throw notFound();
  const values = await formValues(c);
  const parsed = noticeSentInput.safeParse(values);
  const name = `notice-${notice}`;
  if (!parsed.success) { c.status(400); return detail(c, p, { name, values, errors: fieldErrors(parsed.error, c.get('t')) }); }
  const r = await noticeSent(c.get('deps').db, actorOf(c), c.get('user'), p.id, { ...parsed.data, notice });
  if (!r.ok && r.error === 'invalid_date') { c.status(400); return detail(c, p, { name, values, errors: translateFields(r.fields, c.get('t')) }); }
  if (!r.ok) throw flowError(c, r);
  return c.redirect(`/petitions/${p.id}#notices`, 303);
});
