import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Rules found wrong (issue 18, items 1–3):
 * - `report_periods.due_mode`: how the due date is written. 'by' = "đến hết ngày" (the day itself
 *   is the last day); 'before' = "trước ngày" (plan 188 III.5: the last day is the day before, or
 *   the last working day before it). Plan 188 periods become 'before', and their data cut-off is
 *   moved so that it ends before the due date (15/12 → 14/04 and 15/12 → 14/09 of 2025).
 * - `petitions.complexity_criteria`: the NĐ 31/2019 Art. 3 criteria a case meets (JSON array).
 * - `reception_days.held_by`: who held the reception day, 'head' or 'deputy' (Law 136/2025 from 1/7/2026).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_periods').addColumn('due_mode', 'varchar(10)', (c) => c.notNull().defaultTo('by')).execute();
  await sql`update report_periods set due_mode = 'before' where regime_id in (select id from report_regimes where code = 'kh-188-2025')`.execute(db);
  await sql`update report_periods set to_date = '2025-04-14' where due_mode = 'before' and due_date = '2025-05-10' and to_date = '2025-06-14'`.execute(db);
  await sql`update report_periods set to_date = '2025-09-14' where due_mode = 'before' and due_date = '2025-10-15' and to_date = '2025-12-14'`.execute(db);
  await db.schema.alterTable('petitions').addColumn('complexity_criteria', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('reception_days').addColumn('held_by', 'varchar(10)', (c) => c.notNull().defaultTo('head')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reception_days').dropColumn('held_by').execute();
  await db.schema.alterTable('petitions').dropColumn('complexity_criteria').execute();
  await db.schema.alterTable('report_periods').dropColumn('due_mode').execute();
}
