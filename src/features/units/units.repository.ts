import type { Db, Trx } from '../../platform/db/index.ts';
import type { UnitsTable } from '../../platform/db/tables.ts';
import { searchWords } from '../../domain/text/normalize.ts';

export interface UnitView {
  id: string;
  code: string | null;
  name: string;
  fullName: string;
  nameEn: string | null;
  kind: string;
  communeType: string | null;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  predecessorIds: string[];
  successorIds: string[];
}

export interface UnitFilter { q?: string; kind?: string; at?: string; parentId?: string | null; limit?: number; offset?: number }

const toView = (u: UnitsTable, pred: string[] = [], succ: string[] = []): UnitView => ({
  id: u.id, code: u.code, name: u.name, fullName: u.full_name, nameEn: u.name_en, kind: u.kind, communeType: u.commune_type,
  parentId: u.parent_id, validFrom: u.valid_from, validTo: u.valid_to, predecessorIds: pred, successorIds: succ,
});

/** Units matching the filter, valid on `at` (when given), with their lineage ids. */
export async function findUnits(db: Db | Trx, f: UnitFilter): Promise<UnitView[]> {
  let q = db.selectFrom('units').selectAll();
  if (f.at) q = q.where('valid_from', '<=', f.at).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', f.at!)]));
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.parentId !== undefined) q = f.parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', f.parentId);
  // search_text is stored as ' folded words ': each query word must start a word (prefix match).
  for (const w of searchWords(f.q ?? '')) q = q.where('search_text', 'like', `% ${w}%`);
  q = q.orderBy('kind').orderBy('search_text').orderBy('valid_from').orderBy('id'); // id: a stable order for pages
  if (f.limit) q = q.limit(f.limit).offset(f.offset ?? 0);
  const rows = await q.execute();
  return withLineage(db, rows);
}

async function withLineage(db: Db | Trx, rows: UnitsTable[]): Promise<UnitView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links: { predecessor_id: string; successor_id: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    links.push(...(await db.selectFrom('unit_lineage').select(['predecessor_id', 'successor_id'])
      .where((e) => e.or([e('predecessor_id', 'in', chunk), e('successor_id', 'in', chunk)])).execute()));
  }
  const pred = new Map<string, string[]>();
  const succ = new Map<string, string[]>();
  for (const l of links) {
    (succ.get(l.predecessor_id) ?? succ.set(l.predecessor_id, []).get(l.predecessor_id)!).push(l.successor_id);
    (pred.get(l.successor_id) ?? pred.set(l.successor_id, []).get(l.successor_id)!).push(l.predecessor_id);
  }
  return rows.map((r) => toView(r, pred.get(r.id) ?? [], succ.get(r.id) ?? []));
}

/** One unit by id, with lineage ids. */
export async function getUnit(db: Db | Trx, id: string): Promise<UnitView | undefined> {
  const r = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? (await withLineage(db, [r]))[0] : undefined;
}

/** Unit by its stable import key (e.g. `body:52:noi-vu`, `commune:23575:2025-07-01`). */
export async function getUnitByKey(db: Db | Trx, key: string): Promise<UnitView | undefined> {
  const r = await db.selectFrom('units').selectAll().where('key', '=', key).executeTakeFirst();
  return r ? (await withLineage(db, [r]))[0] : undefined;
}

/** Ancestor ids, nearest first (parent, grandparent, …). */
export async function ancestorIds(db: Db | Trx, id: string): Promise<string[]> {
  const out: string[] = [];
  let cur: string | null = id;
  for (let i = 0; i < 10 && cur; i++) {
    const r: { parent_id: string | null } | undefined = await db.selectFrom('units').select('parent_id').where('id', '=', cur).executeTakeFirst();
    cur = r?.parent_id ?? null;
    if (cur) out.push(cur);
  }
  return out;
}

/** Names of units by id (for lineage and breadcrumbs). */
export async function unitNames(db: Db | Trx, ids: string[]): Promise<Map<string, { fullName: string; validFrom: string; validTo: string | null }>> {
  const m = new Map<string, { fullName: string; validFrom: string; validTo: string | null }>();
  if (ids.length === 0) return m;
  const rows = await db.selectFrom('units').select(['id', 'full_name', 'valid_from', 'valid_to']).where('id', 'in', [...new Set(ids)]).execute();
  for (const r of rows) m.set(r.id, { fullName: r.full_name, validFrom: r.valid_from, validTo: r.valid_to });
  return m;
}

/** Lineage rows touching a unit, with legal basis and date. */
export async function lineageOf(db: Db | Trx, id: string) {
  return db.selectFrom('unit_lineage').selectAll().where((e) => e.or([e('predecessor_id', '=', id), e('successor_id', '=', id)])).orderBy('effective_date').execute();
}

/** Counts children of each given unit valid on a date (for the tree). */
export async function childCounts(db: Db | Trx, ids: string[], at: string): Promise<Map<string, number>> {
  const m = new Map<string, number>();
  if (ids.length === 0) return m;
  const rows = await db.selectFrom('units').select(['parent_id', (e) => e.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', ids).where('valid_from', '<=', at).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', at)]))
    .groupBy('parent_id').execute();
  for (const r of rows) m.set(r.parent_id!, Number(r.n));
  return m;
}

/** All descendant ids of the given units (any depth, any validity), including the units themselves. */
export async function withDescendants(db: Db | Trx, ids: string[]): Promise<string[]> {
  const out = new Set(ids);
  let frontier = [...ids];
  for (let depth = 0; depth < 6 && frontier.length; depth++) {
    const kids = await db.selectFrom('units').select('id').where('parent_id', 'in', frontier).execute();
    frontier = kids.map((k) => k.id).filter((id) => !out.has(id));
    frontier.forEach((id) => out.add(id));
  }
  return [...out];
}

/**
 * The units a user may act on for an action: 'all' for province-wide roles, otherwise the granted
 * units plus the descendants of grants that include them. Repositories filter with this.
 */
export async function unitIdsInScope(db: Db | Trx, scope: { all: true } | { all: false; unitIds: string[]; withDescendants: string[] }): Promise<'all' | string[]> {
  if (scope.all) return 'all';
  const direct = scope.unitIds.filter((id) => !scope.withDescendants.includes(id));
  return [...new Set([...direct, ...(await withDescendants(db, scope.withDescendants))])];
}
