import { registerWorkSource, type WorkItem } from '../../platform/work/index.ts';

/**
 * Register entries the person's units must answer, by due date (overdue first). Board
 * recommendations are listed by the boards feature's own work source, so they are not repeated here.
 */
registerWorkSource({
  name: 'register',
  permission: 'register.answer',
  list: async (db, who) => {
    if (!who.units.length) return [];
    const rows = await db.selectFrom('register_entries as e').innerJoin('units as u', 'u.id', 'e.assignee_unit_id')
      .select(['e.id', 'e.subject', 'e.issuer_name', 'e.answer_due', 'e.term_basis', 'e.assignee_unit_id', 'u.full_name'])
      .where('e.assignee_unit_id', 'in', who.units).where('e.status', '=', 'open').orderBy('e.answer_due').limit(100).execute();
    return rows.map((r): WorkItem => ({ key: `register:${r.id}`, kind: 'register.answer', title: `${r.subject} (${r.issuer_name})`, unitId: r.assignee_unit_id, unitName: r.full_name, due: r.answer_due, basis: r.term_basis, href: `/recommendations/${r.id}` }));
  },
});
