import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import { storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { addMonths, compositionErrors, inspectionNoticeOk, investorNoticeOk, replyDue, TERMS } from '../../domain/democracy/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { getBoard, getRecommendation, villagesOf } from './boards.repository.ts';
import type { ActivityInput, BoardInput, RecommendationInput } from './boards.schema.ts';

type E = 'not_found' | 'rule' | 'state' | 'invalid';
const audit = (trx: Parameters<typeof record>[0], actor: Actor, action: string, boardId: string, unitId: string, changes: unknown) =>
  record(trx, actor, { action: `boards.${action}`, subjectType: 'board', subjectId: boardId, unitId, changes, visibility: 'unit' });

/**
 * Sets up a board after checking its composition (LDC Art. 36–37, 41–42, 60): a commune board when
 * the unit is a commune (one member per village), otherwise an agency board; 400 names every broken rule.
 */
export async function createBoard(db: Db, actor: Actor, input: BoardInput): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const unit = await trx.selectFrom('units').select(['id', 'kind']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) return fail('not_found', { unitId: 'boards.error.unitMissing' });
    const scope = unit.kind === 'commune-committee' ? 'commune' : 'agency';
    const villageIds = scope === 'commune' && input.kind === 'inspection' ? (await villagesOf(trx, unit.id, input.termStart)).map((v) => v.id) : [];
    const broken = compositionErrors(input.kind, scope, input.members, { villageIds, staffCount: input.staffCount ?? undefined });
    if (broken.length) return fail('rule', Object.fromEntries(broken.map((b, i) => [i ? `members.${b.code}` : 'members', `rule:${b.rule.id}`])));
    const id = randomUUID();
    const now = nowIso();
    const years = input.kind === 'investment-supervision' ? 0 : scope === 'commune' ? TERMS.communeYears.years : TERMS.agencyYears.years;
    await trx.insertInto('boards').values({
      id, kind: input.kind, scope, unit_id: unit.id, project_title: input.projectTitle, term_start: input.termStart, term_end: years ? addMonths(input.termStart, years * 12) : null,
      status: 'active', dissolved_on: null, investor_notified_on: input.investorNotifiedOn, report_to: input.reportTo, created_at: now, updated_at: now,
    }).execute();
    for (const m of input.members) {
      await trx.insertInto('board_members').values({ id: randomUUID(), board_id: id, name: m.name, role: m.role, village_id: m.villageId, is_unit_official: m.isUnitOfficial ? 1 : 0, from_on: input.termStart, to_on: null, created_at: now }).execute();
    }
    await audit(trx, actor, 'create', id, unit.id, { ...input, scope });
    return ok(id);
  });
}

/**
 * Logs a recommendation (or a request to suspend a project) sent to an authority; the answer is due
 * within 15 days (Art. 40(1)(c), 45(2)(c), 63(1)(c)) and the unit's head and officers are notified.
 */
export async function addRecommendation(db: Db, actor: Actor, boardId: string, input: RecommendationInput): Promise<Result<{ id: string; answerDue: string }, E>> {
  return inTransaction(db, async (trx) => {
    const b = await getBoard(trx, boardId);
    if (!b) return fail('not_found');
    if (b.status !== 'active') return fail('state', { _: 'boards.error.dissolved' });
    if (input.kind === 'suspension' && b.kind !== 'investment-supervision') return fail('state', { kind: 'boards.error.suspensionOnlySupervision' });
    const id = randomUUID();
    const answerDue = replyDue(await loadLegalTime(trx), input.sentOn, b.kind === 'investment-supervision' ? 'investment' : b.scope === 'agency' ? 'agency' : undefined);
    await trx.insertInto('board_recommendations').values({ id, board_id: b.id, to_authority: input.to, text: input.text, kind: input.kind, sent_on: input.sentOn, answer_due: answerDue, answered_on: null, answer: null, created_at: nowIso() }).execute();
    const users = await usersWithRole(trx, b.unit_id, ['unit-head', 'unit-officer']);
    await notifyUsers(trx, users, { title: `Kiến nghị của Ban: trả lời trước ${answerDue.split('-').reverse().join('/')}`, body: `${input.to}: ${input.text.slice(0, 300)}`, link: `/boards/${b.id}`, dedupeKey: `board-rec:${id}` });
    await audit(trx, actor, 'recommend', b.id, b.unit_id, { recommendationId: id, ...input, answerDue });
    return ok({ id, answerDue });
  });
}

/** Records the authority's answer to a recommendation. */
export async function answerRecommendation(db: Db, actor: Actor, recId: string, input: { answeredOn: string; answer: string }): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const r = await getRecommendation(trx, recId);
    if (!r) return fail('not_found');
    if (r.answered_on) return fail('state', { answer: 'boards.error.answered' });
    if (input.answeredOn < r.sent_on) return fail('rule', { answeredOn: 'boards.error.answerBeforeSent' });
    const b = (await getBoard(trx, r.board_id))!;
    await trx.updateTable('board_recommendations').set({ answered_on: input.answeredOn, answer: input.answer }).where('id', '=', recId).execute();
    await audit(trx, actor, 'answer', b.id, b.unit_id, { recommendationId: recId, ...input, onTime: input.answeredOn <= r.answer_due });
    return ok(b.id);
  });
}

class PhotoRefused extends Error { constructor(readonly key: string) { super(key); } }

/**
 * Logs a plan, inspection (notice ≥5 working days, NĐ 59 Art. 14(1)(b)), supervision visit (investor
 * notified ≥45 days, Art. 45(1)(b)) with its photos (JPG/PNG), finding, report, or a by-election
 * (≥6 months of term left, Art. 36(2)) that seats the member elected and ends the vacant seat.
 */
export async function addActivity(db: Db, actor: Actor, boardId: string, raw: Omit<ActivityInput, 'memberName' | 'memberRole' | 'memberVillageId' | 'replacesMemberId'> & Partial<ActivityInput>, upload?: { dataDir: string; photos: File[] }): Promise<Result<string, E>> {
  const input = { memberName: null, memberRole: 'member' as const, memberVillageId: null, replacesMemberId: null, ...raw };
  return inTransaction(db, async (trx) => {
    const b = await getBoard(trx, boardId);
    if (!b) return fail('not_found');
    if (b.status !== 'active') return fail('state', { _: 'boards.error.dissolved' });
    const lt = await loadLegalTime(trx);
    if (input.kind === 'inspection' && (!input.noticeOn || !inspectionNoticeOk(lt, input.noticeOn, input.heldOn))) return fail('rule', { noticeOn: `rule:${TERMS.inspectionNoticeWorkingDays.id}` });
    if (input.kind === 'visit' && (!b.investor_notified_on || !investorNoticeOk(lt, b.investor_notified_on, input.heldOn))) return fail('rule', { heldOn: `rule:${TERMS.investorNoticeDays.id}` });
    if (input.kind === 'by-election' && b.term_end && addMonths(input.heldOn, TERMS.byElectionMonths.months) > b.term_end) return fail('rule', { heldOn: `rule:${TERMS.byElectionMonths.id}` });
    const replaced = input.replacesMemberId ? await trx.selectFrom('board_members').selectAll().where('id', '=', input.replacesMemberId).where('board_id', '=', b.id).executeTakeFirst() : undefined;
    if (input.replacesMemberId && (!replaced || replaced.to_on)) return fail('invalid', { replacesMemberId: 'boards.error.memberMissing' });
    const id = randomUUID();
    await trx.insertInto('board_activities').values({ id, board_id: b.id, kind: input.kind, held_on: input.heldOn, notice_on: input.noticeOn, text: input.text, created_at: nowIso() }).execute();
    if ((input.kind === 'by-election' || input.kind === 'election') && input.memberName) {
      if (replaced) await trx.updateTable('board_members').set({ to_on: input.heldOn }).where('id', '=', replaced.id).execute();
      await trx.insertInto('board_members').values({ id: randomUUID(), board_id: b.id, name: input.memberName, role: input.memberRole, village_id: input.memberVillageId ?? replaced?.village_id ?? null, is_unit_official: 0, from_on: input.heldOn, to_on: null, created_at: nowIso() }).execute();
    }
    const photos: string[] = [];
    for (const file of upload?.photos ?? []) {
      if (!file || file.size === 0) continue;
      const f = await storeUpload(trx, { dataDir: upload!.dataDir, userId: actor.userId, file, allowed: ['jpg', 'png'] });
      if (!f.ok) throw new PhotoRefused(UPLOAD_ERROR_KEYS[f.error]);
      await trx.insertInto('board_activity_files').values({ id: randomUUID(), board_id: b.id, activity_id: id, file_id: f.value.id, created_at: nowIso() }).execute();
      photos.push(f.value.id);
    }
    await audit(trx, actor, 'activity', b.id, b.unit_id, { activityId: id, ...input, photos });
    return ok(id);
  }).catch((e) => {
    if (e instanceof PhotoRefused) return fail('invalid', { photos: e.key });
    throw e;
  });
}

/** Dissolves a board (a supervision board at the end of its project, Art. 41(1)). */
export async function dissolveBoard(db: Db, actor: Actor, boardId: string, on: string): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const b = await getBoard(trx, boardId);
    if (!b) return fail('not_found');
    if (b.status !== 'active') return fail('state', { on: 'boards.error.dissolved' });
    await trx.updateTable('boards').set({ status: 'dissolved', dissolved_on: on, updated_at: nowIso() }).where('id', '=', b.id).execute();
    await audit(trx, actor, 'dissolve', b.id, b.unit_id, { on });
    return ok(b.id);
  });
}
