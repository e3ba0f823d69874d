import type { Db, Trx } from '../../platform/db/index.ts';
import type { CommunityDecisionsTable } from './community.tables.ts';

type Q = Db | Trx;

/** A village (thôn, tổ dân phố) and its commune, or undefined when the unit is not a village. */
export async function getVillage(db: Q, id: string) {
  const v = await db.selectFrom('units').select(['id', 'full_name', 'parent_id', 'kind', 'valid_to']).where('id', '=', id).executeTakeFirst();
  if (!v || v.kind !== 'village') return undefined;
  const commune = v.parent_id ? await db.selectFrom('units').select(['id', 'full_name']).where('id', '=', v.parent_id).executeTakeFirst() : undefined;
  return { id: v.id, name: v.full_name, communeId: v.parent_id, communeName: commune?.full_name ?? '', ended: v.valid_to !== null };
}

/** Villages in scope ('all' or unit ids), current, with their commune names. */
export async function listVillages(db: Q, scope: 'all' | string[], at: string) {
  let q = db.selectFrom('units as v').leftJoin('units as c', 'c.id', 'v.parent_id').select(['v.id', 'v.full_name as name', 'c.full_name as communeName', 'v.parent_id as communeId'])
    .where('v.kind', '=', 'village').where('v.valid_from', '<=', at).where((e) => e.or([e('v.valid_to', 'is', null), e('v.valid_to', '>=', at)]));
  if (scope !== 'all') q = scope.length ? q.where('v.id', 'in', scope) : q.where('v.id', '=', '-');
  return q.orderBy('c.full_name').orderBy('v.full_name').limit(500).execute();
}

const onDate = (at: string) => (q: any) => q.where('added_on', '<=', at).where((e: any) => e.or([e('removed_on', 'is', null), e('removed_on', '>', at)]));

/** Households of a village on a date (added on or before, not yet removed): what Art. 21 counts against. */
export async function householdCount(db: Q, villageId: string, at: string): Promise<number> {
  const r = await onDate(at)(db.selectFrom('households').select((e) => e.fn.countAll<number>().as('n')).where('village_id', '=', villageId)).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Households that opted in to online voting by a date (NĐ 59 Art. 5(2)). */
export async function optedInCount(db: Q, villageId: string, at: string): Promise<number> {
  const r = await onDate(at)(db.selectFrom('households').select((e) => e.fn.countAll<number>().as('n')).where('village_id', '=', villageId)
    .where('online_opt_in_on', 'is not', null).where('online_opt_in_on', '<=', at)).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Households of a village on a date, by representative name. */
export async function listHouseholds(db: Q, villageId: string, at: string, limit = 500, offset = 0) {
  return onDate(at)(db.selectFrom('households').selectAll().where('village_id', '=', villageId)).orderBy('representative').limit(limit).offset(offset).execute() as Promise<import('./community.tables.ts').HouseholdsTable[]>;
}

export async function getHousehold(db: Q, id: string) {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getDecision(db: Q, id: string): Promise<CommunityDecisionsTable | undefined> {
  return db.selectFrom('community_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decisions of villages in scope (newest first), optionally of one village. */
export async function listDecisions(db: Q, scope: 'all' | string[], villageId?: string) {
  let q = db.selectFrom('community_decisions as d').innerJoin('units as v', 'v.id', 'd.village_id').selectAll('d').select('v.full_name as villageName');
  if (villageId) q = q.where('d.village_id', '=', villageId);
  if (scope !== 'all') q = scope.length ? q.where('d.village_id', 'in', scope) : q.where('d.id', '=', '-');
  return q.orderBy('d.created_at', 'desc').limit(200).execute();
}

/** Current villages of a commune on a date (what a commune-wide decision counts against, Art. 21(1)). */
export async function communeVillages(db: Q, communeId: string, at: string) {
  return db.selectFrom('units').select(['id', 'full_name as name']).where('parent_id', '=', communeId).where('kind', '=', 'village')
    .where('valid_from', '<=', at).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', at)])).orderBy('full_name').execute();
}

/** A commune unit (kind commune-committee) or undefined. */
export async function getCommune(db: Q, id: string) {
  const u = await db.selectFrom('units').select(['id', 'full_name', 'kind']).where('id', '=', id).executeTakeFirst();
  return u && u.kind === 'commune-committee' ? { id: u.id, name: u.full_name } : undefined;
}

export async function getCommuneDecision(db: Q, id: string) {
  return db.selectFrom('commune_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Commune-wide decisions of some communes (newest first). */
export async function listCommuneDecisions(db: Q, communeIds: 'all' | string[]) {
  let q = db.selectFrom('commune_decisions as d').innerJoin('units as c', 'c.id', 'd.commune_id').selectAll('d').select('c.full_name as communeName');
  if (communeIds !== 'all') q = communeIds.length ? q.where('d.commune_id', 'in', communeIds) : q.where('d.id', '=', '-');
  return q.orderBy('d.created_at', 'desc').limit(100).execute();
}

/** The village parts of a commune-wide decision (with ballots that followed a short meeting), oldest first. */
export async function communeParts(db: Q, parentId: string) {
  return db.selectFrom('community_decisions as d').innerJoin('units as v', 'v.id', 'd.village_id').selectAll('d').select('v.full_name as villageName')
    .where('d.parent_id', '=', parentId).orderBy('d.created_at').execute();
}
