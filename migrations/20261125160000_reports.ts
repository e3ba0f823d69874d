import type { Kysely } from 'kysely';

/**
 * Periodic reports (NĐ 09/2019/NĐ-CP): regimes as data, periods with cut-off and due date, the
 * reporting units of each period, unit reports with indicator values and narrative sections,
 * versions kept at each submission and review.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('report_regimes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('unit_kinds', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('copy_to', 'text', (c) => c.notNull())
    .addColumn('sending_method', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('outline', 'text', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('reminder_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('report_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('regime_id', 'text', (c) => c.notNull().references('report_regimes.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('report_period_units')
    .addColumn('period_id', 'text', (c) => c.notNull().references('report_periods.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('report_period_units_pk', ['period_id', 'unit_id'])
    .execute();
  await db.schema.createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('report_periods.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reports_period_unit_uq', ['period_id', 'unit_id'])
    .execute();
  await db.schema.createTable('report_values')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('computed', 'text')
    .addColumn('override_reason', 'text')
    .addPrimaryKeyConstraint('report_values_pk', ['report_id', 'code'])
    .execute();
  await db.schema.createTable('report_sections')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('report_sections_pk', ['report_id', 'key'])
    .execute();
  await db.schema.createTable('report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_versions_report_idx').on('report_versions').columns(['report_id', 'version']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['report_versions', 'report_sections', 'report_values', 'reports', 'report_period_units', 'report_periods', 'report_regimes']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
