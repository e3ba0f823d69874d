import type { Kysely } from 'kysely';

/** Official yearly schedules entered by admins (override the bundled data and the rule default). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_schedules')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_schedules').ifExists().execute();
}
