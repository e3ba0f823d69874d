import type { Kysely } from 'kysely';

/**
 * Issue 17 item 3: a background export records when its builder last showed signs of life, so an
 * export left `running` by a killed process is put back in the queue instead of hanging for ever.
 * Item 5: each job lease counts its runs, so "once per interval across processes" can be checked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_exports').addColumn('heartbeat_at', 'text').execute();
  await db.schema.alterTable('job_leases').addColumn('runs', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_leases').dropColumn('runs').execute();
  await db.schema.alterTable('report_exports').dropColumn('heartbeat_at').execute();
}
