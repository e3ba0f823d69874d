import type { Kysely } from 'kysely';

/** Petitions (cases, history, forwards), intake throttling, heads' reception days and the reception log. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('petitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('access_key_hash', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('kind_hint', 'text')
    .addColumn('field', 'text')
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('sealed', 'integer', (c) => c.notNull())
    .addColumn('sender_sealed', 'text')
    .addColumn('sender_hash', 'text')
    .addColumn('source_body', 'text')
    .addColumn('addressed_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('handling_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('accused_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('assigned_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('competence', 'text')
    .addColumn('eligibility', 'text')
    .addColumn('remote', 'integer', (c) => c.notNull())
    .addColumn('complex', 'integer', (c) => c.notNull())
    .addColumn('instance', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('deadlines', 'text', (c) => c.notNull())
    .addColumn('extensions', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('document_number', 'text')
    .addColumn('answer', 'text')
    .addColumn('resolved_on', 'text')
    .addColumn('duplicate_of', 'text')
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petitions_unit').on('petitions').columns(['handling_unit_id', 'status']).execute();
  await db.schema.createIndex('petitions_sender').on('petitions').column('sender_hash').execute();

  await db.schema.createTable('petition_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('petition_events_petition').on('petition_events').columns(['petition_id', 'seq']).execute();

  await db.schema.createTable('petition_forwards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('from_unit_id', 'text', (c) => c.notNull())
    .addColumn('to_unit_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('legal_step', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petition_forwards_petition').on('petition_forwards').column('petition_id').execute();

  await db.schema.createTable('petition_intake_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petition_intake_ip').on('petition_intake_attempts').columns(['ip', 'at']).execute();

  await db.schema.createTable('reception_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('head_name', 'text', (c) => c.notNull())
    .addColumn('held', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('reception_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('visitor_sealed', 'text', (c) => c.notNull())
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('refused', 'integer', (c) => c.notNull())
    .addColumn('refusal_reason', 'text')
    .addColumn('handling', 'text')
    .addColumn('petition_id', 'text')
    .addColumn('reply_due', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reception_logs', 'reception_days', 'petition_intake_attempts', 'petition_forwards', 'petition_events', 'petitions']) await db.schema.dropTable(t).execute();
}
