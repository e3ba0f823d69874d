import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { claimVersion, nextVersion, versionOf } from '../../platform/http/concurrency.ts';
import { Calendar } from '../../domain/calendar/index.ts';
import { getUnit } from '../units/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import type { TaskInput, TaskPatch } from './plans.schema.ts';

const calendar = new Calendar();

/** The due date: fixed, or `n` working days after the start (legal calendar: weekends, Tết and holidays skipped). */
export function dueDate(input: { startOn: string | null; dueOn: string | null; dueInWorkingDays: number | null }, today: string, cal: Calendar = calendar): { dueOn: string | null; rule: string | null } {
  if (input.dueInWorkingDays) return { dueOn: cal.addWorkingDays(input.startOn ?? today, input.dueInWorkingDays), rule: `+${input.dueInWorkingDays} working days` };
  return { dueOn: input.dueOn, rule: null };
}

/** Recomputes the progress of a task and its ancestors from their subtasks by weight; a task whose progress was set by hand keeps it and stops the climb. */
async function rollUp(trx: Trx, parentId: string | null): Promise<void> {
  for (let id = parentId, depth = 0; id && depth < 20; depth++) {
    const parent = await trx.selectFrom('tasks').select(['id', 'progress_manual', 'parent_task_id']).where('id', '=', id).executeTakeFirst();
    if (!parent || Number(parent.progress_manual)) return;
    const subs = await trx.selectFrom('tasks').select(['progress', 'weight']).where('parent_task_id', '=', id).execute();
    const w = subs.reduce((s, x) => s + Number(x.weight), 0);
    const p = w ? Math.round(subs.reduce((s, x) => s + Number(x.progress) * Number(x.weight), 0) / w) : 0;
    await trx.updateTable('tasks').set({ progress: p, updated_at: nowIso(), lock_version: nextVersion() }).where('id', '=', id).execute();
    id = parent.parent_task_id;
  }
}

/** Users who may own a task of the unit: active users holding a role granted on that unit. */
export async function unitPeople(db: Db | Trx, unitId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.selectFrom('role_grants').innerJoin('users', 'users.id', 'role_grants.user_id').select(['users.id', 'users.display_name'])
    .where('role_grants.unit_id', '=', unitId).where('users.active', '=', 1).distinct().orderBy('users.display_name').execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** Checks the person in charge (a user of the owner unit) and the co-operating units (current, other than the owner); field errors as message keys. */
async function checkPeople(trx: Trx, unitId: string, assigneeId: string | null | undefined, coUnitIds: string[] | undefined, today: string): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (assigneeId && !(await unitPeople(trx, unitId)).some((p) => p.id === assigneeId)) fields.assigneeId = 'tasks.error.assignee';
  if (coUnitIds?.length) {
    const ids = [...new Set(coUnitIds)];
    const found = await trx.selectFrom('units').select('id').where('id', 'in', ids).where('valid_from', '<=', today).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', today)])).execute();
    if (ids.includes(unitId)) fields.coUnitIds = 'tasks.error.coUnitSelf';
    else if (found.length !== ids.length) fields.coUnitIds = 'tasks.error.coUnit';
  }
  return fields;
}

export type TaskError = 'unit_missing' | 'bad_dates' | 'parent_missing' | 'invalid';

export async function createTask(db: Db, actor: Actor, input: TaskInput, today: string): Promise<Result<string, TaskError>> {
  return inTransaction(db, async (trx) => {
    if (!(await getUnit(trx, input.unitId))) return fail('unit_missing', { unitId: 'plans.error.unit' });
    if (input.parentTaskId && !(await trx.selectFrom('tasks').select('id').where('id', '=', input.parentTaskId).where('unit_id', '=', input.unitId).executeTakeFirst())) return fail('parent_missing', { parentTaskId: 'tasks.error.parent' });
    const item = input.planItemId && input.planId ? await trx.selectFrom('plan_items').select(['id', 'areas']).where('id', '=', input.planItemId).where('plan_id', '=', input.planId).executeTakeFirst() : undefined;
    if (input.planItemId && !item) return fail('invalid', { planItemId: 'tasks.error.item' });
    // A task on a plan item that names supervision areas (II.11) carries them unless others are chosen.
    if (item?.areas && input.areas.length === 0) input = { ...input, areas: JSON.parse(item.areas) };
    if (input.planId && !(await trx.selectFrom('plans').select('id').where('id', '=', input.planId).where('unit_id', '=', input.unitId).executeTakeFirst())) return fail('invalid', { planId: 'tasks.error.plan' });
    const people = await checkPeople(trx, input.unitId, input.assigneeId, input.coUnitIds, today);
    if (Object.keys(people).length) return fail('invalid', people);
    // The province's calendar (official schedules entered by the admin override the bundled ones).
    const due = dueDate(input, today, input.dueInWorkingDays ? await loadCalendar(trx) : calendar);
    if (input.startOn && due.dueOn && due.dueOn < input.startOn) return fail('bad_dates', { dueOn: 'tasks.error.dueBeforeStart' });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('tasks').values({
      id, plan_id: input.planId, plan_item_id: input.planItemId, parent_task_id: input.parentTaskId, unit_id: input.unitId, assignee_id: input.assigneeId,
      co_unit_ids: JSON.stringify([...new Set(input.coUnitIds)]), areas: JSON.stringify([...new Set(input.areas)]), title: input.title, start_on: input.startOn, due_on: due.dueOn, due_rule: due.rule,
      status: 'not-started', progress: 0, progress_manual: 0, weight: input.weight, note: null, created_at: now, updated_at: now,
    }).execute();
    await rollUp(trx, input.parentTaskId);
    await record(trx, actor, { action: 'tasks.create', subjectType: 'task', subjectId: id, unitId: input.unitId, changes: { ...input, dueOn: due.dueOn }, visibility: 'unit' });
    return ok(id);
  });
}

/**
 * Changes status, progress (a number sets it by hand; null returns to the subtasks' figure), due date,
 * assignee, co-operating units or supervision areas; audited with before/after. "Overdue" is derived
 * from the due date and cannot be set. Saved only if the task is still at version `expected` (else 'conflict').
 */
export async function patchTask(db: Db, actor: Actor, id: string, patch: TaskPatch, today: string, expected: number): Promise<Result<string, 'not_found' | 'invalid' | 'conflict'>> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) return fail('not_found');
    if (versionOf(before.lock_version) !== expected) return fail('conflict');
    const fields: Record<string, string> = {};
    if (patch.status === 'overdue') fields.status = 'tasks.error.overdueDerived';
    if (patch.dueOn && before.start_on && patch.dueOn < before.start_on) fields.dueOn = 'tasks.error.dueBeforeStart';
    // Only what changes is checked: a form saved as it was stays valid even if, say, the person has since left the unit.
    const newAssignee = patch.assigneeId !== undefined && (patch.assigneeId || null) !== before.assignee_id ? patch.assigneeId : undefined;
    const oldCo: string[] = JSON.parse(before.co_unit_ids);
    const newCo = patch.coUnitIds?.filter((u) => !oldCo.includes(u));
    Object.assign(fields, await checkPeople(trx, before.unit_id, newAssignee, newCo, today));
    if (Object.keys(fields).length) return fail('invalid', fields);
    const set: Record<string, unknown> = { updated_at: nowIso() };
    if (patch.status) set.status = patch.status;
    if (patch.progress !== undefined) {
      set.progress_manual = patch.progress === null ? 0 : 1;
      if (patch.progress !== null) set.progress = patch.progress;
      if (patch.progress === 100 && !patch.status) set.status = 'done';
      else if (patch.progress !== null && patch.progress > 0 && before.status === 'not-started' && !patch.status) set.status = 'in-progress';
    } else if (patch.status === 'done' && before.status !== 'done') {
      set.progress = 100;
      set.progress_manual = 1;
    }
    if (set.status) set.done_on = set.status === 'done' ? (before.done_on ?? today) : null;
    if (patch.dueOn !== undefined && patch.dueOn !== before.due_on) { set.due_on = patch.dueOn; set.due_rule = null; }
    if (patch.assigneeId !== undefined) set.assignee_id = patch.assigneeId || null;
    if (patch.coUnitIds !== undefined) set.co_unit_ids = JSON.stringify([...new Set(patch.coUnitIds)]);
    if (patch.areas !== undefined) set.areas = JSON.stringify([...new Set(patch.areas)]);
    if (!(await claimVersion(trx, 'tasks', id, expected))) return fail('conflict');
    await trx.updateTable('tasks').set(set).where('id', '=', id).execute();
    if (patch.progress === null) await rollUp(trx, id);
    await rollUp(trx, before.parent_task_id);
    await record(trx, actor, { action: 'tasks.update', subjectType: 'task', subjectId: id, unitId: before.unit_id, changes: { before: { status: before.status, progress: Number(before.progress), dueOn: before.due_on, assigneeId: before.assignee_id, coUnitIds: JSON.parse(before.co_unit_ids), areas: JSON.parse(before.areas) }, after: patch }, visibility: 'unit' });
    return ok(id);
  });
}

/**
 * Writes a progress update or comment on a task inside the caller's transaction: the row, the new
 * progress (set by hand) and status, the parents' roll-up and the audit event.
 */
export async function applyUpdate(trx: Trx, actor: Actor, task: { id: string; unit_id: string; status: string; parent_task_id: string | null }, u: { kind: 'update' | 'comment'; note: string; progress: number | null; status?: string | null; fileId?: string | null; source?: string }): Promise<string> {
  const id = randomUUID();
  await trx.insertInto('task_updates').values({ id, task_id: task.id, kind: u.kind, note: u.note, progress: u.progress, file_id: u.fileId ?? null, user_id: actor.userId, created_at: nowIso() }).execute();
  if (u.progress !== null || u.status) {
    const status = u.status ?? (u.progress === 100 ? 'done' : task.status === 'not-started' && (u.progress ?? 0) > 0 ? 'in-progress' : task.status);
    const set: Record<string, unknown> = { status, updated_at: nowIso(), lock_version: nextVersion() };
    if (status !== task.status) set.done_on = status === 'done' ? localToday() : null;
    if (u.progress !== null) { set.progress = u.progress; set.progress_manual = 1; }
    else if (status === 'done' && task.status !== 'done') { set.progress = 100; set.progress_manual = 1; }
    await trx.updateTable('tasks').set(set).where('id', '=', task.id).execute();
    await rollUp(trx, task.parent_task_id);
  }
  await record(trx, actor, { action: `tasks.${u.kind}`, subjectType: 'task', subjectId: task.id, unitId: task.unit_id, changes: { note: u.note, progress: u.progress, status: u.status ?? undefined, fileId: u.fileId ?? null, source: u.source }, visibility: 'unit' });
  return id;
}

/**
 * Adds a progress update or comment, with optional evidence checked by content; nothing is stored if the file is refused.
 * `whileOpen`: only while the task is not done (an update captured offline must not land on a task someone finished meanwhile).
 */
export async function addUpdate(db: Db, actor: Actor, opts: { taskId: string; kind: 'update' | 'comment'; note: string; progress: number | null; file: File | null; dataDir: string; whileOpen?: boolean }): Promise<Result<string, 'not_found' | 'file' | 'state'>> {
  return inTransaction(db, async (trx) => {
    const task = await trx.selectFrom('tasks').select(['id', 'unit_id', 'status', 'parent_task_id']).where('id', '=', opts.taskId).executeTakeFirst();
    if (!task) return fail('not_found');
    if (opts.whileOpen && task.status === 'done') return fail('state', { _: 'tasks.error.doneMeanwhile' });
    let fileId: string | null = null;
    if (opts.file && opts.file.size > 0) {
      const f = await storeUpload(trx, { dataDir: opts.dataDir, userId: actor.userId, file: opts.file });
      if (!f.ok) return fail('file', { file: UPLOAD_ERROR_KEYS[f.error as keyof typeof UPLOAD_ERROR_KEYS] });
      fileId = f.value.id;
    }
    return ok(await applyUpdate(trx, actor, task, { kind: opts.kind, note: opts.note, progress: opts.kind === 'comment' ? null : opts.progress, fileId }));
  });
}
