import { registerWorkSource, type WorkItem } from '../../platform/work/index.ts';

/** Recommendations of the People's Inspection / investment supervision boards still to answer (LDC Art. 38, 40). */
registerWorkSource({
  name: 'boards',
  permission: 'boards.answer',
  list: async (db, who) => {
    if (!who.units.length) return [];
    const rows = await db.selectFrom('board_recommendations as r').innerJoin('boards as b', 'b.id', 'r.board_id').innerJoin('units as u', 'u.id', 'b.unit_id')
      .select(['r.id', 'r.text', 'r.answer_due', 'r.board_id', 'b.unit_id', 'u.full_name'])
      .where('b.unit_id', 'in', who.units).where('r.answered_on', 'is', null).orderBy('r.answer_due').limit(100).execute();
    return rows.map((r): WorkItem => ({ key: `board-rec:${r.id}`, kind: 'board.answer', title: r.text.length > 120 ? `${r.text.slice(0, 117)}…` : r.text, unitId: r.unit_id, unitName: r.full_name, due: r.answer_due, basis: 'legal', href: `/boards/${r.board_id}` }));
  },
});
