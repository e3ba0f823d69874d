/**
 * Dates of disclosure and consultation, all from the legal time engine (src/domain/deadlines):
 * rule ids `disclosure.publish` (Art. 12(3) / 47(2)), `disclosure.posting` (Art. 13(2), 13(3), 48)
 * and `consultation.period` (Art. 28). Holidays and swaps come from src/domain/calendar.
 */
import { Calendar, daysBetween as between } from '../calendar/index.ts';
import { computeDeadline, CONSULTATION_WINDOW_READING, readingOn, type DeadlineOptions } from '../deadlines/index.ts';
import type { DisclosureScope } from './catalogue.ts';

const calendar = new Calendar();

export const addDays = (date: string, days: number) => calendar.addCalendarDays(date, days);
export const daysBetween = (a: string, b: string) => between(a, b);

/** Art. 12(3) / 47(2): last day to publish a decision issued on `decisionOn` (05 working days). */
export const publishDue = (scope: DisclosureScope, decisionOn: string) =>
  computeDeadline('disclosure.publish', { start: decisionOn, variant: scope === 'agency' ? 'agency' : undefined }, calendar).due;

/**
 * Art. 13(2) / 48: the earliest day a posting started on `postedOn` may come down (30 consecutive
 * days for communes, 20 for agencies; the posting day is the event, Civil Code Art. 147(2)).
 */
export const postingEnd = (scope: DisclosureScope, postedOn: string) =>
  computeDeadline('disclosure.posting', { start: postedOn, variant: scope === 'agency' ? 'agency' : undefined }, calendar).due;

/** Art. 13(3): the radio window (03 consecutive days) of a posting. */
export const radioEnd = (postedOn: string) => computeDeadline('disclosure.posting', { start: postedOn, variant: 'radio' }, calendar).due;

/** Art. 28: the earliest closing day of a consultation opened on `opensOn` (≥ 20 days from publication). */
export const consultationEarliestClose = (opensOn: string) => computeDeadline('consultation.period', { start: opensOn }, calendar).due;

/**
 * The last day citizens may comment on a consultation closing on `closesOn`: when that day is a
 * weekly rest day or holiday and the Civil Code Art. 148(5) reading is on (the default), the end of
 * the next working day. `cal` and `options` are the province's (bundled calendar by default).
 */
export function consultationWindowEnd(closesOn: string, cal: Calendar = calendar, options: DeadlineOptions = {}): string {
  return readingOn(options, CONSULTATION_WINDOW_READING.id) ? cal.nextWorkingDay(closesOn) : closesOn;
}
