/**
 * The parts of `date-chinese` (MIT) that src/domain/calendar/lunar.ts uses. The package ships its
 * own types, but its `exports` map has no `types` condition, so NodeNext resolution cannot find
 * them. Only the CalendarVietnamese (UTC+7 from 1968) surface we call is declared here.
 */
declare module 'date-chinese' {
  export interface GregorianDate {
    year: number;
    month: number;
    day: number;
  }

  export interface MajorSolarTerm {
    /** major solar term (zhongqi) number 1..12 */
    term: number;
    /** apparent solar longitude in degrees */
    lon: number;
  }

  export class CalendarChinese {
    constructor(cycle?: number, year?: number, month?: number, leap?: boolean, day?: number);
    cycle: number;
    year: number;
    month: number;
    leap: boolean;
    day: number;
    set(cycle: number, year: number, month: number, leap: boolean, day: number): this;
    get(): [number, number, number, boolean, number];
    /** Gregorian year in which the lunar year of this date begins. */
    yearFromEpochCycle(): number;
    fromGregorian(year: number, month: number, day: number): this;
    toGregorian(gyear?: number): GregorianDate;
    toJDE(gyear?: number): number;
    /** JDE of local midnight of the day that contains `jde`. */
    midnight(jde: number): number;
    inMajorSolarTerm(jde: number): MajorSolarTerm;
    /** True when the month starting at new moon `jde` contains no major solar term. */
    isLeapMonth(jde: number): boolean;
    nextNewMoon(jde: number): number;
    previousNewMoon(jde: number): number;
    newYear(gyear: number): number;
    majorSolarTerm(term: number, gyear?: number): number;
  }

  export class CalendarVietnamese extends CalendarChinese {}
}
