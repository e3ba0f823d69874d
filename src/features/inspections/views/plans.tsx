import { formatDate } from '../../../platform/i18n/index.ts';
import { Table, useT } from '../../../platform/views/components.tsx';
import type { InspectionPlansTable } from '../inspections.tables.ts';
import { ActionForm, Area, Csrf, Due, ErrorSummary, Field, Select, type Form } from './common.tsx';

type Team = { id: string; name: string; decision_number: string; decision_date: string; members: { name: string; body: string; role: string }[] };
type Target = { id: string; unitName: string; teamName: string; visit_date: string; notice_sent_on: string | null; self_report_due: string; self_report_filed_on: string | null; status: string; conclusionStatus: string | null };

export function PlanList({ plans, canManage, overdue, today }: { plans: InspectionPlansTable[]; canManage: boolean; overdue: { id: string; target_id: string; text: string; due_on: string; addresseeName: string }[]; today: string }) {
  const t = useT();
  return <>
    <h1>{t('inspections.title')}</h1>
    <p>{t('inspections.intro')}</p>
    <p class="actions">
      {canManage && <a class="button" href="/inspections/new">{t('inspections.newPlan')}</a>}
      <a href="/inspection-schemes">{t('inspections.schemes')}</a> · <a href="/inspection-assessments">{t('inspections.assessments')}</a> · <a href="/public/inspections">{t('inspections.public.nav')}</a>
    </p>
    <Table caption={t('inspections.plans')} empty={t('inspections.noPlans')} head={[t('inspections.plan'), t('inspections.year'), t('inspections.scope'), t('inspections.window'), t('inspections.status')]}
      rows={plans.map((p) => [<a href={`/inspections/${p.id}`}>{p.title}</a>, String(p.year), t(`inspections.scope.${p.scope}`), `${formatDate(p.window_from)} – ${formatDate(p.window_to)}`, <span class="tag">{t(`inspections.planStatus.${p.status}`)}</span>])} />
    {canManage && <Table caption={t('inspections.openRecommendations')} empty={t('inspections.noRecommendations')} head={[t('inspections.recText'), t('inspections.addressee'), t('inspections.dueOnLabel')]}
      rows={overdue.map((r) => [<a href={`/inspection-targets/${r.target_id}`}>{r.text}</a>, r.addresseeName, <Due due={r.due_on} today={today} />])} />}
  </>;
}

export function PlanForm({ errors, values, schemes }: Form & { schemes: [string, string][] }) {
  const t = useT();
  return <>
    <ErrorSummary errors={errors} />
    <h1>{t('inspections.newPlan')}</h1>
    <form method="post" action="/inspections/new" novalidate>
      <Csrf />
      <Field name="year" label={t('inspections.year')} errors={errors} values={values} width="short" />
      <Field name="title" label={t('inspections.planTitle')} errors={errors} values={values} />
      <Field name="documentNumber" label={t('inspections.documentNumber')} hint={t('inspections.documentNumberHint')} errors={errors} values={values} width="short" />
      <Select name="scope" label={t('inspections.scope')} errors={errors} values={values} options={['dvcq', 'grassroots', 'both'].map((s) => [s, t(`inspections.scope.${s}`)])} />
      <Select name="mode" label={t('inspections.mode')} errors={errors} values={values} options={['planned', 'unannounced'].map((s) => [s, t(`inspections.mode.${s}`)])} />
      <Field name="reviewFrom" label={t('inspections.reviewFrom')} hint={t('inspections.dateHint')} errors={errors} values={values} width="short" />
      <Field name="reviewTo" label={t('inspections.reviewTo')} hint={t('inspections.dateHint')} errors={errors} values={values} width="short" />
      <Field name="windowFrom" label={t('inspections.windowFrom')} hint={t('inspections.dateHint')} errors={errors} values={values} width="short" />
      <Field name="windowTo" label={t('inspections.windowTo')} hint={t('inspections.dateHint')} errors={errors} values={values} width="short" />
      <Area name="objectives" label={t('inspections.objectives')} errors={errors} values={values} />
      <Area name="contentItems" label={t('inspections.contentItems')} hint={t('inspections.onePerLine')} errors={errors} values={values} />
      <Select name="schemeId" label={t('inspections.scheme')} errors={errors} values={values} options={schemes} />
      <Field name="noticeDays" label={t('inspections.noticeDays')} hint={t('inspections.noticeDaysHint')} errors={errors} values={values} width="short" />
      <Field name="selfReportDays" label={t('inspections.selfReportDays')} hint={t('inspections.selfReportDaysHint')} errors={errors} values={values} width="short" />
      <Field name="conclusionDays" label={t('inspections.conclusionDays')} hint={t('inspections.conclusionDaysHint')} errors={errors} values={values} width="short" />
      <Field name="recommendationDays" label={t('inspections.recommendationDays')} hint={t('inspections.recommendationDaysHint')} errors={errors} values={values} width="short" />
      <button type="submit">{t('inspections.createPlan')}</button>
    </form>
  </>;
}

export function PlanPage(p: { plan: InspectionPlansTable; schemeName: string; teams: Team[]; targets: Target[]; units: [string, string][]; canManage: boolean; canApprove: boolean; today: string } & Form) {
  const t = useT();
  const { plan } = p;
  const roleVi = (r: string) => t(`inspections.role.${r}`);
  return <>
    <ErrorSummary errors={p.errors} />
    <span class="caption">{t('inspections.plan')} {plan.year}</span>
    <h1>{plan.title} <span class="tag">{t(`inspections.planStatus.${plan.status}`)}</span></h1>
    <dl class="summary">
      <dt>{t('inspections.documentNumber')}</dt><dd>{plan.document_number ?? '—'}</dd>
      <dt>{t('inspections.scope')}</dt><dd>{t(`inspections.scope.${plan.scope}`)}</dd>
      <dt>{t('inspections.mode')}</dt><dd>{t(`inspections.mode.${plan.mode}`)}</dd>
      <dt>{t('inspections.reviewPeriod')}</dt><dd>{formatDate(plan.review_from)} – {formatDate(plan.review_to)}</dd>
      <dt>{t('inspections.window')}</dt><dd>{formatDate(plan.window_from)} – {formatDate(plan.window_to)}</dd>
      <dt>{t('inspections.scheme')}</dt><dd>{p.schemeName}</dd>
      <dt>{t('inspections.timing')}</dt><dd>{t('inspections.timingText', { notice: plan.notice_days, self: plan.self_report_days, conclusion: plan.conclusion_days, rec: plan.recommendation_days })}</dd>
      <dt>{t('inspections.objectives')}</dt><dd>{plan.objectives}</dd>
      <dt>{t('inspections.contentItems')}</dt><dd><ul>{plan.content_items.split(/\r?\n/).filter(Boolean).map((x) => <li>{x}</li>)}</ul></dd>
    </dl>
    <p class="actions">
      {p.canManage && plan.status === 'draft' && <ActionForm action={`/inspections/${plan.id}/submit`} label={t('inspections.submit')} />}
      {p.canApprove && plan.status === 'submitted' && <ActionForm action={`/inspections/${plan.id}/approve`} label={t('inspections.approve')} />}
      {p.canApprove && plan.status === 'submitted' && <ActionForm action={`/inspections/${plan.id}/return`} label={t('inspections.returnPlan')} warning />}
    </p>
    <h2>{t('inspections.teams')}</h2>
    {p.teams.map((tm) => <section>
      <h3>{tm.name}</h3>
      <p>{t('inspections.teamDecision', { no: tm.decision_number, date: formatDate(tm.decision_date) })}</p>
      <ul>{tm.members.map((m) => <li>{m.name} ({m.body}): {roleVi(m.role)}</li>)}</ul>
    </section>)}
    {p.canManage && <form method="post" action={`/inspections/${plan.id}/teams`} novalidate>
      <Csrf /><h3>{t('inspections.addTeam')}</h3>
      <Field name="name" label={t('inspections.teamName')} errors={p.errors} values={p.values} />
      <Field name="decisionNumber" label={t('inspections.decisionNumber')} errors={p.errors} values={p.values} width="short" />
      <Field name="decisionDate" label={t('inspections.decisionDate')} hint={t('inspections.dateHint')} errors={p.errors} values={p.values} width="short" />
      <Area name="members" label={t('inspections.members')} hint={t('inspections.membersHint')} errors={p.errors} values={p.values} />
      <button type="submit">{t('inspections.addTeam')}</button>
    </form>}
    <Table caption={t('inspections.targets')} empty={t('inspections.noTargets')} head={[t('inspections.unit'), t('inspections.team'), t('inspections.visitDate'), t('inspections.selfReport'), t('inspections.status')]}
      rows={p.targets.map((x) => [<a href={`/inspection-targets/${x.id}`}>{x.unitName}</a>, x.teamName, formatDate(x.visit_date), plan.mode === 'planned' ? <Due due={x.self_report_due} doneOn={x.self_report_filed_on} today={p.today} /> : '—', t(`inspections.targetStatus.${x.status}`)])} />
    {p.canManage && p.teams.length > 0 && <form method="post" action={`/inspections/${plan.id}/targets`} novalidate>
      <Csrf /><h3>{t('inspections.addTarget')}</h3>
      <Select name="unitId" label={t('inspections.unit')} errors={p.errors} values={p.values} options={p.units} />
      <Select name="teamId" label={t('inspections.team')} errors={p.errors} values={p.values} options={p.teams.map((x) => [x.id, x.name])} />
      <Field name="visitDate" label={t('inspections.visitDate')} hint={t('inspections.dateHint')} errors={p.errors} values={p.values} width="short" />
      <button type="submit">{t('inspections.addTarget')}</button>
    </form>}
  </>;
}
