import type { Kysely } from 'kysely';

/**
 * Issue 18 items 6–9, 11: the procedure around the case clock.
 * - `clock_history`: every change of a clock (start, stop, resume, extension, notice), JSON array.
 * - `last_step_on`: date on the document of the latest legal step (a later step may not be dated before it).
 * - `suspended_on`, `suspended_days`: the open suspension and the days not counted so far.
 * - `awaiting_receipt`: forwarded, the competent body has not yet entered the day it received the case.
 * - `time_bar`: the limitation computed at intake (LKN Art. 9, 33), JSON.
 * - `decision_unit_id`, `resolver`: the unit whose decision is complained about and the competence derived from its kind.
 * - `notices`: notices sent (key → date and number), JSON object.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('petitions').addColumn('clock_history', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('petitions').addColumn('last_step_on', 'varchar(10)').execute();
  await db.schema.alterTable('petitions').addColumn('suspended_on', 'varchar(10)').execute();
  await db.schema.alterTable('petitions').addColumn('suspended_days', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('petitions').addColumn('awaiting_receipt', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('petitions').addColumn('time_bar', 'text').execute();
  await db.schema.alterTable('petitions').addColumn('decision_unit_id', 'varchar(64)').execute();
  await db.schema.alterTable('petitions').addColumn('resolver', 'text').execute();
  await db.schema.alterTable('petitions').addColumn('notices', 'text', (c) => c.notNull().defaultTo('{}')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const col of ['notices', 'resolver', 'decision_unit_id', 'time_bar', 'awaiting_receipt', 'suspended_days', 'suspended_on', 'last_step_on', 'clock_history']) {
    await db.schema.alterTable('petitions').dropColumn(col).execute();
  }
}
