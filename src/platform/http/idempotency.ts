import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db, Trx } from '../db/index.ts';
import { nowIso, nowMs, parseInstant } from '../clock.ts';
import type { AppEnv, Ctx } from './context.ts';
import { HttpError, unauthorized } from './errors.ts';
import { validationError } from './validate.ts';

/** Row type of `idempotency_keys` (migrations/20261212090000_idempotency.ts). */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  fingerprint: string;
  /** pending: being handled; applied: the change committed (its answer not yet stored); done: answer stored. */
  state: 'pending' | 'applied' | 'done';
  status: number | null;
  body: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../db/tables.ts' {
  interface Database { idempotency_keys: IdempotencyKeysTable }
}

/** A key the device makes (a UUID, or any 8–100 letters, digits, '-' or '_'). */
const KEY = /^[A-Za-z0-9_-]{8,100}$/;
/** A request still `pending` after this long died before committing (a committed one is `applied`), so it may run again. */
const STALE_MS = 120_000;
/** A device clock may run ahead of the server's a little, not by days. */
const AHEAD_MS = 24 * 3600_000;

/** Canonical JSON (sorted keys), so the same body always gives the same fingerprint. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

/** What identifies the request: method, path and body (JSON canonicalised; a form by its fields, files by their bytes). */
async function fingerprint(c: Ctx): Promise<string> {
  const h = createHash('sha256').update(`${c.req.method} ${c.req.path}\n`);
  const ct = c.req.header('content-type') ?? '';
  if (ct.includes('application/json')) h.update(canonical(await c.req.json().catch(() => null)));
  else if (ct.includes('multipart/form-data') || ct.includes('application/x-www-form-urlencoded')) {
    const form = await c.req.parseBody({ all: true }).catch(() => ({} as Record<string, unknown>));
    for (const name of Object.keys(form).sort()) {
      for (const v of ([] as unknown[]).concat(form[name])) {
        h.update(`${name}=`);
        if (v instanceof File) h.update(`file:${v.name}:`).update(new Uint8Array(await v.arrayBuffer()));
        else h.update(String(v));
        h.update('\n');
      }
    }
  } else h.update(await c.req.text());
  return h.digest('hex');
}

type Row = Pick<IdempotencyKeysTable, 'fingerprint' | 'state' | 'status' | 'body' | 'updated_at'>;

const find = (db: Db, userId: string, key: string) => db.selectFrom('idempotency_keys').select(['fingerprint', 'state', 'status', 'body', 'updated_at'])
  .where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();

/** Takes the key for this request: true when taken; otherwise the row that holds it. */
async function take(db: Db, userId: string, key: string, fp: string): Promise<true | Row> {
  const now = nowIso();
  try {
    await db.insertInto('idempotency_keys').values({ user_id: userId, key, fingerprint: fp, state: 'pending', status: null, body: null, created_at: now, updated_at: now }).execute();
    return true;
  } catch (e) {
    const row = await find(db, userId, key);
    if (!row) throw e;
    if (row.state !== 'pending' || row.fingerprint !== fp || nowMs() - Date.parse(row.updated_at) < STALE_MS) return row;
    // A stale claim: take it over only if nobody else did meanwhile.
    const r = await db.updateTable('idempotency_keys').set({ updated_at: now }).where('user_id', '=', userId).where('key', '=', key)
      .where('state', '=', 'pending').where('updated_at', '=', row.updated_at).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? true : row;
  }
}

/** The device's capture time from `X-Captured-At` (an ISO instant with its zone); the server's now when absent. */
function capturedAt(c: Ctx): string {
  const raw = c.req.header('x-captured-at');
  if (raw === undefined) return nowIso();
  const ms = /(Z|[+-]\d{2}:\d{2})$/.test(raw.trim()) ? parseInstant(raw) : null;
  const t = c.get('t');
  if (ms === null) throw validationError({ 'X-Captured-At': t('idempotency.capturedAt') });
  if (ms > nowMs() + AHEAD_MS) throw validationError({ 'X-Captured-At': t('idempotency.capturedAhead') });
  return new Date(ms).toISOString();
}

/** Answers a retry from the stored first answer (marked `Idempotent-Replayed: true`; no change, so no audit). */
function replay(c: Ctx, row: Row): Response {
  const headers = { 'Idempotent-Replayed': 'true', 'x-coso-no-change': '1' };
  if (row.state === 'done') return c.body(row.body ?? '', (row.status ?? 200) as 200, { ...headers, 'Content-Type': 'application/json' });
  // The change committed but its answer was lost (the process stopped in between): say so without running it again.
  return c.json({ applied: true }, 200, headers);
}

/**
 * `Idempotency-Key` support for API routes that create records (put it after `allow(...)`): the
 * first request with a key runs and its successful answer is stored per user and key; a retry with
 * the same key and the same request gets that answer again and changes nothing; the same key with
 * another request is refused (422); a retry while the first is still running gets 409. The key is
 * marked used inside the change's own transaction (through the audit record), so a crash can never
 * leave a committed change whose key would run it again. `X-Captured-At` (the device's time of
 * capture) goes into the audit event beside the server's time of recording.
 */
export function idempotent(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    const t = c.get('t');
    if (!KEY.test(key)) throw validationError({ 'Idempotency-Key': t('idempotency.key') });
    const user = c.get('user');
    if (!user) throw unauthorized();
    const at = capturedAt(c);
    const { db } = c.get('deps');
    const fp = await fingerprint(c);
    const taken = await take(db, user.id, key, fp);
    if (taken !== true) {
      if (taken.fingerprint !== fp) throw new HttpError(422, 'idempotency_mismatch', 'idempotency.mismatch');
      if (taken.state === 'pending') throw new HttpError(409, 'idempotency_in_progress', 'idempotency.inProgress');
      return replay(c, taken);
    }
    const mark = (q: Db | Trx, set: Partial<IdempotencyKeysTable>) => q.updateTable('idempotency_keys').set({ ...set, updated_at: nowIso() }).where('user_id', '=', user.id).where('key', '=', key).execute();
    c.set('offline', { key, capturedAt: at, claim: (trx) => mark(trx, { state: 'applied' }) });
    try {
      await next();
    } finally {
      const res = c.res;
      if (res.status >= 200 && res.status < 300) await mark(db, { state: 'done', status: res.status, body: await res.clone().text() });
      else await db.deleteFrom('idempotency_keys').where('user_id', '=', user.id).where('key', '=', key).where('state', '=', 'pending').execute();
    }
  };
}

/** Forgets keys older than `days` (a device that stayed offline longer than that must not resend). */
export async function pruneIdempotencyKeys(db: Db, days = 90): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(nowMs() - days * 86400_000).toISOString()).execute();
}
