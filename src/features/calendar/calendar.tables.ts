/** A year's official schedule entered by an admin: entries as JSON (CalendarEntry[]). */
export interface CalendarSchedulesTable {
  year: number;
  source: string;
  entries: string;
  updated_by: string | null;
  updated_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    calendar_schedules: CalendarSchedulesTable;
  }
}
