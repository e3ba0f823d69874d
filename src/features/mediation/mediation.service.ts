import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { MEDIATION, mediationGaps, mediationStartDue, mediatorElected } from '../../domain/democracy/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { getCase, getTeam, mediatorsOf } from './mediation.repository.ts';
import type { CaseInput, OutcomeInput, TeamInput } from './mediation.schema.ts';

type E = 'not_found' | 'state' | 'invalid';
const audit = (trx: Trx, actor: Actor, action: string, subjectType: string, id: string, unitId: string, changes: unknown) =>
  record(trx, actor, { action: `mediation.${action}`, subjectType, subjectId: id, unitId, changes, visibility: 'unit' });

/** The composition gaps of a team (Art. 12(1)): fewer than 3 mediators, no woman, no ethnic-minority mediator where needed. */
export async function teamGaps(db: Db | Trx, teamId: string) {
  const team = await getTeam(db, teamId);
  const ms = await mediatorsOf(db, teamId);
  return mediationGaps(ms.map((m) => ({ gender: m.gender, ethnicMinority: !!Number(m.ethnic_minority) })), !!Number(team?.ethnic_minority_area));
}

/** Sets up a village's mediation team with its mediators; gaps are flagged, not refused (the team exists while it by-elects). */
export async function createTeam(db: Db, actor: Actor, input: TeamInput): Promise<Result<{ id: string; gaps: string[] }, E>> {
  return inTransaction(db, async (trx) => {
    const v = await trx.selectFrom('units').select(['id', 'kind']).where('id', '=', input.villageId).executeTakeFirst();
    if (!v || v.kind !== 'village') return fail('not_found', { villageId: 'mediation.error.villageMissing' });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('mediation_teams').values({ id, village_id: v.id, name: input.name, ethnic_minority_area: input.ethnicMinorityArea ? 1 : 0, reviewed_on: null, created_at: now }).execute();
    for (const [i, m] of input.mediators.entries()) {
      const broken = electionBroken(m);
      if (broken) throw new Refused({ [`mediators.${i}.electionVotes`]: broken });
      await insertMediator(trx, id, m);
    }
    await audit(trx, actor, 'team.create', 'mediation_team', id, v.id, input);
    return ok({ id, gaps: await teamGaps(trx, id) });
  }).catch((e) => {
    if (e instanceof Refused) return fail('invalid', e.fields);
    throw e;
  });
}

class Refused extends Error { constructor(readonly fields: Record<string, string>) { super('refused'); } }

/** Art. 8: an elected mediator has more than half of all household representatives (only checked when the result is given). */
function electionBroken(m: TeamInput['mediators'][number]): string | null {
  if (m.electionVotes === null || m.electionVotes === undefined || m.electionHouseholds === null || m.electionHouseholds === undefined) return null;
  return mediatorElected(m.electionVotes, m.electionHouseholds) ? null : `rule:${MEDIATION.election.id}`;
}

async function insertMediator(trx: Trx, teamId: string, m: TeamInput['mediators'][number]) {
  await trx.insertInto('mediators').values({ id: randomUUID(), team_id: teamId, name: m.name, gender: m.gender, ethnic_minority: m.ethnicMinority ? 1 : 0, is_leader: m.isLeader ? 1 : 0, recognized_on: m.recognizedOn,
    election_votes: m.electionVotes ?? null, election_households: m.electionHouseholds ?? null, created_at: nowIso() }).execute();
}

/** Adds a mediator elected by the households and recognised by the commune chairman (Art. 8). */
export async function addMediator(db: Db, actor: Actor, teamId: string, m: TeamInput['mediators'][number]): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const team = await getTeam(trx, teamId);
    if (!team) return fail('not_found');
    const broken = electionBroken(m);
    if (broken) return fail('invalid', { electionVotes: broken });
    await insertMediator(trx, teamId, m);
    await audit(trx, actor, 'mediator.add', 'mediation_team', teamId, team.village_id, m);
    return ok(teamId);
  });
}

/** Records the yearly review of the team (Art. 12(3)). */
export async function reviewTeam(db: Db, actor: Actor, teamId: string, on: string): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const team = await getTeam(trx, teamId);
    if (!team) return fail('not_found');
    await trx.updateTable('mediation_teams').set({ reviewed_on: on }).where('id', '=', teamId).execute();
    await audit(trx, actor, 'team.review', 'mediation_team', teamId, team.village_id, { on });
    return ok(teamId);
  });
}

/** Opens a case assigned to a team; mediation must start within 3 days of assignment (Art. 20(2)). */
export async function createCase(db: Db, actor: Actor, input: CaseInput): Promise<Result<{ id: string; startDue: string }, E>> {
  return inTransaction(db, async (trx) => {
    const team = await getTeam(trx, input.teamId);
    if (!team) return fail('not_found', { teamId: 'mediation.error.teamMissing' });
    const id = randomUUID();
    const startDue = mediationStartDue(await loadLegalTime(trx), input.assignedOn);
    const now = nowIso();
    await trx.insertInto('mediation_cases').values({ id, team_id: team.id, assigned_on: input.assignedOn, start_due: startDue, started_on: null, parties: JSON.stringify(input.parties), summary: input.summary, result: null, record: null, closed_on: null, created_at: now, updated_at: now }).execute();
    await audit(trx, actor, 'case.create', 'mediation_case', id, team.village_id, { ...input, startDue });
    return ok({ id, startDue });
  });
}

/** Logs a mediation session; the first one is the start of the mediation. */
export async function addSession(db: Db, actor: Actor, caseId: string, input: { heldOn: string; note: string }): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const c = await getCase(trx, caseId);
    if (!c) return fail('not_found');
    if (c.result) return fail('state', { _: 'mediation.error.closed' });
    if (input.heldOn < c.assigned_on) return fail('invalid', { heldOn: 'mediation.error.beforeAssigned' });
    await trx.insertInto('mediation_sessions').values({ id: randomUUID(), case_id: c.id, held_on: input.heldOn, note: input.note, created_at: nowIso() }).execute();
    if (!c.started_on || input.heldOn < c.started_on) await trx.updateTable('mediation_cases').set({ started_on: input.heldOn, updated_at: nowIso() }).where('id', '=', c.id).execute();
    const team = (await getTeam(trx, c.team_id))!;
    await audit(trx, actor, 'case.session', 'mediation_case', c.id, team.village_id, input);
    return ok(c.id);
  });
}

/** Closes a case: settled (optionally with the settlement record of Art. 24(2)), not settled, or stopped (Art. 23). */
export async function recordOutcome(db: Db, actor: Actor, caseId: string, input: OutcomeInput): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const c = await getCase(trx, caseId);
    if (!c) return fail('not_found');
    if (c.result) return fail('state', { result: 'mediation.error.closed' });
    const closedOn = input.closedOn ?? localToday();
    if (closedOn < c.assigned_on) return fail('invalid', { closedOn: 'mediation.error.beforeAssigned' });
    await trx.updateTable('mediation_cases').set({ result: input.result, record: input.record ? JSON.stringify(input.record) : null, closed_on: closedOn, started_on: c.started_on ?? closedOn, updated_at: nowIso() }).where('id', '=', c.id).execute();
    const team = (await getTeam(trx, c.team_id))!;
    await audit(trx, actor, 'case.outcome', 'mediation_case', c.id, team.village_id, input);
    return ok(c.id);
  });
}
