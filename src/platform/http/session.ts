import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/index.ts';
import { nowIso } from '../db/index.ts';
import type { CurrentUser, Grant, Role } from '../authz/index.ts';
import type { AppEnv, Ctx } from './context.ts';
import { nowDate, nowMs } from '../clock.ts';

export const SESSION_COOKIE = 'coso_sid';
export const CSRF_COOKIE = 'coso_csrf';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

/** Loads a user with their role grants. */
export async function loadUser(db: Db, userId: string, sessionId: string): Promise<CurrentUser | null> {
  const u = await db.selectFrom('users').select(['id', 'username', 'display_name', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!u || !Number(u.active)) return null;
  const grants = await db.selectFrom('role_grants').select(['role', 'unit_id', 'include_descendants']).where('user_id', '=', userId).execute();
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    sessionId,
    grants: grants.map((g): Grant => ({ role: g.role as Role, unitId: g.unit_id, includeDescendants: !!Number(g.include_descendants) })),
  };
}

/** Creates a session (web cookie or API token) and returns the secret the client holds. */
export async function createSession(db: Db, userId: string, kind: 'web' | 'api', ttlMinutes: number, ip: string | null) {
  const secret = token();
  const now = nowDate();
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000).toISOString();
  await db.insertInto('sessions').values({
    id: sha256(secret), user_id: userId, kind, csrf_token: token(), created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt, ip,
  }).execute();
  return { secret, expiresAt };
}

/** Ends the session behind a secret. */
export async function destroySession(db: Db, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(secret)).execute();
}

/**
 * The session behind a secret with its user and the user's grants, in one query (the hot path of
 * every signed-in request): one row per grant, or one row with null grant columns.
 */
async function sessionWithUser(db: Db, id: string) {
  const rows = await db.selectFrom('sessions')
    .leftJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select(['sessions.id', 'sessions.kind', 'sessions.user_id', 'sessions.expires_at', 'sessions.last_seen_at',
      'users.id as u_id', 'users.username', 'users.display_name', 'users.active', 'role_grants.role', 'role_grants.unit_id', 'role_grants.include_descendants'])
    .where('sessions.id', '=', id).execute();
  const s = rows[0];
  if (!s) return undefined;
  const user: CurrentUser | null = !s.u_id || !Number(s.active) ? null : {
    id: s.u_id, username: s.username!, displayName: s.display_name!, sessionId: s.id,
    grants: rows.filter((r) => r.role !== null).map((g): Grant => ({ role: g.role as Role, unitId: g.unit_id!, includeDescendants: !!Number(g.include_descendants) })),
  };
  return { session: s, user };
}

/**
 * Resolves the current user from the session cookie (pages) or a Bearer token (API).
 * Web sessions slide: each use pushes the idle expiry forward (written at most once a minute).
 */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, config } = c.get('deps');
    c.set('user', null);
    const isApi = c.get('isApi');
    const auth = isApi ? c.req.header('authorization') : undefined;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    const kind = isApi && !pageCall(c) ? 'api' : 'web';
    const secret = kind === 'api' ? bearer : getCookie(c, SESSION_COOKIE);
    if (secret) {
      const found = await sessionWithUser(db, sha256(secret));
      const s = found?.session;
      const now = nowDate();
      if (s && s.kind === kind && new Date(s.expires_at) > now) {
        const user = found.user;
        c.set('user', user);
        if (user && s.kind === 'web' && now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) {
          const expiresAt = new Date(now.getTime() + config.sessionIdleMinutes * 60_000).toISOString();
          await db.updateTable('sessions').set({ last_seen_at: now.toISOString(), expires_at: expiresAt }).where('id', '=', s.id).execute();
        }
      } else if (s) {
        await db.deleteFrom('sessions').where('id', '=', s.id).execute();
      }
    }
    await next();
  };
}

/**
 * An API call made by one of our own pages (the offline capture page): no Bearer token, and the
 * `X-CSRF-Token` header equal to the `coso_csrf` cookie (double submit: another site can neither
 * read the cookie nor send the header), so the web session cookie may stand in for a token.
 */
function pageCall(c: Ctx): boolean {
  if (c.req.header('authorization')) return false;
  const sent = c.req.header('x-csrf-token');
  const cookie = getCookie(c, CSRF_COOKIE);
  return !!sent && !!cookie && CSRF_SHAPE.test(cookie) && sent === cookie;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure in production. */
export function setSessionCookie(c: Ctx, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'Lax', secure: c.get('deps').config.env === 'production', path: '/' });
}

export function clearSessionCookie(c: Ctx): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * CSRF protection for forms (double-submit token): each form carries the token of the `coso_csrf`
 * cookie in its hidden `_csrf` field; a state-changing form request must carry both, equal. A valid
 * cookie is reused; a new token is made only when a page renders a form (`csrfToken`) and then set as
 * the cookie, so pages without forms (and every API call) write no cookie. The API uses Bearer
 * tokens; it takes the session cookie only together with the token in `X-CSRF-Token` (see `pageCall`).
 */
export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sent = getCookie(c, CSRF_COOKIE);
    const valid = sent && CSRF_SHAPE.test(sent) ? sent : undefined;
    c.set('csrf', valid);
    await next();
    const tok = c.get('csrf');
    if (tok && tok !== valid) setCookie(c, CSRF_COOKIE, tok, { httpOnly: true, sameSite: 'Lax', secure: c.get('deps').config.env === 'production', path: '/' });
  };
}

const CSRF_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The request's CSRF token for a form: the cookie's, or a new one (set as the cookie when the response leaves). */
export function csrfToken(c: Ctx): string {
  let tok = c.get('csrf');
  if (!tok) {
    tok = token();
    c.set('csrf', tok);
  }
  return tok;
}

/** Cleans expired sessions and old login attempts (run at start and periodically). */
export async function pruneSessions(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', nowIso()).execute();
  await db.deleteFrom('login_attempts').where('at', '<', new Date(nowMs() - 24 * 3600_000).toISOString()).execute();
}

export const newId = () => randomUUID();
