import type { Kysely } from 'kysely';

/**
 * Issue 16, the rest of items 4–5: good models found in a conclusion, linked to the draft entries
 * they became in the "Dân vận khéo" registry (the entry itself lives in the exemplars feature), and
 * evidence files on the findings, per checklist item (the file in the files platform).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('inspection_good_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('inspection_targets.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_good_models_entry_uq', ['entry_id'])
    .execute();
  await db.schema.createIndex('inspection_good_models_target_idx').on('inspection_good_models').columns(['target_id']).execute();
  await db.schema.createTable('inspection_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('inspection_targets.id'))
    .addColumn('criterion_code', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_evidence_target_idx').on('inspection_evidence').columns(['target_id', 'criterion_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['inspection_evidence', 'inspection_good_models']) await db.schema.dropTable(t).execute();
}
