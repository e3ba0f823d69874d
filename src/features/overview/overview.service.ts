import type { Db } from '../../platform/db/index.ts';
import { computeIndicators, getIndicator, type IndicatorDef } from '../../platform/indicators/index.ts';
import { findUnits } from '../units/index.ts';
import { listPeriods, reportTimeliness, type Period } from '../reports/index.ts';
import { complianceOfUnits } from '../disclosures/index.ts';

/**
 * The headline figures of the province overview. Each is a report indicator (one definition, the
 * same number as in the report forms), computed for the province unit (which counts its communes
 * and departments) over a report period's cut-off — up to today while the period runs — beside the
 * previous period of the same kind. `worseWhenHigher` marks figures where a bigger number needs
 * attention; the ranking sorts by it.
 */
export const OVERVIEW_FIGURES: { code: string; worseWhenHigher: boolean }[] = [
  { code: 'don.overdue', worseWhenHigher: true },
  { code: 'nv.overdue', worseWhenHigher: true },
  { code: 'yk.unanswered', worseWhenHigher: true },
  { code: 'don.received', worseWhenHigher: false },
  { code: 'tcd.days', worseWhenHigher: false },
  { code: 'dvk.recognised', worseWhenHigher: false },
];

/** The unit kinds ranked on the overview: communes and wards, and the province's departments. */
export const RANKED_KINDS = ['commune-committee', 'department'] as const;

export interface Figure { def: IndicatorDef; worseWhenHigher: boolean; value: number | null; previous: number | null }
export interface UnitRow { unitId: string; code: string | null; name: string; kind: string; report: { status: string; late: boolean } | null; gaps: number | null; values: Map<string, number | null> }
export interface Window { key: string; title: string; from: string; to: string; report: Period | null }
export interface Overview {
  window: Window; previous: Window | null; asOf: string; provinceCode: string | null; figures: Figure[];
  reports: { period: Period; units: number; onTime: number; late: number; missing: number; previousOnTime: number | null; previousUnits: number | null } | null;
  disclosure: { units: number; withGaps: number; previousWithGaps: number | null };
  rows: UnitRow[];
}

/** The previous period of the same kind (the one compared with). */
export function previousOf(periods: Period[], period: Period): Period | null {
  return periods.filter((p) => p.kind === period.kind && p.due < period.due).sort((a, b) => (a.due < b.due ? 1 : -1))[0] ?? null;
}

const shiftYear = (date: string, by: number) => {
  const y = String(Number(date.slice(0, 4)) + by);
  return date.slice(5) === '02-29' ? `${y}-02-28` : `${y}${date.slice(4)}`;
};

/**
 * The window shown and the one it is compared with. 'ytd' (the default): from 01/01 to today,
 * beside the same days of the year before; its report figure is the last period whose last day to
 * send has passed. A report period: its data cut-off (up to today while it runs), beside the
 * previous period of the same kind.
 */
export function windowsOf(periods: Period[], key: string | undefined, today: string, ytdTitle: (year: number) => string): { window: Window; previous: Window | null } {
  const period = key ? periods.find((p) => p.id === key) : undefined;
  if (period) {
    const prev = previousOf(periods, period);
    return { window: { key: period.id, title: period.title, from: period.from, to: period.to, report: period }, previous: prev ? { key: prev.id, title: prev.title, from: prev.from, to: prev.to, report: prev } : null };
  }
  const year = Number(today.slice(0, 4));
  const closed = periods.filter((p) => p.lastDay < today).sort((a, b) => (a.lastDay < b.lastDay ? 1 : -1))[0] ?? null;
  const from = `${year}-01-01`;
  return {
    window: { key: 'ytd', title: ytdTitle(year), from, to: today, report: closed },
    previous: { key: 'ytd-previous', title: ytdTitle(year - 1), from: shiftYear(from, -1), to: shiftYear(today, -1), report: closed ? previousOf(periods, closed) : null },
  };
}

/** The last day counted: the window's end, or today while it runs. */
const asOfDay = (w: { to: string }, today: string) => (w.to < today ? w.to : today);

/** Disclosure gaps of a unit: required items missing, posted late or outdated on the board. */
const gapCount = (c: { missing: string[]; late: string[]; outdated: string[] }) => c.missing.length + c.late.length + c.outdated.length;

/** Everything on /overview for one window: province figures, report timeliness, disclosure gaps, one row per commune and department. */
export async function buildOverview(db: Db, window: Window, previous: Window | null, today: string): Promise<Overview> {
  const province = (await findUnits(db, { at: today, kind: 'province-committee' }))[0];
  const codes = OVERVIEW_FIGURES.map((f) => f.code);
  const asOf = asOfDay(window, today);
  const now = province ? await computeIndicators(db, codes, { unitId: province.id, from: window.from, to: asOf }) : new Map<string, number | null>();
  const before = province && previous ? await computeIndicators(db, codes, { unitId: province.id, from: previous.from, to: asOfDay(previous, today) }) : new Map<string, number | null>();
  const figures = OVERVIEW_FIGURES.flatMap((f) => {
    const def = getIndicator(f.code);
    return def ? [{ def, worseWhenHigher: f.worseWhenHigher, value: now.get(f.code) ?? null, previous: previous ? (before.get(f.code) ?? null) : null }] : [];
  });
  const timeliness = window.report ? await reportTimeliness(db, window.report, today) : null;
  const prevTimeliness = previous?.report ? await reportTimeliness(db, previous.report, today) : null;
  const units = (await findUnits(db, { at: today })).filter((u) => (RANKED_KINDS as readonly string[]).includes(u.kind));
  const communes = units.filter((u) => u.kind === 'commune-committee');
  const compliance = await complianceOfUnits(db, communes, window.from, asOf);
  const prevCompliance = previous ? await complianceOfUnits(db, communes, previous.from, asOfDay(previous, today)) : null;
  const rows: UnitRow[] = [];
  for (const u of units) {
    const c = compliance.get(u.id);
    rows.push({ unitId: u.id, code: u.code, name: u.fullName, kind: u.kind, report: timeliness?.byUnit.get(u.id) ?? null, gaps: c ? gapCount(c) : null, values: await computeIndicators(db, codes, { unitId: u.id, from: window.from, to: asOf }) });
  }
  return {
    window, previous, asOf, figures, rows, provinceCode: province?.code ?? null,
    reports: timeliness && window.report ? { period: window.report, units: timeliness.units, onTime: timeliness.onTime, late: timeliness.late, missing: timeliness.missing, previousOnTime: prevTimeliness?.onTime ?? null, previousUnits: prevTimeliness?.units ?? null } : null,
    disclosure: { units: compliance.size, withGaps: [...compliance.values()].filter((c) => gapCount(c) > 0).length, previousWithGaps: prevCompliance ? [...prevCompliance.values()].filter((c) => gapCount(c) > 0).length : null },
  };
}

/** The last `n` calendar quarters up to today (oldest first), the running one ending today. */
export function lastQuarters(today: string, n = 6): { label: string; from: string; to: string }[] {
  let y = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: { label: string; from: string; to: string }[] = [];
  for (let i = 0; i < n; i++) {
    const m = (q - 1) * 3 + 1;
    const from = `${y}-${String(m).padStart(2, '0')}-01`;
    const end = new Date(Date.UTC(y, m + 2, 0)).toISOString().slice(0, 10);
    out.unshift({ label: `Q${q}/${y}`, from, to: end < today ? end : today });
    q -= 1;
    if (q === 0) { q = 4; y -= 1; }
  }
  return out;
}

/** Each headline figure over the last six calendar quarters, for the province unit (the same indicators). */
export async function trends(db: Db, today: string): Promise<{ quarters: { label: string; from: string; to: string }[]; values: Map<string, (number | null)[]> }> {
  const province = (await findUnits(db, { at: today, kind: 'province-committee' }))[0];
  const quarters = lastQuarters(today);
  const codes = OVERVIEW_FIGURES.map((f) => f.code);
  const values = new Map<string, (number | null)[]>(codes.map((c) => [c, []]));
  for (const q of quarters) {
    const v = province ? await computeIndicators(db, codes, { unitId: province.id, from: q.from, to: q.to }) : new Map<string, number | null>();
    for (const c of codes) values.get(c)!.push(v.get(c) ?? null);
  }
  return { quarters, values };
}

/** The columns a ranking can sort by: a figure's code, or 'gaps' (disclosure gaps). */
export const SORTS = [...OVERVIEW_FIGURES.map((f) => f.code), 'gaps'];

/** Sorts rows by a figure (worst first: highest where higher is worse, else lowest), then by name. */
export function rank(rows: UnitRow[], code: string): UnitRow[] {
  const f = OVERVIEW_FIGURES.find((x) => x.code === code);
  const sign = f && !f.worseWhenHigher ? 1 : -1;
  const value = (r: UnitRow) => (code === 'gaps' ? r.gaps : r.values.get(code)) ?? 0;
  return [...rows].sort((a, b) => sign * (value(a) - value(b)) || a.name.localeCompare(b.name, 'vi'));
}

export { listPeriods };
