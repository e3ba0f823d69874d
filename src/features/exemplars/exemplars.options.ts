import { scopeOf } from '../../platform/authz/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { unitIdsInScope } from '../units/index.ts';
import { currentCommunes } from './exemplars.repository.ts';

/** Units the user may register for (their scope, current units only), as select options. */
export async function unitOptions(c: Ctx, action: string): Promise<[string, string][]> {
  const { db } = c.get('deps');
  const scope = await unitIdsInScope(db, scopeOf(c.get('user'), action));
  let q = db.selectFrom('units').select(['id', 'full_name']).where('valid_to', 'is', null).where('kind', 'in', ['commune-committee', 'department', 'party-commission', 'fatherland-front', 'province-committee', 'public-service-unit', 'press']);
  if (scope !== 'all') q = q.where('id', 'in', scope.length ? scope : ['-']);
  return (await q.orderBy('kind').orderBy('search_text').limit(2000).execute()).map((u) => [u.id, u.full_name]);
}
export const communeOptions = async (c: Ctx): Promise<[string, string][]> => (await currentCommunes(c.get('deps').db)).map((u) => [u.code!, u.full_name]);

