/**
 * How often heads must receive citizens in person (shared/DOMAIN.md §3, 0.5, §13 Q4).
 */
import { daysInMonth, plusDays, weekday } from '../calendar/dates.ts';
import type { LegalBasis } from './types.ts';

/** Kinds of units whose head has a reception duty. */
export type ReceptionUnitKind = 'province' | 'department' | 'commune';

/** A minimum reception frequency, one version of it. */
export interface ReceptionFrequency {
  unitKind: ReceptionUnitKind;
  count: number;
  per: 'week' | 'month';
  legalBasis: LegalBasis;
  validFrom: string;
  validTo: string | null;
  verified: boolean;
  openQuestion?: string;
}

const LTCD = 'Luật Tiếp công dân 42/2013/QH13';
const UNKNOWN_2026 = 'Law 136/2025/QH15 (from 01/07/2026): no change found for this head; the pre-2026 value is kept (DOMAIN §13 Q4).';

/** Every version of the frequency rules. */
export const RECEPTION_FREQUENCIES: readonly ReceptionFrequency[] = [
  {
    unitKind: 'province', count: 1, per: 'month', validFrom: '2014-07-01', validTo: null, verified: true, openQuestion: UNKNOWN_2026,
    legalBasis: { law: LTCD, article: '12', clause: '5', quote: 'Chủ tịch UBND tỉnh tiếp công dân ít nhất 01 ngày trong 01 tháng tại Trụ sở tiếp công dân (DOMAIN §3)' },
  },
  {
    unitKind: 'department', count: 1, per: 'month', validFrom: '2014-07-01', validTo: null, verified: true, openQuestion: UNKNOWN_2026,
    legalBasis: { law: LTCD, article: '18', clause: '2–3', quote: 'Thủ trưởng cơ quan hành chính nhà nước tiếp công dân ít nhất 01 ngày trong 01 tháng (DOMAIN §3)' },
  },
  {
    unitKind: 'commune', count: 1, per: 'week', validFrom: '2014-07-01', validTo: '2026-06-30', verified: true,
    openQuestion: 'NĐ 141/2025 (01/07/2025 – 01/03/2027) may set an interim "1 day a month"; conflicts with LTCD Art. 15 (DOMAIN §13, still open 7). Reading: a week with no working day (Tết) requires no day.',
    legalBasis: { law: LTCD, article: '15', clause: '2(d)', quote: 'Chủ tịch UBND cấp xã tiếp công dân ít nhất 01 ngày trong 01 tuần tại trụ sở UBND (DOMAIN §3)' },
  },
  {
    unitKind: 'commune', count: 2, per: 'month', validFrom: '2026-07-01', validTo: null, verified: true,
    openQuestion: 'Verified in news only (laodong.vn quoting the Government Inspectorate); amended article text not read.',
    legalBasis: { law: 'Luật 136/2025/QH15 sửa đổi Luật Tiếp công dân', article: '15', clause: '2', quote: 'Chủ tịch UBND cấp xã tiếp công dân ít nhất 02 ngày trong 01 tháng (DOMAIN 0.5)' },
  },
];

/** The minimum reception frequency of a head of `unitKind` on `onDate` ('YYYY-MM-DD'). */
export function receptionFrequency(unitKind: ReceptionUnitKind, onDate: string): ReceptionFrequency {
  const f = RECEPTION_FREQUENCIES.find((x) => x.unitKind === unitKind && x.validFrom <= onDate && (x.validTo === null || onDate <= x.validTo));
  if (!f) throw new RangeError(`no reception frequency for ${unitKind} on ${onDate}`);
  return f;
}

/** Who held a reception day: the head in person, or a deputy the head authorised. */
export type ReceptionHolder = 'head' | 'deputy';
export const RECEPTION_HOLDERS: readonly ReceptionHolder[] = ['head', 'deputy'];

/** Whether a day held by an authorised deputy counts towards the head's own minimum, one version of it. */
export interface DeputyRule {
  deputyCounts: boolean;
  legalBasis: LegalBasis;
  validFrom: string;
  validTo: string | null;
  verified: boolean;
  openQuestion?: string;
}

/** Every version: until 30/06/2026 a deputy's day counts; from 01/07/2026 (Law 136/2025) it does not. */
export const DEPUTY_RULES: readonly DeputyRule[] = [
  {
    deputyCounts: true, validFrom: '2014-07-01', validTo: '2026-06-30', verified: false,
    legalBasis: { law: LTCD, article: '12–15', quote: 'người đứng đầu có thể ủy quyền cho cấp phó tiếp công dân (from memory: NĐ 64/2014 / the LTCD text on authorisation was not read; DOMAIN has no row)' },
    openQuestion: 'The pre-2026 authorisation of a deputy is assumed from the existing indicator definition, not from a text in DOMAIN.md.',
  },
  {
    deputyCounts: false, validFrom: '2026-07-01', validTo: null, verified: true,
    legalBasis: { law: 'Luật 136/2025/QH15 sửa đổi Luật Tiếp công dân', article: '1', quote: 'no delegating reception to deputies (DOMAIN 0.4, verified: news)' },
    openQuestion: 'Verified in news only (thuviennhadat.vn, kienthuc.net.vn); the amended article text was not read.',
  },
];

/** The deputy rule in force on `onDate`. */
export function deputyRule(onDate: string): DeputyRule {
  const r = DEPUTY_RULES.find((x) => x.validFrom <= onDate && (x.validTo === null || onDate <= x.validTo));
  if (!r) throw new RangeError(`no deputy rule on ${onDate}`);
  return r;
}

/** Whether a reception day held on `onDate` by `heldBy` counts as the head's own. */
export const countsAsHeadDay = (onDate: string, heldBy: ReceptionHolder) => heldBy === 'head' || deputyRule(onDate).deputyCounts;

/**
 * Reception days required of a head in a month ('YYYY-MM'). Per month: the count. Per week (LTCD
 * Art. 15, commune chairman until 30/06/2026): one for each week that starts (Monday) in the month
 * and has at least one working day — a week the office is closed throughout (a Tết week) requires
 * none. The working days come from `isWorkingDay` (the province's calendar).
 */
export function requiredReceptionDays(unitKind: ReceptionUnitKind, month: string, isWorkingDay: (date: string) => boolean): { required: number; weeksWithoutWorkingDay: number; frequency: ReceptionFrequency } {
  const f = receptionFrequency(unitKind, `${month}-01`);
  if (f.per === 'month') return { required: f.count, weeksWithoutWorkingDay: 0, frequency: f };
  const [y, m] = month.split('-').map(Number);
  let weeks = 0;
  let closed = 0;
  for (let day = 1; day <= daysInMonth(y, m); day++) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    if (weekday(date) !== 1) continue;
    const open = [0, 1, 2, 3, 4, 5, 6].some((i) => isWorkingDay(plusDays(date, i)));
    if (open) weeks++;
    else closed++;
  }
  return { required: weeks * f.count, weeksWithoutWorkingDay: closed, frequency: f };
}
