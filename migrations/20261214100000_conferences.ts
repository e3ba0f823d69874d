import type { Kysely } from 'kysely';

/**
 * Issue 18 item 12: the commune democracy events of Law 10/2022/QH15: the commune People's
 * Committee's dialogue conference with the people (Art. 32(1)) and the year-end periodic conference
 * of each village / residential group (Art. 33; NĐ 59/2023 Art. 10–11). One row per conference:
 * the schedule and notice, then the record (minutes) once held.
 * - `unit_id`: the commune (commune-dialogue) or the village (village-periodic).
 * - `agenda`, `questions`: JSON lists (agenda item codes; {question, answer} pairs).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('conferences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('commune_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('convener', 'text', (c) => c.notNull())
    .addColumn('plan_sent_on', 'text')
    .addColumn('notice_sent_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('households_present', 'integer')
    .addColumn('households_total', 'integer')
    .addColumn('agenda', 'text')
    .addColumn('questions', 'text')
    .addColumn('conclusions', 'text')
    .addColumn('commendations', 'text')
    .addColumn('report_sent_on', 'text')
    .addColumn('recorded_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conferences_unit_idx').on('conferences').columns(['unit_id', 'held_on']).execute();
  await db.schema.createIndex('conferences_commune_idx').on('conferences').columns(['commune_id', 'kind', 'held_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('conferences').execute();
}
