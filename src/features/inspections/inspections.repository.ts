import type { Db, Trx } from '../../platform/db/index.ts';
import type { SchemeDef } from '../../domain/inspections/index.ts';
import type { InspectionAssessmentsTable, InspectionPlansTable, InspectionSchemesTable, InspectionTargetsTable } from './inspections.tables.ts';

type Q = Db | Trx;

export type Scheme = Omit<InspectionSchemesTable, 'definition'> & { def: SchemeDef };
const toScheme = (r: InspectionSchemesTable): Scheme => ({ ...r, def: JSON.parse(r.definition) as SchemeDef });

export async function getScheme(db: Q, id: string): Promise<Scheme | undefined> {
  const r = await db.selectFrom('inspection_schemes').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toScheme(r);
}

/** Every version of every scheme, newest first. */
export async function listSchemes(db: Q): Promise<Scheme[]> {
  return (await db.selectFrom('inspection_schemes').selectAll().orderBy('code').orderBy('version', 'desc').execute()).map(toScheme);
}

/** The newest scheme version in force in a year (valid from on or before its last day), else the oldest. */
export async function schemeForYear(db: Q, year: number): Promise<Scheme | undefined> {
  const all = await listSchemes(db);
  return all.filter((s) => s.valid_from <= `${year}-12-31`).sort((a, b) => b.valid_from.localeCompare(a.valid_from) || b.version - a.version)[0] ?? all[all.length - 1];
}

export async function getPlan(db: Q, id: string): Promise<InspectionPlansTable | undefined> {
  return db.selectFrom('inspection_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Plans, newest year first; `approvedOnly` for readers who see issued plans only. */
export async function listPlans(db: Q, approvedOnly: boolean) {
  let q = db.selectFrom('inspection_plans').selectAll();
  if (approvedOnly) q = q.where('status', '=', 'approved');
  return q.orderBy('year', 'desc').orderBy('created_at', 'desc').limit(200).execute();
}

export async function teamsOf(db: Q, planId: string) {
  const teams = await db.selectFrom('inspection_teams').selectAll().where('plan_id', '=', planId).orderBy('name').execute();
  const members = teams.length ? await db.selectFrom('inspection_team_members').selectAll().where('team_id', 'in', teams.map((t) => t.id)).orderBy('created_at').execute() : [];
  return teams.map((t) => ({ ...t, members: members.filter((m) => m.team_id === t.id) }));
}

export async function getTarget(db: Q, id: string): Promise<InspectionTargetsTable | undefined> {
  return db.selectFrom('inspection_targets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Targets of a plan with unit and team names and the conclusion's state. */
export async function targetsOf(db: Q, planId: string) {
  return db.selectFrom('inspection_targets as t').innerJoin('units as u', 'u.id', 't.unit_id').innerJoin('inspection_teams as tm', 'tm.id', 't.team_id')
    .leftJoin('inspection_conclusions as c', 'c.target_id', 't.id')
    .selectAll('t').select(['u.full_name as unitName', 'u.kind as unitKind', 'tm.name as teamName', 'c.status as conclusionStatus', 'c.issued_on as issuedOn'])
    .where('t.plan_id', '=', planId).orderBy('t.visit_date').orderBy('u.full_name').execute();
}

/** Whether the user sits on the team inspecting a target. */
export async function isTeamMember(db: Q, teamId: string, userId: string | undefined): Promise<boolean> {
  if (!userId) return false;
  return !!(await db.selectFrom('inspection_team_members').select('id').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst());
}

export async function findingsOf(db: Q, targetId: string) {
  return db.selectFrom('inspection_findings').selectAll().where('target_id', '=', targetId).execute();
}

export async function conclusionOf(db: Q, targetId: string) {
  return db.selectFrom('inspection_conclusions').selectAll().where('target_id', '=', targetId).executeTakeFirst();
}

export async function recommendationsOf(db: Q, targetId: string) {
  return db.selectFrom('inspection_recommendations as r').innerJoin('units as u', 'u.id', 'r.addressee_unit_id').selectAll('r').select('u.full_name as addresseeName')
    .where('r.target_id', '=', targetId).orderBy('r.due_on').orderBy('r.created_at').execute();
}

export async function getRecommendation(db: Q, id: string) {
  return db.selectFrom('inspection_recommendations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Open recommendations of issued conclusions (for the coordinator's overview), earliest due first. */
export async function openRecommendations(db: Q, unitIds?: string[]) {
  let q = db.selectFrom('inspection_recommendations as r').innerJoin('units as u', 'u.id', 'r.addressee_unit_id').innerJoin('inspection_conclusions as c', 'c.target_id', 'r.target_id')
    .selectAll('r').select('u.full_name as addresseeName').where('c.status', '=', 'issued').where('r.closed_on', 'is', null);
  if (unitIds) q = unitIds.length ? q.where('r.addressee_unit_id', 'in', unitIds) : q.where('r.id', '=', '-');
  return q.orderBy('r.due_on').limit(300).execute();
}

export async function assessmentsOf(db: Q, year: number) {
  return db.selectFrom('inspection_assessments as a').innerJoin('units as u', 'u.id', 'a.unit_id').selectAll('a').select(['u.full_name as unitName', 'u.kind as unitKind'])
    .where('a.year', '=', year).orderBy('u.full_name').execute();
}

export async function getAssessment(db: Q, id: string): Promise<InspectionAssessmentsTable | undefined> {
  return db.selectFrom('inspection_assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What the public portal shows: published classifications and issued conclusions with their recommendations. */
export async function publicResults(db: Q) {
  const classes = await db.selectFrom('inspection_assessments as a').innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.year', 'a.final_score', 'a.class', 'a.decision_number', 'a.published_on', 'u.full_name as unitName'])
    .where('a.status', '=', 'published').orderBy('a.year', 'desc').orderBy('u.full_name').limit(500).execute();
  const conclusions = await db.selectFrom('inspection_conclusions as c').innerJoin('inspection_targets as t', 't.id', 'c.target_id').innerJoin('units as u', 'u.id', 't.unit_id')
    .innerJoin('inspection_plans as p', 'p.id', 't.plan_id')
    .select(['c.id', 'c.target_id', 'c.document_number', 'c.issued_on', 'c.strengths', 'c.limitations', 'c.good_models', 'u.full_name as unitName', 'p.title as planTitle', 'p.year'])
    .where('c.status', '=', 'issued').orderBy('c.issued_on', 'desc').limit(200).execute();
  return { classes, conclusions };
}
