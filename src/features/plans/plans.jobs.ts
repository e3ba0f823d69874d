import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { record, SYSTEM_ACTOR, inTransaction } from '../../platform/audit/index.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import type { UnitSucceededEvent } from '../../platform/events/index.ts';
import { formatDate, todayLocal } from '../../platform/i18n/index.ts';
import { Calendar } from '../../domain/calendar/index.ts';

const calendar = new Calendar();
/** Working days before the due date when the first reminder is sent. */
export const REMIND_WORKING_DAYS_BEFORE = 3;

/**
 * Reminds the assignee (or the unit's officers and head) of open tasks due within
 * REMIND_WORKING_DAYS_BEFORE working days and of overdue ones; one notice per task and kind
 * (dedupe key), so the job can run any number of times. Returns the number of notices.
 */
export async function remindTasks(db: Db, today = todayLocal()): Promise<number> {
  const horizon = calendar.addWorkingDays(today, REMIND_WORKING_DAYS_BEFORE);
  const open = await db.selectFrom('tasks').select(['id', 'title', 'unit_id', 'assignee_id', 'due_on']).where('status', '!=', 'done').where('due_on', 'is not', null).where('due_on', '<=', horizon).execute();
  if (open.length === 0) return 0;
  return inTransaction(db, async (trx) => {
    let n = 0;
    for (const t of open) {
      const overdue = t.due_on! < today;
      const to = t.assignee_id ? [t.assignee_id] : await usersWithRole(trx, t.unit_id, ['unit-officer', 'unit-head']);
      n += await notifyUsers(trx, to, {
        title: overdue ? `Nhiệm vụ quá hạn: ${t.title}` : `Nhiệm vụ sắp đến hạn: ${t.title}`,
        body: overdue ? `Nhiệm vụ "${t.title}" đã quá hạn ngày ${formatDate(t.due_on)}.` : `Nhiệm vụ "${t.title}" đến hạn ngày ${formatDate(t.due_on)}.`,
        link: `/tasks/${t.id}`, dedupeKey: `task:${t.id}:${overdue ? 'overdue' : `due:${t.due_on}`}`,
      });
    }
    if (n > 0) await record(trx, SYSTEM_ACTOR, { action: 'tasks.remind', subjectType: 'task', changes: { notices: n, today }, visibility: 'admin' });
    return n;
  });
}

/** On restructuring, the predecessor's plans and open tasks move to the successor with a note (history stays on the same rows). */
export async function moveToSuccessor(trx: Trx, e: UnitSucceededEvent): Promise<void> {
  for (const [from, to] of Object.entries(e.handover)) {
    if (from === to) continue;
    const note = `Chuyển từ đơn vị cũ khi sắp xếp (${e.kind}, ${formatDate(e.effectiveDate)}, ${e.legalBasis}).`;
    const plans = await trx.selectFrom('plans').select('id').where('unit_id', '=', from).where('parent_plan_id', 'is not', null).execute();
    const existing = new Set((await trx.selectFrom('plans').select('parent_plan_id').where('unit_id', '=', to).execute()).map((p) => p.parent_plan_id));
    const movable = plans.length ? await trx.selectFrom('plans').select(['id', 'parent_plan_id']).where('id', 'in', plans.map((p) => p.id)).execute() : [];
    const moved = movable.filter((p) => !existing.has(p.parent_plan_id));
    if (moved.length) await trx.updateTable('plans').set({ unit_id: to, note, updated_at: nowIso() }).where('id', 'in', moved.map((p) => p.id)).execute();
    const tasks = await trx.selectFrom('tasks').select('id').where('unit_id', '=', from).where('status', '!=', 'done').execute();
    if (tasks.length) await trx.updateTable('tasks').set({ unit_id: to, note, updated_at: nowIso() }).where('id', 'in', tasks.map((t) => t.id)).execute();
    if (moved.length || tasks.length) await record(trx, SYSTEM_ACTOR, { action: 'plans.succession', subjectType: 'unit', subjectId: to, unitId: to, changes: { from, to, plans: moved.map((p) => p.id), tasks: tasks.map((t) => t.id), reorganizationId: e.reorganizationId }, visibility: 'unit' });
  }
}
