import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { publish } from '../../platform/events/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { unitSearchText } from './units.kinds.ts';
import type { ReorganizeInput, UnitInput } from './units.schema.ts';
import { getUnit } from './units.repository.ts';

const search = (u: { fullName: string; name: string; code: string | null }) => unitSearchText(u.fullName, u.name, u.code);

/** The day before a date (the last day of a unit that ends when its successor starts). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Creates a unit (e.g. a village under a commune); audited. */
export async function createUnit(db: Db, actor: Actor, input: UnitInput): Promise<Result<string, 'parent_missing'>> {
  return inTransaction(db, async (trx) => {
    if (input.parentId && !(await getUnit(trx, input.parentId))) return fail('parent_missing', { parentId: 'units.error.parentMissing' });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('units').values({
      id, code: input.code, key: null, name: input.name, full_name: input.fullName, name_en: null, kind: input.kind, commune_type: input.communeType,
      parent_id: input.parentId, province_code: null, valid_from: input.validFrom, valid_to: null, search_text: search(input), created_at: now, updated_at: now,
    }).execute();
    await record(trx, actor, { action: 'units.create', subjectType: 'unit', subjectId: id, unitId: input.parentId, changes: input, visibility: 'public' });
    return ok(id);
  });
}

/** Edits a unit's names, kind and code; audited with before/after. */
export async function updateUnit(db: Db, actor: Actor, id: string, input: UnitInput): Promise<Result<string, 'not_found'>> {
  return inTransaction(db, async (trx) => {
    const before = await getUnit(trx, id);
    if (!before) return fail('not_found');
    await trx.updateTable('units').set({
      name: input.name, full_name: input.fullName, kind: input.kind, commune_type: input.communeType, code: input.code,
      parent_id: input.parentId, valid_from: input.validFrom, search_text: search(input), updated_at: nowIso(),
    }).where('id', '=', id).execute();
    await record(trx, actor, { action: 'units.update', subjectType: 'unit', subjectId: id, unitId: id, changes: { before, after: input }, visibility: 'public' });
    return ok(id);
  });
}

export type ReorganizeError = 'predecessor_invalid' | 'successor_missing' | 'bad_shape';

/**
 * Merges, splits or renames units at an effective date with its legal basis: predecessors end the
 * day before, successors start that day, lineage is recorded, children move to the successor that
 * takes over, and `unit.succeeded` lets every feature hand open work to the successor, all in one
 * transaction.
 */
export async function reorganize(db: Db, actor: Actor, input: ReorganizeInput): Promise<Result<{ reorganizationId: string; successorIds: string[] }, ReorganizeError>> {
  const nPred = input.predecessorIds.length;
  const nSucc = input.successorNames.length + (input.intoId ? 1 : 0);
  if ((input.kind === 'merge' && (nPred < 2 || nSucc !== 1)) || (input.kind === 'split' && (nPred !== 1 || nSucc < 2)) || (input.kind === 'rename' && (nPred !== 1 || input.successorNames.length !== 1 || input.intoId))) {
    return fail('bad_shape', { successorNames: `units.error.shape.${input.kind}` });
  }
  return inTransaction(db, async (trx) => {
    const preds = [];
    for (const id of input.predecessorIds) {
      const u = await getUnit(trx, id);
      if (!u || u.validFrom >= input.effectiveDate || (u.validTo !== null && u.validTo < input.effectiveDate && u.id !== input.intoId)) {
        return fail('predecessor_invalid', { predecessorIds: 'units.error.predecessorInvalid' });
      }
      preds.push(u);
    }
    const first = preds[0];
    const now = nowIso();
    const successorIds: string[] = [];
    if (input.intoId) {
      if (!preds.some((p) => p.id === input.intoId) && !(await getUnit(trx, input.intoId))) return fail('successor_missing', { intoId: 'units.error.successorMissing' });
      successorIds.push(input.intoId);
    }
    for (const fullName of input.successorNames) {
      const id = randomUUID();
      const name = fullName.replace(/^(Xã|Phường|Đặc khu|Thôn|Làng|Buôn|Tổ dân phố|Sở)\s+/u, '');
      await trx.insertInto('units').values({
        id, code: input.kind === 'rename' ? first.code : null, key: null, name, full_name: fullName, name_en: null, kind: first.kind, commune_type: first.communeType,
        parent_id: first.parentId, province_code: null, valid_from: input.effectiveDate, valid_to: null, search_text: unitSearchText(fullName, name, null), created_at: now, updated_at: now,
      }).execute();
      successorIds.push(id);
    }
    const reorganizationId = randomUUID();
    await trx.insertInto('reorganizations').values({ id: reorganizationId, kind: input.kind, effective_date: input.effectiveDate, legal_basis: input.legalBasis, note: input.note, created_by: actor.userId, created_at: now }).execute();
    const handover: Record<string, string> = {};
    for (const p of preds) {
      if (p.id === input.intoId) continue;
      handover[p.id] = successorIds[0];
      await trx.updateTable('units').set({ valid_to: dayBefore(input.effectiveDate), updated_at: now }).where('id', '=', p.id).execute();
      await trx.updateTable('units').set({ parent_id: successorIds[0], updated_at: now }).where('parent_id', '=', p.id).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', input.effectiveDate)])).execute();
      for (const s of successorIds) {
        if (s === p.id) continue;
        await trx.insertInto('unit_lineage').values({ id: randomUUID(), reorganization_id: reorganizationId, predecessor_id: p.id, successor_id: s, kind: input.kind, partial: input.kind === 'split' ? 1 : 0, effective_date: input.effectiveDate, legal_basis: input.legalBasis }).execute();
      }
    }
    await publish(trx, 'unit.succeeded', { reorganizationId, kind: input.kind, effectiveDate: input.effectiveDate, legalBasis: input.legalBasis, predecessorIds: Object.keys(handover), successorIds, handover });
    await record(trx, actor, { action: 'units.reorganize', subjectType: 'reorganization', subjectId: reorganizationId, unitId: successorIds[0], changes: { ...input, successorIds }, visibility: 'public' });
    return ok({ reorganizationId, successorIds });
  });
}
