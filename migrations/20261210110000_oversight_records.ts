import type { Kysely } from 'kysely';

/**
 * Issue 16 items 7–8: the inbound recommendations register (Front supervision and critique, People's
 * Inspection Boards, investment supervision boards, Party-rule 124 supervision) with the province's
 * answer terms, and the commendation, discipline and training records of plan 188/KH-UBND II.7–II.8.
 * Recommendations the boards feature records stay in `board_recommendations` (read, not copied).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('register_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('issuer_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('document_date', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('assignee_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('answer_due', 'text', (c) => c.notNull())
    .addColumn('term_days', 'integer', (c) => c.notNull())
    .addColumn('term_unit', 'text', (c) => c.notNull())
    .addColumn('term_basis', 'text', (c) => c.notNull())
    .addColumn('term_verified', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('answer_document', 'text')
    .addColumn('outcome', 'text')
    .addColumn('answer_text', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('close_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('register_entries_assignee_idx').on('register_entries').columns(['assignee_unit_id', 'status', 'answer_due']).execute();
  await db.schema.createIndex('register_entries_received_idx').on('register_entries').columns(['received_on']).execute();

  await db.schema.createTable('register_answer_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('commendation_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_on', 'text', (c) => c.notNull())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('exemplar_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commendation_records_unit_idx').on('commendation_records').columns(['unit_id', 'decision_on']).execute();

  await db.schema.createTable('discipline_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('person_position', 'text', (c) => c.notNull())
    .addColumn('person_category', 'text', (c) => c.notNull())
    .addColumn('violation', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_on', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('discipline_records_unit_idx').on('discipline_records').columns(['unit_id', 'decision_on']).execute();

  await db.schema.createTable('training_courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('training_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_participants_unit_idx').on('training_participants').columns(['unit_id', 'course_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['training_participants', 'training_courses', 'discipline_records', 'commendation_records', 'register_answer_terms', 'register_entries']) await db.schema.dropTable(t).execute();
}
