/**
 * Deadline arithmetic. Counting follows the convention stated once in calendar/calendar.ts: the
 * day of the triggering event is not counted (Civil Code 2015 Art. 147(2)); working-day periods
 * count only working days of the civil-service calendar; calendar-day and month periods whose last
 * day is a weekly rest day or holiday end on the next working day (Art. 148(5)) unless the rule is
 * a minimum period (posting, consultation).
 */
import type { Calendar } from '../calendar/calendar.ts';
import { dayNumberOrNaN, fromDayNumber, plusMonths, toDayNumber } from '../calendar/dates.ts';
import { findRule, ruleExists } from './rules.ts';
import type { DeadlineOptions, DeadlineRequest, DeadlineResult, DeadlineRule, Unit, Variant } from './types.ts';

/** Why a computation was refused; the API maps 'unknown-rule' to 404 and the rest to 400. */
export type DeadlineErrorCode = 'unknown-rule' | 'not-in-force' | 'unknown-variant' | 'invalid-date' | 'invalid-request';

/** A refused computation, with a machine-readable code. */
export class DeadlineError extends Error {
  constructor(readonly code: DeadlineErrorCode, message: string) {
    super(message);
    this.name = 'DeadlineError';
  }
}

/** The variant a request selects: remote picks 'remote-<variant>' or 'remote' where the rule has one. */
export function pickVariant(rule: DeadlineRule, variant: string | undefined, remote: boolean | undefined): Variant | undefined {
  const byId = (id: string) => rule.variants.find((v) => v.id === id);
  if (remote) {
    const r = byId(variant ? `remote-${variant}` : 'remote');
    if (r) return r;
  }
  if (!variant) return undefined;
  const v = byId(variant);
  if (!v) throw new DeadlineError('unknown-variant', `rule ${rule.id} has no variant ${variant}`);
  return v;
}

function dueDay(cal: Calendar, start: number, startIso: string, n: number, unit: Unit, roll: boolean): { due: number; raw: number } {
  if (unit === 'working-days') {
    const d = cal.addWorkingDayNumbers(start, n);
    return { due: d, raw: d };
  }
  const raw = unit === 'months' ? toDayNumber(plusMonths(startIso, n)) : start + n;
  return { due: roll ? cal.nextWorkingDayNumber(raw) : raw, raw };
}

/** The due date of `rule` (or the version of rule id in force on the start date) for one request. */
export function computeDeadline(rule: DeadlineRule | string, req: DeadlineRequest, calendar: Calendar, options: DeadlineOptions = {}): DeadlineResult {
  const start = dayNumberOrNaN(req.start);
  if (Number.isNaN(start)) throw new DeadlineError('invalid-date', `start is not a date (YYYY-MM-DD): ${String(req.start)}`);
  let r: DeadlineRule;
  if (typeof rule === 'string') {
    const found = findRule(rule, req.start);
    if (!found) throw new DeadlineError(ruleExists(rule) ? 'not-in-force' : 'unknown-rule', `no rule ${rule} in force on ${req.start}`);
    r = found;
  } else {
    r = rule;
  }
  const excluded = req.excludedDays ?? 0;
  if (!Number.isInteger(excluded) || excluded < 0) throw new DeadlineError('invalid-request', 'excludedDays must be a non-negative integer');
  const v = pickVariant(r, req.variant, req.remote);
  const days = v?.days ?? r.days;
  const unit = options.unitOverrides?.[r.id] ?? v?.unit ?? r.unit;
  const roll = r.rollForward || (r.kind === 'deadline' && unit !== 'working-days' && options.unitOverrides?.[r.id] !== undefined);
  const { due, raw } = dueDay(calendar, start, req.start, days + (unit === 'months' ? 0 : excluded), unit, roll);
  const extra = unit === 'months' ? excluded : 0;
  const result: DeadlineResult = {
    ruleId: r.id, ruleVersion: r.validFrom, variant: v?.id ?? null, start: req.start,
    due: fromDayNumber(extra ? (roll ? calendar.nextWorkingDayNumber(raw + extra) : raw + extra) : due),
    unit, days, kind: r.kind, rolledForward: due !== raw, legalBasis: v?.legalBasis ?? r.legalBasis,
  };
  const target = options.localTargets?.[r.id] ?? r.localTarget;
  if (target !== undefined && target < days) {
    result.localTargetDue = fromDayNumber(dueDay(calendar, start, req.start, target + (unit === 'months' ? 0 : excluded), unit, roll).due);
  }
  return result;
}

/** Where a due date stands on `today` (a parameter, never the clock): working days left, negative when late. */
export function deadlineStatus(due: string, today: string, calendar: Calendar, soonWorkingDays = 2): { state: 'open' | 'due-soon' | 'due-today' | 'overdue'; workingDaysLeft: number } {
  const left = calendar.workingDaysBetween(today, due);
  if (due === today) return { state: 'due-today', workingDaysLeft: 0 };
  if (due < today) return { state: 'overdue', workingDaysLeft: left };
  return { state: left <= soonWorkingDays ? 'due-soon' : 'open', workingDaysLeft: left };
}
