import type { Kysely } from 'kysely';

/** Petitions, round two: answer templates per unit and state; the configurable list of remote communes; how the citizen was answered after reception (LTCD Art. 28). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('petition_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petition_templates_unit_status').on('petition_templates').columns(['unit_id', 'status']).unique().execute();

  await db.schema.createTable('petition_remote_units')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('note', 'text')
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('reception_logs').addColumn('reply_outcome', 'text').execute();
  // LTCD Art. 25(2): the log also keeps the prior handling by competent bodies and the person's requests.
  await db.schema.alterTable('reception_logs').addColumn('prior_handling', 'text').execute();
  await db.schema.alterTable('reception_logs').addColumn('requests', 'text').execute();
  // Duplicate detection reads a unit's latest cases on every intake.
  await db.schema.createIndex('petitions_unit_received').on('petitions').columns(['handling_unit_id', 'received_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('petitions_unit_received').execute();
  for (const c of ['requests', 'prior_handling', 'reply_outcome']) await db.schema.alterTable('reception_logs').dropColumn(c).execute();
  for (const t of ['petition_remote_units', 'petition_templates']) await db.schema.dropTable(t).execute();
}
