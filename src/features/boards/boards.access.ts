import { authorize } from '../../platform/authz/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { ancestorIds } from '../units/index.ts';
import { getBoard, getRecommendation } from './boards.repository.ts';

/** Checks the user may do the action on a unit (its own grant or an ancestor's with descendants). */
export async function onUnit(c: Ctx, action: string, unitId: string) {
  const { db } = c.get('deps');
  await authorize(c.get('user'), action, unitId, (id) => ancestorIds(db, id));
}

/** Loads a board and checks the action on its unit (404 / 403). */
export async function boardFor(c: Ctx, action: string, id: string) {
  const b = await getBoard(c.get('deps').db, id);
  if (!b) throw notFound();
  await onUnit(c, action, b.unit_id);
  return b;
}

/** Loads a recommendation and checks the action on its board's unit. */
export async function recommendationFor(c: Ctx, action: string, id: string) {
  const r = await getRecommendation(c.get('deps').db, id);
  if (!r) throw notFound();
  await boardFor(c, action, r.board_id);
  return r;
}
