import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { getUnit, getUnitByKey } from '../units/index.ts';
import type { ItemInput, PlanDocumentInput } from './plans.schema.ts';
import type { PlanDocument } from './plans.repository.ts';
import { computeCoverage } from './plans.coverage.ts';

async function insertItems(trx: Trx, planId: string, items: ItemInput[], parentId: string | null, pos: { n: number }, tracked: boolean): Promise<void> {
  for (const it of items) {
    const id = randomUUID();
    const isTracked = it.tracked ?? tracked;
    await trx.insertInto('plan_items').values({ id, plan_id: planId, parent_id: parentId, source_item_id: null, number: it.number, title: it.title, body: it.text ?? null, footnotes: JSON.stringify(it.footnotes ?? []), tracked: isTracked ? 1 : 0, position: pos.n++, areas: it.supervisionAreas?.length ? JSON.stringify(it.supervisionAreas) : null }).execute();
    if (it.children) await insertItems(trx, planId, it.children, id, pos, isTracked);
  }
}

export type ImportError = 'issuer_missing' | 'duty_unit_missing' | 'exists';

/** Imports a plan document (JSON of docs/plans-import.md) with its items and duties; audited. */
export async function importPlan(db: Db, actor: Actor, doc: PlanDocumentInput): Promise<Result<string, ImportError>> {
  return inTransaction(db, async (trx) => {
    const issuer = await getUnitByKey(trx, doc.issuer.unitKey);
    if (!issuer) return fail('issuer_missing', { 'issuer.unitKey': 'plans.error.unitKey' });
    const dup = await trx.selectFrom('plans').select('id').where('unit_id', '=', issuer.id).where('document_number', '=', doc.documentNumber).where('issued_on', '=', doc.issuedOn).executeTakeFirst();
    if (dup) return fail('exists', { documentNumber: 'plans.error.exists' });
    const id = randomUUID();
    const now = nowIso();
    const document: PlanDocument = { kind: doc.kind, issuerName: doc.issuer.name, preamble: doc.preamble, legalBases: doc.legalBases, reporting: doc.reporting, closing: doc.closing, recipients: doc.recipients, signer: doc.signer, respondents: doc.respondents };
    await trx.insertInto('plans').values({ id, parent_plan_id: null, unit_id: issuer.id, document_number: doc.documentNumber, title: doc.title, issued_on: doc.issuedOn, place: doc.place, status: 'issued', due_on: doc.respondents?.planDueOn ?? null, document: JSON.stringify(document), note: null, created_at: now, updated_at: now }).execute();
    await insertItems(trx, id, doc.items, null, { n: 0 }, false);
    let position = 0;
    for (const d of doc.duties) {
      const unit = d.unitKey ? await getUnitByKey(trx, d.unitKey) : undefined;
      if (d.unitKey && !unit) return fail('duty_unit_missing', { [`duties.${position}.unitKey`]: 'plans.error.unitKey' });
      await trx.insertInto('plan_duties').values({ id: randomUUID(), plan_id: id, number: d.number, heading: d.heading, unit_id: unit?.id ?? null, unit_kind: unit ? null : (d.unitKind ?? null), body: d.text, note: d.note ?? null, position: position++ }).execute();
    }
    await record(trx, actor, { action: 'plans.import', subjectType: 'plan', subjectId: id, unitId: issuer.id, changes: { documentNumber: doc.documentNumber, issuedOn: doc.issuedOn }, visibility: 'public' });
    return ok(id);
  });
}

export type UnitPlanError = 'plan_missing' | 'unit_missing' | 'exists';

/** Creates a unit's implementation plan from a plan: its tracked items are carried over with `source_item_id`; audited. */
export async function createUnitPlan(db: Db, actor: Actor, parentPlanId: string, unitId: string): Promise<Result<string, UnitPlanError>> {
  return inTransaction(db, async (trx) => {
    const parent = await trx.selectFrom('plans').select(['id', 'title', 'document_number']).where('id', '=', parentPlanId).executeTakeFirst();
    if (!parent) return fail('plan_missing');
    const unit = await getUnit(trx, unitId);
    if (!unit) return fail('unit_missing', { unitId: 'plans.error.unit' });
    if (await trx.selectFrom('plans').select('id').where('parent_plan_id', '=', parentPlanId).where('unit_id', '=', unitId).executeTakeFirst()) return fail('exists', { unitId: 'plans.error.unitPlanExists' });
    const id = randomUUID();
    const now = nowIso();
    const document: PlanDocument = { kind: 'KẾ HOẠCH', issuerName: unit.fullName.toUpperCase(), legalBases: [`Kế hoạch số ${parent.document_number ?? ''} (${parent.title})`], recipients: [], signer: { name: '', position: null } };
    await trx.insertInto('plans').values({ id, parent_plan_id: parentPlanId, unit_id: unitId, document_number: null, title: `Triển khai ${parent.title.charAt(0).toLowerCase()}${parent.title.slice(1)}`, issued_on: null, place: null, status: 'draft', due_on: null, document: JSON.stringify(document), note: null, created_at: now, updated_at: now }).execute();
    const rows = await trx.selectFrom('plan_items').selectAll().where('plan_id', '=', parentPlanId).orderBy('position').execute();
    const trackedRoots = new Set(rows.filter((r) => !r.parent_id && Number(r.tracked)).map((r) => r.id));
    let position = 0;
    for (const r of rows.filter((x) => x.parent_id && trackedRoots.has(x.parent_id))) {
      const root = rows.find((x) => x.id === r.parent_id)!;
      await trx.insertInto('plan_items').values({ id: randomUUID(), plan_id: id, parent_id: null, source_item_id: r.id, number: `${root.number}.${r.number}`, title: r.title, body: null, footnotes: '[]', tracked: 1, position: position++, areas: r.areas }).execute();
    }
    await record(trx, actor, { action: 'plans.unitPlan.create', subjectType: 'plan', subjectId: id, unitId, changes: { parentPlanId }, visibility: 'unit' });
    return ok(id);
  });
}

/** The unit head approves and issues the unit plan with its number and date; audited. */
export async function issuePlan(db: Db, actor: Actor, planId: string, input: { documentNumber: string; issuedOn: string }): Promise<Result<string, 'not_found' | 'issued'>> {
  return inTransaction(db, async (trx) => {
    const p = await trx.selectFrom('plans').select(['id', 'status', 'unit_id']).where('id', '=', planId).executeTakeFirst();
    if (!p) return fail('not_found');
    if (p.status === 'issued') return fail('issued', { documentNumber: 'plans.error.issued' });
    await trx.updateTable('plans').set({ status: 'issued', document_number: input.documentNumber, issued_on: input.issuedOn, updated_at: nowIso() }).where('id', '=', planId).execute();
    await record(trx, actor, { action: 'plans.issue', subjectType: 'plan', subjectId: planId, unitId: p.unit_id, changes: input, visibility: 'unit' });
    return ok(planId);
  });
}

/** Reminds the officers and heads of every unit without an issued plan (one notice per unit and day); audited. */
export async function remindMissing(db: Db, actor: Actor, planId: string, today: string): Promise<Result<number, 'not_found'>> {
  const cov = await computeCoverage(db, planId, today);
  if (!cov) return fail('not_found');
  return inTransaction(db, async (trx) => {
    let n = 0;
    const missing = cov.units.filter((u) => u.status !== 'issued');
    for (const u of missing) {
      const users = await usersWithRole(trx, u.unitId, ['unit-officer', 'unit-head']);
      n += await notifyUsers(trx, users, { title: 'Nhắc ban hành kế hoạch thực hiện', body: `Đơn vị chưa ban hành kế hoạch triển khai kế hoạch của Ủy ban nhân dân tỉnh.`, link: `/plans/${planId}`, dedupeKey: `plan:${planId}:remind:${today}` });
    }
    await record(trx, actor, { action: 'plans.remind', subjectType: 'plan', subjectId: planId, changes: { units: missing.length, notices: n }, visibility: 'unit' });
    return ok(n);
  });
}
