/**
 * Official civil-service holiday schedules (lịch nghỉ lễ, tết của cán bộ, công chức, viên chức),
 * as published each year; shared/DOMAIN.md §13 Q5 (which overrides §11). Each entry says whether
 * it was read in the notice (`verified`). Notices came from Bộ LĐTBXH up to 2025 and from Bộ Nội vụ
 * from 2026. A schedule entered by an admin replaces these (see calendar.ts).
 */
import { HOLIDAY_RULES, type CalendarEntry, type YearSchedule } from './holidays.ts';

/** A statutory holiday of a notice, named (in Vietnamese and English) after its rule. */
const h = (date: string, ruleId: string, verified: boolean, note?: string): CalendarEntry => {
  const { name, nameEn } = HOLIDAY_RULES.find((r) => r.id === ruleId)!;
  return { date, kind: 'holiday', name, nameEn, verified, ...(note ? { note } : {}) };
};

const SCHEDULE_2025: YearSchedule = {
  year: 2025,
  source: 'TB 6150/TB-BLĐTBXH (03/12/2024), theo CV 8726/VPCP-KGVX (26/11/2024)',
  entries: [
    h('2025-01-01', 'new-year', true, 'BLLĐ Art. 112(1)(a); Wednesday'),
    // "05 ngày nghỉ tết Âm lịch và 04 ngày nghỉ hằng tuần": off Sat 25/01 – Sun 02/02, no swap.
    ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d) => h(d, 'tet', true)),
    h('2025-04-07', 'hung-kings', true, '10/3 âm lịch (calendar fact)'),
    // 30/4–1/5: off Wed 30/04 – Sun 04/05 (5 days, verified); "từ thứ Sáu ngày 02/5/2025 sang thứ Bảy ngày 26/4/2025" (swap wording unverified).
    { date: '2025-04-26', kind: 'working-weekend', name: 'Làm bù cho ngày nghỉ Thứ Sáu 02/5/2025', nameEn: 'Working day in exchange for Friday 02/05/2025 off', verified: false, note: 'swap wording third-party' },
    h('2025-04-30', 'victory', true),
    h('2025-05-01', 'labour', true),
    { date: '2025-05-02', kind: 'official-break', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù Thứ Bảy 26/4/2025)', nameEn: 'Day off swapped around 30/04 – 01/05 (made up on Saturday 26/04/2025)', verified: true, note: '5 days off 30/04–04/05 verified' },
    // "…nghỉ dịp lễ Quốc khánh năm 2025 từ thứ Bảy ngày 30.8.2025 đến hết thứ Ba ngày 2.9.2025"
    h('2025-09-01', 'national-day', true),
    h('2025-09-02', 'national-day', true),
  ],
};

const SCHEDULE_2026: YearSchedule = {
  year: 2026,
  source: 'TB 9441/TB-BNV (16/10/2025); CV 12729/VPCP-KGVX (25/12/2025)',
  entries: [
    // Tết Dương lịch: off Thu 01/01 – Sun 04/01; Fri 02/01 swapped with Sat 10/01 (CV 12729/VPCP-KGVX).
    h('2026-01-01', 'new-year', true),
    { date: '2026-01-02', kind: 'official-break', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù Thứ Bảy 10/01/2026)', nameEn: "Day off swapped around New Year's Day (made up on Saturday 10/01/2026)", verified: true },
    { date: '2026-01-10', kind: 'working-weekend', name: 'Làm bù cho ngày nghỉ Thứ Sáu 02/01/2026', nameEn: 'Working day in exchange for Friday 02/01/2026 off', verified: true },
    // Tết Bính Ngọ: off Sat 14/02 – Sun 22/02; the 5 Tết days are Mon 16/02 (29 Chạp) – Fri 20/02 (mùng 4); no swap.
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => h(d, 'tet', true)),
    // Giỗ Tổ falls on Sun 26/04 → compensatory Mon 27/04 (Art. 111(3)); the date is third-party data.
    { date: '2026-04-27', kind: 'compensatory', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', nameEn: 'Compensatory day off for Hung Kings Commemoration', verified: false, note: 'rule verified (Art. 111(3)); date third-party' },
    h('2026-04-30', 'victory', true, 'statutory date; "no swap" (CV 3383/BNV-CVL) third-party'),
    h('2026-05-01', 'labour', true, 'statutory date; "no swap" third-party'),
    // Quốc khánh: Tue 01/09 + Wed 02/09 (third-party); a 5-day bridge 29/08–02/09 is unconfirmed: enter it as an override if decided.
    h('2026-09-01', 'national-day', false, 'third-party; bridge 29/08–02/09 unconfirmed'),
    h('2026-09-02', 'national-day', true, 'statutory date'),
    h('2026-11-24', 'culture-day', false, 'NQ 28/2026/QH16 Art. 2 (third-party); any swap not decided'),
  ],
};

/** Official schedules bundled with the code, by year. */
export const OFFICIAL_SCHEDULES: Readonly<Record<number, YearSchedule>> = { 2025: SCHEDULE_2025, 2026: SCHEDULE_2026 };
