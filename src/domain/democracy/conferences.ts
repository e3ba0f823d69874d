/**
 * Commune democracy events of Law 10/2022/QH15 (citizen supervision, DOMAIN.md §1(d) [verified: PĐ +
 * NĐ59] and §2): the yearly dialogue conference of the commune People's Committee with the people
 * (Art. 32(1)) and the year-end periodic conference of each village / residential group (Art. 33;
 * NĐ 59/2023 Art. 10–11). Rules as data with article, validity and `verified` as DOMAIN.md marks
 * them; where DOMAIN.md gives no number (the "year-end" window, the report's period) the value is a
 * configurable default marked `verified: false`.
 */
import { plusDays, type Calendar } from '../calendar/index.ts';

export interface ConferenceRule {
  id: string;
  article: string;
  /** What DOMAIN.md says, quoted. */
  quote: string;
  validFrom: string;
  validTo: string | null;
  verified: boolean;
  note?: string;
}

const LDC = 'Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15';
const ND59 = 'Nghị định 59/2023/NĐ-CP';

export const CONFERENCE_KINDS = ['commune-dialogue', 'village-periodic'] as const;
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];

export const CONFERENCE_RULES = {
  /** Art. 32(1): at least once a year, the commune UBND with the commune UBMTTQ. */
  dialogue: { id: 'ldc.32.1', article: `Điều 32 khoản 1 ${LDC}`, quote: 'UBND–people dialogue conference: At least once a year; UBND with UBMTTQ', validFrom: '2023-07-01', validTo: null, verified: true, perYear: 1 },
  /** Art. 33: once a year at year-end, convened by the village head, one representative per household. */
  periodic: { id: 'ldc.33', article: `Điều 33 ${LDC}`, quote: 'Periodic community conference (hội nghị định kỳ): Once a year, at year-end; convened by the village head; one representative per household', validFrom: '2023-07-01', validTo: null, verified: true, perYear: 1 },
  /**
   * "At year-end" has no dates in DOMAIN.md: the window 01/11–31/12 of the same calendar year is a
   * default the province may change. Nothing in DOMAIN.md lets the conference of year Y slip into
   * the next year (e.g. before Tết), so a conference counts only for the calendar year it is held in.
   */
  yearEnd: { id: 'ldc.33.year-end', article: `Điều 33 ${LDC}`, quote: 'Once a year, at year-end', validFrom: '2023-07-01', validTo: null, verified: false, fromMonthDay: '11-01', note: 'Cửa sổ "dịp cuối năm" 01/11–31/12 là giá trị mặc định (không có số liệu trong văn bản đã đọc)' },
  /** NĐ59 Art. 11(1)(c): the notice reaches households at least 05 (calendar) days before. */
  notice: { id: 'nd59.11.1.c', article: `Điều 11 khoản 1 điểm c ${ND59}`, quote: 'Conference notice: Delivered to households ≥05 days before', validFrom: '2023-08-15', validTo: null, verified: true, days: 5 },
  /** NĐ59 Art. 10: the plan is sent to the commune UBND, UBMTTQ and Ban TTND. */
  plan: { id: 'nd59.10', article: `Điều 10 ${ND59}`, quote: 'Periodic community conference: Plan sent to the UBND, UBMTTQ and Ban TTND', validFrom: '2023-08-15', validTo: null, verified: true },
  /** NĐ59 Art. 11(2): the agenda and a written report to the commune UBND and UBMTTQ. */
  agenda: { id: 'nd59.11.2', article: `Điều 11 khoản 2 ${ND59}`, quote: "Village head's report → Ban công tác Mặt trận report → report of the Ban TTND member → household discussion → explanation → adoption → commendation → conclusion; written report to UBND and UBMTTQ", validFrom: '2023-08-15', validTo: null, verified: true, note: 'DOMAIN.md §2 counts a "9-step agenda" but §1(d) names 8 steps: the 8 named steps are encoded' },
  /**
   * The written report has no period in DOMAIN.md: 05 working days after the conference is a default
   * borrowed from NĐ59 Art. 3(5)(d) (the community decision record), marked unverified.
   */
  report: { id: 'nd59.11.2.report', article: `Điều 11 khoản 2 ${ND59}`, quote: 'written report to UBND and UBMTTQ', validFrom: '2023-08-15', validTo: null, verified: false, workingDays: 5, note: 'Thời hạn 05 ngày làm việc là mặc định (mượn từ Điều 3 khoản 5 điểm d Nghị định 59/2023/NĐ-CP)' },
} as const;

/** The agenda of the periodic conference, in the order of NĐ59 Art. 11(2). */
export const PERIODIC_AGENDA = ['head-report', 'front-report', 'inspection-report', 'discussion', 'explanation', 'adoption', 'commendation', 'conclusion'] as const;
/** The dialogue conference (Art. 32) has no statutory agenda in DOMAIN.md; these are the record's parts. */
export const DIALOGUE_AGENDA = ['report', 'questions', 'answers', 'conclusion'] as const;
export type AgendaItem = (typeof PERIODIC_AGENDA)[number] | (typeof DIALOGUE_AGENDA)[number];

export const agendaOf = (kind: ConferenceKind): readonly string[] => (kind === 'village-periodic' ? PERIODIC_AGENDA : DIALOGUE_AGENDA);

const inForce = (r: { validFrom: string; validTo: string | null }, on: string) => r.validFrom <= on && (r.validTo === null || on <= r.validTo);

/** The last day the notice may reach households: 05 full days before the conference (NĐ59 Art. 11(1)(c)); null before the Decree. */
export function noticeBy(heldOn: string): string | null {
  const r = CONFERENCE_RULES.notice;
  return inForce(r, heldOn) ? plusDays(heldOn, -r.days) : null;
}

/** Whether a notice sent on `noticeOn` was in time for a conference on `heldOn`. */
export const noticeOnTime = (noticeOn: string, heldOn: string): boolean => {
  const by = noticeBy(heldOn);
  return by === null || noticeOn <= by;
};

/** Whether a periodic conference date lies in the year-end window of its own calendar year (Art. 33; window unverified). */
export function atYearEnd(heldOn: string): boolean {
  return heldOn.slice(5) >= CONFERENCE_RULES.yearEnd.fromMonthDay;
}

/** The calendar year a conference counts for (its own year: nothing allows carrying it into the next). */
export const conferenceYear = (heldOn: string): number => Number(heldOn.slice(0, 4));

/** The rule that requires a conference of this kind. */
export const requirementOf = (kind: ConferenceKind) => (kind === 'commune-dialogue' ? CONFERENCE_RULES.dialogue : CONFERENCE_RULES.periodic);

/** Attendance share of the households (households represented / total), 0 when none are registered. */
export function attendanceShare(represented: number, total: number): number {
  return total > 0 ? Math.round((represented * 1000) / total) / 10 : 0;
}

/** The last day of the written report to the commune UBND and UBMTTQ (default 05 working days after the conference; unverified). */
export const reportDue = (calendar: Calendar, heldOn: string): string => calendar.addWorkingDays(heldOn, CONFERENCE_RULES.report.workingDays);
