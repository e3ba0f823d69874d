import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import { addDays, addMonths, CONFERENCE, conferenceDue, conferenceResult, dialogueValid, extraordinaryRequested, REGULATION_REVIEW } from '../../domain/democracy/index.ts';
import type { ConferenceInput, DialogueInput, RegulationInput } from './agency.schema.ts';

type E = 'not_found' | 'state';
const audit = (trx: Trx, actor: Actor, action: string, type: string, id: string, unitId: string, changes: unknown) =>
  record(trx, actor, { action: `agency.${action}`, subjectType: type, subjectId: id, unitId, changes, visibility: 'unit' });
const unitExists = async (trx: Trx, id: string) => !!(await trx.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst());

/** Records a staff conference: quorum ≥ 2/3 of staff, resolution > half of attendees, yearly one due by 31/3 (Art. 50–51); follow-up in 6 months (Art. 52(3)). */
export async function recordConference(db: Db, actor: Actor, input: Omit<ConferenceInput, 'requestedBy' | 'requesting'> & Partial<Pick<ConferenceInput, 'requestedBy' | 'requesting'>>): Promise<Result<{ id: string; quorum: boolean; passed: boolean; onTime: boolean; dueBy: string; followUpDue: string | null }, E>> {
  return inTransaction(db, async (trx) => {
    if (!(await unitExists(trx, input.unitId))) return fail('not_found', { unitId: 'agency.error.unitMissing' });
    const { quorum, passed } = conferenceResult(input.staffTotal, input.attendees, input.resolutionYes);
    const dueBy = conferenceDue(input.year);
    if (input.kind === 'annual' && input.heldOn <= `${input.year}-12-31`) return fail('state', { heldOn: `rule:${CONFERENCE.timing.id}` });
    if (input.kind === 'extraordinary') {
      if (!input.requestedBy) return fail('state', { requestedBy: `rule:${CONFERENCE.extraordinary.id}` });
      if (input.requestedBy === 'staff' && (input.requesting === null || input.requesting === undefined || input.requesting > input.staffTotal || !extraordinaryRequested(input.staffTotal, input.requesting))) return fail('state', { requesting: `rule:${CONFERENCE.extraordinary.id}` });
    }
    const followUpDue = passed ? addMonths(input.heldOn, CONFERENCE.followUp.months) : null;
    const id = randomUUID();
    await trx.insertInto('staff_conferences').values({ id, unit_id: input.unitId, year: input.year, kind: input.kind, held_on: input.heldOn, due_by: dueBy, staff_total: input.staffTotal, attendees: input.attendees, resolution_yes: input.resolutionYes, quorum: quorum ? 1 : 0, passed: passed ? 1 : 0, follow_up_due: followUpDue, created_at: nowIso(),
      requested_by: input.kind === 'extraordinary' ? (input.requestedBy ?? null) : null, requesting: input.kind === 'extraordinary' && input.requestedBy === 'staff' ? (input.requesting ?? null) : null }).execute();
    const result = { id, quorum, passed, onTime: input.kind !== 'annual' || input.heldOn <= dueBy, dueBy, followUpDue };
    await audit(trx, actor, 'conference', 'staff_conference', id, input.unitId, { ...input, ...result });
    return ok(result);
  });
}

/** Records a periodic workplace dialogue, valid with the legal representative and > 70% of worker representatives (NĐ 145 Art. 39). */
export async function recordDialogue(db: Db, actor: Actor, input: DialogueInput): Promise<Result<{ id: string; valid: boolean }, E>> {
  return inTransaction(db, async (trx) => {
    if (!(await unitExists(trx, input.unitId))) return fail('not_found', { unitId: 'agency.error.unitMissing' });
    const valid = dialogueValid(input.legalRepPresent, input.workerReps, input.workerRepsPresent);
    const id = randomUUID();
    await trx.insertInto('workplace_dialogues').values({ id, unit_id: input.unitId, held_on: input.heldOn, legal_rep_present: input.legalRepPresent ? 1 : 0, worker_reps: input.workerReps, worker_reps_present: input.workerRepsPresent, valid: valid ? 1 : 0, note: input.note, created_at: nowIso() }).execute();
    await audit(trx, actor, 'dialogue', 'workplace_dialogue', id, input.unitId, { ...input, valid });
    return ok({ id, valid });
  });
}

/** Registers a unit's regulation (democracy, internal spending, working rules, code of conduct) with its next review date (plan II.6). */
export async function registerRegulation(db: Db, actor: Actor, input: RegulationInput): Promise<Result<{ id: string; reviewDue: string }, E>> {
  return inTransaction(db, async (trx) => {
    if (!(await unitExists(trx, input.unitId))) return fail('not_found', { unitId: 'agency.error.unitMissing' });
    const id = randomUUID();
    const reviewDue = addMonths(input.issuedOn, REGULATION_REVIEW.months);
    await trx.insertInto('unit_regulations').values({ id, unit_id: input.unitId, kind: input.kind, title: input.title, issued_on: input.issuedOn, review_due: reviewDue, reviewed_on: null, created_at: nowIso() }).execute();
    await audit(trx, actor, 'regulation', 'unit_regulation', id, input.unitId, { ...input, reviewDue });
    return ok({ id, reviewDue });
  });
}

/** Records a review of a regulation; the next review falls due a cycle later. */
export async function reviewRegulation(db: Db, actor: Actor, id: string, reviewedOn: string): Promise<Result<{ id: string; reviewDue: string }, E>> {
  return inTransaction(db, async (trx) => {
    const r = await trx.selectFrom('unit_regulations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return fail('not_found');
    const reviewDue = addMonths(reviewedOn, REGULATION_REVIEW.months);
    await trx.updateTable('unit_regulations').set({ reviewed_on: reviewedOn, review_due: reviewDue }).where('id', '=', id).execute();
    await audit(trx, actor, 'regulation.review', 'unit_regulation', id, r.unit_id, { reviewedOn, reviewDue });
    return ok({ id, reviewDue });
  });
}

/** Reminders only fill the in-app inbox (and the e-mail outbox): no state change of record to audit. */
const REMINDER = 'reminder notifications';

/** Reminds each unit's head and officers of regulations whose review falls due within 30 days or is overdue (once per due date). */
export async function remindRegulationReviews(db: Db, today: string): Promise<number> {
  const due = await db.selectFrom('unit_regulations').selectAll().where('review_due', '<=', addDays(today, 30)).limit(1000).execute();
  let sent = 0;
  for (const r of due) {
    await inTransaction(db, async (trx) => {
      const users = await usersWithRole(trx, r.unit_id, ['unit-head', 'unit-officer']);
      const late = r.review_due < today;
      sent += await notifyUsers(trx, users, { title: `${late ? 'Quá hạn rà soát' : 'Sắp đến hạn rà soát'}: ${r.title}`, body: `Hạn rà soát ${r.review_due.split('-').reverse().join('/')} (Kế hoạch 188/KH-UBND, mục II.6).`, link: '/agency-democracy', dedupeKey: `regulation:${r.id}:${r.review_due}` });
    }, { unaudited: REMINDER });
  }
  return sent;
}

/** Reminds the unit's head and officers of the 6-monthly review of a conference resolution due within 30 days (Art. 52(3)); once per conference. */
export async function remindConferenceFollowUps(db: Db, today: string): Promise<number> {
  const due = await db.selectFrom('staff_conferences').selectAll().where('follow_up_due', 'is not', null).where('follow_up_due', '<=', addDays(today, 30)).where('follow_up_due', '>=', addDays(today, -30)).limit(1000).execute();
  let sent = 0;
  for (const c of due) {
    await inTransaction(db, async (trx) => {
      const users = await usersWithRole(trx, c.unit_id, ['unit-head', 'unit-officer']);
      sent += await notifyUsers(trx, users, { title: `Sơ kết 06 tháng nghị quyết hội nghị năm ${c.year}`, body: `Hạn sơ kết ${c.follow_up_due!.split('-').reverse().join('/')} (Điều 52 khoản 3 Luật Thực hiện dân chủ ở cơ sở).`, link: '/agency-democracy', dedupeKey: `conference-follow-up:${c.id}` });
    }, { unaudited: REMINDER });
  }
  return sent;
}
