import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { claimVersion, nextVersion, versionOf } from '../../platform/http/concurrency.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { addDays, countTeamErrors, decide, formViolation, INITIATIVE, initiativeBacked, initiativeExpires, meetingShort, noticeDays, recognitionBy, recognitionDue, recordDue, type Form, type Matter } from '../../domain/democracy/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { getDecision, getVillage, householdCount, optedInCount } from './community.repository.ts';
import type { CommunityDecisionsTable } from './community.tables.ts';
import type { DecisionInput, TallyInput } from './community.schema.ts';

type E = 'not_found' | 'rule' | 'state' | 'invalid' | 'conflict';
const audit = (trx: Trx, actor: Actor, action: string, d: { id: string; village_id: string }, changes: unknown) =>
  record(trx, actor, { action: `community.decision.${action}`, subjectType: 'community_decision', subjectId: d.id, unitId: d.village_id, changes, visibility: 'public' });

/** Checks the law's conditions for a new decision: allowed form, initiative backing and notice lead time. */
async function check(trx: Trx, input: DecisionInput, on: string, afterShortMeeting: boolean): Promise<Record<string, string> | null> {
  const total = await householdCount(trx, input.villageId, on);
  const broken = formViolation(input.matter, input.form, { optedIn: await optedInCount(trx, input.villageId, on), totalHouseholds: total, afterShortMeeting });
  if (broken) return { form: `rule:${broken.id}` };
  if (input.proposer === 'citizen-initiative') {
    if (input.initiativeSupporters === null || !input.initiativeAgreedOn) return { initiativeSupporters: 'community.error.initiativeMissing' };
    if (!initiativeBacked(input.initiativeSupporters, total, input.frontApproved)) return { initiativeSupporters: `rule:${INITIATIVE.id}` };
    if (on > initiativeExpires(await loadLegalTime(trx), input.initiativeAgreedOn)) return { initiativeAgreedOn: `rule:${INITIATIVE.id}` };
  }
  const notice = noticeDays(input.matter, input.form);
  if (input.matter === 'convention' && !input.noticeOn && notice.rule) return { noticeOn: `rule:${notice.rule.id}` };
  if (input.noticeOn && notice.rule && addDays(input.noticeOn, notice.days) > on) return { [input.voteOn ? 'voteOn' : 'noticeOn']: `rule:${notice.rule.id}` };
  return null;
}

/** Opens a community decision on a village matter (Art. 15–17), refusing a form the law does not allow. */
export async function createDecision(db: Db, actor: Actor, input: DecisionInput, follows?: CommunityDecisionsTable): Promise<Result<string, E>> {
  return inTransaction(db, (trx) => openDecision(trx, actor, input, { follows, parentId: follows?.parent_id ?? null }));
}

/** Inside a transaction: checks and inserts a decision (a village part of a commune-wide decision when parentId is set). */
export async function openDecision(trx: Trx, actor: Actor, input: DecisionInput, opts: { follows?: CommunityDecisionsTable; parentId?: string | null } = {}): Promise<Result<string, E>> {
  const { follows } = opts;
  const village = await getVillage(trx, input.villageId);
  if (!village) return fail('not_found', { villageId: 'community.error.villageMissing' });
  const on = input.voteOn ?? localToday();
  const broken = await check(trx, input, on, !!follows);
  if (broken) return fail('rule', broken);
  const id = randomUUID();
  const now = nowIso();
  const expires = input.proposer === 'citizen-initiative' && input.initiativeAgreedOn ? initiativeExpires(await loadLegalTime(trx), input.initiativeAgreedOn) : null;
  await trx.insertInto('community_decisions').values({
    id, village_id: village.id, commune_id: village.communeId, matter: input.matter, form: input.form, question: input.question, proposer: input.proposer,
    initiative_supporters: input.initiativeSupporters, initiative_expires: expires, notice_on: input.noticeOn, vote_on: input.voteOn, status: 'open',
    households_present: null, yes: null, no: null, other: null, total_households: null, passed: null, rule: null, record_due: null, record_sent_on: null,
    recognize_due: null, recognition: null, recognition_on: null, recognition_note: null, annulled_on: null, annulment_reason: null, follows_id: follows?.id ?? null,
    created_by: actor.userId, created_at: now, updated_at: now, parent_id: opts.parentId ?? null, count_team: null, count_witnesses: null, secret_ballot: null,
  }).execute();
  await audit(trx, actor, 'create', { id, village_id: village.id }, { ...input, follows: follows?.id, parentId: opts.parentId ?? undefined });
  return ok(id);
}

/**
 * Enters the count of the vote-counting or ballot team (paper first). Counts cannot exceed the households.
 * Pages and API pass the `expected` version the form was loaded at ('conflict' if someone saved since);
 * only the demo seed enters a tally unchecked.
 */
export async function enterTally(db: Db, actor: Actor, id: string, raw: Omit<TallyInput, 'secretBallot' | 'team' | 'witnesses'> & Partial<Pick<TallyInput, 'secretBallot' | 'team' | 'witnesses'>>, expected?: number): Promise<Result<string, E>> {
  const input = { ...raw, secretBallot: raw.secretBallot ?? false, team: raw.team ?? [], witnesses: raw.witnesses ?? [] };
  return inTransaction(db, async (trx) => {
    const d = await getDecision(trx, id);
    if (!d) return fail('not_found');
    if (d.status !== 'open') return fail('state', { _: 'community.error.notOpen' });
    if (expected !== undefined && versionOf(d.lock_version) !== expected) return fail('conflict');
    const total = await householdCount(trx, d.village_id, d.vote_on ?? localToday());
    const present = d.form === 'meeting' ? input.householdsPresent : null;
    if (d.form === 'meeting' && present === null) return fail('invalid', { householdsPresent: 'validation.required' });
    if (present !== null && present > total) return fail('invalid', { householdsPresent: 'community.error.moreThanHouseholds' });
    if (input.yes + input.no + input.other > (present ?? total)) return fail('invalid', { yes: 'community.error.votesExceed' });
    const secret = d.form === 'meeting' && input.secretBallot;
    const teamBroken = countTeamErrors(d.form as Form, secret, input.team, input.witnesses);
    if (teamBroken.team || teamBroken.witnesses) return fail('rule', { ...(teamBroken.team ? { team: `rule:${teamBroken.team.id}` } : {}), ...(teamBroken.witnesses ? { witnesses: `rule:${teamBroken.witnesses.id}` } : {}) });
    if (!(await claimVersion(trx, 'community_decisions', id, expected ?? versionOf(d.lock_version)))) return fail('conflict');
    await trx.updateTable('community_decisions').set({
      households_present: present, yes: input.yes, no: input.no, other: input.other, total_households: total, updated_at: nowIso(),
      count_team: input.team.length ? JSON.stringify(input.team) : d.count_team, count_witnesses: input.witnesses.length ? JSON.stringify(input.witnesses) : d.count_witnesses, secret_ballot: d.form === 'meeting' ? (secret ? 1 : 0) : null,
    }).where('id', '=', id).execute();
    await audit(trx, actor, 'tally', d, input);
    return ok(id);
  });
}

export interface CloseResult { passed: boolean; yes: number; totalHouseholds: number; rule: string; article: string; required: number; recordDue: string | null; ballotOffered: boolean }

/**
 * Closes the vote: the result by Art. 21(1) against all households of the village on the vote date;
 * a failed meeting whose attendance could not reach the threshold offers a household ballot (Art. 19(1)(b));
 * the record is due to the commune within 5 working days (Art. 20(3)).
 */
export async function closeDecision(db: Db, actor: Actor, id: string): Promise<Result<CloseResult, E>> {
  return inTransaction(db, async (trx) => {
    const d = await getDecision(trx, id);
    if (!d) return fail('not_found');
    if (d.status !== 'open') return fail('state', { _: 'community.error.notOpen' });
    if (d.yes === null) return fail('state', { yes: 'community.error.noTally' });
    const on = d.vote_on ?? localToday();
    if (d.initiative_expires && on > d.initiative_expires) return fail('rule', { _: `rule:${INITIATIVE.id}` });
    const total = await householdCount(trx, d.village_id, on);
    const r = decide(d.matter as Matter, d.yes, total, on);
    const ballotOffered = !r.passed && d.form === 'meeting' && meetingShort(d.matter as Matter, d.households_present ?? 0, total, on);
    const due = ballotOffered ? null : recordDue(await loadLegalTime(trx), on);
    await trx.updateTable('community_decisions').set({
      status: ballotOffered ? 'ballot-offered' : 'closed', vote_on: on, total_households: total, passed: r.passed ? 1 : 0, rule: r.rule.id, record_due: due, updated_at: nowIso(), lock_version: nextVersion(),
    }).where('id', '=', id).execute();
    const result: CloseResult = { passed: r.passed, yes: d.yes, totalHouseholds: total, rule: r.rule.id, article: r.rule.article, required: r.required, recordDue: due, ballotOffered };
    await audit(trx, actor, 'close', d, result);
    return ok(result);
  });
}

/** Turns a meeting short of the threshold into a household ballot (Art. 19(1)(b)). */
export async function offerBallot(db: Db, actor: Actor, id: string, voteOn: string | null): Promise<Result<string, E>> {
  const d = await getDecision(db, id);
  if (!d) return fail('not_found');
  if (d.status !== 'ballot-offered') return fail('state', { _: 'community.error.noBallot' });
  return createDecision(db, actor, { villageId: d.village_id, matter: d.matter as Matter, form: 'ballot' as Form, question: d.question, proposer: d.proposer as DecisionInput['proposer'],
    initiativeSupporters: null, initiativeAgreedOn: null, frontApproved: false, noticeOn: null, voteOn }, d);
}

/** The commune records receipt of the decision record; recognition is due within 5 working days (Art. 21(2)). */
export async function recognize(db: Db, actor: Actor, id: string, input: { decision: 'recognized' | 'refused'; receivedOn: string | null; note: string | null }): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const d = await getDecision(trx, id);
    if (!d) return fail('not_found');
    if (d.status !== 'closed' || !d.passed || recognitionBy(d.matter as Matter) === 'none') return fail('state', { decision: 'community.error.noRecognition' });
    if (input.decision === 'refused' && !input.note) return fail('invalid', { note: 'community.error.refusalReason' });
    const received = input.receivedOn ?? localToday();
    await trx.updateTable('community_decisions').set({ status: input.decision, record_sent_on: received, recognize_due: recognitionDue(await loadLegalTime(trx), received), recognition: input.decision, recognition_on: localToday(), recognition_note: input.note, updated_at: nowIso(), lock_version: nextVersion() }).where('id', '=', id).execute();
    await audit(trx, actor, 'recognize', d, input);
    return ok(id);
  });
}

/** Records that the commune received the record (starts the recognition clock). */
export async function recordReceived(db: Db, actor: Actor, id: string, on: string | null): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const d = await getDecision(trx, id);
    if (!d) return fail('not_found');
    if (d.status !== 'closed') return fail('state', { _: 'community.error.notClosed' });
    const received = on ?? localToday();
    await trx.updateTable('community_decisions').set({ record_sent_on: received, recognize_due: recognitionBy(d.matter as Matter) === 'none' ? null : recognitionDue(await loadLegalTime(trx), received), updated_at: nowIso(), lock_version: nextVersion() }).where('id', '=', id).execute();
    await audit(trx, actor, 'received', d, { receivedOn: received });
    return ok(id);
  });
}

/** Annuls a decision that is unlawful or was taken by the wrong procedure (Art. 22). */
export async function annul(db: Db, actor: Actor, id: string, input: { reason: string; kind: string }): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const d = await getDecision(trx, id);
    if (!d) return fail('not_found');
    if (d.status === 'annulled' || d.status === 'open') return fail('state', { reason: 'community.error.notClosed' });
    await trx.updateTable('community_decisions').set({ status: 'annulled', annulled_on: localToday(), annulment_reason: input.reason, updated_at: nowIso(), lock_version: nextVersion() }).where('id', '=', id).execute();
    await audit(trx, actor, 'annul', d, input);
    return ok(id);
  });
}
