import type { Db, Trx } from '../../platform/db/index.ts';
import type { TasksTable } from './plans.tables.ts';

export interface TaskView {
  id: string; title: string; unitId: string; assigneeId: string | null; planId: string | null; planItemId: string | null; parentTaskId: string | null;
  coUnitIds: string[]; areas: string[]; startOn: string | null; dueOn: string | null; dueRule: string | null; status: string; progress: number;
  progressManual: boolean; weight: number; overdue: boolean; note: string | null; updatedAt: string;
  /** Optimistic concurrency: the version an edit must send back. */ lockVersion: number;
}

type Row = TasksTable;

/** A stored task as the app shows it; `overdue` is derived (open past its due date), and shown as the status. */
export function present(r: Row, today: string): TaskView {
  const overdue = r.status !== 'done' && !!r.due_on && r.due_on < today;
  return {
    id: r.id, title: r.title, unitId: r.unit_id, assigneeId: r.assignee_id, planId: r.plan_id, planItemId: r.plan_item_id, parentTaskId: r.parent_task_id,
    coUnitIds: JSON.parse(r.co_unit_ids), areas: JSON.parse(r.areas), startOn: r.start_on, dueOn: r.due_on, dueRule: r.due_rule,
    status: overdue && r.status !== 'blocked' ? 'overdue' : r.status, progress: Number(r.progress), progressManual: !!Number(r.progress_manual), weight: Number(r.weight), overdue, note: r.note, updatedAt: r.updated_at, lockVersion: Number(r.lock_version ?? 0),
  };
}

export interface TaskFilter { unitIds: 'all' | string[]; unitId?: string; planId?: string; status?: string; overdue?: boolean; area?: string; parentTaskId?: string | null; /** Tasks where one of these units co-operates (instead of owning). */ coUnitIds?: string[]; /** A page: at most `limit` rows (default 2,000) after `offset`. */ limit?: number; offset?: number }

/** Tasks in the caller's scope matching the filters (at most 2,000). */
export async function findTasks(db: Db | Trx, f: TaskFilter, today: string): Promise<TaskView[]> {
  let q = db.selectFrom('tasks').selectAll();
  if (f.coUnitIds) {
    const co = f.coUnitIds;
    q = co.length ? q.where((e) => e.or(co.map((u) => e('co_unit_ids', 'like', `%"${u.replace(/[%_"\\]/g, '')}"%`)))) : q.where('unit_id', '=', '-');
  } else if (f.unitIds !== 'all') q = f.unitIds.length ? q.where('unit_id', 'in', f.unitIds) : q.where('unit_id', '=', '-');
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.planId) q = q.where('plan_id', '=', f.planId);
  if (f.parentTaskId === null) q = q.where('parent_task_id', 'is', null);
  else if (f.parentTaskId) q = q.where('parent_task_id', '=', f.parentTaskId);
  if (f.area) q = q.where('areas', 'like', `%"${f.area}"%`);
  if (f.overdue) q = q.where('status', '!=', 'done').where('due_on', '<', today);
  if (f.status === 'overdue') q = q.where('status', 'not in', ['done', 'blocked']).where('due_on', '<', today);
  else if (f.status) {
    q = q.where('status', '=', f.status);
    // An open status excludes the overdue ones (listed as "overdue"); done and blocked take every date.
    if (f.status !== 'done' && f.status !== 'blocked') q = q.where((e) => e.or([e('due_on', 'is', null), e('due_on', '>=', today)]));
  }
  const rows = await q.orderBy('due_on').orderBy('created_at').orderBy('id').limit(f.limit ?? 2000).offset(f.offset ?? 0).execute();
  return rows.map((r) => present(r, today));
}

export async function getTask(db: Db | Trx, id: string, today: string): Promise<TaskView | undefined> {
  const r = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? present(r, today) : undefined;
}

/** Updates and comments of a task, newest first, with the file's name. */
export function taskUpdates(db: Db | Trx, taskId: string) {
  return db.selectFrom('task_updates').leftJoin('files', 'files.id', 'task_updates.file_id').leftJoin('users', 'users.id', 'task_updates.user_id')
    .select(['task_updates.id', 'task_updates.kind', 'task_updates.note', 'task_updates.progress', 'task_updates.file_id', 'task_updates.created_at', 'files.name as file_name', 'users.display_name'])
    .where('task_id', '=', taskId).orderBy('task_updates.created_at', 'desc').execute();
}
