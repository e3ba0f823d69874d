import { authorize, scopeOf } from '../../platform/authz/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { validationError } from '../../platform/http/validate.ts';
import { inLang, type T } from '../../platform/i18n/index.ts';
import { RULES } from '../../domain/democracy/index.ts';
import { ancestorIds, unitIdsInScope } from '../units/index.ts';
import { getVillage } from './community.repository.ts';

/** Loads a village and checks the user may do the action on it (404 / 403). */
export async function villageFor(c: Ctx, action: string, villageId: string) {
  const { db } = c.get('deps');
  const v = await getVillage(db, villageId);
  if (!v) throw notFound();
  await authorize(c.get('user'), action, v.id, (id) => ancestorIds(db, id));
  return v;
}

/** Checks the user may act for the commune of a village (recognition, annulment). */
export async function authorizeUnit(c: Ctx, action: string, unitId: string | null) {
  const { db } = c.get('deps');
  await authorize(c.get('user'), action, unitId, (id) => ancestorIds(db, id));
}

/** The unit ids the user may read for an action. */
export const scopeFor = (c: Ctx, action: string) => unitIdsInScope(c.get('deps').db, scopeOf(c.get('user'), action));

/**
 * Translates service field errors: plain keys through `t`, `rule:<id>` as the broken legal rule
 * with its article (e.g. "Không đúng quy định: … (Điều 17 khoản 2 Luật 10/2022/QH15)").
 */
export function explain(fields: Record<string, string> | undefined, t: T): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => {
    const rule = v.startsWith('rule:') ? RULES.get(v.slice(5)) : undefined;
    return [k, rule ? t('democracy.ruleBroken', { note: inLang(t.lang, rule.note ?? rule.id, rule.noteEn), article: rule.article }) : t(v)];
  }));
}

/** A 400 API error from a failed Result. */
export const failure = (r: { fields?: Record<string, string> }, t: T) => validationError(explain(r.fields ?? { _: 'validation.invalid' }, t));
