import type { Kysely } from 'kysely';

/**
 * Issue 18 item 10: the dialogue of a complaint (LKN Art. 30, 39; NĐ 124/2020 Art. 28 as amended).
 * - `dialogue`: JSON (schedule: date, time, place, participants; notice due; minutes once held), null when none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('petitions').addColumn('dialogue', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('petitions').dropColumn('dialogue').execute();
}
