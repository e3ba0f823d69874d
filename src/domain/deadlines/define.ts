/** Shorthand for writing rule data with the usual defaults. */
import type { DeadlineRule, Unit } from './types.ts';

type RuleInput = Omit<DeadlineRule, 'kind' | 'rollForward' | 'variants' | 'validTo' | 'verified'> & Partial<Pick<DeadlineRule, 'kind' | 'rollForward' | 'variants' | 'validTo' | 'verified'>>;

/**
 * A rule with defaults: a 'deadline', verified, open-ended, no variants; calendar-day and month
 * deadlines roll forward to a working day (Civil Code Art. 148(5)), minimum periods never do.
 */
export function defineRule(r: RuleInput): DeadlineRule {
  const kind = r.kind ?? 'deadline';
  return { ...r, kind, rollForward: r.rollForward ?? (kind === 'deadline' && r.unit !== 'working-days'), variants: r.variants ?? [], validTo: r.validTo ?? null, verified: r.verified ?? true };
}

/** Reading used wherever a text says plain "ngày" while elsewhere it says "ngày làm việc". */
export const CALENDAR_READING = 'calendar-days: the same law writes "ngày làm việc" where it means working days, so plain "ngày" is read as calendar days';

/** The unit label used in texts. */
export const UNIT_VI: Record<Unit, string> = { 'working-days': 'ngày làm việc', 'calendar-days': 'ngày', months: 'tháng' };
