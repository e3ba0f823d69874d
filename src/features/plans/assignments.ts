import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { dateField } from '../units/units.schema.ts';
import { getUnit } from '../units/index.ts';

/** II.3 of 188/KH-UBND: the head in charge and the focal officer, assigned in writing. */
export const assignmentInput = z.object({
  unitId: z.string().trim().min(1).max(64), headUserId: z.string().trim().min(1).max(64), focalUserId: z.string().trim().min(1).max(64),
  documentNumber: z.string().trim().min(1).max(50), documentDate: dateField,
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

/** Records a written assignment (replacing the unit's previous one), with the optional scanned document; audited. */
export async function recordAssignment(db: Db, actor: Actor, input: AssignmentInput, file: File | null, dataDir: string): Promise<Result<string, 'unit' | 'user' | 'file'>> {
  return inTransaction(db, async (trx) => {
    if (!(await getUnit(trx, input.unitId))) return fail('unit', { unitId: 'plans.error.unit' });
    const users = await trx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [input.headUserId, input.focalUserId]).execute();
    const name = (id: string) => users.find((u) => u.id === id)?.display_name;
    if (!name(input.headUserId)) return fail('user', { headUserId: 'assignments.error.user' });
    if (!name(input.focalUserId)) return fail('user', { focalUserId: 'assignments.error.user' });
    let fileId: string | null = null;
    if (file && file.size > 0) {
      const f = await storeUpload(trx, { dataDir, userId: actor.userId, file });
      if (!f.ok) return fail('file', { file: UPLOAD_ERROR_KEYS[f.error as keyof typeof UPLOAD_ERROR_KEYS] });
      fileId = f.value.id;
    }
    await trx.updateTable('plan_assignments').set({ active: 0 }).where('unit_id', '=', input.unitId).execute();
    const id = randomUUID();
    await trx.insertInto('plan_assignments').values({ id, unit_id: input.unitId, head_user_id: input.headUserId, head_name: name(input.headUserId)!, focal_user_id: input.focalUserId, focal_name: name(input.focalUserId)!, document_number: input.documentNumber, document_date: input.documentDate, file_id: fileId, active: 1, created_at: nowIso() }).execute();
    await record(trx, actor, { action: 'assignments.record', subjectType: 'unit', subjectId: input.unitId, unitId: input.unitId, changes: { ...input, fileId }, visibility: 'unit' });
    return ok(id);
  });
}

export type MissingReason = 'none' | 'holder-lost-role';

/**
 * Units that must respond (current departments and communes) with no written assignment, or whose
 * assigned head or focal officer no longer holds a role on the unit.
 */
export async function missingAssignments(db: Db, today: string): Promise<{ unitId: string; unitName: string; reason: MissingReason }[]> {
  const units = await db.selectFrom('units').select(['id', 'full_name']).where('kind', 'in', ['department', 'commune-committee'])
    .where('valid_from', '<=', today).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', today)])).orderBy('kind').orderBy('full_name').execute();
  const active = await db.selectFrom('plan_assignments').select(['unit_id', 'head_user_id', 'focal_user_id']).where('active', '=', 1).execute();
  const grants = await db.selectFrom('role_grants').select(['user_id', 'unit_id']).execute();
  const holds = new Set(grants.map((g) => `${g.user_id}|${g.unit_id}`));
  const byUnit = new Map(active.map((a) => [a.unit_id, a]));
  const out: { unitId: string; unitName: string; reason: MissingReason }[] = [];
  for (const u of units) {
    const a = byUnit.get(u.id);
    if (!a) out.push({ unitId: u.id, unitName: u.full_name, reason: 'none' });
    else if (![a.head_user_id, a.focal_user_id].every((id) => id && holds.has(`${id}|${u.id}`))) out.push({ unitId: u.id, unitName: u.full_name, reason: 'holder-lost-role' });
  }
  return out;
}
