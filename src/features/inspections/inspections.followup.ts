import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, type Actor } from '../../platform/audit/index.ts';
import { fail, ok } from '../../platform/http/errors.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import { appraise, classify, CONCLUSION_RULE, conclusionDue, RECOMMENDATION_RULE, recommendationDue } from '../../domain/inspections/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { conclusionOf, getAssessment, getPlan, getRecommendation, getScheme, getTarget } from './inspections.repository.ts';
import type { ConclusionInput, RecommendationInput } from './inspections.schema.ts';
import { audit, type R } from './inspections.service.ts';

/** Saves the draft conclusion (strengths, limitations, causes, good models found). */
export async function saveConclusion(db: Db, actor: Actor, targetId: string, input: ConclusionInput): R<string> {
  return inTransaction(db, async (trx) => {
    const t = await getTarget(trx, targetId);
    if (!t) return fail('not_found');
    if (!t.visited_on) return fail('state', { _: 'inspections.error.notVisited' });
    const c = await conclusionOf(trx, t.id);
    if (c?.status === 'issued') return fail('state', { _: 'inspections.error.issued' });
    const now = nowIso();
    const values = { document_number: input.documentNumber, strengths: input.strengths, limitations: input.limitations, causes: input.causes, good_models: input.goodModels, updated_at: now };
    if (c) await trx.updateTable('inspection_conclusions').set(values).where('id', '=', c.id).execute();
    else await trx.insertInto('inspection_conclusions').values({ id: randomUUID(), target_id: t.id, status: 'draft', issued_on: null, created_at: now, ...values }).execute();
    await audit(trx, actor, 'conclusion.save', 'inspection_target', t.id, t.unit_id, input);
    return ok(t.id);
  });
}

/** Adds a recommendation to a conclusion: addressee (the target unit by default) and due date (issue day + N days by default). */
export async function addRecommendation(db: Db, actor: Actor, targetId: string, input: RecommendationInput): R<{ id: string; dueOn: string }> {
  return inTransaction(db, async (trx) => {
    const t = await getTarget(trx, targetId);
    if (!t) return fail('not_found');
    const c = await conclusionOf(trx, t.id);
    if (!c) return fail('state', { text: 'inspections.error.noConclusion' });
    const addressee = input.addresseeUnitId ?? t.unit_id;
    if (!(await trx.selectFrom('units').select('id').where('id', '=', addressee).executeTakeFirst())) return fail('invalid', { addresseeUnitId: 'inspections.error.unit' });
    const p = (await getPlan(trx, t.plan_id))!;
    const dueOn = input.dueOn ?? recommendationDue((await loadLegalTime(trx)).calendar, c.issued_on ?? localToday(), { days: p.recommendation_days, unit: RECOMMENDATION_RULE.unit });
    const id = randomUUID();
    await trx.insertInto('inspection_recommendations').values({ id, target_id: t.id, addressee_unit_id: addressee, text: input.text, due_on: dueOn, remediation_report: null, remediated_on: null, closed_on: null, created_at: nowIso() }).execute();
    await audit(trx, actor, 'recommendation.create', 'inspection_target', t.id, addressee, { recommendationId: id, text: input.text, dueOn });
    return ok({ id, dueOn });
  });
}

/** Issues the conclusion notice; late when after the conclusion day (visit + N days). Units are notified of their recommendations. */
export async function issueConclusion(db: Db, actor: Actor, targetId: string, issuedOn: string): R<{ late: boolean; due: string }> {
  return inTransaction(db, async (trx) => {
    const t = await getTarget(trx, targetId);
    if (!t) return fail('not_found');
    const c = await conclusionOf(trx, t.id);
    if (!c) return fail('state', { _: 'inspections.error.noConclusion' });
    if (c.status === 'issued') return fail('state', { _: 'inspections.error.issued' });
    if (issuedOn < (t.visited_on ?? t.visit_date)) return fail('rule', { issuedOn: 'inspections.error.beforeVisit' });
    const p = (await getPlan(trx, t.plan_id))!;
    const due = conclusionDue((await loadLegalTime(trx)).calendar, t.visited_on ?? t.visit_date, { days: p.conclusion_days, unit: CONCLUSION_RULE.unit });
    await trx.updateTable('inspection_conclusions').set({ status: 'issued', issued_on: issuedOn, updated_at: nowIso() }).where('id', '=', c.id).execute();
    await trx.updateTable('inspection_targets').set({ status: 'concluded', updated_at: nowIso() }).where('id', '=', t.id).execute();
    const recs = await trx.selectFrom('inspection_recommendations').select(['id', 'addressee_unit_id', 'due_on']).where('target_id', '=', t.id).execute();
    for (const r of recs) {
      await notifyUsers(trx, await usersWithRole(trx, r.addressee_unit_id, ['unit-head', 'unit-officer']), { title: `Kết luận kiểm tra: kiến nghị khắc phục trước ${r.due_on.split('-').reverse().join('/')}`, body: p.title, link: `/inspection-targets/${t.id}`, dedupeKey: `inspection-rec:${r.id}` });
    }
    await audit(trx, actor, 'conclusion.issue', 'inspection_target', t.id, t.unit_id, { issuedOn, due, late: issuedOn > due, recommendations: recs.length });
    return ok({ late: issuedOn > due, due });
  });
}

/** The addressee files its remediation report. */
export async function fileRemediation(db: Db, actor: Actor, recId: string, input: { report: string; on: string | null }): R<string> {
  return inTransaction(db, async (trx) => {
    const r = await getRecommendation(trx, recId);
    if (!r) return fail('not_found');
    if (r.closed_on) return fail('state', { report: 'inspections.error.closed' });
    const on = input.on ?? localToday();
    await trx.updateTable('inspection_recommendations').set({ remediation_report: input.report, remediated_on: on }).where('id', '=', r.id).execute();
    await audit(trx, actor, 'remediation', 'inspection_target', r.target_id, r.addressee_unit_id, { recommendationId: r.id, on, late: on > r.due_on, report: input.report });
    return ok(r.target_id);
  });
}

/** The coordinator closes a recommendation once its remediation report is accepted. */
export async function closeRecommendation(db: Db, actor: Actor, recId: string): R<string> {
  return inTransaction(db, async (trx) => {
    const r = await getRecommendation(trx, recId);
    if (!r) return fail('not_found');
    if (r.closed_on) return fail('state', { _: 'inspections.error.closed' });
    if (!r.remediated_on) return fail('state', { _: 'inspections.error.noRemediation' });
    await trx.updateTable('inspection_recommendations').set({ closed_on: localToday() }).where('id', '=', r.id).execute();
    await audit(trx, actor, 'recommendation.close', 'inspection_target', r.target_id, r.addressee_unit_id, { recommendationId: r.id });
    return ok(r.target_id);
  });
}

/** The unit's yearly self-assessment (self-score) under the scheme in use. */
export async function selfAssess(db: Db, actor: Actor, input: { year: number; unitId: string; selfScore: number; note: string | null }, schemeId: string): R<string> {
  return inTransaction(db, async (trx) => {
    const a = await trx.selectFrom('inspection_assessments').selectAll().where('year', '=', input.year).where('unit_id', '=', input.unitId).executeTakeFirst();
    if (a && a.status !== 'draft' && a.status !== 'self-assessed') return fail('state', { selfScore: 'inspections.error.appraised' });
    const now = nowIso();
    const id = a?.id ?? randomUUID();
    const values = { self_score: input.selfScore, self_note: input.note, self_submitted_on: localToday(), status: 'self-assessed', updated_at: now };
    if (a) await trx.updateTable('inspection_assessments').set(values).where('id', '=', id).execute();
    else await trx.insertInto('inspection_assessments').values({ id, year: input.year, unit_id: input.unitId, scheme_id: schemeId, adjustments: '[]', final_score: null, class: null, not_eligible_reason: null, decision_number: null, published_on: null, created_at: now, ...values }).execute();
    await audit(trx, actor, 'assessment.self', 'inspection_assessment', id, input.unitId, input);
    return ok(id);
  });
}

/** The Department's appraisal: point adjustments each with a reason, the final score and class (or not eligible, with a reason). */
export async function appraiseAssessment(db: Db, actor: Actor, id: string, input: { adjustments: { points: number; reason: string }[]; notEligibleReason: string | null }): R<{ finalScore: number; cls: string }> {
  return inTransaction(db, async (trx) => {
    const a = await getAssessment(trx, id);
    if (!a) return fail('not_found');
    if (a.status === 'published') return fail('state', { _: 'inspections.error.published' });
    const scheme = (await getScheme(trx, a.scheme_id))!;
    if (a.self_score == null && !input.notEligibleReason && scheme.def.requireSelfScore) return fail('rule', { notEligibleReason: 'inspections.error.noSelfScore' });
    const r = appraise(a.self_score ?? 0, input.adjustments);
    if (!r.ok) return fail('rule', { [`adjustments.${r.index}`]: 'inspections.error.adjustmentReason' });
    const cls = input.notEligibleReason ? 'NOT_ELIGIBLE' : classify(r.score, scheme.def.classBands);
    await trx.updateTable('inspection_assessments').set({ adjustments: JSON.stringify(input.adjustments), final_score: r.score, class: cls, not_eligible_reason: input.notEligibleReason, status: 'appraised', updated_at: nowIso() }).where('id', '=', a.id).execute();
    await audit(trx, actor, 'assessment.appraise', 'inspection_assessment', a.id, a.unit_id, { selfScore: a.self_score, ...input, finalScore: r.score, cls });
    return ok({ finalScore: r.score, cls });
  });
}

/** Publishes every appraised assessment of a year under the People's Committee's classification decision. */
export async function publishClassification(db: Db, actor: Actor, input: { year: number; decisionNumber: string; publishedOn: string }): R<number> {
  return inTransaction(db, async (trx) => {
    const rows = await trx.selectFrom('inspection_assessments').select(['id', 'unit_id']).where('year', '=', input.year).where('status', '=', 'appraised').execute();
    if (!rows.length) return fail('state', { decisionNumber: 'inspections.error.nothingToPublish' });
    await trx.updateTable('inspection_assessments').set({ status: 'published', decision_number: input.decisionNumber, published_on: input.publishedOn, updated_at: nowIso() }).where('id', 'in', rows.map((r) => r.id)).execute();
    await audit(trx, actor, 'assessment.publish', 'inspection_assessment', rows[0].id, null, { ...input, units: rows.map((r) => r.unit_id) });
    return ok(rows.length);
  });
}
