/**
 * The working-day calendar of state bodies (civil servants: Saturday and Sunday are weekly rest).
 *
 * Counting convention (stated once, used by every deadline): a period runs from the day AFTER the
 * triggering event, Civil Code 2015 (91/2015/QH13) Art. 147(2): "ngày đầu tiên của thời hạn không
 * được tính mà tính từ ngày tiếp theo liền kề ngày được xác định". A period in days ends at the end
 * of its last day (Art. 148(1)); in months on the corresponding day or the month's last day
 * (Art. 148(3)); and when the last day is a weekly rest day or holiday the period ends at the end of
 * the next working day (Art. 148(5): "Khi ngày cuối cùng của thời hạn là ngày nghỉ cuối tuần hoặc
 * ngày nghỉ lễ thì thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo ngày nghỉ đó"),
 * where the rule applies (`rollForwardToWorkingDay`). Art. 145(1) lets a specific law say otherwise.
 */
import { fromDayNumber, InvalidDateError, plusMonths, toDayNumber, weekdayOfDay, yearOfDay, yearStart } from './dates.ts';
import { defaultYearSchedule, validateYearSchedule, type CalendarEntry, type YearSchedule } from './holidays.ts';
import { OFFICIAL_SCHEDULES } from './schedules.ts';

/** A year's exceptional days and where they come from. */
export interface YearCalendar {
  year: number;
  origin: 'override' | 'official' | 'default';
  source: string;
  sourceEn?: string;
  /** Every non-working weekday and every working weekend day, in date order. */
  entries: CalendarEntry[];
}

/** Options for calendar-day and month arithmetic. */
export interface RollOptions {
  /** Civil Code Art. 148(5): a period ending on a non-working day ends on the next working day. */
  rollForwardToWorkingDay?: boolean;
}

/** Year calendar from an override (admin-entered), else the bundled official schedule, else the rule default. */
export function buildYearCalendar(year: number, override?: YearSchedule): YearCalendar {
  if (!Number.isInteger(year) || year < 1901 || year > 2199) throw new RangeError(`year ${year} outside 1901–2199`);
  const official = OFFICIAL_SCHEDULES[year];
  const [origin, s] = override ? ['override', override] as const : official ? ['official', official] as const : ['default', defaultYearSchedule(year)] as const;
  if (s.year !== year) throw new RangeError(`schedule for ${s.year} given for year ${year}`);
  const errors = validateYearSchedule(s);
  if (errors.length) throw new RangeError(`invalid schedule ${year}: ${errors.join('; ')}`);
  const entries = [...s.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, origin, source: s.source, ...(s.sourceEn ? { sourceEn: s.sourceEn } : {}), entries };
}

interface YearIndex { cal: YearCalendar; start: number; working: Uint8Array; byDay: Map<number, CalendarEntry> }

const WEEKEND_VI: Record<number, string> = { 0: 'Chủ nhật', 6: 'Thứ Bảy' };

/**
 * Working-day calendar over many years, built lazily and memoised per year. Pass the schedules
 * entered by admins (from the database) as overrides; other years use the bundled official data or
 * the rule default.
 */
export class Calendar {
  private readonly overrides: ReadonlyMap<number, YearSchedule>;
  private readonly years = new Map<number, YearIndex>();
  private last: YearIndex | undefined;

  constructor(overrides?: ReadonlyMap<number, YearSchedule> | Readonly<Record<number, YearSchedule>> | readonly YearSchedule[]) {
    const map = new Map<number, YearSchedule>();
    if (overrides instanceof Map) for (const [y, s] of overrides) map.set(y, s);
    else if (Array.isArray(overrides)) for (const s of overrides) map.set(s.year, s);
    else if (overrides) for (const [y, s] of Object.entries(overrides)) map.set(Number(y), s as YearSchedule);
    this.overrides = map;
  }

  /** The calendar of `year` (memoised). */
  year(year: number): YearCalendar {
    return this.index(year).cal;
  }

  private index(year: number): YearIndex {
    let ix = this.years.get(year);
    if (!ix) {
      const cal = buildYearCalendar(year, this.overrides.get(year));
      const start = yearStart(year);
      const working = new Uint8Array(yearStart(year + 1) - start);
      for (let i = 0; i < working.length; i++) {
        const wd = weekdayOfDay(start + i);
        working[i] = wd === 0 || wd === 6 ? 0 : 1;
      }
      const byDay = new Map<number, CalendarEntry>();
      for (const e of cal.entries) {
        const d = toDayNumber(e.date);
        byDay.set(d, e);
        working[d - start] = e.kind === 'working-weekend' ? 1 : 0;
      }
      ix = { cal, start, working, byDay };
      this.years.set(year, ix);
    }
    return ix;
  }

  /** The year index containing day number `day` (the last one used is tried first). */
  private ixFor(day: number): YearIndex {
    const l = this.last;
    if (l && day >= l.start && day - l.start < l.working.length) return l;
    const ix = this.index(yearOfDay(day));
    this.last = ix;
    return ix;
  }

  /** Whether day number `day` is a working day (fast path for the arithmetic below). */
  isWorkingDayNumber(day: number): boolean {
    const ix = this.ixFor(day);
    return ix.working[day - ix.start] === 1;
  }

  /** Whether `date` is a working day of state bodies. */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** The calendar entry of `date`, if it is an exceptional day. */
  entry(date: string): CalendarEntry | undefined {
    const day = toDayNumber(date);
    return this.ixFor(day).byDay.get(day);
  }

  /** Why `date` is (not) a working day, in Vietnamese: the entry name, 'Thứ Bảy', 'Chủ nhật' or 'Ngày làm việc'. */
  reason(date: string): string {
    const e = this.entry(date);
    if (e) return e.name;
    return WEEKEND_VI[weekdayOfDay(toDayNumber(date))] ?? 'Ngày làm việc';
  }

  /** Day number of the first working day on or after `day`. */
  nextWorkingDayNumber(day: number): number {
    let ix = this.ixFor(day);
    let d = day;
    for (;;) {
      const i = d - ix.start;
      if (i >= ix.working.length) ix = this.ixFor(d);
      else if (ix.working[i] === 1) return d;
      else d++;
    }
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: string): string {
    return fromDayNumber(this.nextWorkingDayNumber(toDayNumber(date)));
  }

  /** Day number `n` working days after `day` (the start day itself not counted); n < 0 counts back. */
  addWorkingDayNumbers(day: number, n: number): number {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let ix = this.ixFor(day);
    let d = day;
    for (let left = Math.abs(n); left > 0;) {
      d += step;
      let i = d - ix.start;
      if (i < 0 || i >= ix.working.length) {
        ix = this.ixFor(d);
        i = d - ix.start;
      }
      if (ix.working[i] === 1) left--;
    }
    return d;
  }

  /** The date `n` working days after `date` (counting from the next day, Civil Code Art. 147(2)). */
  addWorkingDays(date: string, n: number): string {
    return fromDayNumber(this.addWorkingDayNumbers(toDayNumber(date), n));
  }

  /** The date `n` calendar days after `date`, moved to the next working day if asked (Art. 148(5)). */
  addCalendarDays(date: string, n: number, opts: RollOptions = {}): string {
    if (!Number.isInteger(n)) throw new RangeError(`days must be an integer, got ${n}`);
    const d = toDayNumber(date) + n;
    return fromDayNumber(opts.rollForwardToWorkingDay ? this.nextWorkingDayNumber(d) : d);
  }

  /** The date `n` months after `date` (Art. 148(3): same day or the month's last day), rolled forward if asked. */
  addMonths(date: string, n: number, opts: RollOptions = {}): string {
    if (!Number.isInteger(n)) throw new RangeError(`months must be an integer, got ${n}`);
    const d = plusMonths(date, n);
    return opts.rollForwardToWorkingDay ? this.nextWorkingDay(d) : d;
  }

  /** Working days in the interval (a, b]: a itself not counted; negative when b is before a. */
  workingDaysBetween(a: string, b: string): number {
    const da = toDayNumber(a);
    const db = toDayNumber(b);
    if (db < da) return -this.countWorking(db, da);
    return this.countWorking(da, db);
  }

  private countWorking(from: number, to: number): number {
    let n = 0;
    let ix = this.ixFor(from + 1);
    for (let d = from + 1; d <= to; d++) {
      let i = d - ix.start;
      if (i >= ix.working.length) {
        ix = this.ixFor(d);
        i = d - ix.start;
      }
      n += ix.working[i];
    }
    return n;
  }
}

export { InvalidDateError };
