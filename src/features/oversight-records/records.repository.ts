import type { Db, Trx } from '../../platform/db/index.ts';
import type { RecordFilter } from './records.schema.ts';

type Q = Db | Trx;
export type Scope = 'all' | string[];
const none = (s: Scope) => s !== 'all' && !s.length;

/** Commendations of units in scope (by the recipient's unit), newest decision first. */
export async function listCommendations(db: Q, scope: Scope, f: RecordFilter) {
  if (none(scope)) return [];
  let q = db.selectFrom('commendation_records as r').innerJoin('units as u', 'u.id', 'r.unit_id').selectAll('r').select('u.full_name as unitName');
  if (scope !== 'all') q = q.where('r.unit_id', 'in', scope);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.from) q = q.where('r.decision_on', '>=', f.from);
  if (f.to) q = q.where('r.decision_on', '<=', f.to);
  if (f.form) q = q.where('r.form', '=', f.form);
  if (f.level) q = q.where('r.level', '=', f.level);
  return q.orderBy('r.decision_on', 'desc').orderBy('r.id').limit(5000).execute();
}

/** Disciplinary cases of units in scope, newest decision first. */
export async function listDisciplines(db: Q, scope: Scope, f: RecordFilter) {
  if (none(scope)) return [];
  let q = db.selectFrom('discipline_records as r').innerJoin('units as u', 'u.id', 'r.unit_id').selectAll('r').select('u.full_name as unitName');
  if (scope !== 'all') q = q.where('r.unit_id', 'in', scope);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.from) q = q.where('r.decision_on', '>=', f.from);
  if (f.to) q = q.where('r.decision_on', '<=', f.to);
  if (f.measure) q = q.where('r.measure', '=', f.measure);
  return q.orderBy('r.decision_on', 'desc').orderBy('r.id').limit(5000).execute();
}

export interface CourseView { id: string; unitId: string; unitName: string; organiser: string; topic: string; startsOn: string; endsOn: string; hours: number; participants: { unitId: string; unitName: string; participants: number }[] }

/**
 * Training courses a scope sees: those its units organised and those its units sent people to
 * (participants of other units are then left out), newest first; filtered by end date and unit.
 */
export async function listCourses(db: Q, scope: Scope, f: RecordFilter): Promise<CourseView[]> {
  if (none(scope)) return [];
  let q = db.selectFrom('training_courses as c').innerJoin('units as u', 'u.id', 'c.unit_id').selectAll('c').select('u.full_name as unitName');
  const inScope = (ids: string[]) => q.where((e) => e.or([e('c.unit_id', 'in', ids), e('c.id', 'in', db.selectFrom('training_participants').select('course_id').where('unit_id', 'in', ids))]));
  if (scope !== 'all') q = inScope(scope);
  if (f.unitId) q = inScope([f.unitId]);
  if (f.from) q = q.where('c.ends_on', '>=', f.from);
  if (f.to) q = q.where('c.ends_on', '<=', f.to);
  const courses = await q.orderBy('c.starts_on', 'desc').orderBy('c.id').limit(2000).execute();
  if (!courses.length) return [];
  const parts = await db.selectFrom('training_participants as p').innerJoin('units as u', 'u.id', 'p.unit_id').select(['p.course_id', 'p.unit_id', 'u.full_name', 'p.participants'])
    .where('p.course_id', 'in', courses.map((x) => x.id)).orderBy('u.full_name').execute();
  return courses.map((x) => {
    const own = scope === 'all' || scope.includes(x.unit_id);
    const ps = parts.filter((p) => p.course_id === x.id && (own || scope.includes(p.unit_id)));
    return { id: x.id, unitId: x.unit_id, unitName: x.unitName, organiser: x.organiser, topic: x.topic, startsOn: x.starts_on, endsOn: x.ends_on, hours: Number(x.hours),
      participants: ps.map((p) => ({ unitId: p.unit_id, unitName: p.full_name, participants: Number(p.participants) })) };
  });
}

/** Units that can hold records (current communes, departments, public service units, provincial committee). */
export async function recordUnits(db: Q, scope: Scope): Promise<[string, string][]> {
  let q = db.selectFrom('units').select(['id', 'full_name']).where('kind', 'in', ['commune-committee', 'department', 'public-service-unit', 'province-committee', 'party-commission', 'fatherland-front']).where('valid_to', 'is', null);
  if (scope !== 'all') q = scope.length ? q.where('id', 'in', scope) : q.where('id', '=', '-');
  return (await q.orderBy('full_name').limit(500).execute()).map((u) => [u.id, u.full_name]);
}
