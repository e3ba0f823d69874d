/**
 * The procedure around the case clock (issue 18 items 6–9): suspension, resumption and withdrawal;
 * dates of legal events as written on the document; the time bar of a complaint at intake; who is
 * competent under two-level local government. Pure data and functions; rules that could not be
 * read in a primary text are marked `verified: false` (shared/DOMAIN.md §13).
 */
import type { Calendar } from '../calendar/calendar.ts';
import { dayNumberOrNaN } from '../calendar/dates.ts';
import { computeDeadline } from '../deadlines/compute.ts';
import type { DeadlineOptions, LegalBasis } from '../deadlines/types.ts';

/** How a suspension bears on the resolution clock, per kind, with its basis and validity. */
export interface SuspensionRule {
  kind: 'complaint' | 'denunciation';
  /** 'remaining': the suspended days are not counted (the clock resumes with the time left); 'fresh': the full period runs again from the resumption. */
  resume: 'remaining' | 'fresh';
  noticeRule: string;
  withdrawalNoticeRule: string;
  legalBasis: LegalBasis;
  withdrawal: LegalBasis;
  validFrom: string;
  validTo: string | null;
  verified: boolean;
  note: string;
}

/** Suspension and withdrawal rules (configurable data: none of them read in a primary text). */
export const SUSPENSION_RULES: readonly SuspensionRule[] = [
  {
    kind: 'complaint', resume: 'remaining', noticeRule: 'complaint.suspension.notice', withdrawalNoticeRule: 'complaint.withdrawal.notice',
    legalBasis: { law: 'Luật Khiếu nại 02/2011/QH13, sửa đổi bởi Luật 136/2025/QH15; Nghị định 124/2020/NĐ-CP, sửa đổi bởi NĐ 155/2026/NĐ-CP', article: '11a; 28a–28b', quote: 'The period restarts from the decision to resume (Mẫu 14b). Force majeure includes illness, travel far away and seized files. (DOMAIN §13 Q4)' },
    withdrawal: { law: 'Luật Khiếu nại 02/2011/QH13', article: '10', quote: 'Người khiếu nại có thể rút khiếu nại tại bất cứ thời điểm nào trong quá trình giải quyết khiếu nại (from memory)' },
    validFrom: '2026-07-01', validTo: null, verified: false,
    note: '"restarts from the decision to resume" is read as: the suspended days are not counted and the remaining time runs from the resumption (a province may choose "fresh").',
  },
  {
    kind: 'complaint', resume: 'remaining', noticeRule: 'complaint.suspension.notice', withdrawalNoticeRule: 'complaint.withdrawal.notice',
    legalBasis: { law: 'Nghị định 124/2020/NĐ-CP', article: '28', quote: 'NĐ 124/2020 not read (DOMAIN §13, still open 4)' },
    withdrawal: { law: 'Luật Khiếu nại 02/2011/QH13', article: '10', quote: 'Rút khiếu nại (from memory)' },
    validFrom: '2012-07-01', validTo: '2026-06-30', verified: false, note: 'Before Law 136/2025 the suspension rule of NĐ 124/2020 was not read.',
  },
  {
    kind: 'denunciation', resume: 'remaining', noticeRule: 'denunciation.suspension.notice', withdrawalNoticeRule: 'denunciation.withdrawal.notice',
    legalBasis: { law: 'Luật Tố cáo 25/2018/QH14', article: '31', quote: 'Thời gian tạm đình chỉ việc giải quyết tố cáo không tính vào thời hạn giải quyết tố cáo (from memory, not in DOMAIN)' },
    withdrawal: { law: 'Luật Tố cáo 25/2018/QH14; Nghị định 31/2019/NĐ-CP sửa đổi bởi NĐ 156/2026/NĐ-CP', article: '33', quote: 'Resolution continues despite withdrawal if there are signs of violation or coercion (DOMAIN §13 Q4, 3rd-party)' },
    validFrom: '2019-01-01', validTo: null, verified: false, note: 'LTC Art. 31, 33 read from memory; NĐ 156/2026 seen only in a third-party crawl.',
  },
];

/** The suspension rule of a kind in force on a date, or undefined. */
export function suspensionRule(kind: string, on: string): SuspensionRule | undefined {
  return SUSPENSION_RULES.find((r) => r.kind === kind && r.validFrom <= on && (r.validTo === null || on <= r.validTo));
}

/** Days between two ISO dates (b − a). */
export const daysBetween = (a: string, b: string) => dayNumberOrNaN(b) - dayNumberOrNaN(a);

/**
 * Why a date written on a legal document is refused, or null (issue 18 item 7): it may not lie
 * after today nor before the previous step of the case.
 */
export function legalDateRefusal(date: string, today: string, previous: string | null): 'after_today' | 'before_previous' | null {
  if (date > today) return 'after_today';
  if (previous && date < previous) return 'before_previous';
  return null;
}

/** A period not counted in the limitation (LKN Art. 9): illness, natural disaster, travel, … with its evidence. */
export interface ExcludedPeriod { from: string; to: string; reason: 'illness' | 'disaster' | 'travel' | 'other'; evidence: string }
export const EXCLUDED_REASONS = ['illness', 'disaster', 'travel', 'other'] as const;

/** The limitation rule of a complaint by instance (LKN Art. 9 first; Art. 33 second). */
export const TIME_BAR = {
  first: { ruleId: 'complaint.limitation', legalBasis: { law: 'Luật Khiếu nại 02/2011/QH13', article: '9', quote: 'Thời hiệu khiếu nại là 90 ngày, kể từ ngày nhận được quyết định hành chính hoặc biết được quyết định hành chính, hành vi hành chính. Trường hợp người khiếu nại không thực hiện được quyền khiếu nại theo đúng thời hiệu vì ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa hoặc vì những trở ngại khách quan khác thì thời gian có trở ngại đó không tính vào thời hiệu khiếu nại.' } },
  second: { ruleId: 'complaint.second.file', legalBasis: { law: 'Luật Khiếu nại 02/2011/QH13', article: '33', quote: 'Trong thời hạn 30 ngày … kể từ ngày nhận được quyết định giải quyết khiếu nại lần đầu …; vùng sâu, vùng xa … không quá 45 ngày.' } },
  refusal: { law: 'Luật Khiếu nại 02/2011/QH13', article: '11', clause: '6', quote: 'Thời hiệu, thời hạn khiếu nại đã hết mà không có lý do chính đáng (khiếu nại không được thụ lý giải quyết)' },
} as const;

/** Days of the excluded periods, each from its first to its last day inclusive, overlaps counted once. */
export function excludedDayCount(periods: readonly ExcludedPeriod[]): number {
  const days = new Set<number>();
  for (const p of periods) for (let d = dayNumberOrNaN(p.from); d <= dayNumberOrNaN(p.to); d++) days.add(d);
  return days.size;
}

/**
 * The time bar of a complaint at intake (LKN Art. 9, 33): last day to complain from the day the
 * complainant learned of the decision (or received the first-instance decision), plus the excluded
 * days; `late` when the complaint was received after it.
 */
export function timeBar(i: { instance: 'first' | 'second'; knewOn: string; receivedOn: string; remote: boolean; excluded: readonly ExcludedPeriod[] }, cal: Calendar, o: DeadlineOptions = {}) {
  const r = TIME_BAR[i.instance];
  const excludedDays = excludedDayCount(i.excluded);
  const res = computeDeadline(r.ruleId, { start: i.knewOn, remote: i.instance === 'second' && i.remote, excludedDays }, cal, o);
  return { ruleId: r.ruleId, knewOn: i.knewOn, excludedDays, due: res.due, days: res.days, late: i.receivedOn > res.due, legalBasis: r.legalBasis };
}

/** Who resolves a complaint about a decision of a unit of a kind, at each instance (two-level government from 01/07/2025). */
export interface Competence { instance: 'first' | 'second'; resolver: 'issuer-head' | 'province-chairman' | 'ministry'; resolverUnit: 'issuer' | 'province' | 'outside'; legalBasis: LegalBasis; verified: boolean }

const LKN = 'Luật Khiếu nại 02/2011/QH13';
const TWO_LEVEL = 'Luật Tổ chức chính quyền địa phương 2025; Nghị định 141/2025/NĐ-CP (01/07/2025 – 01/03/2027)';

/**
 * Competence by the kind of the unit whose decision is complained about (LKN Art. 17–22, article
 * numbers from memory: DOMAIN does not list them; from
 * 01/07/2025 the commune chairman holds the former district powers and the provincial chairman
 * resolves the second instance of commune decisions). Before 01/07/2025 the commune's second
 * instance lay with the district, which no longer exists (null: not derivable).
 */
export function competenceFor(issuerKind: string, instance: 'first' | 'second', on: string): Competence | null {
  if (on < '2025-07-01' && issuerKind === 'commune-committee' && instance === 'second') return null;
  if (instance === 'first') {
    if (!['commune-committee', 'department', 'province-committee', 'public-service-unit'].includes(issuerKind)) return null;
    const article = issuerKind === 'commune-committee' ? '17; 18' : issuerKind === 'department' ? '20' : '21';
    return { instance, resolver: 'issuer-head', resolverUnit: 'issuer', legalBasis: { law: on >= '2025-07-01' ? `${LKN}; ${TWO_LEVEL}` : LKN, article, quote: 'Người đứng đầu cơ quan đã ra quyết định hành chính giải quyết khiếu nại lần đầu' }, verified: false };
  }
  if (issuerKind === 'commune-committee' || issuerKind === 'department') {
    return { instance, resolver: 'province-chairman', resolverUnit: 'province', legalBasis: { law: issuerKind === 'department' ? LKN : `${LKN}; ${TWO_LEVEL}`, article: '21', clause: '2', quote: 'Chủ tịch Ủy ban nhân dân cấp tỉnh giải quyết khiếu nại lần hai đối với quyết định … của Giám đốc sở … đã giải quyết lần đầu' }, verified: false };
  }
  if (issuerKind === 'province-committee') return { instance, resolver: 'ministry', resolverUnit: 'outside', legalBasis: { law: LKN, article: '22', quote: 'Bộ trưởng giải quyết khiếu nại lần hai đối với quyết định của Chủ tịch UBND cấp tỉnh (from memory)' }, verified: false };
  return null;
}

/** The due date of a notice from its rule and the date of the decision it sends. */
export function noticeDue(ruleId: string, on: string, cal: Calendar, o: DeadlineOptions = {}): string {
  return computeDeadline(ruleId, { start: on }, cal, o).due;
}

/** The resolution due date after suspensions: the rule recomputed with the suspended days not counted. */
export function dueAfterSuspension(ruleId: string, start: string, variant: string | undefined, remote: boolean, suspendedDays: number, cal: Calendar, o: DeadlineOptions = {}): string {
  return computeDeadline(ruleId, { start, variant, remote, excludedDays: suspendedDays }, cal, o).due;
}
