import { createHash, randomUUID } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import type { Db, Trx } from '../db/index.ts';
import { nowIso } from '../db/index.ts';

export type Visibility = 'admin' | 'unit' | 'public';

/** Who did it, from where: taken from the request. */
export interface Actor {
  userId: string | null;
  name: string | null;
  ip: string | null;
  requestId: string | null;
  /** Called after each event is written (the request counts them to enforce "no change without audit"). */
  onRecord?: () => void;
  /** Set when the change was captured offline on a device and sent later with an `Idempotency-Key`. */
  offline?: OfflineCapture;
}

/** An entry captured on a device without a connection (see platform/http/idempotency.ts). */
export interface OfflineCapture {
  key: string;
  /** When the officer recorded it on the device (ISO instant, the device's clock). */
  capturedAt: string;
  /** Runs once in the first audited transaction, so the key is marked used if and only if the change commits. */
  claim?: (trx: Trx) => Promise<unknown>;
}

/** The event's changes with the offline capture's times: captured on the device, synced (recorded) by the server clock. */
function withOffline(changes: unknown, o: OfflineCapture, syncedAt: string): unknown {
  const offline = { capturedAt: o.capturedAt, syncedAt, key: o.key };
  return changes && typeof changes === 'object' && !Array.isArray(changes) ? { ...changes, offline } : { value: changes ?? null, offline };
}

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  unitId?: string | null;
  changes?: unknown;
  visibility?: Visibility;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system', ip: null, requestId: null };
const GENESIS = '0'.repeat(64);

/** Canonical JSON (sorted keys) so the same event always hashes the same. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

type HashedFields = { seq: number; id: string; at: string; actor_id: string | null; actor_name: string | null; unit_id: string | null; action: string; subject_type: string; subject_id: string | null; changes: string | null; ip: string | null; request_id: string | null; visibility: string; prev_hash: string };

function hashOf(row: HashedFields): string {
  return createHash('sha256').update(canonical(row)).digest('hex');
}

/**
 * Records one audit event inside the caller's transaction, chained to the previous event's hash.
 * The chain head row is locked (PostgreSQL) or the write lock is held (SQLite), so the chain stays linear.
 */
export async function record(trx: Trx, actor: Actor, input: AuditInput): Promise<void> {
  const isPg = trx.getExecutor().adapter instanceof PostgresAdapter;
  const headQ = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  const head = isPg ? await headQ.forUpdate().executeTakeFirstOrThrow() : await headQ.executeTakeFirstOrThrow();
  const at = nowIso();
  const changes = actor.offline ? withOffline(input.changes, actor.offline, at) : input.changes;
  if (actor.offline?.claim && !audited.has(trx)) await actor.offline.claim(trx);
  const row: HashedFields = {
    seq: Number(head.seq) + 1,
    id: randomUUID(),
    at,
    actor_id: actor.userId,
    actor_name: actor.name,
    unit_id: input.unitId ?? null,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId ?? null,
    changes: changes === undefined ? null : canonical(changes),
    ip: actor.ip,
    request_id: actor.requestId,
    visibility: input.visibility ?? 'admin',
    prev_hash: head.hash,
  };
  const hash = hashOf(row);
  await trx.insertInto('audit_events').values({ ...row, hash }).execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
  audited.add(trx);
  actor.onRecord?.();
}

/** Transactions that recorded at least one audit event (see `inTransaction`). */
const audited = new WeakSet<object>();

/** Thrown (and so rolled back) when a transaction changed rows but recorded no audit event. */
export class UnauditedChangeError extends Error {
  constructor() {
    super('unaudited state change refused: the transaction wrote rows but recorded no audit event (rolled back)');
    this.name = 'UnauditedChangeError';
  }
}

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/** Walks the whole chain: recomputes each hash, checks links, gaps and the head. */
export async function verifyChain(db: Db): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, count, brokenAt: expectedSeq, reason: `missing event #${expectedSeq}` };
      if (r.prev_hash !== prev) return { ok: false, count, brokenAt: seq, reason: `event #${seq} does not link to the previous hash` };
      const { hash, ...fields } = r;
      if (hashOf({ ...fields, seq } as HashedFields) !== hash) return { ok: false, count, brokenAt: seq, reason: `event #${seq} was altered` };
      prev = hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) !== count || head.hash !== prev) {
    return { ok: false, count, brokenAt: count + 1, reason: `chain head (#${head?.seq}) does not match the last event (#${count}): events were removed` };
  }
  return { ok: true, count };
}

/** How many rows the transaction has written so far: SQLite counts changes, PostgreSQL says whether a transaction id was assigned (only on a write). */
async function writes(trx: Trx): Promise<number> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    const r = await sql<{ x: string | null }>`select pg_current_xact_id_if_assigned()::text as x`.execute(trx);
    return r.rows[0]?.x ? 1 : 0;
  }
  const r = await sql<{ n: number }>`select total_changes() as n`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Runs `fn` in a transaction (the one place services open one) and enforces "every change is
 * audited": when the transaction wrote rows but `record()` was never called on it, it throws
 * `UnauditedChangeError`, so the change is rolled back and the request fails, in every environment.
 * `opts.unaudited` names the reason for the rare write that is not a state change of record
 * (e.g. a cache); it must be given explicitly.
 */
export function inTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>, opts: { unaudited?: string } = {}): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const before = opts.unaudited ? 0 : await writes(trx);
    const out = await fn(trx);
    if (!opts.unaudited && !audited.has(trx) && (await writes(trx)) > before) throw new UnauditedChangeError();
    return out;
  });
}

export { sql };
