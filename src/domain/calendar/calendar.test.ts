import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildYearCalendar, Calendar } from './calendar.ts';
import { defaultYearSchedule, validateYearSchedule, type YearSchedule } from './holidays.ts';
import { fromDayNumber, plusDays, toDayNumber } from './dates.ts';

const cal = new Calendar();
const dates = (y: number) => buildYearCalendar(y).entries.map((e) => `${e.date} ${e.kind}`);

test('2025 official schedule (TB 6150/TB-BLĐTBXH): Tết 27–31/01, swap 02/05 ↔ Sat 26/04, Quốc khánh 01–02/09', () => {
  const y = buildYearCalendar(2025);
  assert.equal(y.origin, 'official');
  assert.deepEqual(dates(2025), [
    '2025-01-01 holiday',
    '2025-01-27 holiday', '2025-01-28 holiday', '2025-01-29 holiday', '2025-01-30 holiday', '2025-01-31 holiday',
    '2025-04-07 holiday', '2025-04-26 working-weekend', '2025-04-30 holiday', '2025-05-01 holiday', '2025-05-02 official-break',
    '2025-09-01 holiday', '2025-09-02 holiday',
  ]);
  // "05 ngày nghỉ tết Âm lịch và 04 ngày nghỉ hằng tuần": 25/01 – 02/02 off, 03/02 back at work
  for (let d = '2025-01-25'; d <= '2025-02-02'; d = plusDays(d, 1)) assert.equal(cal.isWorkingDay(d), false, d);
  assert.equal(cal.isWorkingDay('2025-02-03'), true);
  assert.equal(cal.isWorkingDay('2025-04-26'), true); // Saturday worked
  assert.equal(cal.reason('2025-01-29'), 'Tết Nguyên đán');
});

test('2026 official schedule: New Year swap 02/01 ↔ Sat 10/01, Tết 16–20/02, Giỗ Tổ compensated Mon 27/04, 24/11', () => {
  assert.deepEqual(dates(2026), [
    '2026-01-01 holiday', '2026-01-02 official-break', '2026-01-10 working-weekend',
    '2026-02-16 holiday', '2026-02-17 holiday', '2026-02-18 holiday', '2026-02-19 holiday', '2026-02-20 holiday',
    '2026-04-27 compensatory', '2026-04-30 holiday', '2026-05-01 holiday',
    '2026-09-01 holiday', '2026-09-02 holiday', '2026-11-24 holiday',
  ]);
  assert.equal(cal.reason('2026-01-10'), 'Làm bù cho ngày nghỉ Thứ Sáu 02/01/2026');
  assert.equal(cal.reason('2026-04-26'), 'Chủ nhật');
  assert.equal(cal.reason('2026-04-25'), 'Thứ Bảy');
  assert.equal(cal.reason('2026-04-28'), 'Ngày làm việc');
  assert.equal(cal.reason('2026-04-27'), 'Nghỉ bù Giỗ Tổ Hùng Vương');
});

test('default schedule for a year with no notice follows Art. 112 and Art. 111(3)', () => {
  // 2027: Tết Đinh Mùi = Sat 06/02 → default 05/02 (last day) + 06–09/02; Sat 06 and Sun 07 compensated on Wed 10, Thu 11.
  // Giỗ Tổ Fri 16/04; 30/4 Fri, 1/5 Sat → Mon 03/05; 2/9 Thu → 01/09 + 02/09; 24/11 Wed.
  const y = buildYearCalendar(2027);
  assert.equal(y.origin, 'default');
  assert.deepEqual(dates(2027), [
    '2027-01-01 holiday',
    '2027-02-05 holiday', '2027-02-08 holiday', '2027-02-09 holiday', '2027-02-10 compensatory', '2027-02-11 compensatory',
    '2027-04-16 holiday', '2027-04-30 holiday', '2027-05-03 compensatory',
    '2027-09-01 holiday', '2027-09-02 holiday', '2027-11-24 holiday',
  ]);
  assert.equal(cal.reason('2027-05-03'), 'Nghỉ bù Ngày Quốc tế Lao động');
  // before 01/07/2026 there is no 24/11 holiday; Quốc khánh 2/9 on a Monday → 02/09 + 03/09
  assert.deepEqual(defaultYearSchedule(2024).entries.filter((e) => e.date >= '2024-09-01').map((e) => e.date), ['2024-09-02', '2024-09-03']);
});

test('an admin override replaces the bundled schedule (e.g. a 2026 Quốc khánh bridge)', () => {
  const base = buildYearCalendar(2026);
  const bridge: YearSchedule = {
    year: 2026,
    source: 'QĐ nhập tay của quản trị viên',
    entries: [...base.entries, { date: '2026-08-31', kind: 'official-break', name: 'Nghỉ hoán đổi dịp Quốc khánh', verified: true }],
  };
  const c = new Calendar(new Map([[2026, bridge]]));
  assert.equal(c.year(2026).origin, 'override');
  assert.equal(c.isWorkingDay('2026-08-31'), false);
  assert.equal(cal.isWorkingDay('2026-08-31'), true);
  assert.throws(() => new Calendar([{ year: 2026, source: 'x', entries: [{ date: '2026-08-29', kind: 'holiday', name: 'x', verified: true }] }]).isWorkingDay('2026-01-05'), RangeError);
  assert.deepEqual(validateYearSchedule({ year: 2026, source: 'x', entries: [{ date: '2026-08-31', kind: 'working-weekend', name: 'x', verified: true }] }).length, 1);
});

test('arithmetic: counting starts the day after (Civil Code Art. 147(2)); Art. 148(5) roll-forward', () => {
  // 5 working days from Fri 24/01/2025 skip the whole Tết break: 03/02 (1) … 07/02 (5)
  assert.equal(cal.addWorkingDays('2025-01-24', 5), '2025-02-07');
  assert.equal(cal.addWorkingDays('2025-02-07', -5), '2025-01-24');
  assert.equal(cal.addWorkingDays('2025-03-03', 0), '2025-03-03');
  assert.equal(cal.workingDaysBetween('2025-01-24', '2025-02-07'), 5);
  assert.equal(cal.workingDaysBetween('2025-02-07', '2025-01-24'), -5);
  // 30 calendar days from 31/03/2025 = Wed 30/04 (holiday) → rolls to Mon 05/05 (02/05 break, weekend 3–4/05)
  assert.equal(cal.addCalendarDays('2025-03-31', 30), '2025-04-30');
  assert.equal(cal.addCalendarDays('2025-03-31', 30, { rollForwardToWorkingDay: true }), '2025-05-05');
  // months: same day, or the last day of a shorter month (Art. 148(3)); 28/02/2026 is a Saturday
  assert.equal(cal.addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(cal.addMonths('2026-01-31', 1, { rollForwardToWorkingDay: true }), '2026-03-02');
  assert.equal(cal.nextWorkingDay('2026-12-31'), '2026-12-31');
  assert.equal(cal.addWorkingDays('2026-12-31', 1), '2027-01-04'); // crosses into the default 2027
});

test('results do not depend on the host time zone', () => {
  assert.equal(toDayNumber('2025-01-01'), 20089);
  assert.equal(fromDayNumber(20089), '2025-01-01');
  assert.throws(() => cal.isWorkingDay('2025-02-30'), RangeError);
  assert.throws(() => cal.isWorkingDay('2025-1-01'), RangeError);
  assert.equal(cal.isWorkingDay('2028-02-29'), true);
  // day-number arithmetic agrees with Date.UTC for every day 1900–2200
  for (let d = Date.UTC(1900, 0, 1) / 86_400_000; d < Date.UTC(2200, 0, 1) / 86_400_000; d++) {
    const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
    if (fromDayNumber(d) !== iso || toDayNumber(iso) !== d) assert.fail(`${d} ${iso}`);
  }
});

// Seeded PRNG (mulberry32) so failures reproduce.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('property: n working days forward, then counted back, gives n; the due date is a working day after the start', () => {
  const r = rng(2025);
  const base = toDayNumber('2024-06-01');
  for (let i = 0; i < 3000; i++) {
    const start = fromDayNumber(base + Math.floor(r() * 1400));
    const n = Math.floor(r() * 40);
    const due = cal.addWorkingDays(start, n);
    assert.ok(due >= start, `${start} +${n}`);
    assert.equal(cal.workingDaysBetween(start, due), n, `${start} +${n} → ${due}`);
    if (n > 0) assert.equal(cal.isWorkingDay(due), true);
    assert.equal(cal.addWorkingDays(due, -n) <= start, true);
  }
});

test('property: a later start never gives an earlier due date (working, calendar + roll, months)', () => {
  const r = rng(7);
  const base = toDayNumber('2025-01-01');
  for (let i = 0; i < 3000; i++) {
    const a = fromDayNumber(base + Math.floor(r() * 1000));
    const b = plusDays(a, 1 + Math.floor(r() * 10));
    const n = 1 + Math.floor(r() * 60);
    assert.ok(cal.addWorkingDays(a, n) <= cal.addWorkingDays(b, n));
    const roll = { rollForwardToWorkingDay: true };
    assert.ok(cal.addCalendarDays(a, n, roll) <= cal.addCalendarDays(b, n, roll));
    assert.ok(cal.addCalendarDays(a, n, roll) >= a);
    assert.ok(cal.addMonths(a, n % 4, roll) <= cal.addMonths(b, n % 4, roll));
  }
});

test('every bundled or default day has an English name beside the Vietnamese one (shown when English is chosen)', () => {
  for (const y of [2025, 2026, 2027, 2030]) {
    for (const e of buildYearCalendar(y).entries) assert.ok(e.nameEn && e.name, `${e.date} ${e.name}`);
  }
  // 01/01/2028 is a Saturday: the first compensatory day of 2028
  const d = defaultYearSchedule(2028).entries.find((e) => e.kind === 'compensatory');
  assert.deepEqual([d?.name, d?.nameEn], ['Nghỉ bù Tết Dương lịch', "Compensatory day off for New Year's Day"]);
  assert.equal(buildYearCalendar(2027).sourceEn, 'Defaults under the Labour Code 2019, Art. 111(3) and 112');
});
