import { authorize } from '../../platform/authz/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { ancestorIds } from '../units/index.ts';
import { getCase, getTeam } from './mediation.repository.ts';

/** Checks the action on a village (own grant or an ancestor's with descendants). */
export async function onVillage(c: Ctx, action: string, villageId: string) {
  const { db } = c.get('deps');
  await authorize(c.get('user'), action, villageId, (id) => ancestorIds(db, id));
}

export async function teamFor(c: Ctx, action: string, id: string) {
  const team = await getTeam(c.get('deps').db, id);
  if (!team) throw notFound();
  await onVillage(c, action, team.village_id);
  return team;
}

export async function caseFor(c: Ctx, action: string, id: string) {
  const m = await getCase(c.get('deps').db, id);
  if (!m) throw notFound();
  const team = await teamFor(c, action, m.team_id);
  return { m, team };
}
