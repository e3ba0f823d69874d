import { Calendar } from '../../domain/calendar/index.ts';
import { computeDeadline, findRule, type DeadlineOptions } from '../../domain/deadlines/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { nowMs } from '../../platform/clock.ts';

export interface LegalTime { calendar: Calendar; options: DeadlineOptions }
/** One clock of a case, as stored in `petitions.deadlines` (JSON). */
export interface Clock { ruleId: string; start: string; due: string; variant: string | null; basis: string; title: string; /** Set by a date entered, not by a rule (never recomputed). */ fixed?: boolean }
export type Clocks = Record<string, Clock>;

/** The province's calendar and deadline options (loaded outside transactions; bundled defaults if unavailable). */
export async function legalTime(db: Db): Promise<LegalTime> {
  const hit = cache.get(db);
  if (hit && hit.until > nowMs()) return hit.lt;
  let lt: LegalTime;
  try {
    lt = await loadLegalTime(db);
  } catch {
    lt = { calendar: new Calendar(), options: {} };
  }
  cache.set(db, { lt, until: nowMs() + CACHE_MS });
  return lt;
}
/** Calendars are rebuilt at most every 30 s per database (an admin's correction shows up within that). */
const CACHE_MS = 30_000;
let cache = new WeakMap<Db, { lt: LegalTime; until: number }>();
/** Forgets the cached calendars (after an admin changed a year's schedule). */
export const forgetLegalTime = () => { cache = new WeakMap(); };

/** A clock from the legal time engine, with its legal basis as text. */
export function clock(lt: LegalTime, ruleId: string, start: string, o: { variant?: string; remote?: boolean; excludedDays?: number } = {}): Clock {
  const r = computeDeadline(ruleId, { start, variant: o.variant, remote: o.remote, excludedDays: o.excludedDays }, lt.calendar, lt.options);
  const b = r.legalBasis;
  const rule = findRule(ruleId, start);
  return { ruleId, start, due: r.due, variant: r.variant, title: rule?.title ?? ruleId, basis: `${b.law}, Điều ${b.article}${b.clause ? ` khoản ${b.clause}` : ''}` };
}

/** The earliest open due date of the clocks named. */
export function earliest(clocks: Clocks, names: string[]): string | null {
  const dues = names.map((n) => clocks[n]?.due).filter((d): d is string => !!d).sort();
  return dues[0] ?? null;
}

/** Today in Vietnam, from the product clock. */
export function today(): string {
  return localToday();
}

/** One change of a case clock, kept in `petitions.clock_history` (the case page shows them all). */
export interface ClockEntry {
  /** Date written on the document (legal date). */
  on: string;
  /** When it was entered (instant). */
  at: string;
  event: 'start' | 'stop' | 'resume' | 'extend' | 'end' | 'notice-due' | 'notice-sent' | 'recompute' | 'time-bar';
  clock: string;
  due: string | null;
  previousDue?: string | null;
  basis: string;
  note?: string | null;
}

/** A history entry for a clock (or a bare event when `c` is null). */
export function historyEntry(on: string, event: ClockEntry['event'], name: string, c: Clock | null, extra: { previousDue?: string | null; note?: string | null; basis?: string } = {}): ClockEntry {
  return { on, at: new Date(nowMs()).toISOString(), event, clock: name, due: c?.due ?? null, basis: extra.basis ?? c?.basis ?? '', ...(extra.previousDue !== undefined ? { previousDue: extra.previousDue } : {}), ...(extra.note ? { note: extra.note } : {}) };
}

/** The history with entries appended, as stored. */
export const appendHistory = (stored: string, ...entries: ClockEntry[]) => JSON.stringify([...(JSON.parse(stored) as ClockEntry[]), ...entries]);
