import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, type Actor } from '../../platform/audit/index.ts';
import { fail, ok } from '../../platform/http/errors.ts';
import { exemplarStatuses, proposeDraftEntry } from '../exemplars/index.ts';
import { conclusionOf, getPlan, getTarget } from './inspections.repository.ts';
import type { GoodModelInput } from './inspections.schema.ts';
import { audit, type R } from './inspections.service.ts';

/**
 * A good model found by the inspection becomes a DRAFT entry of the target unit in the "Dân vận
 * khéo" registry (through the exemplars feature), linked to the target; entry, link and audit in
 * one transaction. The unit then completes and registers it in /exemplars.
 */
export async function proposeGoodModel(db: Db, actor: Actor, targetId: string, input: GoodModelInput): R<{ entryId: string; code: string }> {
  return inTransaction(db, async (trx) => {
    const t = await getTarget(trx, targetId);
    if (!t) return fail('not_found');
    if (!(await conclusionOf(trx, t.id))) return fail('state', { name: 'inspections.error.noConclusion' });
    const plan = (await getPlan(trx, t.plan_id))!;
    const origin = `Mô hình hay phát hiện qua kiểm tra (${plan.title}, ngày ${(t.visited_on ?? t.visit_date).split('-').reverse().join('/')}); đơn vị bổ sung thực trạng, lý do xây dựng.`;
    const r = await proposeDraftEntry(trx, actor, { unitId: t.unit_id, name: input.name, kind: input.kind, subject: input.subject, field: input.field, origin });
    if (!r.ok) return fail('invalid', { name: 'inspections.error.goodModel' });
    await trx.insertInto('inspection_good_models').values({ id: randomUUID(), target_id: t.id, entry_id: r.value.id, name: input.name, created_by: actor.userId, created_at: nowIso() }).execute();
    await audit(trx, actor, 'good-model.propose', 'inspection_target', t.id, t.unit_id, { ...input, entryId: r.value.id, code: r.value.code });
    return ok({ entryId: r.value.id, code: r.value.code });
  });
}

/** The candidate entries proposed from a target, with their current name, code and status in the registry. */
export async function goodModelsOf(db: Db | Trx, targetId: string) {
  const links = await db.selectFrom('inspection_good_models').selectAll().where('target_id', '=', targetId).orderBy('created_at').execute();
  const now = await exemplarStatuses(db, links.map((l) => l.entry_id));
  return links.map((l) => ({ entryId: l.entry_id, name: now.get(l.entry_id)?.name ?? l.name, code: now.get(l.entry_id)?.code ?? null, status: now.get(l.entry_id)?.status ?? null }));
}
export type GoodModel = Awaited<ReturnType<typeof goodModelsOf>>[number];
