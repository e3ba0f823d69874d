import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { plusDays } from '../../domain/calendar/index.ts';
import { CONFERENCE_RULES, agendaOf, noticeBy, noticeOnTime } from '../../domain/democracy/index.ts';
import { householdCount } from '../community/index.ts';
import { conferenceUnit, getConference, villagesOf } from './conferences.repository.ts';
import type { MinutesInput, NoticeInput, ScheduleInput } from './conferences.schema.ts';

type E = 'not_found' | 'invalid' | 'rule';
const audit = (trx: Trx, actor: Actor, action: string, id: string, unitId: string, changes: unknown) =>
  record(trx, actor, { action: `conferences.${action}`, subjectType: 'conference', subjectId: id, unitId, changes, visibility: 'public' });

/**
 * The notice rule of NĐ59 Art. 11(1)(c) (≥05 days before), applied to the commune dialogue as well
 * (the same lead time; DOMAIN.md gives none for Art. 32). Refused while the conference is still ahead
 * (the date can be moved, so the breach can be avoided); a conference already held is recorded as it
 * happened and flagged late in the compliance view (refusing would only hide the breach).
 * Field messages `key:YYYY-MM-DD` carry a date for the message.
 */
function noticeProblem(heldOn: string, noticeOn: string | null, today: string): Record<string, string> | null {
  if (noticeOn && noticeOn > today) return { noticeSentOn: 'conferences.error.future' };
  if (noticeOn && noticeOn > heldOn) return { noticeSentOn: 'conferences.error.noticeAfter' };
  if (heldOn <= today) return null;
  if (noticeOn && !noticeOnTime(noticeOn, heldOn)) return { noticeSentOn: `conferences.error.noticeLate:${plusDays(noticeOn, CONFERENCE_RULES.notice.days)}` };
  const by = noticeBy(heldOn);
  if (!noticeOn && by && by < today) return { heldOn: `conferences.error.tooSoon:${plusDays(today, CONFERENCE_RULES.notice.days)}` };
  return null;
}

/** Schedules a conference of a commune (Art. 32(1)) or a village (Art. 33) with its plan and notice dates. */
export async function scheduleConference(db: Db, actor: Actor, input: ScheduleInput): Promise<Result<string, E>> {
  const today = localToday();
  if (input.planSentOn && input.planSentOn > today) return fail('invalid', { planSentOn: 'conferences.error.future' });
  const problem = noticeProblem(input.heldOn, input.noticeSentOn, today);
  if (problem) return fail('rule', problem);
  return inTransaction(db, async (trx) => {
    const unit = await conferenceUnit(trx, input.unitId);
    if (!unit) return fail('not_found', { unitId: 'conferences.error.unit' });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('conferences').values({ id, kind: unit.kind, unit_id: unit.id, commune_id: unit.communeId, held_on: input.heldOn, place: input.place, convener: input.convener,
      plan_sent_on: input.planSentOn, notice_sent_on: input.noticeSentOn, status: 'scheduled', households_present: null, households_total: null, agenda: null, questions: null,
      conclusions: null, commendations: null, report_sent_on: null, recorded_at: null, created_by: actor.userId, created_at: now, updated_at: now }).execute();
    await audit(trx, actor, 'schedule', id, unit.id, { kind: unit.kind, ...input });
    return ok(id);
  });
}

/** Records the notice (and plan) dates of a scheduled conference, under the same notice rule as scheduling. */
export async function recordNotice(db: Db, actor: Actor, id: string, input: NoticeInput): Promise<Result<string, E>> {
  const today = localToday();
  if (input.planSentOn && input.planSentOn > today) return fail('invalid', { planSentOn: 'conferences.error.future' });
  return inTransaction(db, async (trx) => {
    const c = await getConference(trx, id);
    if (!c) return fail('not_found');
    const problem = noticeProblem(c.held_on, input.noticeSentOn, today);
    if (problem) return fail('rule', problem);
    await trx.updateTable('conferences').set({ notice_sent_on: input.noticeSentOn, plan_sent_on: input.planSentOn ?? c.plan_sent_on, updated_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, actor, 'notice', id, c.unit_id, input);
    return ok(id);
  });
}

/** Households registered on a date: the village's, or all villages' of the commune (the register of the community feature). */
async function registeredHouseholds(trx: Trx, kind: string, unitId: string, on: string): Promise<number> {
  const ids = kind === 'village-periodic' ? [unitId] : (await villagesOf(trx, [unitId], on)).map((v) => v.id);
  let n = 0;
  for (const id of ids) n += await householdCount(trx, id, on);
  return n;
}

/**
 * Records the minutes of a held conference (re-recording replaces them): attendance (households
 * represented / total, the total from the household register when not given), agenda items covered,
 * questions and answers, conclusions, commendations and the written report to the commune UBND and
 * UBMTTQ (NĐ59 Art. 11(2)). Dates of the meeting and the report are not after today.
 */
export async function recordMinutes(db: Db, actor: Actor, id: string, input: MinutesInput): Promise<Result<{ householdsTotal: number }, E>> {
  const today = localToday();
  if (input.heldOn > today) return fail('invalid', { heldOn: 'conferences.error.future' });
  if (input.reportSentOn && input.reportSentOn > today) return fail('invalid', { reportSentOn: 'conferences.error.future' });
  if (input.reportSentOn && input.reportSentOn < input.heldOn) return fail('invalid', { reportSentOn: 'conferences.error.reportBefore' });
  return inTransaction(db, async (trx) => {
    const c = await getConference(trx, id);
    if (!c) return fail('not_found');
    if (c.notice_sent_on && c.notice_sent_on > input.heldOn) return fail('invalid', { heldOn: 'conferences.error.noticeAfter' });
    const bad = input.agenda.find((a) => !agendaOf(c.kind as never).includes(a));
    if (bad) return fail('invalid', { agenda: 'validation.invalidChoice' });
    const total = input.householdsTotal ?? await registeredHouseholds(trx, c.kind, c.unit_id, input.heldOn);
    if (!total) return fail('invalid', { householdsTotal: 'conferences.error.totalMissing' });
    if (input.householdsPresent > total) return fail('invalid', { householdsPresent: 'conferences.error.moreThanTotal' });
    await trx.updateTable('conferences').set({ status: 'held', held_on: input.heldOn, households_present: input.householdsPresent, households_total: total, agenda: JSON.stringify(input.agenda),
      questions: JSON.stringify(input.questions), conclusions: input.conclusions, commendations: input.commendations, report_sent_on: input.reportSentOn, recorded_at: nowIso(), updated_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, actor, c.status === 'held' ? 'minutes.update' : 'minutes', id, c.unit_id, { ...input, householdsTotal: total });
    return ok({ householdsTotal: total });
  });
}
