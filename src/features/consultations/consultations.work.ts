import { registerWorkSource, type WorkItem } from '../../platform/work/index.ts';
import { registerIndicator } from '../../platform/indicators/index.ts';
import { withDescendants } from '../units/index.ts';

/**
 * Consultations of the person's units: comments still to answer in writing (LDC Art. 29) and
 * consultations past their last day still to close with the decision.
 */
registerWorkSource({
  name: 'consultations',
  permission: 'consultations.manage',
  list: async (db, who) => {
    if (!who.units.length) return [];
    const rows = await db.selectFrom('consultations as c').innerJoin('units as u', 'u.id', 'c.unit_id')
      .leftJoin('consultation_comments as m', (j) => j.onRef('m.consultation_id', '=', 'c.id').on('m.decision', 'is', null))
      .select((e) => ['c.id', 'c.title', 'c.unit_id', 'u.full_name', 'c.closes_on', e.fn.count<number>('m.id').as('open')])
      .where('c.unit_id', 'in', who.units).where('c.status', '=', 'open').groupBy(['c.id', 'c.title', 'c.unit_id', 'u.full_name', 'c.closes_on']).execute();
    const out: WorkItem[] = [];
    for (const r of rows) {
      const open = Number(r.open);
      if (open) out.push({ key: `consultation-answer:${r.id}`, kind: 'consultation.answer', title: `${r.title} (${open})`, unitId: r.unit_id, unitName: r.full_name, due: r.closes_on, basis: null, href: `/consultations/${r.id}` });
      else if (r.closes_on < who.today) out.push({ key: `consultation-close:${r.id}`, kind: 'consultation.close', title: r.title, unitId: r.unit_id, unitName: r.full_name, due: r.closes_on, basis: null, href: `/consultations/${r.id}` });
    }
    return out;
  },
});

/** `yk.unanswered`: comments received by the unit's consultations in the period and not answered in writing by its end. */
registerIndicator({
  code: 'yk.unanswered', label: 'Ý kiến Nhân dân chưa được trả lời', labelEn: "People's comments not answered", unit: 'ý kiến', aggregate: 'sum',
  definition: 'Số ý kiến góp ý nhận trong kỳ về các nội dung lấy ý kiến của đơn vị và đơn vị trực thuộc mà đến ngày cuối kỳ chưa có ý kiến tiếp thu, giải trình (Luật Thực hiện dân chủ ở cơ sở, Điều 29). Tự tính từ Coso.',
  definitionEn: 'Comments received in the period on the consultations of the unit and its subordinate units that have no uptake or explanation by the last day of the period (Law on Grassroots Democracy, Art. 29). Computed from Coso.',
  compute: async (db, { unitId, from, to }) => {
    const r = await db.selectFrom('consultation_comments as m').innerJoin('consultations as c', 'c.id', 'm.consultation_id').select((e) => e.fn.countAll<number>().as('n'))
      .where('c.unit_id', 'in', await withDescendants(db, [unitId])).where('m.received_on', '>=', from).where('m.received_on', '<=', to)
      .where((e) => e.or([e('m.decision', 'is', null), e('m.disposed_at', '>=', `${to}T17:00:00.000Z`)])).executeTakeFirst();
    return Number(r?.n ?? 0);
  },
});
