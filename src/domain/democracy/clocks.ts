/**
 * The clocks of community decisions, boards and mediation, all computed by the legal time engine
 * (src/domain/deadlines over the civil-service calendar of src/domain/calendar). Callers pass the
 * province's calendar and deadline options (features load them with `loadLegalTime`).
 */
import { Calendar, daysBetween, plusDays } from '../calendar/index.ts';
import { computeDeadline, type DeadlineOptions } from '../deadlines/index.ts';

export interface LegalTime { calendar: Calendar; options?: DeadlineOptions }

/** The bundled calendar with no provincial overrides (tests, pure callers). */
export const defaultLegalTime = (): LegalTime => ({ calendar: new Calendar() });

const due = (lt: LegalTime, ruleId: string, start: string, variant?: string) => computeDeadline(ruleId, { start, variant }, lt.calendar, lt.options).due;

/** Plain calendar arithmetic (no legal period): a date `days` later. */
export const addDays = (date: string, days: number) => plusDays(date, days);
/** Days from `today` to `dueOn` (negative when late). */
export const daysLeft = (today: string, dueOn: string) => daysBetween(today, dueOn);

/** Art. 20(3): the decision record reaches the commune within 05 working days of the vote (rule community.decision.send). */
export const recordDue = (lt: LegalTime, votedOn: string) => due(lt, 'community.decision.send', votedOn);
/** Art. 21(2): recognition or refusal within 05 working days of receiving the record (rule community.decision.recognize). */
export const recognitionDue = (lt: LegalTime, receivedOn: string) => due(lt, 'community.decision.recognize', receivedOn);
/** Art. 16: a citizen initiative's agreement is valid 03 months (rule community.initiative.validity). */
export const initiativeExpires = (lt: LegalTime, agreedOn: string) => due(lt, 'community.initiative.validity', agreedOn);
/** Art. 40(1)(c) / 45(2)(c) / 63(1)(c): the authority answers within 15 days (rule board.recommendation.reply). */
export const replyDue = (lt: LegalTime, sentOn: string, variant?: 'investment' | 'agency') => due(lt, 'board.recommendation.reply', sentOn, variant);
/** Mediation Law Art. 20(2): start within 03 days of assignment (rule mediation.start). */
export const mediationStartDue = (lt: LegalTime, assignedOn: string) => due(lt, 'mediation.start', assignedOn);
/** NĐ 61/2023 Art. 9: a draft convention is posted ≥30 days; the last day of the posting (rule convention.posting). */
export const conventionPostedUntil = (lt: LegalTime, postedOn: string) => due(lt, 'convention.posting', postedOn);
/** NĐ 59 Art. 14(1)(b): the inspection plan is sent at least 05 working days before. */
export const inspectionNoticeOk = (lt: LegalTime, noticeOn: string, heldOn: string) => lt.calendar.addWorkingDays(noticeOn, 5) <= heldOn;
/** LDC Art. 45(1)(b): the investor is notified at least 45 days before supervision starts. */
export const investorNoticeOk = (lt: LegalTime, notifiedOn: string, visitOn: string) => lt.calendar.addCalendarDays(notifiedOn, 45) <= visitOn;
