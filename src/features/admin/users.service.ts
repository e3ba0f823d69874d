import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { ROLES, type Role } from '../../platform/authz/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../auth/index.ts';

export interface NewUser { username: string; displayName: string; email?: string | null; password: string }

/** Creates a staff account (username lower-cased, argon2id password of at least 12 characters). */
export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<Result<string, 'username_taken' | 'password_short'>> {
  const username = input.username.trim().toLowerCase();
  if (input.password.length < PASSWORD_MIN_LENGTH) return fail('password_short', { password: 'admin.error.passwordShort' });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) return fail('username_taken', { username: 'admin.error.usernameTaken' });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('users').values({ id, username, display_name: input.displayName.trim(), email: input.email ?? null, password_hash: passwordHash, active: 1, locked_until: null, created_at: now, updated_at: now }).execute();
    await record(trx, actor, { action: 'users.create', subjectType: 'user', subjectId: id, changes: { username, displayName: input.displayName, email: input.email ?? null } });
    return ok(id);
  });
}

/** Sets a new password and ends the user's sessions. */
export async function resetPassword(db: Db, actor: Actor, userId: string, password: string): Promise<Result<string, 'not_found' | 'password_short'>> {
  if (password.length < PASSWORD_MIN_LENGTH) return fail('password_short', { password: 'admin.error.passwordShort' });
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (trx) => {
    const u = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!u) return fail('not_found');
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: nowIso() }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await record(trx, actor, { action: 'users.resetPassword', subjectType: 'user', subjectId: userId });
    return ok(userId);
  });
}

/** Grants a role over a unit (optionally its descendants). */
export async function grantRole(db: Db, actor: Actor, input: { userId: string; role: Role; unitId: string; includeDescendants: boolean }): Promise<Result<string, 'not_found' | 'bad_role'>> {
  if (!ROLES.includes(input.role)) return fail('bad_role', { role: 'validation.invalidChoice' });
  return inTransaction(db, async (trx) => {
    const u = await trx.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst();
    const unit = await trx.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!u) return fail('not_found', { userId: 'error.notFound' });
    if (!unit) return fail('not_found', { unitId: 'admin.error.unitMissing' });
    const id = randomUUID();
    await trx.insertInto('role_grants').values({ id, user_id: input.userId, role: input.role, unit_id: input.unitId, include_descendants: input.includeDescendants ? 1 : 0, granted_by: actor.userId, created_at: nowIso() }).execute();
    await record(trx, actor, { action: 'grants.create', subjectType: 'user', subjectId: input.userId, unitId: input.unitId, changes: input });
    return ok(id);
  });
}

/** Revokes one grant. */
export async function revokeGrant(db: Db, actor: Actor, grantId: string): Promise<Result<string, 'not_found'>> {
  return inTransaction(db, async (trx) => {
    const g = await trx.selectFrom('role_grants').selectAll().where('id', '=', grantId).executeTakeFirst();
    if (!g) return fail('not_found');
    await trx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await record(trx, actor, { action: 'grants.revoke', subjectType: 'user', subjectId: g.user_id, unitId: g.unit_id, changes: { role: g.role, unitId: g.unit_id } });
    return ok(grantId);
  });
}

/** Activates or deactivates an account; deactivation ends all its sessions at once. An admin cannot deactivate themselves. */
export async function setActive(db: Db, actor: Actor, userId: string, active: boolean): Promise<Result<string, 'not_found' | 'self'>> {
  if (!active && actor.userId === userId) return fail('self', { active: 'admin.error.selfDeactivate' });
  return inTransaction(db, async (trx) => {
    const u = await trx.selectFrom('users').select(['id', 'active']).where('id', '=', userId).executeTakeFirst();
    if (!u) return fail('not_found');
    await trx.updateTable('users').set({ active: active ? 1 : 0, updated_at: nowIso() }).where('id', '=', userId).execute();
    const ended = active ? 0 : Number((await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows);
    await record(trx, actor, { action: active ? 'users.activate' : 'users.deactivate', subjectType: 'user', subjectId: userId, changes: { active: { before: !!Number(u.active), after: active }, sessionsEnded: ended } });
    return ok(userId);
  });
}
