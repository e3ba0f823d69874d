import type { Db, Trx } from '../../platform/db/index.ts';

type Q = Db | Trx;

export const getTeam = (db: Q, id: string) => db.selectFrom('mediation_teams').selectAll().where('id', '=', id).executeTakeFirst();
export const getCase = (db: Q, id: string) => db.selectFrom('mediation_cases').selectAll().where('id', '=', id).executeTakeFirst();
export const mediatorsOf = (db: Q, teamId: string) => db.selectFrom('mediators').selectAll().where('team_id', '=', teamId).orderBy('is_leader', 'desc').orderBy('name').execute();
export const sessionsOf = (db: Q, caseId: string) => db.selectFrom('mediation_sessions').selectAll().where('case_id', '=', caseId).orderBy('held_on').execute();

/** Teams of villages in scope with their village and commune names. */
export async function listTeams(db: Q, scope: 'all' | string[]) {
  let q = db.selectFrom('mediation_teams as t').innerJoin('units as v', 'v.id', 't.village_id').leftJoin('units as c', 'c.id', 'v.parent_id')
    .selectAll('t').select(['v.full_name as villageName', 'c.full_name as communeName']);
  if (scope !== 'all') q = scope.length ? q.where('t.village_id', 'in', scope) : q.where('t.id', '=', '-');
  return q.orderBy('c.full_name').orderBy('v.full_name').limit(300).execute();
}

/** Cases of some teams, newest assignment first (the logbook order is by assignment date). */
export async function casesOf(db: Q, teamIds: string[]) {
  if (!teamIds.length) return [];
  return db.selectFrom('mediation_cases').selectAll().where('team_id', 'in', teamIds).orderBy('assigned_on', 'desc').limit(500).execute();
}

/** Numbers for reports: cases received, closed, settled and the success rate (settled / closed). */
export async function mediationStats(db: Db, opts: { from: string; to: string; unitIds?: string[] }) {
  let q = db.selectFrom('mediation_cases as m').innerJoin('mediation_teams as t', 't.id', 'm.team_id').select(['m.result', 'm.assigned_on', 'm.started_on', 'm.start_due'])
    .where('m.assigned_on', '>=', opts.from).where('m.assigned_on', '<=', opts.to);
  if (opts.unitIds) q = opts.unitIds.length ? q.where('t.village_id', 'in', opts.unitIds) : q.where('m.id', '=', '-');
  const rows = await q.execute();
  const closed = rows.filter((r) => r.result).length;
  const settled = rows.filter((r) => r.result === 'settled').length;
  return { mediationCases: rows.length, mediationClosed: closed, mediationSettled: settled, mediationSuccessRate: closed ? Math.round((settled / closed) * 1000) / 10 : null, mediationStartedLate: rows.filter((r) => r.started_on && r.started_on > r.start_due).length };
}
