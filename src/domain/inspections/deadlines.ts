/**
 * Dates of an inspection (notice, self-report, conclusion, recommendations), counted on the legal
 * calendar (src/domain/calendar). Counting follows Civil Code Art. 147(2) (the start day is not
 * counted). A "before the visit" limit is the last day something may be sent: N days before the
 * visit, moved back to the last working day when that day is off (a unit cannot send on a day the
 * office is closed; the reading of plan 188 III.5, readings.ts BEFORE_READING). An "after" limit
 * moves forward to the next working day (Civil Code Art. 148(5)).
 */
import type { Calendar } from '../calendar/calendar.ts';
import { plusDays } from '../calendar/dates.ts';
import type { InspectionRule } from './rules.ts';

export interface Period { days: number; unit: InspectionRule['unit'] }

const backToWorkingDay = (cal: Calendar, d: string) => {
  for (let i = 0; i < 60 && !cal.isWorkingDay(d); i++) d = plusDays(d, -1);
  return d;
};

/** The last day to send something that must arrive at least `p` before `visit`. */
export function lastDayBefore(cal: Calendar, visit: string, p: Period): string {
  if (p.unit === 'working-days') return cal.addWorkingDays(visit, -p.days);
  return backToWorkingDay(cal, plusDays(visit, -p.days));
}

/** The last day of a period of `p` after `start` (rolled forward to a working day, Civil Code Art. 148(5)). */
export function dueAfter(cal: Calendar, start: string, p: Period): string {
  if (p.unit === 'working-days') return cal.addWorkingDays(start, p.days);
  return cal.addCalendarDays(start, p.days, { rollForwardToWorkingDay: true });
}

/** Notice deadline: the plan, team decision and report outline reach the unit on or before this day. */
export const noticeDue = (cal: Calendar, visit: string, p: Period) => lastDayBefore(cal, visit, p);
/** Self-report and self-score due on or before this day. */
export const selfReportDue = (cal: Calendar, visit: string, p: Period) => lastDayBefore(cal, visit, p);
/** Conclusion notice due on or before this day. */
export const conclusionDue = (cal: Calendar, visit: string, p: Period) => dueAfter(cal, visit, p);
/** Default due date of a recommendation from the day the conclusion is issued. */
export const recommendationDue = (cal: Calendar, issuedOn: string, p: Period) => dueAfter(cal, issuedOn, p);

/** Whether a dated step is late: done after its due day, or not done and the due day has passed. */
export function isLate(doneOn: string | null | undefined, due: string, today: string): boolean {
  return doneOn ? doneOn > due : today > due;
}
