import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useLang, useT } from '../../../platform/views/components.tsx';
import type { FieldErrors } from '../../../platform/http/validate.ts';
import { getIndicator, indicatorText } from '../../../platform/indicators/index.ts';
import { outlineIn } from './outline.ts';
import type { Period, Regime, UnitStatus } from '../reports.repository.ts';
import { DUE_MODES } from '../../../domain/reporting/index.ts';
import { BarChart, type Bar } from '../../../platform/views/chart.tsx';

/** One period of a timeliness trend: how many units sent on time, late, or not at all. */
export interface TimelinessPoint { label: string; onTime: number; late: number; missing: number }

/** Charts of on-time and late-or-missing reports over the periods of the same kind, each with its table. */
function TimelinessTrend({ trend, kind }: { trend: TimelinessPoint[]; kind: string }) {
  const t = useT();
  const lang = useLang();
  if (trend.length < 2) return null;
  const chart = (id: string, key: string, bars: Bar[]) => <BarChart id={id} title={t(key)} bars={bars} unit={t('reports.trend.unit')} lang={lang} tableLabel={t('reports.trend.table')} />;
  return (
    <section class="no-print" aria-labelledby="trend-h">
      <h2 id="trend-h">{t('reports.trend.title', { kind: t(`reports.kind.${kind}`).toLowerCase() })}</h2>
      <div class="charts">
        {chart('trend-ontime', 'reports.trend.onTime', trend.map((p) => ({ label: p.label, value: p.onTime })))}
        {chart('trend-late', 'reports.trend.lateOrMissing', trend.map((p) => ({ label: p.label, value: p.late + p.missing })))}
      </div>
    </section>
  );
}

export const StatusTag = ({ status, late }: { status: string; late?: boolean }) => {
  const t = useT();
  const colour = status === 'accepted' ? 'green' : status === 'returned' ? 'red' : status === 'missing' || status === 'draft' ? 'grey' : '';
  return <>
    <span class={`tag ${colour}`}>{t(`reports.status.${status}`)}</span>
    {late && <> <span class="tag red">{t('reports.status.late')}</span></>}
  </>;
};

export const num = (n: number | null | undefined) => (n == null ? '—' : formatNumber(n));
const cutoff = (p: Period) => `${formatDate(p.from)} – ${formatDate(p.to)}`;
/** "trước ngày 10/05/2025 (hạn cuối 09/05/2025)" or the date itself. */
const dueText = (t: (k: string, p?: Record<string, string | number>) => string, p: Period) =>
  p.dueMode === 'before' ? t('reports.dueBefore', { due: formatDate(p.due), last: formatDate(p.lastDay) }) : formatDate(p.due);

export function PeriodList({ periods, regimes, mine }: { periods: Period[]; regimes: Regime[]; mine: { unitId: string; unitName: string }[] }) {
  const t = useT();
  return (
    <>
      <h1>{t('reports.title')}</h1>
      {regimes.map((r) => <p><a href={`/report-regimes/${r.id}`}>{t('reports.regime')}: {r.name}</a></p>)}
      <Table caption={t('reports.periods')} head={[t('reports.col.period'), t('reports.col.kind'), t('reports.col.cutoff'), t('reports.col.due'), '']}
        rows={periods.map((p) => [
          <a href={`/report-periods/${p.id}`}>{p.title}</a>, t(`reports.kind.${p.kind}`), cutoff(p), formatDate(p.due),
          <>{mine.map((m) => <><a href={`/reports/${p.id}/${m.unitId}`}>{t('reports.myReport', { unit: m.unitName })}</a><br /></>)}</>,
        ])} />
    </>
  );
}

export function RegimePage({ regime, periods, unitCount, canManage, values, errors }: { regime: Regime; periods: Period[]; unitCount: number; canManage?: boolean; values?: Record<string, string>; errors?: FieldErrors }) {
  const t = useT();
  const lang = useLang();
  const row = (label: string, value: Child) => <div class="field"><strong>{label}</strong><div>{value}</div></div>;
  return (
    <>
      <ErrorSummary errors={errors} />
      <p class="caption">{t('reports.regime')}</p>
      <h1>{regime.name}</h1>
      <div>
        {row(t('reports.regime.legalBasis'), regime.legalBasis)}
        {row(t('reports.regime.content'), regime.content)}
        {row(t('reports.regime.units'), `${regime.unitKinds.map((k) => t(`reports.unitKind.${k}`)).join(', ')} (${unitCount})`)}
        {row(t('reports.regime.recipient'), regime.recipient)}
        {row(t('reports.regime.copyTo'), regime.copyTo.join('; '))}
        {row(t('reports.regime.method'), regime.sendingMethod)}
        {row(t('reports.regime.frequency'), <ul>{periods.map((p) => <li><a href={`/report-periods/${p.id}`}>{p.title}</a>: {cutoff(p)}; {t('reports.col.due')} {dueText(t, p)}</li>)}</ul>)}
        {row(t('reports.regime.guidance'), <>{regime.guidance} {t('reports.regime.reminder', { n: regime.reminderDays })}.</>)}
      </div>
      <h2>{t('reports.regime.outline')}</h2>
      {regime.outline.map((x) => outlineIn(x, t)).map((s, i, outline) => <>{(i === 0 || outline[i - 1].part !== s.part) && <h3>{s.part}</h3>}{s.title !== s.part.replace(/^[IVX]+\.\s*/, '') && <p>{s.title}{s.hint && <span class="muted"> · {s.hint}</span>}</p>}</>)}
      <h2>{t('reports.regime.form')}</h2>
      <Table head={[t('reports.col.indicator'), t('reports.col.measure'), t('reports.col.aggregate'), t('reports.col.definition')]}
        rows={regime.indicators.map((code) => { const d = getIndicator(code); const x = d && indicatorText(d, lang); return [<><strong>{x?.label ?? code}</strong><br /><code>{code}</code>{d?.compute && <> <span class="tag green">{t('reports.col.computed')}</span></>}</>, x?.unit ?? '', d ? t(`reports.agg.${d.aggregate}`) : '', x?.definition ?? '']; })} />
      {canManage && (
        <form method="post" action={`/report-regimes/${regime.id}/periods`} novalidate>
          <h2>{t('reports.newPeriod')}</h2>
          <p class="hint">{t('reports.newPeriodHint')}</p>
          <Csrf />
          <Field name="title" label={t('reports.newPeriod.title')} values={values} errors={errors} />
          <Select name="kind" label={t('reports.col.kind')} options={(['adhoc', 'semiannual', 'annual'] as const).map((k) => [k, t(`reports.kind.${k}`)])} values={values} errors={errors} />
          <Field name="from" label={t('reports.from')} hint="dd/mm/yyyy" values={values} errors={errors} width="short" />
          <Field name="to" label={t('reports.to')} hint="dd/mm/yyyy" values={values} errors={errors} width="short" />
          <Field name="due" label={t('reports.due')} hint="dd/mm/yyyy" values={values} errors={errors} width="short" />
          <Select name="dueMode" label={t('reports.dueMode')} options={DUE_MODES.map((m) => [m, t(`reports.dueMode.${m}`)])} values={values} errors={errors} />
          <button type="submit" class="secondary">{t('reports.newPeriod.create')}</button>
        </form>
      )}
    </>
  );
}

export function Dashboard({ period, regime, statuses, trend, canManage, canAggregate, values, errors, saved }: { period: Period; regime: Regime; statuses: UnitStatus[]; trend: TimelinessPoint[]; canManage: boolean; canAggregate: boolean; values: Record<string, string>; errors?: FieldErrors; saved: boolean }) {
  const t = useT();
  const count = (s: string) => statuses.filter((x) => x.status === s).length;
  return (
    <>
      <ErrorSummary errors={errors} />
      {saved && <div class="notice" role="status">{t('reports.periodSaved')}</div>}
      <p class="caption"><a href={`/report-regimes/${regime.id}`}>{regime.name}</a></p>
      <h1>{period.title}</h1>
      <p>{t('reports.col.cutoff')}: {cutoff(period)} · {t('reports.col.due')}: <strong id="due">{dueText(t, period)}</strong></p>
      {period.lastDay < period.to && <p class="hint">{t('reports.dueBeforeCutoff', { due: formatDate(period.lastDay), to: formatDate(period.to) })}</p>}
      <p><strong>{t('reports.counts', { units: statuses.length, submitted: count('submitted'), returned: count('returned'), accepted: count('accepted'), missing: count('missing') + count('draft'), late: statuses.filter((s) => s.late).length })}</strong></p>
      {canAggregate && <p><a href={`/report-periods/${period.id}/aggregate`}>{t('reports.openAggregate')}</a> · <a href={`/report-periods/${period.id}/provincial`}>{t('reports.provincial.open')}</a></p>}
      <TimelinessTrend trend={trend} kind={period.kind} />
      <Table caption={t('reports.dashboard')} head={[t('reports.col.unit'), t('reports.col.status'), t('reports.col.submittedAt'), t('reports.col.version')]}
        rows={statuses.map((s) => [<a href={`/reports/${period.id}/${s.unitId}`}>{s.unitName}</a>, <StatusTag status={s.status} late={s.late} />, formatDateTime(s.submittedAt), s.version ? String(s.version) : ''])} />
      {canManage && (
        <form method="post" action={`/report-periods/${period.id}`} novalidate>
          <h2>{t('reports.editPeriod')}</h2>
          <Csrf />
          <Field name="from" label={t('reports.from')} hint="dd/mm/yyyy" values={values} errors={errors} width="short" />
          <Field name="to" label={t('reports.to')} values={values} errors={errors} width="short" />
          <Field name="due" label={t('reports.due')} values={values} errors={errors} width="short" />
          <Select name="dueMode" label={t('reports.dueMode')} options={DUE_MODES.map((m) => [m, t(`reports.dueMode.${m}`)])} values={values} errors={errors} />
          <button type="submit" class="secondary">{t('form.save')}</button>
        </form>
      )}
    </>
  );
}
