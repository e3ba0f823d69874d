import type { Kysely } from 'kysely';

/**
 * Grassroots democracy: household register, community decisions, inspection and investment
 * supervision boards, mediation teams and cases, staff conferences, workplace dialogues and the
 * regulation registry. Columns: 'name' (text) or 'name:int'; a trailing '!' means NOT NULL.
 */
const TABLES: [string, string[]][] = [
  ['households', ['village_id!', 'representative!', 'address', 'added_on!', 'removed_on', 'online_opt_in_on', 'created_at!']],
  ['community_decisions', ['village_id!', 'commune_id', 'matter!', 'form!', 'question!', 'proposer!', 'initiative_supporters:int', 'initiative_expires', 'notice_on', 'vote_on', 'status!', 'households_present:int', 'yes:int', 'no:int', 'other:int',
    'total_households:int', 'passed:int', 'rule', 'record_due', 'record_sent_on', 'recognize_due', 'recognition', 'recognition_on', 'recognition_note', 'annulled_on', 'annulment_reason', 'follows_id', 'created_by', 'created_at!', 'updated_at!']],
  ['online_votes', ['decision_id!', 'household_id!', 'choice!', 'cast_at!']],
  ['boards', ['kind!', 'scope!', 'unit_id!', 'project_title', 'term_start!', 'term_end', 'status!', 'dissolved_on', 'investor_notified_on', 'report_to', 'created_at!', 'updated_at!']],
  ['board_members', ['board_id!', 'name!', 'role!', 'village_id', 'is_unit_official:int!', 'from_on!', 'to_on', 'created_at!']],
  ['board_recommendations', ['board_id!', 'to_authority!', 'text!', 'kind!', 'sent_on!', 'answer_due!', 'answered_on', 'answer', 'created_at!']],
  ['board_activities', ['board_id!', 'kind!', 'held_on!', 'notice_on', 'text!', 'created_at!']],
  ['mediation_teams', ['village_id!', 'name!', 'ethnic_minority_area:int!', 'reviewed_on', 'created_at!']],
  ['mediators', ['team_id!', 'name!', 'gender!', 'ethnic_minority:int!', 'is_leader:int!', 'recognized_on', 'created_at!']],
  ['mediation_cases', ['team_id!', 'assigned_on!', 'start_due!', 'started_on', 'parties!', 'summary!', 'result', 'record', 'closed_on', 'created_at!', 'updated_at!']],
  ['mediation_sessions', ['case_id!', 'held_on!', 'note!', 'created_at!']],
  ['staff_conferences', ['unit_id!', 'year:int!', 'kind!', 'held_on!', 'due_by!', 'staff_total:int!', 'attendees:int!', 'resolution_yes:int!', 'quorum:int!', 'passed:int!', 'follow_up_due', 'created_at!']],
  ['workplace_dialogues', ['unit_id!', 'held_on!', 'legal_rep_present:int!', 'worker_reps:int!', 'worker_reps_present:int!', 'valid:int!', 'note', 'created_at!']],
  ['unit_regulations', ['unit_id!', 'kind!', 'title!', 'issued_on!', 'review_due!', 'reviewed_on', 'created_at!']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, cols] of TABLES) {
    let t = db.schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey());
    for (const spec of cols) {
      const notNull = spec.endsWith('!');
      const [col, type] = spec.replace(/!$/, '').split(':');
      t = t.addColumn(col, type === 'int' ? 'integer' : 'text', (c) => (notNull ? c.notNull() : c));
    }
    await t.execute();
  }
  await db.schema.createIndex('households_village_idx').on('households').columns(['village_id', 'added_on']).execute();
  await db.schema.createIndex('community_decisions_village_idx').on('community_decisions').columns(['village_id', 'created_at']).execute();
  await db.schema.createIndex('online_votes_once_idx').on('online_votes').columns(['decision_id', 'household_id']).unique().execute();
  await db.schema.createIndex('boards_unit_idx').on('boards').column('unit_id').execute();
  await db.schema.createIndex('board_members_board_idx').on('board_members').column('board_id').execute();
  await db.schema.createIndex('board_recommendations_board_idx').on('board_recommendations').column('board_id').execute();
  await db.schema.createIndex('board_activities_board_idx').on('board_activities').column('board_id').execute();
  await db.schema.createIndex('mediation_teams_village_idx').on('mediation_teams').column('village_id').execute();
  await db.schema.createIndex('mediators_team_idx').on('mediators').column('team_id').execute();
  await db.schema.createIndex('mediation_cases_team_idx').on('mediation_cases').column('team_id').execute();
  await db.schema.createIndex('mediation_sessions_case_idx').on('mediation_sessions').column('case_id').execute();
  await db.schema.createIndex('staff_conferences_unit_idx').on('staff_conferences').column('unit_id').execute();
  await db.schema.createIndex('workplace_dialogues_unit_idx').on('workplace_dialogues').column('unit_id').execute();
  await db.schema.createIndex('unit_regulations_unit_idx').on('unit_regulations').column('unit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of [...TABLES].reverse()) await db.schema.dropTable(name).ifExists().execute();
}
