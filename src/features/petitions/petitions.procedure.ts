/** Helpers of the case procedure (issue 18 items 7–9): document dates, time bar, competence from unit kinds. */
import type { Trx } from '../../platform/db/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { competenceFor, legalDateRefusal, timeBar } from '../../domain/petitions/index.ts';
import { ancestorIds } from '../units/index.ts';
import type { PetitionRow } from './petitions.repository.ts';
import type { ClockEntry, LegalTime } from './petitions.clock.ts';
import type { ClassifyInput } from './petitions.schema.ts';

type Fail = { ok: false; error: 'invalid_date'; fields?: Record<string, string> };

/** The latest date on the case's documents (a later step may not be dated before it). */
export const previousStep = (p: PetitionRow) => p.last_step_on ?? p.received_on;

/** A refusal when a document date lies after today or before the previous step (field named), else null. */
export function dateRefusal(p: PetitionRow, date: string, field: string, previous: string | null = previousStep(p)): Fail | null {
  const r = legalDateRefusal(date, localToday(), previous);
  return r ? { ok: false, error: 'invalid_date', fields: { [field]: `petitions.error.date.${r}` } } : null;
}

/** The day this unit received the case: its receipt after a forward, else the day received. */
export function receivedHere(p: PetitionRow): string {
  const h = (JSON.parse(p.clock_history) as ClockEntry[]).filter((e) => e.event === 'start' && e.note === 'receipt');
  return h.length ? h[h.length - 1].on : p.received_on;
}

/** The time bar of a complaint at intake (LKN Art. 9, 33) from the date entered, or null when no date was entered. */
export function timeBarOf(lt: LegalTime, p: PetitionRow, i: ClassifyInput, remote: boolean, receivedOn: string): Result<ReturnType<typeof timeBar> | null, 'invalid_date'> {
  if (!i.knewOn) return ok(null);
  if (i.knewOn > receivedOn) return fail('invalid_date', { knewOn: 'petitions.error.date.knewAfterReceipt' });
  if (i.excluded.some((e) => e.to > receivedOn || e.from < i.knewOn!)) return fail('invalid_date', { excluded: 'petitions.error.date.excludedOutside' });
  return ok(timeBar({ instance: i.instance, knewOn: i.knewOn, receivedOn, remote, excluded: i.excluded }, lt.calendar, lt.options));
}

/** Who resolves, derived from the kind of the unit whose decision is complained about, and the unit the case should go to. */
export async function competenceOf(trx: Trx, p: PetitionRow, i: ClassifyInput): Promise<Result<{ resolver?: string; routeTo?: string | null; basis?: string; verified?: boolean }, 'unit_missing'>> {
  if (i.kind !== 'complaint' || !i.decisionUnitId) return ok({});
  const u = await trx.selectFrom('units').select(['id', 'kind']).where('id', '=', i.decisionUnitId).executeTakeFirst();
  if (!u) return fail('unit_missing', { decisionUnitId: 'petitions.error.unitMissing' });
  const c = competenceFor(u.kind, i.instance, p.received_on);
  if (!c) return ok({ resolver: 'unknown', routeTo: null });
  let routeTo: string | null = null;
  if (c.resolverUnit === 'issuer') routeTo = u.id;
  if (c.resolverUnit === 'province') {
    const chain = [u.id, ...(await ancestorIds(trx, u.id))];
    const rows = await trx.selectFrom('units').select(['id', 'kind']).where('id', 'in', chain).execute();
    routeTo = rows.find((r) => r.kind === 'province-committee')?.id ?? null;
  }
  const b = c.legalBasis;
  return ok({ resolver: c.resolver, routeTo, basis: `${b.law}, Điều ${b.article}${b.clause ? ` khoản ${b.clause}` : ''}`, verified: c.verified });
}
