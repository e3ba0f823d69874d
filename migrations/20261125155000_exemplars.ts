import type { Kysely } from 'kysely';

/** "Dân vận khéo" campaigns, entries (models and exemplars), their workflow history, recognitions, commendations, replications, files and settings. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('exemplar_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period_from', 'integer', (c) => c.notNull())
    .addColumn('period_to', 'integer', (c) => c.notNull())
    .addColumn('launched_by_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('criteria_version', 'integer', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('registration_deadline', 'text')
    .addColumn('quota_min', 'integer')
    .addColumn('quota_max', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('exemplar_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('exemplar_campaigns.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('commune_code', 'text')
    .addColumn('commune_unit_id', 'text')
    .addColumn('village', 'text')
    .addColumn('lat', 'text')
    .addColumn('lng', 'text')
    .addColumn('registration', 'text', (c) => c.notNull())
    .addColumn('press_links', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('typical', 'integer', (c) => c.notNull())
    .addColumn('results_report', 'text')
    .addColumn('vote_for', 'integer')
    .addColumn('vote_total', 'integer')
    .addColumn('status_note', 'text')
    .addColumn('previous_entry_id', 'text')
    .addColumn('recognised_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exemplar_entries_year_status_idx').on('exemplar_entries').columns(['year', 'status']).execute();
  await db.schema.createIndex('exemplar_entries_unit_idx').on('exemplar_entries').columns(['unit_id', 'year']).execute();
  await db.schema.createIndex('exemplar_entries_commune_idx').on('exemplar_entries').columns(['commune_code', 'year']).execute();
  await db.schema.createIndex('exemplar_entries_commune_unit_idx').on('exemplar_entries').columns(['commune_unit_id', 'year']).execute();
  await db.schema.createIndex('exemplar_entries_order_idx').on('exemplar_entries').columns(['year', 'updated_at', 'id']).execute();
  await db.schema.createIndex('exemplar_entries_recognised_idx').on('exemplar_entries').columns(['recognised_on', 'id']).execute();
  await db.schema.createIndex('exemplar_entries_field_idx').on('exemplar_entries').columns(['field', 'year']).execute();
  await db.schema.createIndex('exemplar_entries_code_idx').on('exemplar_entries').column('code').unique().execute();

  await db.schema.createTable('exemplar_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('exemplar_entries.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exemplar_history_entry_idx').on('exemplar_history').column('entry_id').execute();

  await db.schema.createTable('exemplar_recognitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('exemplar_entries.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_on', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('recognised_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exemplar_recognitions_entry_idx').on('exemplar_recognitions').column('entry_id').execute();

  await db.schema.createTable('exemplar_commendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('exemplar_entries.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exemplar_commendations_entry_idx').on('exemplar_commendations').column('entry_id').execute();

  await db.schema.createTable('exemplar_replications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('exemplar_entries.id'))
    .addColumn('to_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('replicated_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exemplar_replications_entry_idx').on('exemplar_replications').column('entry_id').execute();

  await db.schema.createTable('exemplar_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('exemplar_entries.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exemplar_files_entry_idx').on('exemplar_files').column('entry_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['exemplar_files', 'exemplar_replications', 'exemplar_commendations', 'exemplar_recognitions', 'exemplar_history', 'exemplar_entries', 'exemplar_campaigns']) await db.schema.dropTable(t).ifExists().execute();
}
