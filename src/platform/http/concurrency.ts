import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Db, Trx } from '../db/index.ts';
import type { T } from '../i18n/index.ts';
import { HttpError } from './errors.ts';
import { validationError } from './validate.ts';

/**
 * Optimistic concurrency (issue 17 item 4). A versioned row carries an integer `lock_version` (NULL
 * reads as 0); every write moves it on by one. A form sends the version it was loaded at in the hidden
 * field `lockVersion`, an API client in the JSON member `lockVersion` (both required: a missing one is a
 * 400 naming the field, so no old client can silently overwrite). The service claims the row with
 * `UPDATE … WHERE id = ? AND lock_version = ?` inside its transaction; no row claimed means someone saved
 * in between: 409, the page showing the current values beside the user's own input, the API answering
 * the shared error shape plus `currentVersion` and `current`.
 */
export const LOCK_FIELD = 'lockVersion';

/** Tables with a `lock_version` column. */
export type VersionedTable = 'tasks' | 'reports' | 'community_decisions' | 'exemplar_entries';

/** A row's version (NULL, for rows made before versions or by bulk generators, is 0). */
export const versionOf = (v: number | string | null | undefined): number => Number(v ?? 0);

/** The version sent with a form (string) or JSON body (number); null when absent or malformed. */
export function sentVersion(raw: unknown): number | null {
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return raw;
  if (typeof raw === 'string' && /^\d{1,12}$/.test(raw.trim())) return Number(raw.trim());
  return null;
}

/** The sent version, or a 400 naming `lockVersion` (an old form or client: reload and send again). */
export function requireVersion(raw: unknown, t: T): number {
  const v = sentVersion(raw);
  if (v === null) throw validationError({ [LOCK_FIELD]: t('concurrency.missing') });
  return v;
}

/** The value for `lock_version` in an UPDATE's `set` of a write that does not check (it still moves the version on). */
export const nextVersion = () => sql<number>`coalesce(lock_version, 0) + 1`;

/**
 * Claims the row for this transaction's write: moves its version on only if it still equals
 * `expected`, atomically (the row lock makes a concurrent claim wait and then find the new version).
 * false: another write came first.
 */
export async function claimVersion(trx: Trx, table: VersionedTable, id: string, expected: number): Promise<boolean> {
  // No row reaches a version past the integer column's range; PostgreSQL would refuse the comparison (22003) with a 500.
  if (expected > 2_147_483_647) return false;
  const r = await sql`update ${sql.table(table)} set lock_version = coalesce(lock_version, 0) + 1 where id = ${id} and coalesce(lock_version, 0) = ${expected}`.execute(trx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** The 409 of the API: the shared error shape with the current version and the object as it now is. */
export function conflictError(t: T, currentVersion: number, current: Record<string, unknown>): HttpError {
  return new HttpError(409, 'conflict', 'concurrency.conflict', { [LOCK_FIELD]: t('concurrency.conflictField') }, undefined, { currentVersion, current });
}

/** OpenAPI: the 409 body. */
export const ConflictSchema = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string(), fields: z.record(z.string(), z.string()).optional(), currentVersion: z.number().int(), current: z.record(z.string(), z.unknown()) }),
}).openapi('Conflict');

/** OpenAPI: the request member every versioned write carries. */
export const lockVersionMember = z.number().int().min(0).openapi({ description: 'The `lockVersion` of the object as the client last read it (required; a stale one gets 409 with `currentVersion`).' });

/** OpenAPI: the 409 response entry. */
export const conflictResponse = { 409: { content: { 'application/json': { schema: ConflictSchema } }, description: 'Someone saved the object since it was read: `error.currentVersion` and `error.current` give it as it now is; read again, merge and send with that version' } };

/** Who last changed the object and when (from its audit trail), for the conflict panel. */
export async function lastChange(db: Db, subjectType: string, subjectId: string): Promise<{ name: string; at: string } | null> {
  const r = await db.selectFrom('audit_events').leftJoin('users', 'users.id', 'audit_events.actor_id').select(['audit_events.actor_name', 'users.display_name', 'audit_events.at'])
    .where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return r ? { name: r.display_name ?? r.actor_name ?? '', at: r.at } : null;
}
