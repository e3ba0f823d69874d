import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Tasks, continued: the day a task was marked done (Vietnam date, YYYY-MM-DD), so reports can count
 * tasks done on time in a period. Tasks already done take the date of their last change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('done_on', 'varchar(10)').execute();
  await sql`update tasks set done_on = substr(updated_at, 1, 10) where status = 'done'`.execute(db);
  await db.schema.createIndex('tasks_done_on').on('tasks').columns(['unit_id', 'done_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tasks_done_on').execute();
  await db.schema.alterTable('tasks').dropColumn('done_on').execute();
}
