import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { Calendar } from '../../domain/calendar/index.ts';
import { getUnit } from '../units/index.ts';
import type { TaskInput, TaskPatch } from './plans.schema.ts';

const calendar = new Calendar();

/** The due date: fixed, or `n` working days after the start (legal calendar: weekends, Tết and holidays skipped). */
export function dueDate(input: { startOn: string | null; dueOn: string | null; dueInWorkingDays: number | null }, today: string): { dueOn: string | null; rule: string | null } {
  if (input.dueInWorkingDays) return { dueOn: calendar.addWorkingDays(input.startOn ?? today, input.dueInWorkingDays), rule: `+${input.dueInWorkingDays} working days` };
  return { dueOn: input.dueOn, rule: null };
}

/** Recomputes a parent task's progress from its subtasks by weight, unless its progress was set by hand. */
async function rollUp(trx: Trx, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const parent = await trx.selectFrom('tasks').select(['id', 'progress_manual']).where('id', '=', parentId).executeTakeFirst();
  if (!parent || Number(parent.progress_manual)) return;
  const subs = await trx.selectFrom('tasks').select(['progress', 'weight']).where('parent_task_id', '=', parentId).execute();
  const w = subs.reduce((s, x) => s + Number(x.weight), 0);
  const p = w ? Math.round(subs.reduce((s, x) => s + Number(x.progress) * Number(x.weight), 0) / w) : 0;
  await trx.updateTable('tasks').set({ progress: p, updated_at: nowIso() }).where('id', '=', parentId).execute();
}

export async function createTask(db: Db, actor: Actor, input: TaskInput, today: string): Promise<Result<string, 'unit_missing' | 'bad_dates' | 'parent_missing'>> {
  return inTransaction(db, async (trx) => {
    if (!(await getUnit(trx, input.unitId))) return fail('unit_missing', { unitId: 'plans.error.unit' });
    if (input.parentTaskId && !(await trx.selectFrom('tasks').select('id').where('id', '=', input.parentTaskId).where('unit_id', '=', input.unitId).executeTakeFirst())) return fail('parent_missing', { parentTaskId: 'tasks.error.parent' });
    const due = dueDate(input, today);
    if (input.startOn && due.dueOn && due.dueOn < input.startOn) return fail('bad_dates', { dueOn: 'tasks.error.dueBeforeStart' });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('tasks').values({
      id, plan_id: input.planId, plan_item_id: input.planItemId, parent_task_id: input.parentTaskId, unit_id: input.unitId, assignee_id: input.assigneeId,
      co_unit_ids: JSON.stringify(input.coUnitIds), areas: JSON.stringify(input.areas), title: input.title, start_on: input.startOn, due_on: due.dueOn, due_rule: due.rule,
      status: 'not-started', progress: 0, progress_manual: 0, weight: input.weight, note: null, created_at: now, updated_at: now,
    }).execute();
    await rollUp(trx, input.parentTaskId);
    await record(trx, actor, { action: 'tasks.create', subjectType: 'task', subjectId: id, unitId: input.unitId, changes: { ...input, dueOn: due.dueOn }, visibility: 'unit' });
    return ok(id);
  });
}

/** Changes status, progress (a number sets it by hand; null returns to the subtasks' figure), due date or assignee; audited with before/after. */
export async function patchTask(db: Db, actor: Actor, id: string, patch: TaskPatch): Promise<Result<string, 'not_found'>> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) return fail('not_found');
    const set: Record<string, unknown> = { updated_at: nowIso() };
    if (patch.status) set.status = patch.status;
    if (patch.progress !== undefined) {
      set.progress_manual = patch.progress === null ? 0 : 1;
      if (patch.progress !== null) set.progress = patch.progress;
      if (patch.progress === 100 && !patch.status) set.status = 'done';
      else if (patch.progress !== null && patch.progress > 0 && before.status === 'not-started' && !patch.status) set.status = 'in-progress';
    }
    if (patch.dueOn !== undefined) set.due_on = patch.dueOn;
    if (patch.assigneeId !== undefined) set.assignee_id = patch.assigneeId;
    await trx.updateTable('tasks').set(set).where('id', '=', id).execute();
    if (patch.progress === null) await rollUp(trx, id);
    await rollUp(trx, before.parent_task_id);
    await record(trx, actor, { action: 'tasks.update', subjectType: 'task', subjectId: id, unitId: before.unit_id, changes: { before: { status: before.status, progress: before.progress, dueOn: before.due_on, assigneeId: before.assignee_id }, after: patch }, visibility: 'unit' });
    return ok(id);
  });
}

/** Adds a progress update or comment, with optional evidence checked by content; nothing is stored if the file is refused. */
export async function addUpdate(db: Db, actor: Actor, opts: { taskId: string; kind: 'update' | 'comment'; note: string; progress: number | null; file: File | null; dataDir: string }): Promise<Result<string, 'not_found' | 'file'>> {
  return inTransaction(db, async (trx) => {
    const task = await trx.selectFrom('tasks').select(['id', 'unit_id', 'status']).where('id', '=', opts.taskId).executeTakeFirst();
    if (!task) return fail('not_found');
    let fileId: string | null = null;
    if (opts.file && opts.file.size > 0) {
      const f = await storeUpload(trx, { dataDir: opts.dataDir, userId: actor.userId, file: opts.file });
      if (!f.ok) return fail('file', { file: UPLOAD_ERROR_KEYS[f.error as keyof typeof UPLOAD_ERROR_KEYS] });
      fileId = f.value.id;
    }
    const id = randomUUID();
    await trx.insertInto('task_updates').values({ id, task_id: task.id, kind: opts.kind, note: opts.note, progress: opts.progress, file_id: fileId, user_id: actor.userId, created_at: nowIso() }).execute();
    if (opts.progress !== null) {
      const status = opts.progress === 100 ? 'done' : task.status === 'not-started' ? 'in-progress' : task.status;
      await trx.updateTable('tasks').set({ progress: opts.progress, progress_manual: 1, status, updated_at: nowIso() }).where('id', '=', task.id).execute();
      const parent = await trx.selectFrom('tasks').select('parent_task_id').where('id', '=', task.id).executeTakeFirst();
      await rollUp(trx, parent?.parent_task_id ?? null);
    }
    await record(trx, actor, { action: `tasks.${opts.kind}`, subjectType: 'task', subjectId: task.id, unitId: task.unit_id, changes: { note: opts.note, progress: opts.progress, fileId }, visibility: 'unit' });
    return ok(id);
  });
}
