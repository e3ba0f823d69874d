import type { Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import type { UnitSucceededEvent } from '../../platform/events/index.ts';
import { addEvent } from './petitions.service.ts';

/** Open cases of an ended unit move to its successor, keeping clocks and history (in the reorganisation's transaction). */
export async function moveToSuccessors(trx: Trx, e: UnitSucceededEvent): Promise<void> {
  for (const [from, to] of Object.entries(e.handover)) {
    const open = await trx.selectFrom('petitions').select('id').where('handling_unit_id', '=', from).where('status', 'in', ['received', 'triaged', 'accepted']).execute();
    for (const p of open) {
      await trx.updateTable('petitions').set({ handling_unit_id: to, updated_at: nowIso() }).where('id', '=', p.id).execute();
      await addEvent(trx, p.id, { event: 'moved', public: true, actorId: null, unitId: to, note: e.legalBasis });
    }
  }
}
