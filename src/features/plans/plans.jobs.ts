import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { nowIso } from '../../platform/db/index.ts';
import { nextVersion } from '../../platform/http/concurrency.ts';
import { record, SYSTEM_ACTOR, inTransaction } from '../../platform/audit/index.ts';
import { deliverPendingEmails, notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import type { UnitSucceededEvent } from '../../platform/events/index.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { loadCalendar } from '../calendar/index.ts';

/** Working days before the due date when the first reminder is sent. */
export const REMIND_WORKING_DAYS_BEFORE = 3;

/**
 * Reminds the assignee (or the unit's officers and head) of open tasks due within
 * REMIND_WORKING_DAYS_BEFORE working days and of overdue ones; one notice per task and kind
 * (dedupe key), so the job can run any number of times. Returns the number of notices.
 */
export async function remindTasks(db: Db, today = localToday()): Promise<number> {
  const horizon = (await loadCalendar(db)).addWorkingDays(today, REMIND_WORKING_DAYS_BEFORE);
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

/**
 * The hourly job: reminders, then the e-mail outbox is flushed through SMTP when `SMTP_URL` is set
 * (the notices stay in-app only otherwise). Returns a line for the job log.
 */
export async function runTaskReminders(deps: Pick<AppDeps, 'db' | 'config'>, today = localToday()): Promise<string> {
  const notices = await remindTasks(deps.db, today);
  const mailed = await deliverPendingEmails(deps.db, { smtpUrl: deps.config.smtpUrl, from: deps.config.mailFrom, publicUrl: deps.config.publicUrl });
  return `${notices} notices, ${mailed} e-mails`;
}

/**
 * On restructuring, the predecessor's unit plans and open tasks move to the successor, keeping their
 * rows (so updates, evidence and history stay) with a note; co-operating references follow. When the
 * successor already has a plan from the same provincial plan (two units merged), the predecessor's
 * plan is not duplicated: its open tasks join the successor's plan on the same provincial item, and
 * the old plan stays as a record with a note. Every moved task and plan gets an audit event.
 */
export async function moveToSuccessor(trx: Trx, e: UnitSucceededEvent): Promise<void> {
  for (const [from, to] of Object.entries(e.handover)) {
    if (from === to) continue;
    const [fromName, toName] = await Promise.all([from, to].map(async (id) => (await trx.selectFrom('units').select('full_name').where('id', '=', id).executeTakeFirst())?.full_name ?? id));
    const note = `Chuyển từ ${fromName} sang ${toName} khi sắp xếp đơn vị (${e.kind}, hiệu lực ${formatDate(e.effectiveDate)}, ${e.legalBasis}).`;
    const now = nowIso();
    const openTasks = await trx.selectFrom('tasks').select(['id', 'plan_id', 'plan_item_id']).where('unit_id', '=', from).where('status', '!=', 'done').execute();
    const plans = await trx.selectFrom('plans').select(['id', 'parent_plan_id']).where('unit_id', '=', from).where('parent_plan_id', 'is not', null).execute();
    for (const p of plans) {
      const existing = await trx.selectFrom('plans').select('id').where('unit_id', '=', to).where('parent_plan_id', '=', p.parent_plan_id).executeTakeFirst();
      if (!existing) {
        await trx.updateTable('plans').set({ unit_id: to, note, updated_at: now }).where('id', '=', p.id).execute();
        await record(trx, SYSTEM_ACTOR, { action: 'plans.succession', subjectType: 'plan', subjectId: p.id, unitId: to, changes: { from, to, reorganizationId: e.reorganizationId }, visibility: 'unit' });
        continue;
      }
      // Merge into the successor's plan: items matched by the provincial item they carry over.
      const target = await trx.selectFrom('plan_items').select(['id', 'source_item_id', 'position']).where('plan_id', '=', existing.id).orderBy('position').execute();
      const bySource = new Map(target.filter((i) => i.source_item_id).map((i) => [i.source_item_id!, i.id]));
      let position = target.length ? Number(target[target.length - 1].position) + 1 : 0;
      const ownItems = await trx.selectFrom('plan_items').selectAll().where('plan_id', '=', p.id).execute();
      const itemMap = new Map<string, string>();
      for (const it of ownItems) {
        const match = it.source_item_id ? bySource.get(it.source_item_id) : undefined;
        if (match) { itemMap.set(it.id, match); continue; }
        const copy = randomUUID();
        await trx.insertInto('plan_items').values({ ...it, id: copy, plan_id: existing.id, parent_id: null, position: position++ }).execute();
        if (it.source_item_id) bySource.set(it.source_item_id, copy);
        itemMap.set(it.id, copy);
      }
      for (const tk of openTasks.filter((x) => x.plan_id === p.id)) {
        await trx.updateTable('tasks').set({ plan_id: existing.id, plan_item_id: tk.plan_item_id ? itemMap.get(tk.plan_item_id) ?? null : null }).where('id', '=', tk.id).execute();
      }
      await trx.updateTable('plans').set({ note: `${note} Nhiệm vụ đang thực hiện đã chuyển vào kế hoạch của ${toName}.`, updated_at: now }).where('id', '=', p.id).execute();
      await record(trx, SYSTEM_ACTOR, { action: 'plans.succession.merge', subjectType: 'plan', subjectId: p.id, unitId: from, changes: { from, to, into: existing.id, reorganizationId: e.reorganizationId }, visibility: 'unit' });
    }
    for (const tk of openTasks) {
      await trx.updateTable('tasks').set({ unit_id: to, note, updated_at: now, lock_version: nextVersion() }).where('id', '=', tk.id).execute();
      await record(trx, SYSTEM_ACTOR, { action: 'tasks.succession', subjectType: 'task', subjectId: tk.id, unitId: to, changes: { from, to, reorganizationId: e.reorganizationId }, visibility: 'unit' });
    }
    const coop = await trx.selectFrom('tasks').select(['id', 'co_unit_ids', 'unit_id']).where('status', '!=', 'done').where('co_unit_ids', 'like', `%"${from}"%`).execute();
    for (const tk of coop) {
      const ids = [...new Set((JSON.parse(tk.co_unit_ids) as string[]).map((u) => (u === from ? to : u)))].filter((u) => u !== tk.unit_id);
      await trx.updateTable('tasks').set({ co_unit_ids: JSON.stringify(ids), updated_at: now, lock_version: nextVersion() }).where('id', '=', tk.id).execute();
      await record(trx, SYSTEM_ACTOR, { action: 'tasks.succession', subjectType: 'task', subjectId: tk.id, unitId: tk.unit_id, changes: { coUnit: { from, to }, reorganizationId: e.reorganizationId }, visibility: 'unit' });
    }
  }
}
