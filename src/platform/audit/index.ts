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
  const row: HashedFields = {
    seq: Number(head.seq) + 1,
    id: randomUUID(),
    at: nowIso(),
    actor_id: actor.userId,
    actor_name: actor.name,
    unit_id: input.unitId ?? null,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId ?? null,
    changes: input.changes === undefined ? null : canonical(input.changes),
    ip: actor.ip,
    request_id: actor.requestId,
    visibility: input.visibility ?? 'admin',
    prev_hash: head.hash,
  };
  const hash = hashOf(row);
  await trx.insertInto('audit_events').values({ ...row, hash }).execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
  actor.onRecord?.();
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

/** Runs `fn` in a transaction (the one place services open one). */
export function inTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

export { sql };
