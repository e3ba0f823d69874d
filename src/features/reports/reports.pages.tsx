import { Hono } from 'hono';
import { z } from 'zod';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { formValues, readForm, translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { getUnit, unitNames } from '../units/index.ts';
import { dateField } from '../units/units.schema.ts';
import { assertRead, assertSubmit, assertWrite, loadPeriod, loadTarget, mayReview, maySubmit, mayWrite, visibleUnits } from './reports.access.ts';
import { aggregatePeriod } from './reports.aggregate.ts';
import { aggregateFile, reportFile } from './reports.api.ts';
import { aggregateCsv } from './reports.documents.ts';
import { listPeriods, listRegimes, getRegime, periodStatuses, reportView, reportVersions } from './reports.repository.ts';
import { draftFromForm, returnInput } from './reports.schema.ts';
import { acceptReport, returnReport, saveDraft, submitReport, updatePeriod } from './reports.service.ts';
import { AggregatePage, Dashboard, PeriodList, RegimePage } from './views/period.tsx';
import { ReportPage } from './views/report.tsx';

export const reportsPages = new Hono<AppEnv>();

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

reportsPages.get('/report-regimes/:id', allow('reports.view'), async (c) => {
  const { db } = c.get('deps');
  const regime = await getRegime(db, c.req.param('id'));
  if (!regime) throw notFound();
  const periods = (await listPeriods(db)).filter((p) => p.regimeId === regime.id);
  const n = periods[0] ? (await db.selectFrom('report_period_units').select((e) => e.fn.countAll<number>().as('n')).where('period_id', '=', periods[0].id).executeTakeFirst())?.n : 0;
  return c.render(<RegimePage regime={regime} periods={periods} unitCount={Number(n ?? 0)} />, { title: regime.name });
});

async function renderDashboard(c: Ctx, id: string, extra: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
  const { db } = c.get('deps');
  const { period, regime } = await loadPeriod(db, id);
  const statuses = await periodStatuses(db, period, await visibleUnits(db, c.get('user')));
  const canManage = await can(c.get('user'), 'reports.manage');
  const values = extra.values ?? { from: formatDate(period.from), to: formatDate(period.to), due: formatDate(period.due) };
  return c.render(<Dashboard period={period} regime={regime} statuses={statuses} canManage={canManage} canAggregate={await can(c.get('user'), 'reports.aggregate')} values={values} errors={extra.errors} saved={!!c.req.query('saved')} />, { title: period.title });
}

reportsPages.get('/report-periods/:id', allow('reports.view'), (c) => renderDashboard(c, c.req.param('id')));

const periodForm = z.object({ from: dateField, to: dateField, due: dateField });
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
  return c.render(<AggregatePage period={period} agg={agg} drill={c.req.query('indicator')} />, { title: `${c.get('t')('reports.aggregateTitle')} · ${period.title}` });
});
reportsPages.get('/report-periods/:id/aggregate.docx', allow('reports.aggregate'), (c) => aggregateFile(c, c.req.param('id'), 'docx'));
reportsPages.get('/report-periods/:id/aggregate.xlsx', allow('reports.aggregate'), (c) => aggregateFile(c, c.req.param('id'), 'xlsx'));
reportsPages.get('/report-periods/:id/aggregate.csv', allow('reports.aggregate'), async (c) => {
  const { db } = c.get('deps');
  const { period, regime } = await loadPeriod(db, c.req.param('id'));
  return c.body(aggregateCsv(await aggregatePeriod(db, period, regime)), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="tong-hop.csv"' });
});

async function renderReport(c: Ctx, periodId: string, unitId: string, extra: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
  const { db } = c.get('deps');
  const user = c.get('user');
  const { period, regime } = await loadTarget(db, periodId, unitId);
  const report = await reportView(db, period, regime, unitId);
  await assertRead(db, user, unitId, report.status);
  const unit = (await getUnit(db, unitId))!;
  const t = c.get('t');
  const n = c.req.query('done');
  const notice = n ? t(`reports.${n === 'saved' ? 'saved' : n === 'submitted' ? 'submitted' : n === 'returned' ? 'returnedNotice' : 'acceptedNotice'}`) : undefined;
  return c.render(
    <ReportPage period={period} unitId={unitId} unitName={unit.fullName} report={report} versions={report.id ? await reportVersions(db, report.id) : []}
      canEdit={await mayWrite(db, user, unitId)} canSubmit={await maySubmit(db, user, unitId)} canReview={await mayReview(user)} values={extra.values} errors={extra.errors} notice={notice} />,
    { title: `${unit.fullName} · ${period.title}` },
  );
}

reportsPages.get('/reports/:periodId/:unitId', allow('reports.view'), (c) => renderReport(c, c.req.param('periodId'), c.req.param('unitId')));
reportsPages.get('/reports/:periodId/:unitId/report.docx', allow('reports.view'), (c) => reportFile(c, c.req.param('periodId'), c.req.param('unitId')));

const stateError = (c: Ctx) => { c.status(409); c.header('x-coso-no-change', '1'); };

reportsPages.post('/reports/:periodId/:unitId', allow('reports.write'), async (c) => {
  const { db } = c.get('deps');
  const { periodId, unitId } = c.req.param();
  const { period, regime } = await loadTarget(db, periodId, unitId);
  await assertWrite(db, c.get('user'), unitId);
  const values = await formValues(c);
  const parsed = draftFromForm(values, regime.indicators, regime.outline.map((s) => s.key));
  const r = parsed.ok ? await saveDraft(db, actorOf(c), period, regime, unitId, parsed.data) : null;
  if (r?.ok) return c.redirect(`/reports/${periodId}/${unitId}?done=saved`, 303);
  if (r && r.error === 'state') stateError(c);
  else c.status(400);
  const fields = parsed.ok ? (r && !r.ok ? r.fields : {}) : parsed.errors;
  return renderReport(c, periodId, unitId, { values, errors: translateFields(fields, c.get('t')) });
});

reportsPages.post('/reports/:periodId/:unitId/submit', allow('reports.submit'), async (c) => {
  const { db } = c.get('deps');
  const { periodId, unitId } = c.req.param();
  const { period } = await loadTarget(db, periodId, unitId);
  await assertSubmit(db, c.get('user'), unitId);
  const r = await submitReport(db, actorOf(c), period, unitId);
  if (r.ok) return c.redirect(`/reports/${periodId}/${unitId}?done=submitted`, 303);
  stateError(c);
  return renderReport(c, periodId, unitId, { errors: { _: c.get('t')('reports.error.state') } });
});

reportsPages.post('/reports/:periodId/:unitId/accept', allow('reports.review'), async (c) => {
  const { db } = c.get('deps');
  const { periodId, unitId } = c.req.param();
  const { period } = await loadTarget(db, periodId, unitId);
  const r = await acceptReport(db, actorOf(c), period, unitId);
  if (r.ok) return c.redirect(`/reports/${periodId}/${unitId}?done=accepted`, 303);
  stateError(c);
  return renderReport(c, periodId, unitId, { errors: { _: c.get('t')('reports.error.state') } });
});

reportsPages.post('/reports/:periodId/:unitId/return', allow('reports.review'), async (c) => {
  const { db } = c.get('deps');
  const { periodId, unitId } = c.req.param();
  const { period } = await loadTarget(db, periodId, unitId);
  if (!(await mayReview(c.get('user')))) throw forbidden();
  const values = await formValues(c);
  const sections = Object.fromEntries(Object.entries(values).filter(([k, v]) => k.startsWith('c.') && v.trim()).map(([k, v]) => [k.slice(2), v.trim()]));
  const input = returnInput.safeParse({ comment: values.comment ?? '', sections });
  if (!input.success) {
    c.status(400);
    c.header('x-coso-no-change', '1');
    return renderReport(c, periodId, unitId, { values, errors: { comment: c.get('t')('validation.required') } });
  }
  const r = await returnReport(db, actorOf(c), period, unitId, input.data);
  if (r.ok) return c.redirect(`/reports/${periodId}/${unitId}?done=returned`, 303);
  stateError(c);
  return renderReport(c, periodId, unitId, { errors: { _: c.get('t')('reports.error.state') } });
});
