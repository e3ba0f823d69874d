/** The legal calendar: dates, Vietnamese lunar calendar, holidays and working days. */
export { daysBetween, fromDayNumber, InvalidDateError, isIsoDate, plusDays, plusMonths, toDayNumber, weekday } from './dates.ts';
export { lunarMonths, leapMonthOf, lunarToSolar, solarToLunar, tetOf, type LunarDate, type LunarMonth } from './lunar.ts';
export {
  defaultYearSchedule, HOLIDAY_RULES, holidayRulesFor, nationalDayDates, ruleDates, validateYearSchedule,
  type CalendarEntry, type DayKind, type HolidayRule, type YearSchedule,
} from './holidays.ts';
export { OFFICIAL_SCHEDULES } from './schedules.ts';
export { buildYearCalendar, Calendar, type RollOptions, type YearCalendar } from './calendar.ts';
