import { registerIndicator } from '../../platform/indicators/index.ts';
import { withDescendants } from '../units/index.ts';

/**
 * Registers the task indicator of the report data form: `nv.ontime`, tasks of the unit (and the
 * units under it) marked done within the data cut-off on or before their due date (a task without a
 * due date counts as on time).
 */
export function registerTaskIndicators(): void {
  registerIndicator({
    code: 'nv.ontime', label: 'Nhiệm vụ hoàn thành đúng hạn', labelEn: 'Tasks done on time', unit: 'nhiệm vụ', aggregate: 'sum',
    definition: 'Số nhiệm vụ trong kế hoạch thực hiện của đơn vị và đơn vị trực thuộc được đánh dấu hoàn thành trong thời gian chốt số liệu, vào hoặc trước hạn hoàn thành. Tự tính từ nhiệm vụ trên Coso.',
    definitionEn: 'Tasks of the implementation plans of the unit and its subordinate units marked done within the data cut-off, on or before their due date. Computed from the tasks on Coso.',
    compute: async (db, { unitId, from, to }) => {
      const rows = await db.selectFrom('tasks').select(['done_on', 'due_on'])
        .where('unit_id', 'in', await withDescendants(db, [unitId])).where('status', '=', 'done').where('done_on', '>=', from).where('done_on', '<=', to).execute();
      return rows.filter((r) => !r.due_on || r.done_on! <= r.due_on).length;
    },
  });
}
