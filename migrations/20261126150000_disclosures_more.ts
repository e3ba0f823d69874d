import type { Kysely } from 'kysely';

/**
 * Disclosures and consultations, second part: a disclosure made by a consultation (LDC Art. 11(11):
 * the consultation plan and content when it opens, the summary and explanation when it closes), and
 * the record of informing and dialogue with affected citizens (Art. 27), filed with the decision
 * dossier. Only text/integer columns; one ADD COLUMN per statement (SQLite).
 */
const ADD: [string, string, 'text' | 'integer'][] = [
  ['disclosures', 'consultation_id', 'text'],
  ['disclosures', 'consultation_stage', 'text'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, col, type] of ADD) await db.schema.alterTable(table).addColumn(col, type).execute();
  await db.schema.createIndex('disclosures_consultation_idx').on('disclosures').column('consultation_id').execute();
  await db.schema.createTable('consultation_dialogues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('participants', 'text')
    .addColumn('affected', 'text', (c) => c.notNull())
    .addColumn('opinions', 'text', (c) => c.notNull())
    .addColumn('answers', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_dialogues_consultation_idx').on('consultation_dialogues').columns(['consultation_id', 'held_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consultation_dialogues').ifExists().execute();
  await db.schema.dropIndex('disclosures_consultation_idx').ifExists().execute();
  for (const [table, col] of [...ADD].reverse()) await db.schema.alterTable(table).dropColumn(col).execute();
}
