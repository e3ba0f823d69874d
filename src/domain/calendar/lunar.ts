/**
 * Vietnamese lunar calendar (âm lịch) at UTC+7, over `date-chinese`.
 *
 * We take only the astronomy from the library (new moons truncated to local midnight by
 * CalendarVietnamese, i.e. UTC+7 from 1968 and UTC+8 before, and the sun's longitude) and do the
 * month numbering ourselves with the usual rule (the one Hồ Ngọc Đức's Vietnamese calendar uses):
 * a leap month exists only in a "suì" (month 11 to month 11) that holds 13 new moons, and it is the
 * first month of that suì without a major solar term. date-chinese tests each month on its own, so
 * it also marks months without a major term in 12-month suì as leap; in 2033 it invents a leap 8th
 * month (shared/DOMAIN.md §12). lunar.test.ts pins that flaw and checks the correction.
 */
import { CalendarVietnamese } from 'date-chinese';
import { fromDayNumber, InvalidDateError, toDayNumber, yearOfDay, yearStart } from './dates.ts';

/** A date of the Vietnamese lunar calendar; `year` is the Gregorian year in which its Tết falls. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** One month of a lunar year: its number, whether it is the leap month, first day and length. */
export interface LunarMonth {
  month: number;
  leap: boolean;
  start: string;
  length: 29 | 30;
}

interface NewMoon { jde: number; day: number }
interface LunarYearTable { year: number; months: { month: number; leap: boolean; startDay: number; length: 29 | 30 }[]; endDay: number }

const MIN_YEAR = 1901;
const MAX_YEAR = 2199;
const cal = new CalendarVietnamese();
const years = new Map<number, LunarYearTable>();
const month11 = new Map<number, NewMoon>();

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`lunar year ${year} outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

/** Julian ephemeris day near noon (UT) of a day number; ΔT (about a minute) does not matter here. */
const jdeOfDay = (day: number) => day + 2440588;

/** Day number of a JDE that date-chinese truncated to local midnight (UTC+7, UTC+8 before 1968). */
function dayOfMidnight(jde: number): number {
  const tz = jde < 2439856.5 ? 8 / 24 : 7 / 24; // 2439856.5 = 1968-01-01T00:00Z
  return Math.round(jde - 2440587.5 + tz);
}

function newMoonOnOrBefore(jde: number): NewMoon {
  const nm = cal.previousNewMoon(cal.midnight(jde));
  return { jde: nm, day: dayOfMidnight(nm) };
}

function newMoonAfter(m: NewMoon): NewMoon {
  const nm = cal.nextNewMoon(cal.midnight(m.jde + 15));
  return { jde: nm, day: dayOfMidnight(nm) };
}

/** Sun's apparent longitude (degrees) at the local midnight starting new-moon day `m`. */
const sunLongitude = (m: NewMoon) => cal.inMajorSolarTerm(m.jde).lon;
/** Major-term index (0–11) in force at the start of `m`. */
const termIndex = (m: NewMoon) => Math.floor(sunLongitude(m) / 30);

/** The new moon starting month 11: the month that contains the December solstice of `gyear`. */
function monthEleven(gyear: number): NewMoon {
  const hit = month11.get(gyear);
  if (hit) return hit;
  let m = newMoonOnOrBefore(jdeOfDay(yearStart(gyear + 1) - 1));
  while (sunLongitude(m) >= 270) m = newMoonOnOrBefore(m.jde - 1);
  month11.set(gyear, m);
  return m;
}

/** Index of the leap month in moons[from..to) (a suì), or -1 when the suì has 12 months. */
function leapIndex(moons: NewMoon[], from: number, to: number): number {
  if (to - from !== 13) return -1;
  for (let i = from + 1; i < to; i++) {
    if (termIndex(moons[i]) === termIndex(moons[i + 1])) return i;
  }
  return -1;
}

function buildYear(year: number): LunarYearTable {
  const a = monthEleven(year - 1);
  const b = monthEleven(year);
  const c = monthEleven(year + 1);
  const moons: NewMoon[] = [a];
  while (moons[moons.length - 1].day < c.day) moons.push(newMoonAfter(moons[moons.length - 1]));
  const ib = moons.findIndex((m) => m.day === b.day);
  const ic = moons.length - 1;
  if (ib < 0 || moons[ic].day !== c.day) throw new Error(`lunar table inconsistent for ${year}`);
  const leaps = new Set([leapIndex(moons, 0, ib), leapIndex(moons, ib, ic)]);
  const labels: { month: number; leap: boolean }[] = [{ month: 11, leap: false }];
  for (let i = 1; i <= ic; i++) {
    const prev = labels[i - 1].month;
    labels.push(leaps.has(i) ? { month: prev, leap: true } : { month: (prev % 12) + 1, leap: false });
  }
  const first = labels.findIndex((l, i) => i > 0 && l.month === 1 && !l.leap);
  const next = labels.findIndex((l, i) => i > first && l.month === 1 && !l.leap);
  const months = [];
  for (let i = first; i < next; i++) {
    const length = (moons[i + 1].day - moons[i].day) as 29 | 30;
    months.push({ ...labels[i], startDay: moons[i].day, length });
  }
  return { year, months, endDay: moons[next].day };
}

function lunarYear(year: number): LunarYearTable {
  checkYear(year);
  let t = years.get(year);
  if (!t) {
    t = buildYear(year);
    years.set(year, t);
  }
  return t;
}

/** The months of lunar year `year` (12, or 13 with one leap month), in order. */
export function lunarMonths(year: number): LunarMonth[] {
  return lunarYear(year).months.map((m) => ({ month: m.month, leap: m.leap, start: fromDayNumber(m.startDay), length: m.length }));
}

/** The leap month of lunar year `year` (e.g. 6 for 2025), or null when the year has none. */
export function leapMonthOf(year: number): number | null {
  return lunarYear(year).months.find((m) => m.leap)?.month ?? null;
}

/** Solar date of Tết Nguyên đán (1/1 lunar) of lunar year `year`. */
export function tetOf(year: number): string {
  return fromDayNumber(lunarYear(year).months[0].startDay);
}

/** Vietnamese lunar date of a solar 'YYYY-MM-DD' date (UTC+7). */
export function solarToLunar(date: string): LunarDate {
  const day = toDayNumber(date);
  let t = lunarYear(yearOfDay(day));
  if (day < t.months[0].startDay) t = lunarYear(t.year - 1);
  for (let i = t.months.length - 1; i >= 0; i--) {
    const m = t.months[i];
    if (day >= m.startDay) return { year: t.year, month: m.month, day: day - m.startDay + 1, leap: m.leap };
  }
  throw new InvalidDateError(date);
}

/** Solar 'YYYY-MM-DD' date of a Vietnamese lunar date; RangeError when it does not exist. */
export function lunarToSolar(year: number, month: number, day: number, leap = false): string {
  const m = lunarYear(year).months.find((x) => x.month === month && x.leap === leap);
  if (!m) throw new RangeError(`lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > m.length) {
    throw new RangeError(`lunar ${month}${leap ? ' (leap)' : ''}/${year} has ${m.length} days, not ${day}`);
  }
  return fromDayNumber(m.startDay + day - 1);
}

/** What date-chinese itself answers for a solar date, without our correction (for pinning tests). */
export function rawDateChineseLunar(date: string): LunarDate {
  toDayNumber(date);
  const c = new CalendarVietnamese().fromGregorian(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  return { year: c.yearFromEpochCycle(), month: c.month, day: c.day, leap: Boolean(c.leap) };
}
