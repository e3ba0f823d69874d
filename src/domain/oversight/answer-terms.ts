/**
 * Answer deadlines of the inbound recommendations register (issue 16 item 7; shared/DVK-AND-INSPECTIONS
 * §5.2): how long a government unit has to answer a recommendation of the Fatherland Front (supervision,
 * social critique), a People's Inspection Board, a Community Investment Supervision Board or a
 * Party-rule 124 supervision. Only the two board terms are in the law (LDC Art. 40(1)(c), 45(2)(c)):
 * the Front's statutes say "theo quy định của pháp luật" with no number of days (NQLT 403/2017 Art. 9(3),
 * LMTTQ Art. 29, 35(5)), so those defaults are unverified data the province replaces with its
 * coordination regulation (quy chế phối hợp) — see `withOverrides`.
 */
import type { Calendar } from '../calendar/index.ts';

export const REGISTER_SOURCES = ['front-supervision', 'front-critique', 'inspection-board', 'investment-board', 'party-124'] as const;
export type RegisterSource = (typeof REGISTER_SOURCES)[number];
export type TermUnit = 'calendar-days' | 'working-days';

export interface AnswerTerm {
  source: RegisterSource;
  days: number;
  unit: TermUnit;
  /** Where the number comes from (law and article, or the province's regulation). */
  legalBasis: string;
  /** False when no primary text gives this number (DVK-AND-INSPECTIONS flags). */
  verified: boolean;
  validFrom: string;
  validTo: string | null;
  note?: string;
  /** The note in English (the province's own terms have none). */
  noteEn?: string;
}

const LDC = 'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15';
const NO_NUMBER = 'Luật MTTQ và NQLT 403/2017 không quy định số ngày; mặc định 15 ngày chờ tỉnh quy định trong quy chế phối hợp giữa UBND và UBMTTQ (nhiều địa phương quy định 15 hoặc 30 ngày).';
const NO_NUMBER_EN = "The Law on the Vietnam Fatherland Front and Joint Resolution 403/2017 set no number of days; 15 days by default until the province sets one in the coordination regulation between the People's Committee and the Fatherland Front committee (many provinces set 15 or 30 days).";

/** The bundled terms; the province's own terms (stored rows) take precedence over the unverified ones. */
export const DEFAULT_ANSWER_TERMS: readonly AnswerTerm[] = [
  { source: 'front-supervision', days: 15, unit: 'calendar-days', verified: false, validFrom: '2017-06-15', validTo: null,
    legalBasis: 'Điều 9 khoản 3, Điều 23 Nghị quyết liên tịch 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN; Điều 29 Luật MTTQ Việt Nam', note: NO_NUMBER, noteEn: NO_NUMBER_EN },
  { source: 'front-critique', days: 15, unit: 'calendar-days', verified: false, validFrom: '2017-06-15', validTo: null,
    legalBasis: 'Điều 35 khoản 5, Điều 36 Luật MTTQ Việt Nam (trả lời bằng văn bản, giải trình ý kiến không tiếp thu)', note: NO_NUMBER, noteEn: NO_NUMBER_EN },
  { source: 'inspection-board', days: 15, unit: 'calendar-days', verified: true, validFrom: '2023-07-01', validTo: null,
    legalBasis: `Điều 40 khoản 1 điểm c ${LDC}: trả lời kiến nghị của Ban Thanh tra nhân dân trong thời hạn 15 ngày`, note: 'Đọc "ngày" là ngày theo lịch (cùng cách đọc của quy tắc board.recommendation.reply).',
    noteEn: '"ngày" read as calendar days (the same reading as the rule board.recommendation.reply).' },
  { source: 'investment-board', days: 15, unit: 'calendar-days', verified: true, validFrom: '2023-07-01', validTo: null,
    legalBasis: `Điều 45 khoản 2 điểm c ${LDC}: trả lời kiến nghị của Ban Giám sát đầu tư của cộng đồng trong thời hạn 15 ngày` },
  { source: 'party-124', days: 15, unit: 'calendar-days', verified: false, validFrom: '2018-02-02', validTo: null,
    legalBasis: 'Quy định 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư (văn bản chưa đọc được)', note: 'Thời hạn trả lời trong Quy định 124 chưa tìm thấy; mặc định 15 ngày, tỉnh cấu hình.',
    noteEn: 'The answer term of Regulation 124 was not found; 15 days by default, set by the province.' },
];

const inForce = (t: { validFrom: string; validTo: string | null }, on: string) => t.validFrom <= on && (t.validTo === null || on <= t.validTo);

/**
 * The term of a source on a date: the latest province term in force, else the bundled one. A
 * province term is marked verified=false unless it cites its own regulation (the caller decides).
 */
export function termFor(source: RegisterSource, on: string, province: readonly AnswerTerm[] = []): AnswerTerm | undefined {
  const own = province.filter((t) => t.source === source && inForce(t, on)).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  return own ?? DEFAULT_ANSWER_TERMS.find((t) => t.source === source && inForce(t, on));
}

/**
 * The last day to answer: the received day is not counted (Civil Code Art. 147(2)); a calendar-day
 * period ending on a day off ends on the next working day (Art. 148(5)), so it never lands in Tết.
 */
export function answerDue(calendar: Calendar, term: Pick<AnswerTerm, 'days' | 'unit'>, receivedOn: string): string {
  return term.unit === 'working-days' ? calendar.addWorkingDays(receivedOn, term.days) : calendar.addCalendarDays(receivedOn, term.days, { rollForwardToWorkingDay: true });
}

export type RegisterState = 'open' | 'overdue' | 'answered' | 'answered-late' | 'closed';

/** Where an entry stands today: open, overdue (due date passed, no answer), answered (on time or late), closed. */
export function registerState(e: { answerDue: string; answeredOn: string | null; closedOn?: string | null }, today: string): RegisterState {
  if (e.closedOn) return 'closed';
  if (e.answeredOn) return e.answeredOn <= e.answerDue ? 'answered' : 'answered-late';
  return today > e.answerDue ? 'overdue' : 'open';
}

/** The half-year of a date and its bounds (LMTTQ Art. 30(1): the People's Committee hears the Front every 6 months). */
export function halfYearOf(date: string): { year: number; half: 1 | 2; from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const half = Number(date.slice(5, 7)) <= 6 ? 1 : 2;
  return { year, half, from: `${year}-${half === 1 ? '01-01' : '07-01'}`, to: `${year}-${half === 1 ? '06-30' : '12-31'}` };
}
