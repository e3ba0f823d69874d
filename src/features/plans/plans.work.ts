import { plusDays } from '../../domain/calendar/index.ts';
import { registerIndicator } from '../../platform/indicators/index.ts';
import { withDescendants } from '../units/index.ts';
import { registerWorkSource, type WorkItem } from '../../platform/work/index.ts';

/** How far ahead "Việc của tôi" looks for plan deadlines (overdue items always show). */
export const TASK_HORIZON_DAYS = 30;

/** Open tasks of the person's units, or assigned to them, overdue or due within the horizon. */
registerWorkSource({
  name: 'tasks',
  permission: 'tasks.edit',
  list: async (db, who) => {
    let q = db.selectFrom('tasks as t').innerJoin('units as u', 'u.id', 't.unit_id').select(['t.id', 't.title', 't.unit_id', 'u.full_name', 't.due_on', 't.status'])
      .where('t.status', '!=', 'done').where('t.due_on', 'is not', null).where('t.due_on', '<=', plusDays(who.today, TASK_HORIZON_DAYS));
    q = q.where((e) => e.or([e('t.assignee_id', '=', who.user.id), ...(who.units.length ? [e('t.unit_id', 'in', who.units)] : [])]));
    const rows = await q.orderBy('t.due_on').limit(200).execute();
    return rows.map((r): WorkItem => ({ key: `task:${r.id}`, kind: 'task', title: r.title, unitId: r.unit_id, unitName: r.full_name, due: r.due_on, basis: null, href: `/tasks/${r.id}` }));
  },
});

/** `nv.overdue`: tasks of the unit (and below) open at the end of the cut-off and past their due date then. */
registerIndicator({
  code: 'nv.overdue', label: 'Nhiệm vụ quá hạn', labelEn: 'Tasks overdue', unit: 'nhiệm vụ', aggregate: 'sum',
  definition: 'Số nhiệm vụ của đơn vị và đơn vị trực thuộc có hạn hoàn thành trước ngày cuối kỳ mà đến ngày cuối kỳ chưa hoàn thành. Tự tính từ nhiệm vụ trên Coso.',
  definitionEn: 'Tasks of the unit and its subordinate units due before the last day of the period and not done by then. Computed from the tasks on Coso.',
  compute: async (db, { unitId, to }) => {
    const r = await db.selectFrom('tasks').select((e) => e.fn.countAll<number>().as('n')).where('unit_id', 'in', await withDescendants(db, [unitId]))
      .where('due_on', '<', to).where((e) => e.or([e('status', '!=', 'done'), e('done_on', '>', to)])).executeTakeFirst();
    return Number(r?.n ?? 0);
  },
});
