import type { Db, Trx } from '../../platform/db/index.ts';
import type { Role } from '../../platform/authz/index.ts';
import { foldVietnamese, searchWords } from '../../domain/text/normalize.ts';
import { findUnits, unitNames } from '../units/index.ts';

export interface UserRow { id: string; username: string; displayName: string; email: string | null; active: boolean; createdAt: string }
export interface GrantRow { id: string; userId: string; role: Role; unitId: string; unitName: string; includeDescendants: boolean; createdAt: string }

const toUser = (u: { id: string; username: string; display_name: string; email: string | null; active: number; created_at: string }): UserRow => ({
  id: u.id, username: u.username, displayName: u.display_name, email: u.email, active: !!Number(u.active), createdAt: u.created_at,
});

/**
 * Every account matching `q`, by username. Each folded query word must start a word of the
 * username, name or e-mail (so "so noi vu" finds "Sở Nội vụ"). Staff accounts number in the
 * thousands at most, so the folding happens here rather than in a stored search column.
 */
export async function listUsers(db: Db | Trx, f: { q?: string }): Promise<UserRow[]> {
  const rows = await db.selectFrom('users').select(['id', 'username', 'display_name', 'email', 'active', 'created_at']).orderBy('username').execute();
  const words = searchWords(f.q ?? '');
  if (words.length === 0) return rows.map(toUser);
  return rows.filter((u) => {
    const hay = ` ${foldVietnamese(`${u.username} ${u.display_name} ${u.email ?? ''}`)}`;
    return words.every((w) => hay.includes(` ${w}`));
  }).map(toUser);
}

/** One account by id. */
export async function getUser(db: Db | Trx, id: string): Promise<UserRow | undefined> {
  const u = await db.selectFrom('users').select(['id', 'username', 'display_name', 'email', 'active', 'created_at']).where('id', '=', id).executeTakeFirst();
  return u && toUser(u);
}

/** The grants of the given users, with unit names, keyed by user id. */
export async function grantsOf(db: Db | Trx, userIds: string[]): Promise<Map<string, GrantRow[]>> {
  const out = new Map<string, GrantRow[]>();
  if (userIds.length === 0) return out;
  const rows = [];
  for (let i = 0; i < userIds.length; i += 500) {
    rows.push(...(await db.selectFrom('role_grants').selectAll().where('user_id', 'in', userIds.slice(i, i + 500)).orderBy('created_at').execute()));
  }
  const names = await unitNames(db, rows.map((r) => r.unit_id));
  for (const r of rows) {
    const g: GrantRow = { id: r.id, userId: r.user_id, role: r.role as Role, unitId: r.unit_id, unitName: names.get(r.unit_id)?.fullName ?? r.unit_id, includeDescendants: !!Number(r.include_descendants), createdAt: r.created_at };
    (out.get(r.user_id) ?? out.set(r.user_id, []).get(r.user_id)!).push(g);
  }
  return out;
}

/** One grant by id (to check it belongs to the user in the URL). */
export async function getGrant(db: Db | Trx, id: string): Promise<{ id: string; userId: string } | undefined> {
  const g = await db.selectFrom('role_grants').select(['id', 'user_id']).where('id', '=', id).executeTakeFirst();
  return g && { id: g.id, userId: g.user_id };
}

export type UnitGroup = 'province' | 'bodies' | 'communes';
const GROUP_OF: Record<string, UnitGroup> = {
  'province-committee': 'province', department: 'bodies', 'public-service-unit': 'bodies', 'party-commission': 'bodies',
  'fatherland-front': 'bodies', press: 'bodies', 'commune-committee': 'communes',
};

/** The units a role can be granted over on a date, grouped for the select: province committee, other bodies, communes (villages left out). */
export async function grantableUnits(db: Db | Trx, at: string): Promise<{ group: UnitGroup; units: { id: string; name: string }[] }[]> {
  const units = await findUnits(db, { at });
  const groups: Record<UnitGroup, { id: string; name: string }[]> = { province: [], bodies: [], communes: [] };
  for (const u of units) {
    const g = GROUP_OF[u.kind];
    if (g) groups[g].push({ id: u.id, name: u.fullName });
  }
  return (['province', 'bodies', 'communes'] as const).map((group) => ({ group, units: groups[group].sort((a, b) => a.name.localeCompare(b.name, 'vi')) }));
}
