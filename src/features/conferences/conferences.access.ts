import { authorize } from '../../platform/authz/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { validationError } from '../../platform/http/validate.ts';
import { formatDate, localToday, type T } from '../../platform/i18n/index.ts';
import { ancestorIds } from '../units/index.ts';
import { conferenceUnit, getConference } from './conferences.repository.ts';

/** Checks the action on a unit: the commune's staff for the commune and its villages, a village head for the village, the province-wide roles everywhere. */
export async function onUnit(c: Ctx, action: string, unitId: string) {
  await authorize(c.get('user'), action, unitId, (id) => ancestorIds(c.get('deps').db, id));
}

/** Loads a commune or village for a conference and checks the action on it (404 / 403). */
export async function unitFor(c: Ctx, action: string, unitId: string) {
  const u = await conferenceUnit(c.get('deps').db, unitId);
  if (!u) throw notFound();
  await onUnit(c, action, u.id);
  return u;
}

/** Loads a conference and checks the action on its unit (404 / 403). */
export async function conferenceFor(c: Ctx, action: string, id: string) {
  const row = await getConference(c.get('deps').db, id);
  if (!row) throw notFound();
  await onUnit(c, action, row.unit_id);
  return row;
}

/** Translates service field messages: `key` or `key:YYYY-MM-DD` (the date shown dd/mm/yyyy). */
export function explain(fields: Record<string, string> | undefined, t: T): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? { _: 'validation.invalid' }).map(([k, v]) => {
    const [key, date] = v.split(':');
    return [k, t(key, { date: formatDate(date) })];
  }));
}

/** A 400 API error from a failed Result. */
export const failure = (r: { fields?: Record<string, string> }, t: T) => validationError(explain(r.fields, t));

/** The year of ?year= (2023–2100), else this year. */
export function yearOf(c: Ctx): number {
  const y = Number(c.req.query('year'));
  return Number.isInteger(y) && y >= 2023 && y <= 2100 ? y : Number(localToday().slice(0, 4));
}
