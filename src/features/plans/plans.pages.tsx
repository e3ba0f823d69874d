import { Hono } from 'hono';
import { allow, authorize, can, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { readForm, translateFields } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { coverageCsv, coverageXlsx } from './tasks.bulk.ts';
import { Csrf, ErrorSummary, Field, Notice, Pagination, Select, Table } from '../../platform/views/components.tsx';
import { ancestorIds, unitIdsInScope, unitNames } from '../units/index.ts';
import { getPlan, listPlans, type PlanView } from './plans.repository.ts';
import { computeCoverage, coverageCounts } from './plans.coverage.ts';
import { createUnitPlan, issuePlan, remindMissing } from './plans.service.ts';
import { issueInput, unitPlanInput } from './plans.schema.ts';
import { PlanDocumentView } from './views/document.tsx';
import { CoverageMatrix, MissingSummary, PLANS_CSS } from './views/coverage.tsx';
import { TaskListSection } from './tasks.pages.tsx';
import { findTasks } from './tasks.repository.ts';
import { missingAssignments } from './assignments.ts';
import { staticAsset } from '../../platform/http/static.ts';

export const planPages = new Hono<AppEnv>();
const plansCss = staticAsset('/plans/plans.css', PLANS_CSS, 'text/css; charset=utf-8');
const Css = () => <link rel="stylesheet" href={plansCss.href} />;

planPages.get('/plans/plans.css', allow('public'), (c) => plansCss.serve(c));

planPages.get('/plans', allow('plans.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const rows = await listPlans(db, { unitIds: await unitIdsInScope(db, scopeOf(c.get('user'), 'plans.view')) });
  const names = await unitNames(db, rows.map((r) => r.unit_id));
  const glance = (await can(c.get('user'), 'plans.coverage')) ? await atAGlance(c, rows.filter((r) => !r.parent_plan_id).map((r) => r.id)) : null;
  return c.render(<>
    <h1>{t('plans.title')}</h1>
    {glance}
    <Table head={[t('plans.col.number'), t('plans.col.title'), t('plans.col.unit'), t('plans.col.issuedOn')]} empty={t('plans.none')}
      rows={rows.map((r) => [r.document_number ?? <span class="tag grey">{t('plans.status.draft')}</span>, <a href={`/plans/${r.id}`}>{r.title}</a>, names.get(r.unit_id)?.fullName ?? '', formatDate(r.issued_on)])} />
  </>, { title: t('plans.title') });
});

/** The coordinator's summary: per provincial plan, units with an issued plan, without one, overdue; overdue tasks; units without a written assignment. */
async function atAGlance(c: Ctx, planIds: string[]) {
  const t = c.get('t');
  const { db } = c.get('deps');
  const today = localToday();
  const covs = (await Promise.all(planIds.map((id) => computeCoverage(db, id, today)))).filter((x) => x && x.units.length > 0);
  const overdueTasks = await findTasks(db, { unitIds: 'all', overdue: true }, today);
  const missing = await missingAssignments(db, today);
  return (
    <section class="glance" aria-label={t('plans.glance.title')}>
      <h2>{t('plans.glance.title')}</h2>
      <ul>
        {covs.map((cov) => {
          const issued = cov!.units.filter((u) => u.status === 'issued').length;
          const drafts = cov!.units.filter((u) => u.status && u.status !== 'issued').length;
          const late = cov!.units.filter((u) => u.overdue).length;
          return <li><a href={`/plans/${cov!.planId}/coverage`}>{t('plans.glance.coverage', { issued, drafts, none: cov!.units.length - issued - drafts, late, total: cov!.units.length })}</a></li>;
        })}
        <li><a href="/tasks?overdue=true">{t('plans.glance.overdueTasks', { n: overdueTasks.length })}</a></li>
        <li><a href="/assignments">{t('plans.glance.assignments', { n: missing.length })}</a></li>
      </ul>
    </section>
  );
}

/** Units the user may make a plan for (the units of their grants for plans.manage). */
function manageableUnits(c: Ctx) {
  const s = scopeOf(c.get('user'), 'plans.manage');
  return s.all ? [] : s.unitIds;
}

async function planPage(c: Ctx, plan: PlanView, status = 200, issueErrors?: Record<string, string>, values: Record<string, string> = {}) {
  const t = c.get('t');
  const { db } = c.get('deps');
  const user = c.get('user');
  const names = await unitNames(db, [...plan.duties.flatMap((d) => (d.unitId ? [d.unitId] : [])), plan.unitId, ...manageableUnits(c)]);
  const isProvincial = !plan.parentPlanId;
  const myUnits = manageableUnits(c);
  const mine = isProvincial ? await db.selectFrom('plans').select(['id', 'unit_id']).where('parent_plan_id', '=', plan.id).where('unit_id', 'in', myUnits.length ? myUnits : ['-']).execute() : [];
  const free = myUnits.filter((u) => !mine.some((m) => m.unit_id === u));
  const canIssue = !isProvincial && plan.status !== 'issued' && (await can(user, 'plans.issue', plan.unitId, (id) => ancestorIds(db, id)));
  c.status(status as 200);
  const actions = (
    <div class="actions no-print">
      {isProvincial && (await can(user, 'plans.coverage')) && <a class="button" href={`/plans/${plan.id}/coverage`}>{t('plans.coverage.open')}</a>}
      {mine.map((m) => <a class="button secondary" href={`/plans/${m.id}`}>{t('plans.myPlan', { unit: names.get(m.unit_id)?.fullName ?? '' })}</a>)}
      {isProvincial && free.length > 0 && (
        <form method="post" action={`/plans/${plan.id}/unit-plans`}><Csrf />
          <Select name="unitId" label={t('plans.createFor')} options={free.map((u) => [u, names.get(u)?.fullName ?? u])} />
          <button type="submit">{t('plans.create')}</button>
        </form>
      )}
      {plan.parentPlanId && <a href={`/plans/${plan.parentPlanId}`}>{t('plans.parent')}</a>}
    </div>
  );
  return c.render(<>
    <Css />
    {c.req.query('created') && <Notice>{t('plans.created')}</Notice>}
    {c.req.query('issued') && <Notice>{t('plans.issued')}</Notice>}
    {plan.note && <p class="notice no-print">{plan.note}</p>}
    <PlanDocumentView plan={plan} dutyNames={names} actions={actions} />
    {!isProvincial && <TaskListSection plan={plan} />}
    {canIssue && (
      <form method="post" action={`/plans/${plan.id}/issue`} class="no-print"><Csrf />
        <h2>{t('plans.issue.title')}</h2>
        <ErrorSummary errors={issueErrors} />
        <Field name="documentNumber" label={t('plans.issue.number')} hint={t('plans.issue.numberHint')} values={values} errors={issueErrors} width="short" />
        <Field name="issuedOn" label={t('plans.issue.date')} hint={t('plans.dateHint')} values={{ issuedOn: formatDate(localToday()), ...values }} errors={issueErrors} width="short" />
        <button type="submit">{t('plans.issue.submit')}</button>
      </form>
    )}
  </>, { title: plan.title });
}

async function loadPlan(c: Ctx) {
  const { db } = c.get('deps');
  const plan = await getPlan(db, c.req.param('id')!);
  if (!plan) throw notFound();
  if (plan.parentPlanId) await authorize(c.get('user'), 'plans.view', plan.unitId, (id) => ancestorIds(db, id));
  return plan;
}

planPages.get('/plans/:id', allow('plans.view'), async (c) => planPage(c, await loadPlan(c)));

planPages.post('/plans/:id/unit-plans', allow('plans.manage'), async (c) => {
  const { db } = c.get('deps');
  const plan = await loadPlan(c);
  const form = await readForm(c, unitPlanInput);
  if (!form.ok) return planPage(c, plan, 400);
  await authorize(c.get('user'), 'plans.manage', form.data.unitId, (id) => ancestorIds(db, id));
  const r = await createUnitPlan(db, actorOf(c), plan.id, form.data.unitId);
  if (r.ok) return c.redirect(`/plans/${r.value}?created=1`, 303);
  return planPage(c, plan, 400);
});

planPages.post('/plans/:id/issue', allow('plans.issue'), async (c) => {
  const { db } = c.get('deps');
  const plan = await loadPlan(c);
  await authorize(c.get('user'), 'plans.issue', plan.unitId, (id) => ancestorIds(db, id));
  const form = await readForm(c, issueInput);
  const r = form.ok ? await issuePlan(db, actorOf(c), plan.id, form.data) : null;
  if (r?.ok) return c.redirect(`/plans/${plan.id}?issued=1`, 303);
  return planPage(c, plan, 400, form.ok ? translateFields(r?.ok === false ? r.fields : {}, c.get('t')) : form.errors, form.values);
});

/** Rows of the coverage matrix per page (3,321 communes would be 5 MB in one page; the exports stay complete). */
const COVERAGE_PAGE = 100;

planPages.get('/plans/:id/coverage', allow('plans.coverage'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const plan = await loadPlan(c);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
  const missing = c.req.query('missing') === '1';
  const today = localToday();
  const cov = (await computeCoverage(db, plan.id, today, { limit: COVERAGE_PAGE + 1, offset: (page - 1) * COVERAGE_PAGE, missing }))!;
  const hasNext = cov.units.length > COVERAGE_PAGE;
  const { total, issued } = await coverageCounts(db, plan.id, today);
  return c.render(<>
    <Css />
    <p><a href={`/plans/${plan.id}`}>← {plan.documentNumber} {plan.title}</a></p>
    {c.req.query('reminded') && <Notice>{t('plans.reminded', { n: c.req.query('reminded')! })}</Notice>}
    <h1>{t('plans.coverage.title')}</h1>
    <p>{t('plans.coverage.summary', { issued, total, due: formatDate(cov.dueOn) })} · <a href={`/plans/${plan.id}/coverage.xlsx`}>{t('plans.coverage.xlsx')}</a> · <a href={`/plans/${plan.id}/coverage.csv`}>{t('plans.coverage.csv')}</a></p>
    <p class="muted">✓ {t('plans.cell.planned')} · ! {t('plans.cell.overdue')} · · {t('plans.cell.none')}</p>
    <MissingSummary planId={plan.id} missing={total - issued} showing={missing} canRemind={await can(c.get('user'), 'plans.remind')} />
    <CoverageMatrix cov={{ ...cov, units: cov.units.slice(0, COVERAGE_PAGE) }} total={missing ? total - issued : total} />
    {(page > 1 || hasNext) && <Pagination page={page} hasNext={hasNext} baseQuery={missing ? { missing: '1' } : {}} />}
  </>, { title: t('plans.coverage.title') });
});

planPages.get('/plans/:id/coverage.csv', allow('plans.coverage'), async (c) => {
  const plan = await loadPlan(c);
  const cov = (await computeCoverage(c.get('deps').db, plan.id, localToday()))!;
  return c.body(coverageCsv(c.get('t'), cov), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="bao-phu-ke-hoach.csv"' });
});

planPages.get('/plans/:id/coverage.xlsx', allow('plans.coverage'), async (c) => {
  const t = c.get('t');
  const plan = await loadPlan(c);
  const cov = (await computeCoverage(c.get('deps').db, plan.id, localToday()))!;
  const buf = await coverageXlsx(t, t('plans.coverage.xlsxTitle', { plan: plan.documentNumber ?? plan.title, date: formatDate(localToday()) }), cov);
  return c.body(new Uint8Array(buf), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="bao-phu-ke-hoach.xlsx"' });
});

planPages.post('/plans/:id/remind', allow('plans.remind'), async (c) => {
  const plan = await loadPlan(c);
  const r = await remindMissing(c.get('deps').db, actorOf(c), plan.id, localToday());
  return c.redirect(`/plans/${plan.id}/coverage?reminded=${r.ok ? r.value : 0}`, 303);
});
