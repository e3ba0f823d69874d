/**
 * The sweep's oracle: who may read a planted object or act on a unit, derived from the features'
 * declared actions (`can` with the unit's ancestors), and the text of any answer (zip containers
 * such as XLSX and DOCX opened and all their parts read).
 */
import JSZip from 'jszip';
import { can, type CurrentUser, type Grant, type Role } from '../../../src/platform/authz/index.ts';
import type { Db } from '../../../src/platform/db/index.ts';
import { ancestorIds } from '../../../src/features/units/index.ts';
import type { Planted } from './plant.ts';

/** The signed-in principal of a demo account, as the app builds it (its grants). */
export async function principal(db: Db, username: string): Promise<CurrentUser> {
  const u = await db.selectFrom('users').select(['id', 'display_name']).where('username', '=', username).executeTakeFirstOrThrow();
  const grants = await db.selectFrom('role_grants').select(['role', 'unit_id', 'include_descendants']).where('user_id', '=', u.id).execute();
  const g: Grant[] = grants.map((r) => ({ role: r.role as Role, unitId: r.unit_id, includeDescendants: !!Number(r.include_descendants) }));
  return { id: u.id, username, displayName: u.display_name, grants: g, sessionId: '' };
}

/** `can`, memoised per (user, action, unit): the expected outcome of every check of the sweep. */
export function oracle(db: Db) {
  const memo = new Map<string, Promise<boolean>>();
  const ancestors = new Map<string, Promise<string[]>>();
  const ancestorsOf = (id: string) => {
    if (!ancestors.has(id)) ancestors.set(id, ancestorIds(db, id));
    return ancestors.get(id)!;
  };
  const may = (user: CurrentUser | null, action: string, unitId: string): Promise<boolean> => {
    const key = `${user?.id ?? '-'}|${action}|${unitId}`;
    if (!memo.has(key)) memo.set(key, can(user, action, unitId, ancestorsOf));
    return memo.get(key)!;
  };
  return {
    may,
    /** Whether the user may read the planted object (public ones: everyone; notices: their addressee). */
    async mayRead(user: CurrentUser | null, p: Planted): Promise<boolean> {
      if (p.onlyUser) return user?.id === p.onlyUser;
      if (p.readAction === null) return true;
      for (const unitId of [p.unitId, ...(p.orUnitIds ?? [])]) if (await may(user, p.readAction, unitId)) return true;
      return false;
    },
  };
}

/** Text of an answer: zip containers (XLSX, DOCX) are opened and all their parts read. */
export async function textOf(r: Response): Promise<string> {
  const buf = Buffer.from(await r.arrayBuffer());
  if (buf.subarray(0, 2).toString('latin1') === 'PK') {
    try {
      const zip = await JSZip.loadAsync(buf);
      const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
      return parts.join('\n');
    } catch {
      return buf.toString('utf8');
    }
  }
  return buf.toString('utf8');
}
