/**
 * Open clocks that depend on working days are recomputed when a year's schedule changes (issue 18
 * item 13): features register how to recompute theirs; the calendar service runs them inside the
 * transaction that saves the schedule and records the deadlines that moved.
 */
import type { Db, Trx } from '../../platform/db/index.ts';
import type { Calendar } from '../../domain/calendar/index.ts';
import type { DeadlineOptions } from '../../domain/deadlines/index.ts';

/** A deadline that moved because the calendar changed. */
export interface MovedDeadline { source: string; label: string; clock: string; before: string; after: string; href: string }

/** Recomputes one feature's open clocks with the new calendar; returns those that moved. */
export type ClockRecomputer = (trx: Trx, lt: { calendar: Calendar; options: DeadlineOptions }, year: number) => Promise<MovedDeadline[]>;

const recomputers = new Map<string, ClockRecomputer>();

/** Registers a feature's recomputation of its open clocks (called from its index.ts). */
export function registerClockRecompute(name: string, fn: ClockRecomputer): void {
  recomputers.set(name, fn);
}

type LegalTime = Parameters<ClockRecomputer>[1];

/** Runs every registered recomputation with the calendar as it stands in this transaction. */
export async function recomputeOpenClocks(trx: Trx, lt: LegalTime, year: number): Promise<MovedDeadline[]> {
  const moved: MovedDeadline[] = [];
  for (const fn of recomputers.values()) moved.push(...(await fn(trx, lt, year)));
  return moved;
}

/** The deadlines moved by the latest schedule change of a year (from its audit event), or null. */
export async function lastMoved(db: Db, year: number): Promise<MovedDeadline[] | null> {
  const row = await db.selectFrom('audit_events').select('changes').where('action', '=', 'calendar.clocks.recompute').where('subject_id', '=', String(year)).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row?.changes ? ((JSON.parse(row.changes) as { moved: MovedDeadline[] }).moved ?? []) : null;
}
