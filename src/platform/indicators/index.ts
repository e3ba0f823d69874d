/**
 * Report indicators (chỉ tiêu của biểu mẫu số liệu, NĐ 09/2019 Art. 7: the data form of a reporting
 * regime) as a registry, so every number means the same everywhere: a code, a label users read, a
 * definition, a unit of measure and how it aggregates across units. Where the platform already holds
 * the data, `compute` gives the value of one unit for a period; the report form prefills it and a
 * user may override it only with a written reason (both kept).
 *
 * Hook for other features: call `registerIndicator` from your feature's index.ts (module load), e.g.
 *
 *   registerIndicator({ code: 'petitions.received', label: 'Số đơn tiếp nhận', labelEn: 'Petitions received',
 *     definition: 'Đơn nhận trong kỳ (theo ngày nhận), mọi loại', unit: 'đơn', aggregate: 'sum',
 *     compute: (db, { unitId, from, to }) => countPetitions(db, unitId, from, to) });
 *
 * A regime lists indicator codes; a code that no feature registered is shown as a manual field.
 * Registering the same code again replaces the earlier definition, except that a definition without
 * `compute` never replaces one with it (so a regime's plain list cannot undo a feature's computation,
 * whichever module loads first).
 */
import type { Db } from '../db/index.ts';

export type Aggregate = 'sum' | 'avg' | 'max';

export interface IndicatorScope {
  unitId: string;
  /** First and last day of the data cut-off, YYYY-MM-DD (inclusive). */
  from: string;
  to: string;
}

export interface IndicatorDef {
  code: string;
  label: string;
  labelEn: string;
  /** What is counted, read by every unit (Vietnamese). */
  definition: string;
  /** The same in English (the Vietnamese is shown where it is missing). */
  definitionEn?: string;
  /** Unit of measure, e.g. 'cuộc', 'văn bản', '%'. */
  unit: string;
  aggregate: Aggregate;
  /** The value of one unit for a period, from data the platform holds; null when it cannot tell. */
  compute?: (db: Db, scope: IndicatorScope) => Promise<number | null>;
}

const registry = new Map<string, IndicatorDef>();

/** Adds (or replaces) an indicator definition; a computed definition is never replaced by a manual one. */
export function registerIndicator(def: IndicatorDef): void {
  if (!/^[a-z][a-z0-9.-]{1,63}$/.test(def.code)) throw new Error(`bad indicator code ${def.code}`);
  if (!def.compute && registry.get(def.code)?.compute) return;
  registry.set(def.code, def);
}

/** English names of the units of measure the indicators use. */
const UNIT_EN: Record<string, string> = {
  'văn bản': 'documents', cuộc: 'sessions', 'lượt người': 'attendances', ngày: 'days', đơn: 'petitions', 'đơn vị': 'units', người: 'people',
  lượt: 'times', 'nhiệm vụ': 'tasks', 'mô hình': 'models', 'thao tác': 'actions', 'ý kiến': 'comments', điểm: 'points',
};

/** The label, unit of measure and definition of an indicator in the page's language. */
export function indicatorText(d: IndicatorDef, lang: 'vi' | 'en'): { label: string; unit: string; definition: string } {
  if (lang === 'vi') return { label: d.label, unit: d.unit, definition: d.definition };
  return { label: d.labelEn, unit: UNIT_EN[d.unit] ?? d.unit, definition: d.definitionEn ?? d.definition };
}

/** The label of an indicator code in the page's language (the code itself when it is not registered). */
export function indicatorLabel(code: string, lang: 'vi' | 'en'): string {
  const d = registry.get(code);
  return d ? indicatorText(d, lang).label : code;
}

export function getIndicator(code: string): IndicatorDef | undefined {
  return registry.get(code);
}

export function listIndicators(): IndicatorDef[] {
  return [...registry.values()];
}

/** Sum, average or maximum of the values present (nulls ignored); null when there are none. */
export function aggregateValues(how: Aggregate, values: (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (xs.length === 0) return null;
  if (how === 'max') return Math.max(...xs);
  const sum = xs.reduce((a, b) => a + b, 0);
  return how === 'sum' ? round(sum) : round(sum / xs.length);
}

/** Rounds to 4 decimals (values are counts or percentages; avoids 0.1 + 0.2 noise). */
export function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Computes every computable indicator among `codes` for a unit and period; errors become null. */
export async function computeIndicators(db: Db, codes: string[], scope: IndicatorScope): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  for (const code of codes) {
    const def = registry.get(code);
    if (!def?.compute) continue;
    try {
      const v = await def.compute(db, scope);
      out.set(code, v == null || !Number.isFinite(v) ? null : round(v));
    } catch {
      out.set(code, null);
    }
  }
  return out;
}
