import type { Db, Trx } from '../../platform/db/index.ts';
import type { ConferencesTable } from './conferences.tables.ts';

type Q = Db | Trx;

/** A commune (commune-committee) or village unit with the commune it belongs to, or undefined. */
export async function conferenceUnit(db: Q, id: string) {
  const u = await db.selectFrom('units').select(['id', 'full_name', 'kind', 'parent_id']).where('id', '=', id).executeTakeFirst();
  if (!u || (u.kind !== 'commune-committee' && u.kind !== 'village')) return undefined;
  const communeId = u.kind === 'village' ? u.parent_id : u.id;
  if (!communeId) return undefined;
  const commune = u.kind === 'village' ? await db.selectFrom('units').select('full_name').where('id', '=', communeId).executeTakeFirst() : { full_name: u.full_name };
  return { id: u.id, name: u.full_name, kind: u.kind === 'village' ? 'village-periodic' as const : 'commune-dialogue' as const, communeId, communeName: commune?.full_name ?? '' };
}

export async function getConference(db: Q, id: string): Promise<ConferencesTable | undefined> {
  return db.selectFrom('conferences').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Conferences of units in scope ('all' or unit ids) held in a year, newest first, with unit names. */
export async function listConferences(db: Q, scope: 'all' | string[], year: number, unitId?: string) {
  let q = db.selectFrom('conferences as c').innerJoin('units as u', 'u.id', 'c.unit_id').selectAll('c').select('u.full_name as unitName')
    .where('c.held_on', '>=', `${year}-01-01`).where('c.held_on', '<=', `${year}-12-31`);
  if (unitId) q = q.where('c.unit_id', '=', unitId);
  if (scope !== 'all') q = scope.length ? q.where('c.unit_id', 'in', scope) : q.where('c.id', '=', '-');
  return q.orderBy('c.held_on', 'desc').limit(500).execute();
}

/** Conferences of some communes (and their villages) held between two dates. */
export async function conferencesOfCommunes(db: Q, communeIds: string[], from: string, to: string) {
  if (!communeIds.length) return [];
  return db.selectFrom('conferences').selectAll().where('commune_id', 'in', communeIds).where('held_on', '>=', from).where('held_on', '<=', to).orderBy('held_on').execute();
}

/** Villages of some communes current on a date. */
export async function villagesOf(db: Q, communeIds: string[], at: string) {
  if (!communeIds.length) return [];
  return db.selectFrom('units').select(['id', 'full_name as name', 'parent_id as communeId']).where('parent_id', 'in', communeIds).where('kind', '=', 'village')
    .where('valid_from', '<=', at).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', at)])).orderBy('full_name').execute();
}

/** Communes current on a date, optionally limited to ids. */
export async function communesAt(db: Q, at: string, ids: 'all' | string[]) {
  let q = db.selectFrom('units').select(['id', 'full_name as name']).where('kind', '=', 'commune-committee')
    .where('valid_from', '<=', at).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', at)]));
  if (ids !== 'all') q = ids.length ? q.where('id', 'in', ids) : q.where('id', '=', '-');
  return q.orderBy('full_name').limit(5000).execute();
}
