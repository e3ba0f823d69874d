import type { Kysely } from 'kysely';

/** Mandatory disclosures (LDC Art. 11–13, 46–48) and consultations with per-comment dispositions (Art. 25–28, 53–54). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text')
    .addColumn('decision_on', 'text', (c) => c.notNull())
    .addColumn('publish_due', 'text', (c) => c.notNull())
    .addColumn('posted_on', 'text', (c) => c.notNull())
    .addColumn('posted_until', 'text')
    .addColumn('removed_on', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.references('files.id'))
    .addColumn('forms', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosures_unit').on('disclosures').columns(['unit_id', 'posted_on']).execute();

  await db.schema.createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('consulted', 'text')
    .addColumn('forms', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('specific_law', 'text')
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('departure_reason', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultations_unit').on('consultations').columns(['unit_id', 'opens_on']).execute();

  await db.schema.createTable('consultation_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('section_key', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('organization', 'text')
    .addColumn('social_critique', 'integer', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('explanation', 'text')
    .addColumn('disposed_by', 'text')
    .addColumn('disposed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_comments_c').on('consultation_comments').columns(['consultation_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consultation_comments').execute();
  await db.schema.dropTable('consultations').execute();
  await db.schema.dropTable('disclosures').execute();
}
