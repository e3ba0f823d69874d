import type { Db } from '../../platform/db/index.ts';

const scoped = <Q extends { where: (...a: any[]) => Q }>(q: Q, col: string, scope: 'all' | string[]): Q => (scope === 'all' ? q : q.where(col, 'in', scope.length ? scope : ['-']));

/** Conferences, dialogues and regulations of units in scope, with unit names. */
export async function agencyRecords(db: Db, scope: 'all' | string[]) {
  const conferences = await scoped(db.selectFrom('staff_conferences as x').innerJoin('units as u', 'u.id', 'x.unit_id').selectAll('x').select('u.full_name as unitName'), 'x.unit_id', scope).orderBy('x.held_on', 'desc').limit(200).execute();
  const dialogues = await scoped(db.selectFrom('workplace_dialogues as x').innerJoin('units as u', 'u.id', 'x.unit_id').selectAll('x').select('u.full_name as unitName'), 'x.unit_id', scope).orderBy('x.held_on', 'desc').limit(200).execute();
  const regulations = await scoped(db.selectFrom('unit_regulations as x').innerJoin('units as u', 'u.id', 'x.unit_id').selectAll('x').select('u.full_name as unitName'), 'x.unit_id', scope).orderBy('x.review_due').limit(300).execute();
  return { conferences, dialogues, regulations };
}

/** Units a manager may record for (agencies, public service units, communes). */
export async function agencyUnits(db: Db, scope: 'all' | string[]) {
  return scoped(db.selectFrom('units').select(['id', 'full_name']).where('kind', 'in', ['department', 'public-service-unit', 'commune-committee', 'province-committee']).where('valid_to', 'is', null), 'id', scope).orderBy('full_name').limit(400).execute();
}

/** Numbers for reports: staff conferences held (valid, on time) and valid dialogues in a period. */
export async function agencyStats(db: Db, opts: { from: string; to: string; unitIds?: string[] }) {
  const conf = await scoped(db.selectFrom('staff_conferences').select(['quorum', 'held_on', 'due_by', 'kind']).where('held_on', '>=', opts.from).where('held_on', '<=', opts.to), 'unit_id', opts.unitIds ?? 'all').execute();
  const dia = await scoped(db.selectFrom('workplace_dialogues').select(['valid']).where('held_on', '>=', opts.from).where('held_on', '<=', opts.to), 'unit_id', opts.unitIds ?? 'all').execute();
  return {
    conferencesHeld: conf.length,
    conferencesWithQuorum: conf.filter((c) => Number(c.quorum)).length,
    conferencesOnTime: conf.filter((c) => c.kind === 'annual' && c.held_on <= c.due_by).length,
    dialoguesValid: dia.filter((d) => Number(d.valid)).length,
  };
}
