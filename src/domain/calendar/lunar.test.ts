import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leapMonthOf, lunarMonths, lunarToSolar, rawDateChineseLunar, solarToLunar, tetOf } from './lunar.ts';

// shared/DOMAIN.md §12: "Four independent implementations agree on every row."
// [lunar year, Tết (1/1), Giỗ Tổ (10/3), leap month, first day of the leap month]
const FIXTURE: [number, string, string, number | null, string | null][] = [
  [2020, '2020-01-25', '2020-04-02', 4, '2020-05-23'],
  [2021, '2021-02-12', '2021-04-21', null, null],
  [2022, '2022-02-01', '2022-04-10', null, null],
  [2023, '2023-01-22', '2023-04-29', 2, '2023-03-22'],
  [2024, '2024-02-10', '2024-04-18', null, null],
  [2025, '2025-01-29', '2025-04-07', 6, '2025-07-25'],
  [2026, '2026-02-17', '2026-04-26', null, null],
  [2027, '2027-02-06', '2027-04-16', null, null],
  [2028, '2028-01-26', '2028-04-04', 5, '2028-06-23'],
  [2029, '2029-02-13', '2029-04-23', null, null],
  [2030, '2030-02-02', '2030-04-12', null, null],
  [2031, '2031-01-23', '2031-04-01', 3, '2031-04-21'],
  [2032, '2032-02-11', '2032-04-19', null, null],
  [2033, '2033-01-31', '2033-04-09', 11, '2033-12-22'],
  [2034, '2034-02-19', '2034-04-28', null, null],
  [2035, '2035-02-08', '2035-04-17', null, null],
  [2036, '2036-01-28', '2036-04-06', 6, '2036-07-23'],
  [2040, '2040-02-12', '2040-04-20', null, null],
  [2045, '2045-02-17', '2045-04-26', null, null],
  [2050, '2050-01-23', '2050-04-01', 3, '2050-04-21'],
];

for (const [year, tet, gioTo, leap, leapStart] of FIXTURE) {
  test(`lunar ${year}: Tết ${tet}, Giỗ Tổ ${gioTo}, leap ${leap ?? '–'}`, () => {
    assert.equal(tetOf(year), tet);
    assert.equal(lunarToSolar(year, 1, 1), tet);
    assert.equal(lunarToSolar(year, 3, 10), gioTo);
    assert.deepEqual(solarToLunar(tet), { year, month: 1, day: 1, leap: false });
    assert.deepEqual(solarToLunar(gioTo), { year, month: 3, day: 10, leap: false });
    assert.equal(leapMonthOf(year), leap);
    if (leap !== null && leapStart !== null) {
      assert.equal(lunarToSolar(year, leap, 1, true), leapStart);
      assert.deepEqual(solarToLunar(leapStart), { year, month: leap, day: 1, leap: true });
    }
  });
}

test('1985 and 2007, where the Vietnamese and Chinese calendars differ (DOMAIN §12)', () => {
  // Vietnam (UTC+7) celebrated Tết Ất Sửu on 21/01/1985 (China: 20/02) and Tết Đinh Hợi on 17/02/2007 (China: 18/02).
  assert.equal(tetOf(1985), '1985-01-21');
  assert.deepEqual(solarToLunar('1985-01-21'), { year: 1985, month: 1, day: 1, leap: false });
  assert.equal(tetOf(2007), '2007-02-17');
  assert.deepEqual(solarToLunar('2007-02-17'), { year: 2007, month: 1, day: 1, leap: false });
  // the new moon of 17/02/2007 fell at 23:14 in Hà Nội but 00:14 on the 18th in Beijing: month 12 had only 29 days in Vietnam
  assert.deepEqual(solarToLunar('2007-02-16'), { year: 2006, month: 12, day: 29, leap: false });
});

test('date-chinese 2.1.4 flaw pinned: it invents a leap 8th month in 2033 (fails when the library changes)', () => {
  // DOMAIN §12: "it is wrong about the leap month of 2033 (it invents a leap 8th month)".
  assert.deepEqual(rawDateChineseLunar('2033-09-23'), { year: 2033, month: 8, day: 1, leap: true });
  assert.deepEqual(rawDateChineseLunar('2033-10-23'), { year: 2033, month: 9, day: 1, leap: false });
  assert.deepEqual(rawDateChineseLunar('2033-12-22'), { year: 2033, month: 11, day: 1, leap: true });
  // our wrapper corrects it: months 9, 10, 11 and leap 11
  assert.deepEqual(solarToLunar('2033-09-23'), { year: 2033, month: 9, day: 1, leap: false });
  assert.deepEqual(solarToLunar('2033-10-23'), { year: 2033, month: 10, day: 1, leap: false });
  assert.deepEqual(solarToLunar('2033-11-22'), { year: 2033, month: 11, day: 1, leap: false });
  assert.deepEqual(solarToLunar('2033-12-22'), { year: 2033, month: 11, day: 1, leap: true });
  assert.throws(() => lunarToSolar(2033, 8, 1, true), RangeError);
});

test('our tables agree with date-chinese at every month start 2000–2060 except the 2033 / 2053 leap flaws', () => {
  const diffs: string[] = [];
  for (let y = 2000; y <= 2060; y++) {
    for (const m of lunarMonths(y)) {
      const r = rawDateChineseLunar(m.start);
      if (r.year !== y || r.month !== m.month || r.leap !== m.leap || r.day !== 1) diffs.push(m.start);
    }
  }
  // 2053-01-20: date-chinese calls it leap 12 of 2052 although 2052 already has its leap 8th month.
  assert.deepEqual(diffs, ['2033-09-23', '2033-10-23', '2033-11-22', '2053-01-20']);
});

test('round trip solar → lunar → solar for every day of 2024–2027', () => {
  for (let d = Date.UTC(2024, 0, 1); d < Date.UTC(2028, 0, 1); d += 86_400_000) {
    const iso = new Date(d).toISOString().slice(0, 10);
    const l = solarToLunar(iso);
    assert.equal(lunarToSolar(l.year, l.month, l.day, l.leap), iso);
  }
});

test('a year has 12 months, or 13 with one leap; months have 29 or 30 days', () => {
  for (const y of [2025, 2026, 2033]) {
    const ms = lunarMonths(y);
    assert.equal(ms.length, leapMonthOf(y) === null ? 12 : 13);
    assert.ok(ms.every((m) => m.length === 29 || m.length === 30));
  }
  assert.throws(() => lunarToSolar(2026, 12, 31), RangeError);
  assert.throws(() => lunarToSolar(2026, 6, 1, true), RangeError);
});
