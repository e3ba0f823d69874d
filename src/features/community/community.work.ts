import { registerWorkSource, type WorkItem } from '../../platform/work/index.ts';

/** Village decisions whose vote day has come and whose result is not yet recorded (LDC Art. 22–23). */
registerWorkSource({
  name: 'community',
  permission: 'community.manage',
  list: async (db, who) => {
    if (!who.units.length) return [];
    const rows = await db.selectFrom('community_decisions as d').innerJoin('units as u', 'u.id', 'd.village_id')
      .select(['d.id', 'd.question', 'd.vote_on', 'd.village_id', 'u.full_name'])
      .where((e) => e.or([e('d.village_id', 'in', who.units), e('d.commune_id', 'in', who.units)]))
      .where('d.status', '=', 'open').where('d.parent_id', 'is', null).where('d.vote_on', 'is not', null).where('d.vote_on', '<=', who.today).orderBy('d.vote_on').limit(100).execute();
    return rows.map((r): WorkItem => ({ key: `decision:${r.id}`, kind: 'decision.record', title: r.question, unitId: r.village_id, unitName: r.full_name, due: r.vote_on, basis: null, href: `/community/decisions/${r.id}` }));
  },
});
