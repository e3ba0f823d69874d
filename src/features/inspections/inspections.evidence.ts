import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, type Actor } from '../../platform/audit/index.ts';
import { fail, ok } from '../../platform/http/errors.ts';
import { storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { conclusionOf, getPlan, getScheme, getTarget } from './inspections.repository.ts';
import { audit, type R } from './inspections.service.ts';

export interface Evidence { id: string; code: string; name: string; kind: string; size: number; created_at: string }

/**
 * Attaches an evidence file (tài liệu kiểm chứng) to one checklist item of a target's findings,
 * through the files platform (type checked by content, 10 MB); refused once the conclusion is
 * issued. File, link and audit in one transaction.
 */
export async function addEvidence(db: Db, actor: Actor, targetId: string, input: { code: string; file: File | null; dataDir: string }): R<string> {
  return inTransaction(db, async (trx) => {
    const t = await getTarget(trx, targetId);
    if (!t) return fail('not_found');
    const scheme = (await getScheme(trx, (await getPlan(trx, t.plan_id))!.scheme_id))!;
    if (!scheme.def.criteria.some((c) => c.code === input.code)) return fail('invalid', { code: 'inspections.error.unknownCode' });
    if ((await conclusionOf(trx, t.id))?.status === 'issued') return fail('state', { file: 'inspections.error.issued' });
    if (!input.file) return fail('invalid', { file: UPLOAD_ERROR_KEYS.empty });
    const f = await storeUpload(trx, { dataDir: input.dataDir, userId: actor.userId, file: input.file });
    if (!f.ok) return fail('invalid', { file: UPLOAD_ERROR_KEYS[f.error] });
    const id = randomUUID();
    await trx.insertInto('inspection_evidence').values({ id, target_id: t.id, criterion_code: input.code, file_id: f.value.id, uploaded_by: actor.userId, created_at: nowIso() }).execute();
    await audit(trx, actor, 'evidence.add', 'inspection_target', t.id, t.unit_id, { evidenceId: id, code: input.code, file: { id: f.value.id, name: f.value.name, kind: f.value.kind, size: f.value.size, sha256: f.value.sha256 } });
    return ok(id);
  });
}

/** Evidence files of a target's findings, by checklist item then upload time. */
export async function evidenceOf(db: Db | Trx, targetId: string): Promise<Evidence[]> {
  return db.selectFrom('inspection_evidence as e').innerJoin('files as f', 'f.id', 'e.file_id')
    .select(['e.id', 'e.criterion_code as code', 'f.name', 'f.kind', 'f.size', 'e.created_at']).where('e.target_id', '=', targetId).orderBy('e.criterion_code').orderBy('e.created_at').execute();
}

/** One evidence link of a target (its file id), or undefined. */
export function evidenceFile(db: Db | Trx, targetId: string, evidenceId: string) {
  return db.selectFrom('inspection_evidence').select(['id', 'file_id']).where('id', '=', evidenceId).where('target_id', '=', targetId).executeTakeFirst();
}
