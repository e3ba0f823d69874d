import type { Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import type { UnitSucceededEvent } from '../../platform/events/index.ts';
import { record, SYSTEM_ACTOR } from '../../platform/audit/index.ts';

/** Active boards of a unit that ended move to its successor; members from a merged village keep their seat under the new one. */
export async function handOverBoards(trx: Trx, e: UnitSucceededEvent): Promise<void> {
  for (const [from, to] of Object.entries(e.handover)) {
    const boards = await trx.updateTable('boards').set({ unit_id: to, updated_at: nowIso() }).where('unit_id', '=', from).where('status', '=', 'active').executeTakeFirst();
    const members = await trx.updateTable('board_members').set({ village_id: to }).where('village_id', '=', from).where('to_on', 'is', null).executeTakeFirst();
    const n = Number(boards.numUpdatedRows) + Number(members.numUpdatedRows);
    if (n) await record(trx, SYSTEM_ACTOR, { action: 'boards.handover', subjectType: 'unit', subjectId: from, unitId: to, changes: { boards: Number(boards.numUpdatedRows), members: Number(members.numUpdatedRows) }, visibility: 'unit' });
  }
}
