import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { HttpError, forbidden } from '../../platform/http/errors.ts';
import { conflictError, conflictResponse, lockVersionMember } from '../../platform/http/concurrency.ts';
import { validationError } from '../../platform/http/validate.ts';
import { ErrorSchema } from '../auth/index.ts';
import { getUnit } from '../units/index.ts';
import { assertRead, assertSubmit, assertWrite, loadPeriod, loadTarget, mayReview, visibleUnits } from './reports.access.ts';
import { aggregatePeriod } from './reports.aggregate.ts';
import { aggregateDocx, aggregateXlsx, unitReportDocx } from './reports.documents.ts';
import { listPeriods, periodStatuses, reportView, REPORT_STATUSES } from './reports.repository.ts';
import { draftInput, returnInput } from './reports.schema.ts';
import { acceptReport, returnReport, saveDraft, submitReport } from './reports.service.ts';
import { PERIOD_KINDS } from './reports.regime.ts';
import { compilationInput, getCompilation, issueCompilation, saveCompilation, type CompilationInput } from './reports.compilation.ts';
import { dateField } from '../units/units.schema.ts';
import type { Period, Regime, ReportView } from './reports.repository.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown period or unit') };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const PeriodSchema = z.object({ id: z.string(), regimeId: z.string(), title: z.string(), kind: z.enum(PERIOD_KINDS as [string, ...string[]]), from: z.string(), to: z.string(), due: z.string(), dueMode: z.enum(['by', 'before']), lastDay: z.string() }).openapi('ReportPeriod');
const Status = z.enum(REPORT_STATUSES as [string, ...string[]]);
const ReportSchema = z.object({
  status: Status,
  lockVersion: z.number().int().openapi({ description: 'Send it back with the next PUT (optimistic concurrency; every save, sending, return and acceptance moves it on)' }),
  indicators: z.array(z.object({ code: z.string(), value: z.number().nullable(), computed: z.number().nullable(), overrideReason: z.string().nullable() })),
  sections: z.array(z.object({ key: z.string(), title: z.string(), text: z.string() })),
}).openapi('Report');
const Ok = z.object({ status: Status, lockVersion: z.number().int() });
const pp = z.object({ periodId: z.string().max(64), unitId: z.string().max(64) });

export const reportsApi = apiRouter();

reportsApi.openapi(
  createRoute({ method: 'get', path: '/report-periods', middleware: [allow('reports.view')] as const, responses: { 200: json(z.object({ items: z.array(PeriodSchema) }), 'Reporting periods'), ...errors } }),
  async (c) => c.json({ items: await listPeriods(c.get('deps').db) }, 200),
);

reportsApi.openapi(
  createRoute({
    method: 'get', path: '/report-periods/{id}/reports', middleware: [allow('reports.view')] as const, request: { params: z.object({ id: z.string().max(64) }) },
    responses: { 200: json(z.object({ items: z.array(z.object({ unitId: z.string(), status: Status, submittedAt: z.string().nullable(), late: z.boolean() })) }), 'Status of each reporting unit (own unit only for unit roles)'), ...errors },
  }),
  async (c) => {
    const { db } = c.get('deps');
    const { period } = await loadPeriod(db, c.req.valid('param').id);
    const items = await periodStatuses(db, period, await visibleUnits(db, c.get('user')));
    return c.json({ items: items.map((s) => ({ unitId: s.unitId, status: s.status, submittedAt: s.submittedAt, late: s.late })) }, 200);
  },
);

const AggregateSchema = z.object({
  indicators: z.array(z.object({ code: z.string(), label: z.string(), total: z.number().nullable(), byUnitKind: z.record(z.string(), z.number().nullable()) })),
  submitted: z.number(), accepted: z.number(), missing: z.array(z.string()), late: z.array(z.string()),
}).openapi('ReportAggregate');

reportsApi.openapi(
  createRoute({ method: 'get', path: '/report-periods/{id}/aggregate', middleware: [allow('reports.aggregate')] as const, request: { params: z.object({ id: z.string().max(64) }) }, responses: { 200: json(AggregateSchema, 'Province-wide totals over submitted and accepted reports'), ...errors } }),
  async (c) => {
    const { db } = c.get('deps');
    const { period, regime } = await loadPeriod(db, c.req.valid('param').id);
    const a = await aggregatePeriod(db, period, regime);
    return c.json({ indicators: a.indicators.map((i) => ({ code: i.code, label: i.label, total: i.total, byUnitKind: i.byUnitKind })), submitted: a.submitted, accepted: a.accepted, missing: a.missing, late: a.late }, 200);
  },
);

const fileName = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/** Downloads (plain routes so the `.docx`/`.xlsx` suffix can follow a parameter). */
export async function aggregateFile(c: Ctx, id: string, ext: 'docx' | 'xlsx') {
  const { db } = c.get('deps');
  const { period, regime } = await loadPeriod(db, id);
  const agg = await aggregatePeriod(db, period, regime, { narrative: ext === 'docx' });
  const buf = ext === 'docx' ? await aggregateDocx(period, regime, agg, undefined, await getCompilation(db, regime, period.id, async () => agg)) : await aggregateXlsx(period, agg);
  return c.body(new Uint8Array(buf), 200, { 'Content-Type': ext === 'docx' ? DOCX : XLSX, 'Content-Disposition': `attachment; filename="tong-hop-${fileName(period.title)}.${ext}"` });
}

export async function reportFile(c: Ctx, periodId: string, unitId: string) {
  const { db } = c.get('deps');
  const { period, regime } = await loadTarget(db, periodId, unitId);
  const view = await reportView(db, period, regime, unitId);
  await assertRead(db, c.get('user'), unitId, view.status);
  const unit = (await getUnit(db, unitId))!;
  const buf = await unitReportDocx(period, regime, unit, view);
  return c.body(new Uint8Array(buf), 200, { 'Content-Type': DOCX, 'Content-Disposition': `attachment; filename="bao-cao-${fileName(unit.fullName)}-${fileName(period.title)}.docx"` });
}

reportsApi.get('/report-periods/:id/aggregate.docx', allow('reports.aggregate'), (c) => aggregateFile(c, c.req.param('id'), 'docx'));
reportsApi.get('/report-periods/:id/aggregate.xlsx', allow('reports.aggregate'), (c) => aggregateFile(c, c.req.param('id'), 'xlsx'));
reportsApi.get('/reports/:periodId/:file{[^/]+\\.docx}', allow('reports.view'), (c) => reportFile(c, c.req.param('periodId'), c.req.param('file').replace(/\.docx$/, '')));

reportsApi.openapi(
  createRoute({ method: 'get', path: '/reports/{periodId}/{unitId}', middleware: [allow('reports.view')] as const, request: { params: pp }, responses: { 200: json(ReportSchema, "A unit's report (computed values prefilled)"), ...errors } }),
  async (c) => {
    const { db } = c.get('deps');
    const { periodId, unitId } = c.req.valid('param');
    const { period, regime } = await loadTarget(db, periodId, unitId);
    const v = await reportView(db, period, regime, unitId);
    await assertRead(db, c.get('user'), unitId, v.status);
    return c.json(reportJson(v), 200);
  },
);

const reportJson = (v: ReportView) => ({ status: v.status, lockVersion: v.lockVersion, indicators: v.indicators, sections: v.sections.map((s) => ({ key: s.key, title: s.title, text: s.text })) });
const conflict = () => new HttpError(409, 'conflict', 'reports.error.state');
const stateResult = async (c: Ctx, periodId: string, unitId: string, r: { ok: boolean; error?: string; fields?: Record<string, string> }) => {
  const { db } = c.get('deps');
  const { period, regime } = await loadTarget(db, periodId, unitId);
  if (!r.ok && (r.error === 'conflict' || r.error === 'state')) {
    // Stale version, or no longer editable: both 409 with the report as it now is (a draft save needs its current lockVersion).
    const now = await reportView(db, period, regime, unitId);
    if (r.error === 'state') throw new HttpError(409, 'conflict', 'reports.error.state', undefined, undefined, { currentVersion: now.lockVersion, current: reportJson(now) });
    throw conflictError(c.get('t'), now.lockVersion, reportJson(now));
  }
  if (!r.ok) throw validationError(Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, v]) => [k, c.get('t')(v)])));
  const v = await reportView(db, period, regime, unitId);
  return c.json({ status: v.status, lockVersion: v.lockVersion }, 200);
};

reportsApi.openapi(
  createRoute({
    method: 'put', path: '/reports/{periodId}/{unitId}', middleware: [allow('reports.write')] as const,
    request: { params: pp, body: { content: { 'application/json': { schema: draftInput.extend({ lockVersion: lockVersionMember }) } } } },
    responses: { 200: json(Ok, 'Draft saved; `lockVersion` is the new version'), 400: json(ErrorSchema, 'Invalid values (an override needs a reason; `lockVersion` missing)'), 409: { ...conflictResponse[409], description: `${conflictResponse[409].description}. Also when the report is no longer editable (submitted or accepted).` }, ...errors },
  }),
  async (c) => {
    const { db } = c.get('deps');
    const { periodId, unitId } = c.req.valid('param');
    const { period, regime } = await loadTarget(db, periodId, unitId);
    await assertWrite(db, c.get('user'), unitId);
    const { lockVersion, ...input } = c.req.valid('json');
    return stateResult(c, periodId, unitId, await saveDraft(db, actorOf(c), period, regime, unitId, input, lockVersion));
  },
);

const action = (name: 'submit' | 'accept', permission: string, description: string) => reportsApi.openapi(
  createRoute({ method: 'post', path: `/reports/{periodId}/{unitId}/${name}`, middleware: [allow(permission)] as const, request: { params: pp }, responses: { 200: json(Ok, description), 409: json(ErrorSchema, 'Not allowed in the current state'), ...errors } }),
  async (c) => {
    const { db } = c.get('deps');
    const { periodId, unitId } = c.req.valid('param');
    const { period } = await loadTarget(db, periodId, unitId);
    if (name === 'submit') await assertSubmit(db, c.get('user'), unitId);
    else if (!(await mayReview(c.get('user')))) throw forbidden();
    const r = name === 'submit' ? await submitReport(db, actorOf(c), period, unitId) : await acceptReport(db, actorOf(c), period, unitId);
    return stateResult(c, periodId, unitId, r);
  },
);
action('submit', 'reports.submit', 'Sent by the unit head');
action('accept', 'reports.review', 'Accepted by the coordinator');

reportsApi.openapi(
  createRoute({
    method: 'post', path: '/reports/{periodId}/{unitId}/return', middleware: [allow('reports.review')] as const,
    request: { params: pp, body: { content: { 'application/json': { schema: returnInput } } } },
    responses: { 200: json(Ok, 'Returned for revision with comments'), 400: json(ErrorSchema, 'Comment missing'), 409: json(ErrorSchema, 'Not allowed in the current state'), ...errors },
  }),
  async (c) => {
    const { db } = c.get('deps');
    const { periodId, unitId } = c.req.valid('param');
    const { period } = await loadTarget(db, periodId, unitId);
    return stateResult(c, periodId, unitId, await returnReport(db, actorOf(c), period, unitId, c.req.valid('json')));
  },
);

const CompilationSchema = z.object({
  status: z.enum(['none', 'draft', 'issued']), number: z.number().nullable(), signedOn: z.string().nullable(), signerName: z.string(), intro: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), text: z.string() })),
}).openapi('ProvincialReport');
const idParam = z.object({ id: z.string().max(64) });

/** The provincial report of a period: saved draft or issued text, else the text compiled from the counted unit reports now. */
reportsApi.openapi(
  createRoute({ method: 'get', path: '/report-periods/{id}/provincial', middleware: [allow('reports.aggregate')] as const, request: { params: idParam }, responses: { 200: json(CompilationSchema, 'The provincial report compiled from the unit reports (draft or issued)'), ...errors } }),
  async (c) => {
    const { db } = c.get('deps');
    const { period, regime } = await loadPeriod(db, c.req.valid('param').id);
    const k = await getCompilation(db, regime, period.id, () => aggregatePeriod(db, period, regime, { narrative: true }));
    return c.json({ status: k.status, number: k.number, signedOn: k.signedOn, signerName: k.signerName, intro: k.intro, sections: k.sections.map((s) => ({ key: s.key, title: s.title, text: s.text })) }, 200);
  },
);

/** JSON body → service input; sections not sent keep the text saved (or compiled) now. */
async function compilationBody(c: Ctx, db: Parameters<typeof getCompilation>[0], period: Period, regime: Regime, body: z.infer<typeof compilationInput>): Promise<CompilationInput> {
  let signedOn: string | null = null;
  if (body.signedOn) {
    const d = dateField.safeParse(body.signedOn.includes('-') ? body.signedOn.split('-').reverse().join('/') : body.signedOn);
    if (!d.success) throw validationError({ signedOn: c.get('t')('validation.date') });
    signedOn = d.data;
  }
  const current = await getCompilation(db, regime, period.id, () => aggregatePeriod(db, period, regime, { narrative: true }));
  const sections = Object.fromEntries(current.sections.map((s) => [s.key, s.text]));
  for (const s of body.sections) sections[s.key] = s.text;
  return { intro: body.intro || current.intro, sections, number: body.number, signedOn, signerName: body.signerName };
}

for (const [method, path, description] of [['put', '/report-periods/{id}/provincial', 'Draft saved'], ['post', '/report-periods/{id}/provincial/issue', 'Issued under its number']] as const) {
  reportsApi.openapi(
    createRoute({
      method, path, middleware: [allow('reports.review')] as const, request: { params: idParam, body: { content: { 'application/json': { schema: compilationInput } } } },
      responses: { 200: json(z.object({ status: z.enum(['draft', 'issued']) }), description), 400: json(ErrorSchema, 'Invalid (number, date and signer required to issue; number already used this year)'), 409: json(ErrorSchema, 'Already issued'), ...errors },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const { period, regime } = await loadPeriod(db, c.req.valid('param').id);
      const input = await compilationBody(c, db, period, regime, c.req.valid('json'));
      const r = method === 'put' ? await saveCompilation(db, actorOf(c), period, regime, input) : await issueCompilation(db, actorOf(c), period, regime, input);
      if (!r.ok && r.error === 'state') throw conflict();
      if (!r.ok) throw validationError(Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, v]) => [k, c.get('t')(v)])));
      return c.json({ status: method === 'put' ? 'draft' as const : 'issued' as const }, 200);
    },
  );
}
