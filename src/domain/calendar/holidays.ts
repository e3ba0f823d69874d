/**
 * Statutory paid holidays (nghỉ lễ, tết) as versioned rules, and the default year schedule they
 * give when no official civil-service notice exists (shared/DOMAIN.md §11, §13 Q5).
 *
 * Weekly rest of civil servants: Saturday and Sunday. When a holiday falls on a weekly rest day the
 * worker rests on the next working day (BLLĐ 2019 Art. 111(3): "Nếu ngày nghỉ hằng tuần trùng với
 * ngày nghỉ lễ, tết quy định tại khoản 1 Điều 112 của Bộ luật này thì người lao động được nghỉ bù
 * ngày nghỉ hằng tuần vào ngày làm việc kế tiếp.").
 */
import { fromDayNumber, toDayNumber, weekdayOfDay } from './dates.ts';
import { lunarToSolar, tetOf } from './lunar.ts';

/** Kinds of calendar entries; a weekday entry is a day off, a weekend entry a working day. */
export type DayKind = 'holiday' | 'compensatory' | 'official-break' | 'working-weekend';

/** One exceptional day of a year: a non-working weekday or a working Saturday / Sunday. */
export interface CalendarEntry {
  date: string;
  kind: DayKind;
  /** Vietnamese name shown to users, e.g. 'Tết Nguyên đán'. */
  name: string;
  /** English name shown when English is chosen, e.g. 'Lunar New Year' (an admin-entered day may have none). */
  nameEn?: string;
  /** True when the date was read in the official notice (or follows from the statute alone). */
  verified: boolean;
  note?: string;
}

/** A year's schedule: official (notice data), entered by an admin, or computed by default. */
export interface YearSchedule {
  year: number;
  /** Where it comes from, e.g. 'TB 6150/TB-BLĐTBXH (03/12/2024)'. */
  source: string;
  /** The source in English when it is a sentence rather than a document number. */
  sourceEn?: string;
  entries: CalendarEntry[];
}

/** How a holiday rule places its days in a year. */
export type HolidayPattern =
  | { type: 'solar'; month: number; day: number; days: number }
  | { type: 'lunar'; month: number; day: number; days: number; offset: number }
  /** 02/09 plus one adjacent day (BLLĐ Art. 112(1)(đ)); see `nationalDayDates`. */
  | { type: 'national-day' };

/** A statutory holiday with its legal basis and validity. */
export interface HolidayRule {
  id: string;
  name: string;
  nameEn: string;
  pattern: HolidayPattern;
  /** Whether Art. 111(3) compensation applies when it falls on a weekly rest day. */
  compensated: boolean;
  legalBasis: { law: string; article: string; clause?: string; quote?: string };
  validFrom: string;
  validTo: string | null;
  verified: boolean;
  note?: string;
}

const BLLD19 = 'Bộ luật Lao động 45/2019/QH14';
const BLLD12 = 'Bộ luật Lao động 10/2012/QH13';
const art112 = (point: string) => ({ law: BLLD19, article: '112', clause: `1(${point})` });
const V19 = { validFrom: '2021-01-01', validTo: null, verified: true } as const;
const V12 = { validFrom: '2013-05-01', validTo: '2020-12-31', verified: false, note: 'BLLĐ 2012 Art. 115, from memory (not in DOMAIN.md)' } as const;
const TET_NOTE = 'Art. 112(3): the Prime Minister picks the 5 days each year. Default: the last day of the old lunar year and mùng 1–4.';

/** The holiday rules, each version a separate row (BLLĐ 2019 Art. 112(1); NQ 28/2026/QH16 Art. 2). */
export const HOLIDAY_RULES: readonly HolidayRule[] = [
  { id: 'new-year', name: 'Tết Dương lịch', nameEn: "New Year's Day", pattern: { type: 'solar', month: 1, day: 1, days: 1 }, compensated: true, legalBasis: { ...art112('a'), quote: 'Tết Dương lịch: 01 ngày (ngày 01 tháng 01 dương lịch)' }, ...V19 },
  { id: 'tet', name: 'Tết Nguyên đán', nameEn: 'Lunar New Year', pattern: { type: 'lunar', month: 1, day: 1, days: 5, offset: -1 }, compensated: true, legalBasis: { ...art112('b'), quote: 'Tết Âm lịch: 05 ngày' }, ...V19, note: TET_NOTE },
  { id: 'victory', name: 'Ngày Chiến thắng', nameEn: 'Reunification Day', pattern: { type: 'solar', month: 4, day: 30, days: 1 }, compensated: true, legalBasis: { ...art112('c'), quote: 'Ngày Chiến thắng: 01 ngày (ngày 30 tháng 4 dương lịch)' }, ...V19 },
  { id: 'labour', name: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day', pattern: { type: 'solar', month: 5, day: 1, days: 1 }, compensated: true, legalBasis: { ...art112('d'), quote: 'Ngày Quốc tế lao động: 01 ngày (ngày 01 tháng 5 dương lịch)' }, ...V19 },
  { id: 'national-day', name: 'Quốc khánh', nameEn: 'National Day', pattern: { type: 'national-day' }, compensated: true, legalBasis: { ...art112('đ'), quote: 'Quốc khánh: 02 ngày (ngày 02 tháng 9 dương lịch và 01 ngày liền kề trước hoặc sau)' }, ...V19, note: 'Art. 112(3): the PM picks the adjacent day. Default: 01/09, or 03/09 when 02/09 is a Monday.' },
  { id: 'hung-kings', name: 'Giỗ Tổ Hùng Vương', nameEn: 'Hung Kings Commemoration', pattern: { type: 'lunar', month: 3, day: 10, days: 1, offset: 0 }, compensated: true, legalBasis: { ...art112('e'), quote: 'Ngày Giỗ Tổ Hùng Vương: 01 ngày (ngày 10 tháng 3 âm lịch)' }, ...V19 },
  {
    id: 'culture-day', name: 'Ngày Văn hóa Việt Nam', nameEn: 'Vietnam Culture Day', pattern: { type: 'solar', month: 11, day: 24, days: 1 }, compensated: true,
    legalBasis: { law: 'Nghị quyết 28/2026/QH16', article: '2', quote: 'Ngày 24 tháng 11 hằng năm là Ngày Văn hóa Việt Nam; người lao động được nghỉ làm việc và hưởng nguyên lương' },
    validFrom: '2026-07-01', validTo: null, verified: false,
    note: 'Text read by a third party only. Not written into BLLĐ Art. 112(1), so whether Art. 111(3) compensation applies is open; we apply it.',
  },
  // Labour Code 2012 (in force 01/05/2013 – 31/12/2020): the same days, but Quốc khánh was one day.
  { id: 'new-year', name: 'Tết Dương lịch', nameEn: "New Year's Day", pattern: { type: 'solar', month: 1, day: 1, days: 1 }, compensated: true, legalBasis: { law: BLLD12, article: '115', clause: '1(a)' }, ...V12 },
  { id: 'tet', name: 'Tết Nguyên đán', nameEn: 'Lunar New Year', pattern: { type: 'lunar', month: 1, day: 1, days: 5, offset: -1 }, compensated: true, legalBasis: { law: BLLD12, article: '115', clause: '1(b)' }, ...V12 },
  { id: 'victory', name: 'Ngày Chiến thắng', nameEn: 'Reunification Day', pattern: { type: 'solar', month: 4, day: 30, days: 1 }, compensated: true, legalBasis: { law: BLLD12, article: '115', clause: '1(c)' }, ...V12 },
  { id: 'labour', name: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day', pattern: { type: 'solar', month: 5, day: 1, days: 1 }, compensated: true, legalBasis: { law: BLLD12, article: '115', clause: '1(d)' }, ...V12 },
  { id: 'national-day', name: 'Quốc khánh', nameEn: 'National Day', pattern: { type: 'solar', month: 9, day: 2, days: 1 }, compensated: true, legalBasis: { law: BLLD12, article: '115', clause: '1(đ)' }, ...V12 },
  { id: 'hung-kings', name: 'Giỗ Tổ Hùng Vương', nameEn: 'Hung Kings Commemoration', pattern: { type: 'lunar', month: 3, day: 10, days: 1, offset: 0 }, compensated: true, legalBasis: { law: BLLD12, article: '115', clause: '1(e)' }, ...V12 },
];

/** Default Quốc khánh days: 01/09 + 02/09, or 02/09 + 03/09 when 02/09 is a Monday (so no day is lost to Sunday). */
export function nationalDayDates(year: number): string[] {
  const sep2 = toDayNumber(`${year}-09-02`);
  const other = weekdayOfDay(sep2) === 1 ? sep2 + 1 : sep2 - 1;
  return [fromDayNumber(Math.min(sep2, other)), fromDayNumber(Math.max(sep2, other))];
}

/** The solar dates a rule gives in `year` (before weekend compensation). */
export function ruleDates(rule: HolidayRule, year: number): string[] {
  const p = rule.pattern;
  if (p.type === 'national-day') return nationalDayDates(year);
  const first = p.type === 'solar'
    ? toDayNumber(`${year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`)
    : toDayNumber(p.month === 1 && p.day === 1 ? tetOf(year) : lunarToSolar(year, p.month, p.day)) + p.offset;
  return Array.from({ length: p.days }, (_, i) => fromDayNumber(first + i));
}

/** The rules in force for (any part of) `year`; a rule counts if in force on the holiday itself. */
export function holidayRulesFor(year: number): HolidayRule[] {
  return HOLIDAY_RULES.filter((r) => r.validFrom <= `${year}-12-31` && (r.validTo === null || r.validTo >= `${year}-01-01`));
}

const isWeekend = (day: number) => weekdayOfDay(day) === 0 || weekdayOfDay(day) === 6;

/**
 * The schedule computed from the rules alone, for a year without an official notice: each holiday
 * on its statutory day(s), and for each one on a Saturday or Sunday a compensatory day on the next
 * working day (Art. 111(3)). No swaps: those only come from yearly notices.
 */
export function defaultYearSchedule(year: number): YearSchedule {
  const holidays: { day: number; rule: HolidayRule }[] = [];
  for (const rule of holidayRulesFor(year)) {
    for (const d of ruleDates(rule, year)) {
      if (d >= rule.validFrom && (rule.validTo === null || d <= rule.validTo) && d.startsWith(`${year}-`)) {
        holidays.push({ day: toDayNumber(d), rule });
      }
    }
  }
  holidays.sort((a, b) => a.day - b.day);
  const off = new Set(holidays.map((h) => h.day));
  const entries: CalendarEntry[] = [];
  const note = 'Mặc định tính từ quy định (chưa có thông báo chính thức)';
  for (const h of holidays) {
    if (!isWeekend(h.day)) {
      entries.push({ date: fromDayNumber(h.day), kind: 'holiday', name: h.rule.name, nameEn: h.rule.nameEn, verified: false, note });
    } else if (h.rule.compensated) {
      let d = h.day + 1;
      while (isWeekend(d) || off.has(d)) d++;
      off.add(d);
      entries.push({ date: fromDayNumber(d), kind: 'compensatory', name: `Nghỉ bù ${h.rule.name}`, nameEn: `Compensatory day off for ${h.rule.nameEn}`, verified: false, note });
    }
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, source: 'Mặc định theo Điều 111(3), 112 Bộ luật Lao động 2019', sourceEn: 'Defaults under the Labour Code 2019, Art. 111(3) and 112', entries: entries.filter((e) => e.date.startsWith(`${year}-`)) };
}

/** Problems with a schedule (dates outside the year, kinds on the wrong weekday, duplicates); empty when valid. */
export function validateYearSchedule(s: YearSchedule): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const e of s.entries) {
    let day: number;
    try {
      day = toDayNumber(e.date);
    } catch {
      errors.push(`${e.date}: ngày không hợp lệ`);
      continue;
    }
    if (!e.date.startsWith(`${s.year}-`)) errors.push(`${e.date}: không thuộc năm ${s.year}`);
    if (seen.has(e.date)) errors.push(`${e.date}: trùng ngày`);
    seen.add(e.date);
    if (e.kind === 'working-weekend' && !isWeekend(day)) errors.push(`${e.date}: ngày làm bù phải là Thứ Bảy hoặc Chủ nhật`);
    if (e.kind !== 'working-weekend' && isWeekend(day)) errors.push(`${e.date}: ngày nghỉ phải là ngày trong tuần (Thứ Hai – Thứ Sáu)`);
    if (!e.name.trim()) errors.push(`${e.date}: thiếu tên`);
  }
  return errors;
}
