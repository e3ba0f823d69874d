import type { Db } from '../../platform/db/index.ts';
import { aggregateValues, getIndicator, type Aggregate } from '../../platform/indicators/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { periodStatuses, type Period, type Regime, type UnitStatus } from './reports.repository.ts';

/** Reports counted in the aggregate: those sent and not returned (submitted, accepted). */
export const COUNTED = ['submitted', 'accepted'] as const;

export interface AggregateIndicator { code: string; label: string; unit: string; aggregate: Aggregate; total: number | null; byUnitKind: Record<string, number | null>; reporting: number }
export interface Aggregation {
  indicators: AggregateIndicator[];
  submitted: number;
  accepted: number;
  missing: string[];
  late: string[];
  statuses: UnitStatus[];
  /** unitId -> code -> value, for the counted reports (drill-down and XLSX). */
  byUnit: Map<string, Map<string, number | null>>;
  /** Outline section -> each counted unit's text, attributed. */
  narrative: { key: string; part: string; title: string; entries: { unitId: string; unitName: string; text: string }[] }[];
}

/**
 * Province-wide aggregation of a period: each indicator over the counted reports (sum, average or
 * maximum as its definition says), by unit kind, and by unit; the narrative compiled per outline
 * section with each unit's text attributed. One pass over the values (a province of 3,321 units
 * aggregates in well under the 2 s budget; see bench/reports.bench.ts).
 */
export async function aggregatePeriod(db: Db, period: Period, regime: Regime, opts: { narrative?: boolean; today?: string } = {}): Promise<Aggregation> {
  const statuses = await periodStatuses(db, period, 'all', opts.today ?? localToday());
  const kindOf = new Map(statuses.map((s) => [s.unitId, s.kind]));
  const rows = await db.selectFrom('report_values as v').innerJoin('reports as r', 'r.id', 'v.report_id')
    .select(['r.unit_id', 'v.code', 'v.value']).where('r.period_id', '=', period.id).where('r.status', 'in', [...COUNTED]).execute();
  const byUnit = new Map<string, Map<string, number | null>>();
  const perCode = new Map<string, { all: number[]; kinds: Map<string, number[]> }>();
  for (const r of rows) {
    const v = r.value == null || r.value === '' ? null : Number(r.value);
    (byUnit.get(r.unit_id) ?? byUnit.set(r.unit_id, new Map()).get(r.unit_id)!).set(r.code, v);
    if (v === null || !kindOf.has(r.unit_id)) continue;
    const c = perCode.get(r.code) ?? perCode.set(r.code, { all: [], kinds: new Map() }).get(r.code)!;
    c.all.push(v);
    const k = kindOf.get(r.unit_id)!;
    (c.kinds.get(k) ?? c.kinds.set(k, []).get(k)!).push(v);
  }
  for (const s of statuses) if ((COUNTED as readonly string[]).includes(s.status) && !byUnit.has(s.unitId)) byUnit.set(s.unitId, new Map());
  const kinds = [...new Set(statuses.map((s) => s.kind))];
  const indicators = regime.indicators.map((code): AggregateIndicator => {
    const d = getIndicator(code);
    const how = d?.aggregate ?? 'sum';
    const c = perCode.get(code);
    return {
      code, label: d?.label ?? code, unit: d?.unit ?? '', aggregate: how, total: aggregateValues(how, c?.all ?? []),
      byUnitKind: Object.fromEntries(kinds.map((k) => [k, aggregateValues(how, c?.kinds.get(k) ?? [])])), reporting: c?.all.length ?? 0,
    };
  });
  let narrative: Aggregation['narrative'] = [];
  if (opts.narrative) {
    const texts = await db.selectFrom('report_sections as s').innerJoin('reports as r', 'r.id', 's.report_id').select(['r.unit_id', 's.key', 's.text'])
      .where('r.period_id', '=', period.id).where('r.status', 'in', [...COUNTED]).execute();
    const order = new Map(statuses.map((s, i) => [s.unitId, i]));
    const name = new Map(statuses.map((s) => [s.unitId, s.unitName]));
    narrative = regime.outline.map((o) => ({
      key: o.key, part: o.part, title: o.title,
      entries: texts.filter((t) => t.key === o.key && t.text.trim() && order.has(t.unit_id)).sort((a, b) => order.get(a.unit_id)! - order.get(b.unit_id)!)
        .map((t) => ({ unitId: t.unit_id, unitName: name.get(t.unit_id)!, text: t.text.trim() })),
    }));
  }
  return {
    indicators,
    submitted: statuses.filter((s) => s.status === 'submitted').length,
    accepted: statuses.filter((s) => s.status === 'accepted').length,
    missing: statuses.filter((s) => s.status === 'missing' || s.status === 'draft').map((s) => s.unitId),
    late: statuses.filter((s) => s.late).map((s) => s.unitId),
    statuses, byUnit, narrative,
  };
}
