import type { Db } from '../../platform/db/index.ts';
import { registerIndicator } from '../../platform/indicators/index.ts';
import { withDescendants } from '../units/index.ts';
import { countsAsHeadDay, type ReceptionHolder } from '../../domain/deadlines/index.ts';

/**
 * Report indicators for a period (for the reports capability): petitions received and resolved by
 * kind, resolved on time, reception days held. `units` limits to unit ids (or 'all').
 */
export async function petitionIndicators(db: Db, o: { from: string; to: string; units: 'all' | string[] }) {
  let q = db.selectFrom('petitions').select(['kind', 'status', 'received_on', 'resolved_on', 'due_on']).where('received_on', '<=', o.to);
  if (o.units !== 'all') q = q.where('handling_unit_id', 'in', o.units.length ? o.units : ['-']);
  const rows = await q.execute();
  const byKind: Record<string, { received: number; resolved: number; onTime: number }> = {};
  for (const r of rows) {
    const k = (byKind[r.kind ?? 'unclassified'] ??= { received: 0, resolved: 0, onTime: 0 });
    if (r.received_on >= o.from) k.received++;
    if (r.resolved_on && r.resolved_on >= o.from && r.resolved_on <= o.to) {
      k.resolved++;
      if (!r.due_on || r.resolved_on <= r.due_on) k.onTime++;
    }
  }
  let d = db.selectFrom('reception_days').select(['on_date', 'held_by']).where('held', '=', 1).where('on_date', '>=', o.from).where('on_date', '<=', o.to);
  if (o.units !== 'all') d = d.where('unit_id', 'in', o.units.length ? o.units : ['-']);
  const held = (await d.execute()).filter((r) => countsAsHeadDay(r.on_date, r.held_by as ReceptionHolder)).length;
  const resolved = Object.values(byKind).reduce((s, k) => s + k.resolved, 0);
  const onTime = Object.values(byKind).reduce((s, k) => s + k.onTime, 0);
  return { byKind, receptionDaysHeld: held, resolved, onTime, onTimeRate: resolved ? onTime / resolved : null };
}

/**
 * Registers the petition indicators of the plan 188 data form with the report registry:
 * `tcd.days` (reception days marked held, by date) and `don.received` (petitions received, by
 * receipt date, handled by the unit or a unit under it; a petition forwarded away counts where it
 * is handled now, so no petition counts twice province-wide).
 */
export function registerPetitionIndicators(): void {
  registerIndicator({
    code: 'tcd.days', label: 'Ngày tiếp công dân định kỳ của người đứng đầu', labelEn: 'Scheduled reception days held by the head', unit: 'ngày', aggregate: 'sum',
    definition: 'Số ngày tiếp công dân định kỳ người đứng đầu đã tổ chức (lịch tiếp được đánh dấu "đã tiếp") của đơn vị và đơn vị trực thuộc trong kỳ (Luật Tiếp công dân, Điều 12–15). Ngày do cấp phó được ủy quyền tiếp chỉ được tính đến hết 30/06/2026; từ 01/07/2026 không tính (Luật số 136/2025/QH15). Tự tính từ lịch tiếp công dân trên Coso.',
    definitionEn: 'Scheduled reception days the head held (marked as held) at the unit and its subordinate units in the period (Law on Citizen Reception, Art. 12–15). Days held by an authorised deputy count only until 30/06/2026, not from 01/07/2026 (Law 136/2025/QH15). Computed from the reception schedule on Coso.',
    compute: async (db, { unitId, from, to }) => {
      const rows = await db.selectFrom('reception_days').select(['on_date', 'held_by'])
        .where('unit_id', 'in', await withDescendants(db, [unitId])).where('held', '=', 1).where('on_date', '>=', from).where('on_date', '<=', to).execute();
      return rows.filter((r) => countsAsHeadDay(r.on_date, r.held_by as ReceptionHolder)).length;
    },
  });
  registerIndicator({
    code: 'don.received', label: 'Đơn khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận', labelEn: 'Petitions received', unit: 'đơn', aggregate: 'sum',
    definition: 'Số đơn tiếp nhận trong kỳ (theo ngày nhận), mọi loại, kể cả đơn trùng, do đơn vị hoặc đơn vị trực thuộc đang xử lý; đơn đã chuyển đi được tính ở đơn vị nhận. Tự tính từ sổ đơn trên Coso.',
    definitionEn: 'Petitions received in the period (by date received), of every kind, duplicates included, handled by the unit or its subordinate units; a forwarded petition counts at the receiving unit. Computed from the petition register on Coso.',
    compute: async (db, { unitId, from, to }) => {
      const r = await db.selectFrom('petitions').select((e) => e.fn.countAll<number>().as('n'))
        .where('handling_unit_id', 'in', await withDescendants(db, [unitId])).where('received_on', '>=', from).where('received_on', '<=', to).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  });
}

/**
 * Public petition figures per handling unit over [from, to] — counts only, nothing about who wrote
 * or what (the open-data set and the public map): received; resolved; resolved on or before the
 * legal deadline. Sealed denunciations count like any other case.
 */
export async function publicPetitionCounts(db: Db, from: string, to: string): Promise<Map<string, { received: number; resolved: number; onTime: number }>> {
  const rows = await db.selectFrom('petitions').select(['handling_unit_id', 'received_on', 'resolved_on', 'due_on'])
    .where((e) => e.or([e.and([e('received_on', '>=', from), e('received_on', '<=', to)]), e.and([e('resolved_on', '>=', from), e('resolved_on', '<=', to)])])).execute();
  const out = new Map<string, { received: number; resolved: number; onTime: number }>();
  for (const r of rows) {
    const x = out.get(r.handling_unit_id) ?? { received: 0, resolved: 0, onTime: 0 };
    if (r.received_on >= from && r.received_on <= to) x.received++;
    if (r.resolved_on && r.resolved_on >= from && r.resolved_on <= to) {
      x.resolved++;
      if (!r.due_on || r.resolved_on <= r.due_on) x.onTime++;
    }
    out.set(r.handling_unit_id, x);
  }
  return out;
}
