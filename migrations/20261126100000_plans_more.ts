import type { Kysely } from 'kysely';

/**
 * Plans, continued: the supervision areas (II.11) a plan item names, as a JSON list of codes, so
 * that tasks on the item carry them and the plan shows them. Null for items imported before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan_items').addColumn('areas', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan_items').dropColumn('areas').execute();
}
