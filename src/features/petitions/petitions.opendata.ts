import { OPEN_LICENCE, registerDataset, type Row } from '../../platform/opendata/index.ts';
import type { Db } from '../../platform/db/index.ts';

/**
 * Petition statistics per handling unit and quarter: counts only. Nothing about who wrote, what
 * about, or whom — a sealed denunciation counts like any other case (LTC 2018 Art. 47–48).
 */
async function quarterly(db: Db): Promise<Row[]> {
  const rows = await db.selectFrom('petitions').innerJoin('units', 'units.id', 'petitions.handling_unit_id')
    .select(['petitions.handling_unit_id', 'units.full_name', 'petitions.received_on', 'petitions.resolved_on', 'petitions.due_on']).execute();
  const quarter = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
  const out = new Map<string, { unitId: string; unitName: string; period: string; received: number; resolved: number; resolvedOnTime: number }>();
  const at = (unitId: string, unitName: string, period: string) => {
    const k = `${period}|${unitId}`;
    let x = out.get(k);
    if (!x) out.set(k, (x = { period, unitId, unitName, received: 0, resolved: 0, resolvedOnTime: 0 }));
    return x;
  };
  for (const r of rows) {
    at(r.handling_unit_id, r.full_name, quarter(r.received_on)).received++;
    if (r.resolved_on) {
      const x = at(r.handling_unit_id, r.full_name, quarter(r.resolved_on));
      x.resolved++;
      if (!r.due_on || r.resolved_on <= r.due_on) x.resolvedOnTime++;
    }
  }
  return [...out.values()].sort((a, b) => (a.period === b.period ? a.unitId.localeCompare(b.unitId) : a.period < b.period ? 1 : -1));
}

registerDataset({
  id: 'petition-statistics',
  title: 'Thống kê đơn thư theo đơn vị và quý', titleEn: 'Petition statistics by unit and quarter',
  description: 'Số đơn khiếu nại, tố cáo, kiến nghị, phản ánh mỗi đơn vị tiếp nhận, giải quyết xong và giải quyết đúng hạn trong từng quý. Chỉ có số đếm; không có người gửi, nội dung hay người bị tố cáo.',
  descriptionEn: 'Complaints, denunciations, recommendations and feedback each unit received, resolved, and resolved on time, per quarter. Counts only: no sender, content or accused person.',
  legalBasis: 'Luật Tiếp công dân 2013, Điều 12; Kế hoạch số 188/KH-UBND, mục II.5',
  legalBasisEn: 'Law on Citizen Reception 2013, Art. 12; Plan 188/KH-UBND, item II.5',
  licence: OPEN_LICENCE, publisher: 'Các cơ quan, đơn vị giải quyết đơn',
  publisherEn: 'Agencies and units resolving petitions',
  columns: [
    { name: 'period', type: 'string', description: 'Quý (YYYY-Qn)', descriptionEn: 'Quarter (YYYY-Qn)' },
    { name: 'unitId', type: 'string', description: 'Mã đơn vị đang giải quyết', descriptionEn: 'Handling unit id' },
    { name: 'unitName', type: 'string', description: 'Tên đơn vị', descriptionEn: 'Unit name' },
    { name: 'received', type: 'integer', description: 'Số đơn nhận trong quý (theo ngày nhận)', descriptionEn: 'Received in the quarter' },
    { name: 'resolved', type: 'integer', description: 'Số đơn giải quyết xong trong quý', descriptionEn: 'Resolved in the quarter' },
    { name: 'resolvedOnTime', type: 'integer', description: 'Trong đó xong không muộn hơn hạn luật định', descriptionEn: 'Of which by the legal deadline' },
  ],
  rows: async (db, { limit, offset }) => (await quarterly(db)).slice(offset, offset + limit),
  updated: async (db) => (await db.selectFrom('petitions').select((e) => e.fn.max('updated_at').as('u')).executeTakeFirst())?.u ?? null,
});
