import { authorize, type CurrentUser } from '../../platform/authz/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound, unauthorized } from '../../platform/http/errors.ts';
import { ancestorIds } from '../units/index.ts';
import { getEntry } from './register.repository.ts';

/** Checks the user may do the action on a unit (its own grant, an ancestor's with descendants, or province-wide). */
export async function onUnit(c: Ctx, action: string, unitId: string) {
  const { db } = c.get('deps');
  await authorize(c.get('user'), action, unitId, (id) => ancestorIds(db, id));
}

/** Loads a register entry and checks the action on its answering unit (404 / 403). */
export async function entryFor(c: Ctx, action: string, id: string) {
  const e = await getEntry(c.get('deps').db, id);
  if (!e) throw notFound();
  await onUnit(c, action, e.assignee_unit_id);
  return e;
}

/**
 * Who files into the register (and closes entries): the coordinator and the administrator for any
 * body, an observer only for the Fatherland Front committee their grant names (not the Party
 * commission, which reads). Returns the Front unit the entry is filed for, or null.
 */
export async function filerUnit(c: Ctx): Promise<string | null> {
  const user = c.get('user') as CurrentUser | null;
  if (!user) throw unauthorized();
  if (user.grants.some((g) => g.role === 'admin' || g.role === 'coordinator')) return null;
  const ids = user.grants.filter((g) => g.role === 'observer').map((g) => g.unitId);
  const front = ids.length ? await c.get('deps').db.selectFrom('units').select('id').where('id', 'in', ids).where('kind', '=', 'fatherland-front').executeTakeFirst() : undefined;
  if (!front) throw forbidden();
  return front.id;
}

/** Whether the user may file (no exception). */
export const mayFile = (c: Ctx) => filerUnit(c).then(() => true, () => false);
