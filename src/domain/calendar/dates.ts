/**
 * Local calendar dates ('YYYY-MM-DD', Asia/Ho_Chi_Minh) as plain strings, with arithmetic done on
 * day numbers (days since 1970-01-01) through UTC Date math, so no result depends on the host's
 * time zone.
 */

const DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TWO = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** Thrown for a string that is not a real 'YYYY-MM-DD' calendar date. */
export class InvalidDateError extends RangeError {
  constructor(readonly input: unknown) {
    super(`not a calendar date (YYYY-MM-DD): ${String(input)}`);
    this.name = 'InvalidDateError';
  }
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function digits(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Day number of a 'YYYY-MM-DD' string, or NaN when it is not a real calendar date (no exception). */
export function dayNumberOrNaN(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > (m === 2 && isLeap(y) ? 29 : DIM[m])) return NaN;
  return daysFromCivil(y, m, d);
}

/** True when `s` is a real calendar date written 'YYYY-MM-DD' (rejects 2025-02-30). */
export function isIsoDate(s: unknown): s is string {
  return !Number.isNaN(dayNumberOrNaN(s));
}

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date; throws InvalidDateError. */
export function toDayNumber(date: string): number {
  const n = dayNumberOrNaN(date);
  if (Number.isNaN(n)) throw new InvalidDateError(date);
  return n;
}

/** 'YYYY-MM-DD' of a day number (H. Hinnant's civil_from_days; no Date object). */
export function fromDayNumber(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y >= 1000 && y <= 9999 ? y : String(y).padStart(4, '0')}-${TWO[m]}-${TWO[d]}`;
}

/** Day number of 1 January of `year`. */
export function yearStart(year: number): number {
  return daysFromCivil(year, 1, 1);
}

/** Gregorian year of a day number (arithmetic estimate corrected by one step). */
export function yearOfDay(day: number): number {
  let y = Math.floor(1970 + day / 365.2425);
  if (yearStart(y) > day) y--;
  else if (yearStart(y + 1) <= day) y++;
  return y;
}

/** Number of days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DIM[month];
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Weekday of a 'YYYY-MM-DD' date: 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return weekdayOfDay(toDayNumber(date));
}

/** The date `n` calendar days after (or before, n < 0) `date`, with no working-day rule. */
export function plusDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * The date `n` months after `date`: the same day of the month, or the month's last day when it
 * has no such day (Civil Code 2015 Art. 148(3)).
 */
export function plusMonths(date: string, n: number): string {
  if (!isIsoDate(date)) throw new InvalidDateError(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12 + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
