import { authorize, scopeOf } from '../../platform/authz/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { translateFields, validationError } from '../../platform/http/validate.ts';
import { ancestorIds, unitIdsInScope } from '../units/index.ts';
import { getDisclosure } from './disclosures.repository.ts';

/** Checks the user may do the action on the unit (403 otherwise). */
export async function authorizeUnit(c: Ctx, action: string, unitId: string): Promise<void> {
  const { db } = c.get('deps');
  await authorize(c.get('user'), action, unitId, (id) => ancestorIds(db, id));
}

/** A disclosure the user may act on (404 / 403). */
export async function disclosureFor(c: Ctx, action: string, id: string) {
  const d = await getDisclosure(c.get('deps').db, id);
  if (!d) throw notFound();
  await authorizeUnit(c, action, d.unit_id);
  return d;
}

/** Unit ids the user may read for an action. */
export const scopeFor = (c: Ctx, action: string) => unitIdsInScope(c.get('deps').db, scopeOf(c.get('user'), action));

/** A 400 from a failed service Result (field message keys translated). */
export const failure = (c: Ctx, r: { fields?: Record<string, string> }) => validationError(translateFields(r.fields ?? { _: 'validation.invalid' }, c.get('t')));
