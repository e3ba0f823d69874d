import { Hono } from 'hono';
import { z } from 'zod';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formValues, readForm, translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { unitNames } from '../units/index.ts';
import { dateField } from '../units/units.schema.ts';
import { loadPeriod, mayReview, visibleUnits } from './reports.access.ts';
import { aggregatePeriod } from './reports.aggregate.ts';
import { aggregateFile } from './reports.api.ts';
import { aggregateCsv } from './reports.documents.ts';
import { listPeriods, listRegimes, getRegime, periodAxisLabel, periodStatuses, sameKindHistory, type Period } from './reports.repository.ts';
import { createPeriod, periodProblem, updatePeriod } from './reports.service.ts';
import { DUE_MODES, type DueMode } from '../../domain/reporting/index.ts';
import { PERIOD_KINDS, type PeriodKind } from './reports.regime.ts';
import { Dashboard, PeriodList, RegimePage, type TimelinessPoint } from './views/period.tsx';
import { unitReportPages } from './reports.unit-pages.tsx';
import { autosaveJs } from './views/assets.ts';
import { ProvincialPage } from './views/provincial.tsx';
import { ExportPage } from './views/export.tsx';
import { AGGREGATE_PAGE, AggregatePage } from './views/aggregate.tsx';
import { pageNumber } from '../../platform/http/pagination.ts';
import { EXPORT_FORMATS, EXPORT_MIME, getExport, requestExport, type ExportFormat } from './reports.exports.ts';
import { validationError } from '../../platform/http/validate.ts';
import { compilationFromForm, getCompilation, issueCompilation, recompile, saveCompilation } from './reports.compilation.ts';
import type { Db } from '../../platform/db/index.ts';

export const reportsPages = new Hono<AppEnv>();

const stateError = (c: Ctx) => { c.status(409); c.header('x-coso-no-change', '1'); };

/** The autosave script (progressive enhancement; the CSP allows scripts from 'self' only, never inline). */
reportsPages.get('/reports/autosave.js', allow('public'), (c) => autosaveJs.serve(c));

reportsPages.get('/reports', allow('reports.view'), async (c) => {
  const { db } = c.get('deps');
  const periods = await listPeriods(db);
  const scope = await visibleUnits(db, c.get('user'));
  const mine = scope === 'all' ? [] : await (async () => {
    const reporting = new Set((await db.selectFrom('report_period_units').select('unit_id').where('unit_id', 'in', scope.length ? scope : ['-']).execute()).map((r) => r.unit_id));
    const names = await unitNames(db, [...reporting]);
    return [...reporting].map((unitId) => ({ unitId, unitName: names.get(unitId)?.fullName ?? unitId }));
  })();
  return c.render(<PeriodList periods={periods} regimes={await listRegimes(db)} mine={mine} />, { title: c.get('t')('reports.title') });
});

async function renderRegime(c: Ctx, id: string, extra: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
  const { db } = c.get('deps');
  const regime = await getRegime(db, id);
  if (!regime) throw notFound();
  const periods = (await listPeriods(db)).filter((p) => p.regimeId === regime.id);
  const n = periods[0] ? (await db.selectFrom('report_period_units').select((e) => e.fn.countAll<number>().as('n')).where('period_id', '=', periods[0].id).executeTakeFirst())?.n : 0;
  return c.render(<RegimePage regime={regime} periods={periods} unitCount={Number(n ?? 0)} canManage={await can(c.get('user'), 'reports.manage')} values={extra.values ?? { kind: 'adhoc' }} errors={extra.errors} />, { title: regime.name });
}

reportsPages.get('/report-regimes/:id', allow('reports.view'), (c) => renderRegime(c, c.req.param('id')));

/** A new period of a regime (e.g. an ad hoc report): its reporting units are the regime's unit kinds valid today. */
const dueMode = z.enum(DUE_MODES as [DueMode, ...DueMode[]]).default('by');
const newPeriodForm = z.object({ title: z.string().trim().min(1).max(300), kind: z.enum(PERIOD_KINDS as [PeriodKind, ...PeriodKind[]]), from: dateField, to: dateField, due: dateField, dueMode });
reportsPages.post('/report-regimes/:id/periods', allow('reports.manage'), async (c) => {
  const { db } = c.get('deps');
  const regime = await getRegime(db, c.req.param('id'));
  if (!regime) throw notFound();
  const form = await readForm(c, newPeriodForm);
  const problem = form.ok ? await periodProblem(db, form.data) : null;
  if (form.ok && !problem) {
    const id = await createPeriod(db, actorOf(c), regime, form.data);
    return c.redirect(`/report-periods/${id}?saved=1`, 303);
  }
  c.status(400);
  c.header('x-coso-no-change', '1');
  return renderRegime(c, regime.id, { values: form.values, errors: form.ok ? translateFields(problem ?? {}, c.get('t')) : form.errors });
});

/** On time / late / not sent, for the units this user may see, in each period of the same kind up to this one. */
async function timelinessTrend(db: Db, period: Period, units: Awaited<ReturnType<typeof visibleUnits>>): Promise<TimelinessPoint[]> {
  return Promise.all(sameKindHistory(await listPeriods(db), period).map(async (p) => {
    const st = await periodStatuses(db, p, units);
    const sent = st.filter((s) => s.status !== 'missing' && s.status !== 'draft');
    return { label: periodAxisLabel(p), onTime: sent.filter((s) => !s.late).length, late: sent.filter((s) => s.late).length, missing: st.length - sent.length };
  }));
}

async function renderDashboard(c: Ctx, id: string, extra: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
  const { db } = c.get('deps');
  const { period, regime } = await loadPeriod(db, id);
  const units = await visibleUnits(db, c.get('user'));
  const statuses = await periodStatuses(db, period, units);
  const trend = await timelinessTrend(db, period, units);
  const canManage = await can(c.get('user'), 'reports.manage');
  const values = extra.values ?? { from: formatDate(period.from), to: formatDate(period.to), due: formatDate(period.due), dueMode: period.dueMode };
  return c.render(<Dashboard period={period} regime={regime} statuses={statuses} trend={trend} canManage={canManage} canAggregate={await can(c.get('user'), 'reports.aggregate')} values={values} errors={extra.errors} saved={!!c.req.query('saved')} />, { title: period.title });
}

reportsPages.get('/report-periods/:id', allow('reports.view'), (c) => renderDashboard(c, c.req.param('id')));

const periodForm = z.object({ from: dateField, to: dateField, due: dateField, dueMode: z.enum(DUE_MODES as [DueMode, ...DueMode[]]).optional() });
reportsPages.post('/report-periods/:id', allow('reports.manage'), async (c) => {
  const { db } = c.get('deps');
  const { period } = await loadPeriod(db, c.req.param('id'));
  const form = await readForm(c, periodForm);
  const r = form.ok ? await updatePeriod(db, actorOf(c), period, form.data) : null;
  if (r?.ok) return c.redirect(`/report-periods/${period.id}?saved=1`, 303);
  c.status(400);
  return renderDashboard(c, period.id, { values: form.values, errors: form.ok ? translateFields(r?.ok === false ? r.fields : {}, c.get('t')) : form.errors });
});

reportsPages.get('/report-periods/:id/aggregate', allow('reports.aggregate'), async (c) => {
  const { db } = c.get('deps');
  const { period, regime } = await loadPeriod(db, c.req.param('id'));
  const agg = await aggregatePeriod(db, period, regime, { narrative: true });
  const drill = c.req.query('indicator');
  const trend = drill && agg.indicators.some((i) => i.code === drill)
    ? await Promise.all(sameKindHistory(await listPeriods(db), period).map(async (p) => ({ label: periodAxisLabel(p), value: (await aggregatePeriod(db, p, regime)).indicators.find((i) => i.code === drill)?.total ?? null })))
    : [];
  const page = pageNumber(c.req.query('page'), Math.max(1, Math.ceil(agg.statuses.length / AGGREGATE_PAGE)));
  return c.render(<AggregatePage period={period} agg={agg} drill={drill} trend={trend} page={page} />, { title: `${c.get('t')('reports.aggregateTitle')} · ${period.title}` });
});
reportsPages.get('/report-periods/:id/aggregate.docx', allow('reports.aggregate'), (c) => aggregateFile(c, c.req.param('id'), 'docx'));
reportsPages.get('/report-periods/:id/aggregate.xlsx', allow('reports.aggregate'), (c) => aggregateFile(c, c.req.param('id'), 'xlsx'));
reportsPages.get('/report-periods/:id/aggregate.csv', allow('reports.aggregate'), async (c) => {
  const { db } = c.get('deps');
  const { period, regime } = await loadPeriod(db, c.req.param('id'));
  return c.body(aggregateCsv(await aggregatePeriod(db, period, regime)), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="tong-hop.csv"' });
});

async function renderProvincial(c: Ctx, id: string, extra: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
  const { db } = c.get('deps');
  const { period, regime } = await loadPeriod(db, id);
  const k = await getCompilation(db, regime, period.id, () => aggregatePeriod(db, period, regime, { narrative: true }));
  const t = c.get('t');
  const done = c.req.query('done');
  const notice = done === 'saved' ? t('reports.provincial.saved') : done === 'issued' ? t('reports.provincial.issued') : done === 'recompiled' ? t('reports.provincial.recompiled') : undefined;
  return c.render(<ProvincialPage period={period} k={k} canEdit={await mayReview(c.get('user'))} values={extra.values} errors={extra.errors} notice={notice} />, { title: `${t('reports.provincial.title')} · ${period.title}` });
}

reportsPages.get('/report-periods/:id/provincial', allow('reports.aggregate'), (c) => renderProvincial(c, c.req.param('id')));

for (const [suffix, issue] of [['', false], ['/issue', true]] as const) {
  reportsPages.post(`/report-periods/:id/provincial${suffix}`, allow('reports.review'), async (c) => {
    const { db } = c.get('deps');
    const { period, regime } = await loadPeriod(db, c.req.param('id'));
    const values = await formValues(c);
    const parsed = compilationFromForm(values, regime.outline.map((s) => s.key));
    const r = parsed.ok ? await (issue ? issueCompilation : saveCompilation)(db, actorOf(c), period, regime, parsed.data) : null;
    if (r?.ok) return c.redirect(`/report-periods/${period.id}/provincial?done=${issue ? 'issued' : 'saved'}`, 303);
    if (r && r.error === 'state') stateError(c);
    else { c.status(400); c.header('x-coso-no-change', '1'); }
    const fields = parsed.ok ? (r && !r.ok ? r.fields ?? {} : {}) : parsed.errors;
    return renderProvincial(c, period.id, { values, errors: r && !r.ok && r.error === 'state' ? { _: c.get('t')('reports.error.state') } : translateFields(fields, c.get('t')) });
  });
}

reportsPages.post('/report-periods/:id/provincial/recompile', allow('reports.review'), async (c) => {
  const { db } = c.get('deps');
  const { period, regime } = await loadPeriod(db, c.req.param('id'));
  const r = await recompile(db, actorOf(c), period, regime, await aggregatePeriod(db, period, regime, { narrative: true }));
  if (r.ok) return c.redirect(`/report-periods/${period.id}/provincial?done=recompiled`, 303);
  stateError(c);
  return renderProvincial(c, period.id, { errors: { _: c.get('t')('reports.error.state') } });
});

const exportForm = z.object({ format: z.enum(EXPORT_FORMATS) });
reportsPages.post('/report-periods/:id/exports', allow('reports.aggregate'), async (c) => {
  const { db } = c.get('deps');
  const { period } = await loadPeriod(db, c.req.param('id'));
  const form = await readForm(c, exportForm);
  if (!form.ok) throw validationError({ format: c.get('t')('reports.export.badFormat') });
  const id = await requestExport(db, actorOf(c), period, form.data.format);
  return c.redirect(`/report-periods/${period.id}/exports/${id}`, 303);
});

async function loadExport(c: Ctx) {
  const { db } = c.get('deps');
  const { period } = await loadPeriod(db, c.req.param('id')!);
  const x = await getExport(db, c.req.param('exportId')!);
  if (!x || x.period_id !== period.id) throw notFound();
  return { period, x };
}

reportsPages.get('/report-periods/:id/exports/:exportId', allow('reports.aggregate'), async (c) => {
  const { period, x } = await loadExport(c);
  const t = c.get('t');
  return c.render(<ExportPage period={period} x={{ id: x.id, format: x.format, status: x.status, progress: Number(x.progress), step: x.step, error: x.error, createdAt: x.created_at }} />, { title: `${t('reports.export.title')} · ${period.title}` });
});

reportsPages.get('/report-periods/:id/exports/:exportId/file', allow('reports.aggregate'), async (c) => {
  const { x } = await loadExport(c);
  if (x.status !== 'done' || !x.content) throw notFound();
  return c.body(new Uint8Array(Buffer.from(x.content, 'base64')), 200, { 'Content-Type': EXPORT_MIME[x.format as ExportFormat], 'Content-Disposition': `attachment; filename="${x.file_name}"` });
});

reportsPages.route('/', unitReportPages);
