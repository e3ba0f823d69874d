import { hash, verify, Algorithm } from '@node-rs/argon2';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { createSession, destroySession, newId } from '../../platform/http/session.ts';
import { nowMs } from '../../platform/clock.ts';

/** Failed sign-ins allowed per username (and per IP) within the window before 429. */
export const LOGIN_LIMITS = { windowMinutes: 15, perUsername: 5, perIp: 30 } as const;
export const PASSWORD_MIN_LENGTH = 12;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

async function tooManyFailures(db: Db, username: string, ip: string): Promise<boolean> {
  const since = new Date(nowMs() - LOGIN_LIMITS.windowMinutes * 60_000).toISOString();
  const byUser = await db.selectFrom('login_attempts').select((e) => e.fn.countAll<number>().as('n')).where('username', '=', username).where('at', '>=', since).executeTakeFirst();
  const byIp = await db.selectFrom('login_attempts').select((e) => e.fn.countAll<number>().as('n')).where('ip', '=', ip).where('at', '>=', since).executeTakeFirst();
  return Number(byUser?.n ?? 0) > LOGIN_LIMITS.perUsername || Number(byIp?.n ?? 0) > LOGIN_LIMITS.perIp;
}

/**
 * Checks credentials with rate limiting, then opens a session and audits the sign-in.
 * Returns null on wrong credentials; throws 429 when the username or IP is locked out.
 */
export async function login(db: Db, actor: Actor, input: { username: string; password: string; kind: 'web' | 'api'; ttlMinutes: number }) {
  const username = input.username.trim().toLowerCase();
  const ip = actor.ip ?? 'unknown';
  // Counted as a failure before the password is checked, so concurrent guesses (on any number of
  // app processes) cannot all pass the limit; a correct password then clears the username's failures.
  const attempt = newId();
  await db.insertInto('login_attempts').values({ id: attempt, username, ip, at: nowIso() }).execute();
  if (await tooManyFailures(db, username, ip)) {
    await db.deleteFrom('login_attempts').where('id', '=', attempt).execute();
    throw new HttpError(429, 'too_many_attempts', 'error.tooManyAttempts');
  }
  const user = await db.selectFrom('users').select(['id', 'username', 'password_hash', 'active']).where('username', '=', username).executeTakeFirst();
  const good = user && Number(user.active) ? await verify(user.password_hash, input.password).catch(() => false) : false;
  if (!user || !good) return null;
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
  const session = await createSession(db, user.id, input.kind, input.ttlMinutes, actor.ip);
  await inTransaction(db, (trx) => record(trx, { ...actor, userId: user.id, name: user.username }, { action: input.kind === 'api' ? 'auth.token' : 'auth.login', subjectType: 'user', subjectId: user.id }));
  return { userId: user.id, ...session };
}

/** Ends the session (web cookie or API token) behind `secret` and audits the sign-out, in one transaction. */
export async function logout(db: Db, actor: Actor, userId: string, secret: string | undefined, kind: 'web' | 'api'): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (secret) await destroySession(trx as never, secret);
    await record(trx, actor, { action: kind === 'api' ? 'auth.token.revoke' : 'auth.logout', subjectType: 'user', subjectId: userId });
  });
}
