import { PostgresAdapter, sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/index.ts';
import { searchWords } from '../../domain/text/normalize.ts';
import { localToday } from '../../platform/i18n/index.ts';
import type { PetitionsTable } from './petitions.tables.ts';
import './petitions.tables.ts';

export type PetitionRow = PetitionsTable;

export function getPetition(db: Db | Trx, id: string) {
  return db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirst();
}
export function getByCode(db: Db | Trx, code: string) {
  return db.selectFrom('petitions').selectAll().where('tracking_code', '=', code).executeTakeFirst();
}
export function eventsOf(db: Db | Trx, id: string, onlyPublic = false) {
  let q = db.selectFrom('petition_events').selectAll().where('petition_id', '=', id);
  if (onlyPublic) q = q.where('public', '=', 1);
  return q.orderBy('seq').execute();
}
export function forwardsOf(db: Db | Trx, id: string) {
  return db.selectFrom('petition_forwards').selectAll().where('petition_id', '=', id).orderBy('at').execute();
}
/** Units that held the case, oldest first, the current one last. */
export async function holdersOf(db: Db | Trx, p: { id: string; handling_unit_id: string }): Promise<string[]> {
  const fw = await forwardsOf(db, p.id);
  return fw.length ? [fw[0].from_unit_id, ...fw.map((f) => f.to_unit_id)] : [p.handling_unit_id];
}

export interface ListFilter extends Omit<import('./petitions.schema.ts').ListQuery, 'overdue'> { overdue?: boolean; units: 'all' | string[]; limit?: number; offset?: number }

const TRACKING_CODE = /^PA-[A-Z0-9]{8}$/;

/** Cases in scope, newest first. Search reads the folded title/content/code only (never the sender). */
export async function listPetitions(db: Db | Trx, f: ListFilter) {
  if (f.units !== 'all' && f.units.length === 0) return [];
  return petitionsQuery(db, f).execute();
}

/** The query behind `listPetitions` (EXPLAIN in tests shows which indexes it reads). */
export function petitionsQuery(db: Db | Trx, f: ListFilter) {
  let q = db.selectFrom('petitions').select(['id', 'tracking_code', 'kind', 'status', 'handling_unit_id', 'received_at', 'received_on', 'due_on', 'title', 'field', 'sealed', 'channel']);
  if (f.units !== 'all') q = q.where('handling_unit_id', 'in', f.units.length ? f.units : ['']);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.unitId) q = q.where('handling_unit_id', '=', f.unitId);
  if (f.overdue) q = q.where('due_on', '<', localToday()).where('status', 'in', ['received', 'triaged', 'accepted']);
  // A tracking code is looked up in its unique index; other words in the folded text's index.
  const code = (f.q ?? '').trim().toUpperCase();
  const words = searchWords(f.q ?? '');
  if (TRACKING_CODE.test(code)) q = q.where('tracking_code', '=', code);
  else if (words.length && db.getExecutor().adapter instanceof PostgresAdapter) for (const w of words) q = q.where('search_text', 'like', `% ${w}%`);
  else if (words.length) q = q.where(sql<boolean>`petitions.rowid in (select rowid from petitions_fts where petitions_fts match ${ftsQuery(words)})`);
  return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit ?? 200).offset(f.offset ?? 0);
}

/**
 * Each folded word must start a word of the text, as `LIKE '% word%'` does on PostgreSQL (its
 * trigram index serves that): an FTS5 prefix query, every word quoted (so no word is an operator).
 */
export const ftsQuery = (words: string[]) => words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');

/** Cases with the same sender hash (100), and the unit's 50 latest cases, for duplicate detection (two indexed reads). */
export async function duplicateCandidates(db: Db | Trx, senderHash: string | null, unitId: string) {
  const cols = ['id', 'tracking_code', 'content', 'sender_hash'] as const;
  const byUnit = await db.selectFrom('petitions').select(cols).where('handling_unit_id', '=', unitId).orderBy('received_at', 'desc').limit(50).execute();
  if (!senderHash) return byUnit;
  const bySender = await db.selectFrom('petitions').select(cols).where('sender_hash', '=', senderHash).limit(100).execute();
  const seen = new Set(bySender.map((r) => r.id));
  return [...bySender, ...byUnit.filter((r) => !seen.has(r.id))];
}

/** Chains of three or more units (circular-forwarding risks), with the units in order. */
export async function circularRisks(db: Db | Trx, units: 'all' | string[]) {
  const rows = await db.selectFrom('petition_forwards').innerJoin('petitions', 'petitions.id', 'petition_forwards.petition_id')
    .select(['petitions.id', 'petitions.tracking_code', 'petitions.handling_unit_id', 'petition_forwards.from_unit_id', 'petition_forwards.to_unit_id', 'petition_forwards.at'])
    .orderBy('petition_forwards.at').execute();
  const chains = new Map<string, { id: string; trackingCode: string; units: string[] }>();
  for (const r of rows) {
    const c = chains.get(r.id) ?? { id: r.id, trackingCode: r.tracking_code, units: [r.from_unit_id] };
    c.units.push(r.to_unit_id);
    chains.set(r.id, c);
  }
  return [...chains.values()].filter((c) => new Set(c.units).size >= 3 && (units === 'all' || c.units.some((u) => units.includes(u))));
}
