import type { Kysely } from 'kysely';

/**
 * Inspections of mass-mobilisation work and grassroots democracy by the Department of Home Affairs
 * (issue 16 items 1–6): versioned checklists with scoring schemes, plans, teams and members,
 * targets (notice, self-report, explanation), findings per criterion (automatic figures and the
 * inspector's override both kept), conclusions, recommendations with remediation, yearly assessments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('inspection_schemes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('decision_no', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_schemes_code_version_uq', ['code', 'version'])
    .execute();

  await db.schema.createTable('inspection_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('review_from', 'text', (c) => c.notNull())
    .addColumn('review_to', 'text', (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull())
    .addColumn('content_items', 'text', (c) => c.notNull())
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('inspection_schemes.id'))
    .addColumn('notice_days', 'integer', (c) => c.notNull())
    .addColumn('self_report_days', 'integer', (c) => c.notNull())
    .addColumn('conclusion_days', 'integer', (c) => c.notNull())
    .addColumn('recommendation_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text')
    .addColumn('approved_on', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_plans_year_idx').on('inspection_plans').columns(['year', 'status']).execute();

  await db.schema.createTable('inspection_teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('inspection_plans.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('inspection_team_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('inspection_teams.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_team_members_user_idx').on('inspection_team_members').columns(['user_id']).execute();

  await db.schema.createTable('inspection_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('inspection_plans.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('inspection_teams.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('notice_sent_on', 'text')
    .addColumn('self_report_due', 'text', (c) => c.notNull())
    .addColumn('self_report', 'text')
    .addColumn('self_score', 'double precision')
    .addColumn('self_report_filed_on', 'text')
    .addColumn('explanation', 'text')
    .addColumn('visited_on', 'text')
    .addColumn('visit_place', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_targets_plan_unit_uq', ['plan_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('inspection_targets_unit_idx').on('inspection_targets').columns(['unit_id']).execute();

  await db.schema.createTable('inspection_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('inspection_targets.id'))
    .addColumn('criterion_code', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision')
    .addColumn('auto_points', 'double precision')
    .addColumn('auto_source', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_findings_target_code_uq', ['target_id', 'criterion_code'])
    .execute();

  await db.schema.createTable('inspection_conclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().unique().references('inspection_targets.id'))
    .addColumn('document_number', 'text')
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('limitations', 'text', (c) => c.notNull())
    .addColumn('causes', 'text', (c) => c.notNull())
    .addColumn('good_models', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('inspection_recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('inspection_targets.id'))
    .addColumn('addressee_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('remediation_report', 'text')
    .addColumn('remediated_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_recommendations_unit_idx').on('inspection_recommendations').columns(['addressee_unit_id', 'closed_on']).execute();

  await db.schema.createTable('inspection_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('inspection_schemes.id'))
    .addColumn('self_score', 'double precision')
    .addColumn('self_note', 'text')
    .addColumn('self_submitted_on', 'text')
    .addColumn('adjustments', 'text', (c) => c.notNull())
    .addColumn('final_score', 'double precision')
    .addColumn('class', 'text')
    .addColumn('not_eligible_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('published_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_assessments_year_unit_uq', ['year', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['inspection_assessments', 'inspection_recommendations', 'inspection_conclusions', 'inspection_findings', 'inspection_targets', 'inspection_team_members', 'inspection_teams', 'inspection_plans', 'inspection_schemes']) {
    await db.schema.dropTable(t).execute();
  }
}
