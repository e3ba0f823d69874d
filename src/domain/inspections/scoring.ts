/**
 * Scorecards of mass-mobilisation work (công tác dân vận chính quyền) and grassroots democracy as
 * versioned, province-defined data (DVK-AND-INSPECTIONS §3.3: "Rule sets are per province,
 * versioned and replaced every few years"; Quảng Nam 1094/QĐ-UBND: "10 criteria on a 100-point
 * scale, plus bonus points"). Pure: no I/O. The class bands, weights and bonus/penalty values are
 * not verified for any province; they are data the province sets.
 */

export type FindingResult = 'met' | 'partly' | 'not_met' | 'na';
export const FINDING_RESULTS: readonly FindingResult[] = ['met', 'partly', 'not_met', 'na'];
export type ClassCode = 'HTXS' | 'HTT' | 'HT' | 'KHT' | 'NOT_ELIGIBLE';
export const CLASS_CODES: readonly ClassCode[] = ['HTXS', 'HTT', 'HT', 'KHT', 'NOT_ELIGIBLE'];

/** A percentage band: at least `minPct` percent earns `share` (0–1) of the criterion's points. */
export interface Band { minPct: number; share: number }

/** How a criterion is measured from platform indicators (src/platform/indicators). */
export type AutoRule =
  | { kind: 'at-least'; indicator: string; target: number }
  | { kind: 'reception'; indicator: string }
  | { kind: 'deduct'; indicator: string; perUnit: number }
  | { kind: 'ratio'; num: string; den: string[]; bands: Band[] };

export interface Criterion { code: string; group: string; text: string; maxPoints: number; legalRef?: string; evidence?: string; auto?: AutoRule }
export interface ClassBand { cls: Exclude<ClassCode, 'NOT_ELIGIBLE'>; min: number }

export interface SchemeDef {
  criteria: Criterion[];
  bonus: { code: string; text: string; maxPoints: number }[];
  bonusCap: number;
  penalties: { code: string; text: string; points: number }[];
  classBands: ClassBand[];
  /** Not applicable criteria leave the maximum: the score is rescaled to the full maximum. */
  rescaleNa: boolean;
  /** A unit whose self-score is missing is not eligible for classification (Ngân Sơn 2020: "không đủ điều kiện xếp loại"). */
  requireSelfScore: boolean;
  /** Criteria whose "not met" makes the unit not eligible. */
  criticalCodes: string[];
  /** Weights are placeholders the province has not yet issued. */
  provisional: boolean;
  source: string;
}

/** Every indicator code a scheme's criteria read. */
export function indicatorCodes(def: SchemeDef): string[] {
  const out = new Set<string>();
  for (const c of def.criteria) {
    const a = c.auto;
    if (!a) continue;
    if (a.kind === 'ratio') [a.num, ...a.den].forEach((x) => out.add(x));
    else out.add(a.indicator);
  }
  return [...out];
}

/** Share of the points for a percentage by bands (highest band reached), 0 below every band. */
export function bandShare(pct: number, bands: Band[]): number {
  const hit = [...bands].sort((a, b) => b.minPct - a.minPct).find((b) => pct >= b.minPct);
  return hit ? hit.share : 0;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

export interface AutoScore { points: number; figures: { code: string; value: number }[]; target?: number; pct?: number }

/**
 * Points of a measurable criterion from indicator values, with the figures used; null when a value
 * is missing (the inspector scores by hand). `requiredReceptionDays` is the statutory count for the
 * period (LTCD Art. 15 as amended, computed by the caller from src/domain/deadlines).
 */
export function autoScore(c: Criterion, values: ReadonlyMap<string, number | null>, ctx: { requiredReceptionDays?: number } = {}): AutoScore | null {
  const a = c.auto;
  if (!a) return null;
  const v = (code: string) => values.get(code);
  if (a.kind === 'ratio') {
    const num = v(a.num);
    const dens = a.den.map(v);
    if (num == null || dens.some((d) => d == null)) return null;
    const den = (dens as number[]).reduce((s, x) => s + x, 0);
    // Nothing to measure (no tasks at all): the inspector scores it by hand.
    if (den === 0) return null;
    const figures = [...new Map([[a.num, num], ...a.den.map((code, i): [string, number] => [code, dens[i] as number])]).entries()].map(([code, value]) => ({ code, value }));
    const pct = r2((num / den) * 100);
    return { points: r2(c.maxPoints * bandShare(pct, a.bands)), figures, pct };
  }
  const value = v(a.indicator);
  if (value == null) return null;
  const figures = [{ code: a.indicator, value }];
  if (a.kind === 'deduct') return { points: r2(Math.max(0, c.maxPoints - value * a.perUnit)), figures };
  const target = a.kind === 'reception' ? ctx.requiredReceptionDays : a.target;
  if (target == null) return null;
  const pct = target <= 0 ? 100 : r2(Math.min(100, (value / target) * 100));
  return { points: r2((c.maxPoints * pct) / 100), figures, target, pct };
}

/** Points for a result: met = maximum, not met = 0, not applicable = none, partly = entered (0 < p < max) or half. */
export function pointsFor(result: FindingResult, maxPoints: number, entered?: number | null): number | null {
  if (result === 'na') return null;
  if (result === 'met') return entered != null ? Math.min(maxPoints, Math.max(0, entered)) : maxPoints;
  if (result === 'not_met') return entered != null ? Math.min(maxPoints, Math.max(0, entered)) : 0;
  return entered != null ? Math.min(maxPoints, Math.max(0, entered)) : r2(maxPoints / 2);
}

export interface FindingScore { code: string; result: FindingResult; points: number | null }
export interface Scorecard { earned: number; applicableMax: number; fullMax: number; base: number; bonus: number; penalty: number; total: number; cls: ClassCode; reasons: string[] }

/** The class of a total by bands (highest band reached); KHT below every band. */
export function classify(total: number, bands: ClassBand[]): Exclude<ClassCode, 'NOT_ELIGIBLE'> {
  return [...bands].sort((a, b) => b.min - a.min).find((b) => total >= b.min)?.cls ?? 'KHT';
}

/**
 * The scorecard of a unit: criteria points (not applicable ones rescaled when the scheme says so),
 * plus bonus up to its cap, minus penalties; the class by the scheme's bands, or NOT_ELIGIBLE when
 * a critical criterion is not met or the self-score is missing.
 */
export function scoreCard(def: SchemeDef, findings: FindingScore[], opts: { bonus?: { code: string; points: number }[]; penalties?: string[]; hasSelfScore?: boolean } = {}): Scorecard {
  const byCode = new Map(findings.map((f) => [f.code, f]));
  const fullMax = def.criteria.reduce((s, c) => s + c.maxPoints, 0);
  let earned = 0;
  let applicableMax = 0;
  const reasons: string[] = [];
  for (const c of def.criteria) {
    const f = byCode.get(c.code);
    if (f?.result === 'na') continue;
    applicableMax += c.maxPoints;
    earned += Math.min(c.maxPoints, Math.max(0, f?.points ?? 0));
    if (f?.result === 'not_met' && def.criticalCodes.includes(c.code)) reasons.push(`critical:${c.code}`);
  }
  const base = def.rescaleNa && applicableMax > 0 && applicableMax < fullMax ? r2((earned / applicableMax) * fullMax) : r2(earned);
  const bonusMax = new Map(def.bonus.map((b) => [b.code, b.maxPoints]));
  const bonus = r2(Math.min(def.bonusCap, (opts.bonus ?? []).reduce((s, b) => s + Math.min(bonusMax.get(b.code) ?? 0, Math.max(0, b.points)), 0)));
  const penaltyPts = new Map(def.penalties.map((p) => [p.code, p.points]));
  const penalty = r2((opts.penalties ?? []).reduce((s, code) => s + (penaltyPts.get(code) ?? 0), 0));
  const total = r2(Math.max(0, base + bonus - penalty));
  if (def.requireSelfScore && opts.hasSelfScore === false) reasons.push('no-self-score');
  return { earned: r2(earned), applicableMax, fullMax, base, bonus, penalty, total, cls: reasons.length ? 'NOT_ELIGIBLE' : classify(total, def.classBands), reasons };
}

/** A yearly assessment: the self-score changed by the Department's adjustments, each with its reason (Ngân Sơn 2020: 87 → 78). */
export function appraise(selfScore: number, adjustments: { points: number; reason: string }[]): { ok: true; score: number } | { ok: false; index: number } {
  const bad = adjustments.findIndex((a) => !a.reason.trim() || !Number.isFinite(a.points));
  if (bad >= 0) return { ok: false, index: bad };
  return { ok: true, score: r2(Math.max(0, selfScore + adjustments.reduce((s, a) => s + a.points, 0))) };
}

/** Problems of a scheme definition (translation keys by field), empty when it can be used. */
export function schemeProblems(def: SchemeDef): Record<string, string> {
  const out: Record<string, string> = {};
  const codes = def.criteria.map((c) => c.code);
  if (!def.criteria.length) out.criteria = 'inspections.error.noCriteria';
  else if (new Set(codes).size !== codes.length) out.criteria = 'inspections.error.duplicateCode';
  else if (def.criteria.some((c) => !(c.maxPoints >= 0))) out.criteria = 'inspections.error.points';
  const classes = def.classBands.map((b) => b.cls);
  if (def.classBands.length < 2 || new Set(classes).size !== classes.length) out.classBands = 'inspections.error.bands';
  if (def.criticalCodes.some((c) => !codes.includes(c))) out.criticalCodes = 'inspections.error.unknownCode';
  if (!(def.bonusCap >= 0)) out.bonusCap = 'inspections.error.points';
  return out;
}
