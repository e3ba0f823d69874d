import type { Migration } from 'kysely';
import * as foundation from './20261125090000_foundation.ts';
import * as filesNotificationsJobs from './20261125093000_files_notifications_jobs.ts';

/** All migrations, by timestamped name. Add new files here; never edit a shipped one. */
export const migrations: Record<string, Migration> = {
  '20261125090000_foundation': foundation,
  '20261125093000_files_notifications_jobs': filesNotificationsJobs,
  '20261125150000_calendar': await import('./20261125150000_calendar.ts'),
};
