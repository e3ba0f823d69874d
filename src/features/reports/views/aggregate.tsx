import { Csrf, Pagination, Table, useLang, useT } from '../../../platform/views/components.tsx';
import { getIndicator, indicatorText } from '../../../platform/indicators/index.ts';
import { BarChart, type Bar } from '../../../platform/views/chart.tsx';
import { outlineIn } from './outline.ts';
import { num, StatusTag } from './period.tsx';
import type { Aggregation } from '../reports.aggregate.ts';
import type { Period } from '../reports.repository.ts';

/** Units per page of the aggregate's per-unit part (3,321 communes in one page were 2.8 MB; the exports stay complete). */
export const AGGREGATE_PAGE = 100;

/**
 * The province aggregate of a period: the province totals on top (every unit counted), then one page
 * of units (their status, the chosen indicator's value, their narrative), `AGGREGATE_PAGE` a page.
 */
export function AggregatePage({ period, agg, drill, trend = [], page = 1 }: { period: Period; agg: Aggregation; drill?: string; trend?: Bar[]; page?: number }) {
  const t = useT();
  const lang = useLang();
  const kinds = Object.keys(agg.indicators[0]?.byUnitKind ?? {});
  const found = drill ? agg.indicators.find((i) => i.code === drill) : undefined;
  const d = found && { ...found, ...indicatorIn(found, lang) };
  const base = `/report-periods/${period.id}/aggregate`;
  const units = agg.statuses.slice((page - 1) * AGGREGATE_PAGE, page * AGGREGATE_PAGE);
  const onPage = new Set(units.map((s) => s.unitId));
  const hasNext = agg.statuses.length > page * AGGREGATE_PAGE;
  const pager = (page > 1 || hasNext) && <Pagination page={page} hasNext={hasNext} baseQuery={d ? { indicator: d.code } : {}} />;
  return (
    <>
      <p class="caption"><a href={`/report-periods/${period.id}`}>{period.title}</a></p>
      <h1>{t('reports.aggregateTitle')}</h1>
      <p>{t('reports.countedNote', { n: agg.submitted + agg.accepted })} <StatusTag status="submitted" /> {agg.submitted} · <StatusTag status="accepted" /> {agg.accepted}</p>
      <p id="unit-counts">{t('reports.missingUnits', { n: agg.missing.length })} · {t('reports.lateUnits', { n: agg.late.length })}</p>
      <p><a href={`/report-periods/${period.id}/provincial`}><strong>{t('reports.provincial.open')}</strong></a></p>
      <p class="actions"><a href={`${base}.docx`}>{t('reports.download.docx')}</a> · <a href={`${base}.xlsx`}>{t('reports.download.xlsx')}</a> · <a href={`${base}.csv`}>{t('reports.download.csv')}</a></p>
      <form method="post" action={`/report-periods/${period.id}/exports`} class="inline">
        <Csrf />
        <label for="f-format">{t('reports.export.label')}</label>{' '}
        <select id="f-format" name="format">{(['docx', 'xlsx', 'csv'] as const).map((f) => <option value={f}>{f.toUpperCase()}</option>)}</select>{' '}
        <button type="submit" class="secondary">{t('reports.export.start')}</button>
        <span class="hint"> {t('reports.export.hint')}</span>
      </form>
      <Table caption={t('reports.indicators')} head={[t('reports.col.indicator'), t('reports.col.measure'), t('reports.col.aggregate'), t('reports.col.total'), ...kinds.map((k) => t(`reports.unitKind.${k}`))]}
        rows={agg.indicators.map((i) => ({ ...i, ...indicatorIn(i, lang) })).map((i) => [<a href={`${base}?indicator=${encodeURIComponent(i.code)}#drill`}>{i.label}</a>, i.unit, t(`reports.agg.${i.aggregate}`), <strong>{num(i.total)}</strong>, ...kinds.map((k) => num(i.byUnitKind[k]))])} />
      {d && trend.length > 1 && <div class="charts no-print"><BarChart id="trend-indicator" title={t('reports.trend.indicator', { label: d.label, kind: t(`reports.kind.${period.kind}`).toLowerCase() })} bars={trend} unit={d.unit} lang={lang} tableLabel={t('reports.trend.table')} /></div>}
      <h2 id="drill">{t('reports.drill')}</h2>
      <p class="hint">{t('reports.unitsPage', { from: (page - 1) * AGGREGATE_PAGE + 1, to: (page - 1) * AGGREGATE_PAGE + units.length, n: agg.statuses.length })}{!d && <> {t('reports.drillHint')}</>}</p>
      <Table caption={d?.label} head={[t('reports.col.unit'), t('reports.col.status'), ...(d ? [`${t('reports.col.value')} (${d.unit})`] : [])]}
        rows={units.map((s) => [<a href={`/reports/${period.id}/${s.unitId}`}>{s.unitName}</a>, <StatusTag status={s.status} late={s.late} />, ...(d ? [num(agg.byUnit.get(s.unitId)?.get(d.code))] : [])])} />
      {pager}
      <h2>{t('reports.compiled')}</h2>
      <p class="hint">{t('reports.compiledPage')}</p>
      {agg.narrative.map((x) => outlineIn(x, t)).map((n, i, narrative) => ({ ...n, entries: n.entries.filter((e) => onPage.has(e.unitId)), first: i === 0 || narrative[i - 1].part !== n.part })).map((n) => (
        <section>
          {n.first && <h3>{n.part}</h3>}
          {n.title !== n.part.replace(/^[IVX]+\.\s*/, '') && <h4>{n.title}</h4>}
          {n.entries.length === 0 ? <p class="muted">{t('reports.empty')}</p> : n.entries.map((e) => <p><strong>{e.unitName}:</strong> {e.text}</p>)}
        </section>
      ))}
      {pager}
    </>
  );
}

/** An aggregated indicator's label and unit in the page's language. */
function indicatorIn(i: { code: string; label: string; unit: string }, lang: 'vi' | 'en') {
  const d = getIndicator(i.code);
  return d ? indicatorText(d, lang) : { label: i.label, unit: i.unit };
}
