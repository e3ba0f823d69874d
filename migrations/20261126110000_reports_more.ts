import type { Kysely } from 'kysely';

/**
 * Periodic reports, continued: the provincial report compiled from the unit reports of a period,
 * which the Department of Home Affairs edits as a draft and issues under its own number
 * (one per period; sections as JSON text keyed by outline section); and exports of a period's aggregate
 * built by a background job with visible progress (the file kept as base64 text until downloaded).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('report_compilations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().unique().references('report_periods.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('signed_on', 'text')
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('report_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('report_periods.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('content', 'text')
    .addColumn('error', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('report_exports_status_idx').on('report_exports').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_exports').execute();
  await db.schema.dropTable('report_compilations').execute();
}
