import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, SYSTEM_ACTOR, type Actor } from '../../platform/audit/index.ts';
import type { UnitSucceededEvent } from '../../platform/events/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { getUnit } from '../units/index.ts';
import type { CampaignInput } from './exemplars.schema.ts';
import { nextVersion } from '../../platform/http/concurrency.ts';

/** Creates a campaign (phong trào / đợt thi đua) with its criteria set as version 1; audited. */
export async function createCampaign(db: Db, actor: Actor, input: CampaignInput): Promise<Result<string, 'invalid'>> {
  if (input.periodFrom > input.periodTo || input.year < input.periodFrom || input.year > input.periodTo) return fail('invalid', { year: 'exemplars.error.period' });
  if (input.quotaMin !== null && input.quotaMax !== null && input.quotaMin > input.quotaMax) return fail('invalid', { quotaMax: 'exemplars.error.quota' });
  return inTransaction(db, async (trx) => {
    if (!(await getUnit(trx, input.launchedByUnitId))) return fail('invalid', { launchedByUnitId: 'exemplars.error.unit' });
    const id = randomUUID();
    const now = nowIso();
    const lines = (s: string) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
    await trx.insertInto('exemplar_campaigns').values({
      id, name: input.name, year: input.year, period_from: input.periodFrom, period_to: input.periodTo, launched_by_unit_id: input.launchedByUnitId,
      legal_basis: JSON.stringify(lines(input.legalBasis)), criteria_version: 1, criteria: JSON.stringify(lines(input.criteria)),
      registration_deadline: input.registrationDeadline, quota_min: input.quotaMin, quota_max: input.quotaMax, created_at: now, updated_at: now,
    }).execute();
    await trx.insertInto('exemplar_campaign_criteria').values({ id: randomUUID(), campaign_id: id, version: 1, criteria: JSON.stringify(lines(input.criteria)), created_at: now }).execute();
    await record(trx, actor, { action: 'exemplars.campaign.create', subjectType: 'exemplar_campaign', subjectId: id, unitId: input.launchedByUnitId, changes: input, visibility: 'public' });
    return ok(id);
  });
}

/** Revises a campaign's criteria set as a new version; earlier versions are kept and each entry records the version it was registered under. */
export async function reviseCriteria(db: Db, actor: Actor, id: string, criteria: string[]): Promise<Result<number, 'not_found'>> {
  return inTransaction(db, async (trx) => {
    const c = await trx.selectFrom('exemplar_campaigns').select(['criteria_version', 'criteria']).where('id', '=', id).executeTakeFirst();
    if (!c) return fail('not_found');
    const version = Number(c.criteria_version) + 1;
    await trx.updateTable('exemplar_campaigns').set({ criteria_version: version, criteria: JSON.stringify(criteria), updated_at: nowIso() }).where('id', '=', id).execute();
    await trx.insertInto('exemplar_campaign_criteria').values({ id: randomUUID(), campaign_id: id, version, criteria: JSON.stringify(criteria), created_at: nowIso() }).execute();
    await record(trx, actor, { action: 'exemplars.campaign.criteria', subjectType: 'exemplar_campaign', subjectId: id, changes: { before: JSON.parse(c.criteria), after: criteria, version }, visibility: 'public' });
    return ok(version);
  });
}

/**
 * On `unit.succeeded`: entries owned by (or located in) a unit that ended move to its successor,
 * in the restructuring's transaction; each moved entry gets a history line, and one audit event.
 */
export async function moveToSuccessor(trx: Trx, e: UnitSucceededEvent): Promise<void> {
  const now = nowIso();
  for (const [pred, succ] of Object.entries(e.handover)) {
    const successor = await trx.selectFrom('units').select(['id', 'code', 'kind']).where('id', '=', succ).executeTakeFirst();
    if (!successor) continue;
    const owned = await trx.selectFrom('exemplar_entries').select(['id', 'status']).where((x) => x.or([x('unit_id', '=', pred), x('commune_unit_id', '=', pred)])).execute();
    if (owned.length === 0) continue;
    await trx.updateTable('exemplar_entries').set({ unit_id: succ, updated_at: now, lock_version: nextVersion() }).where('unit_id', '=', pred).execute();
    const communeSet = successor.kind === 'commune-committee' ? { commune_unit_id: succ, commune_code: successor.code, updated_at: now, lock_version: nextVersion() } : { commune_unit_id: succ, updated_at: now, lock_version: nextVersion() };
    await trx.updateTable('exemplar_entries').set(communeSet).where('commune_unit_id', '=', pred).execute();
    for (const o of owned) {
      await trx.insertInto('exemplar_history').values({ id: randomUUID(), entry_id: o.id, action: 'succession', from_status: o.status, to_status: o.status, note: e.legalBasis, actor_id: null, at: now }).execute();
    }
    await record(trx, SYSTEM_ACTOR, { action: 'exemplars.succession', subjectType: 'unit', subjectId: pred, unitId: succ, changes: { reorganizationId: e.reorganizationId, from: pred, to: succ, entries: owned.map((o) => o.id) }, visibility: 'unit' });
  }
}
