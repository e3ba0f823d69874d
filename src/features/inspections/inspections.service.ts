import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import { CONCLUSION_RULE, NOTICE_RULE, RECOMMENDATION_RULE, SELF_REPORT_RULE, noticeDue, schemeProblems, selfReportDue, type SchemeDef } from '../../domain/inspections/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { getPlan, getTarget } from './inspections.repository.ts';
import type { PlanInput, SchemeInput, SelfReportInput, TargetInput, TeamInput } from './inspections.schema.ts';

export type E = 'not_found' | 'state' | 'rule' | 'invalid';
export type R<T> = Promise<Result<T, E>>;

/** Writes one audit event of the feature (visibility unit: the unit concerned and the coordinator see it). */
export const audit = (trx: Trx, actor: Actor, action: string, subjectType: string, subjectId: string, unitId: string | null, changes: unknown) =>
  record(trx, actor, { action: `inspections.${action}`, subjectType, subjectId, unitId, changes, visibility: 'unit' });

const dd = (d: string) => d.split('-').reverse().join('/');

/** Adds a new version of a checklist and scoring scheme (the next number for its code), after checking it. */
export async function createScheme(db: Db, actor: Actor, input: SchemeInput): R<string> {
  let def: SchemeDef;
  try {
    const raw = JSON.parse(input.definition) as Partial<SchemeDef>;
    if (!Array.isArray(raw.criteria) || !Array.isArray(raw.classBands)) throw new Error('shape');
    def = { bonus: [], penalties: [], bonusCap: 0, rescaleNa: true, requireSelfScore: false, criticalCodes: [], provisional: false, source: '', ...raw } as SchemeDef;
  } catch {
    return fail('invalid', { definition: 'inspections.error.definition' });
  }
  const problems = schemeProblems(def);
  if (Object.keys(problems).length) return fail('rule', Object.fromEntries(Object.entries(problems).map(([, v]) => ['definition', v])));
  return inTransaction(db, async (trx) => {
    const last = await trx.selectFrom('inspection_schemes').select('version').where('code', '=', input.code).orderBy('version', 'desc').executeTakeFirst();
    const id = randomUUID();
    const version = (last?.version ?? 0) + 1;
    await trx.insertInto('inspection_schemes').values({ id, code: input.code, version, name: input.name, decision_no: input.decisionNo, valid_from: input.validFrom, valid_to: null, definition: JSON.stringify(def), provisional: def.provisional ? 1 : 0, created_by: actor.userId, created_at: nowIso() }).execute();
    await audit(trx, actor, 'scheme.create', 'inspection_scheme', id, null, { code: input.code, version, name: input.name, decisionNo: input.decisionNo, validFrom: input.validFrom, definition: def });
    return ok(id);
  });
}

/** Creates a draft plan; the day counts default to the rules of src/domain/inspections. */
export async function createPlan(db: Db, actor: Actor, input: PlanInput): R<string> {
  return inTransaction(db, async (trx) => {
    if (!(await trx.selectFrom('inspection_schemes').select('id').where('id', '=', input.schemeId).executeTakeFirst())) return fail('invalid', { schemeId: 'inspections.error.scheme' });
    const id = randomUUID();
    const now = nowIso();
    const row = {
      id, year: input.year, title: input.title, document_number: input.documentNumber, scope: input.scope, mode: input.mode, review_from: input.reviewFrom, review_to: input.reviewTo,
      window_from: input.windowFrom, window_to: input.windowTo, objectives: input.objectives, content_items: input.contentItems, scheme_id: input.schemeId,
      notice_days: input.noticeDays ?? NOTICE_RULE.days, self_report_days: input.selfReportDays ?? SELF_REPORT_RULE.days, conclusion_days: input.conclusionDays ?? CONCLUSION_RULE.days,
      recommendation_days: input.recommendationDays ?? RECOMMENDATION_RULE.days, status: 'draft', submitted_on: null, approved_on: null, approved_by: null, created_by: actor.userId, created_at: now, updated_at: now,
    };
    await trx.insertInto('inspection_plans').values(row).execute();
    await audit(trx, actor, 'plan.create', 'inspection_plan', id, null, row);
    return ok(id);
  });
}

const NEXT: Record<string, { from: string; to: string }> = { submit: { from: 'draft', to: 'submitted' }, approve: { from: 'submitted', to: 'approved' }, return: { from: 'submitted', to: 'draft' } };

/** Moves a plan draft → submitted (coordinator) → approved (province leader), or back to draft. */
export async function movePlan(db: Db, actor: Actor, planId: string, step: 'submit' | 'approve' | 'return'): R<string> {
  return inTransaction(db, async (trx) => {
    const p = await getPlan(trx, planId);
    if (!p) return fail('not_found');
    const s = NEXT[step];
    if (p.status !== s.from) return fail('state', { _: 'inspections.error.planState' });
    if (step === 'submit' && !(await trx.selectFrom('inspection_targets').select('id').where('plan_id', '=', p.id).executeTakeFirst())) return fail('rule', { _: 'inspections.error.noTargets' });
    const today = localToday();
    await trx.updateTable('inspection_plans').set({ status: s.to, updated_at: nowIso(), ...(step === 'submit' ? { submitted_on: today } : step === 'approve' ? { approved_on: today, approved_by: actor.userId } : {}) }).where('id', '=', p.id).execute();
    await audit(trx, actor, `plan.${step}`, 'inspection_plan', p.id, null, { from: p.status, to: s.to });
    return ok(p.id);
  });
}

/** Adds a team set up by a decision (number, date), with its leader and members from several bodies. */
export async function addTeam(db: Db, actor: Actor, planId: string, input: TeamInput): R<string> {
  if (!input.members.some((m) => m.role === 'leader')) return fail('rule', { members: 'inspections.error.leader' });
  return inTransaction(db, async (trx) => {
    const p = await getPlan(trx, planId);
    if (!p) return fail('not_found');
    const id = randomUUID();
    await trx.insertInto('inspection_teams').values({ id, plan_id: p.id, name: input.name, decision_number: input.decisionNumber, decision_date: input.decisionDate, created_at: nowIso() }).execute();
    for (const m of input.members) await trx.insertInto('inspection_team_members').values({ id: randomUUID(), team_id: id, name: m.name, body: m.body, role: m.role, user_id: m.userId, created_at: nowIso() }).execute();
    await audit(trx, actor, 'team.create', 'inspection_plan', p.id, null, { teamId: id, ...input });
    return ok(id);
  });
}

/** Adds a target unit with its team and visit date (inside the visit window); the self-report due day is counted then. */
export async function addTarget(db: Db, actor: Actor, planId: string, input: TargetInput): R<string> {
  return inTransaction(db, async (trx) => {
    const p = await getPlan(trx, planId);
    if (!p) return fail('not_found');
    if (input.visitDate < p.window_from || input.visitDate > p.window_to) return fail('rule', { visitDate: 'inspections.error.outsideWindow' });
    const team = await trx.selectFrom('inspection_teams').select('id').where('id', '=', input.teamId).where('plan_id', '=', p.id).executeTakeFirst();
    if (!team) return fail('invalid', { teamId: 'inspections.error.team' });
    const unit = await trx.selectFrom('units').select(['id', 'kind']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) return fail('invalid', { unitId: 'inspections.error.unit' });
    if (await trx.selectFrom('inspection_targets').select('id').where('plan_id', '=', p.id).where('unit_id', '=', unit.id).executeTakeFirst()) return fail('rule', { unitId: 'inspections.error.duplicateTarget' });
    const lt = await loadLegalTime(trx);
    const due = selfReportDue(lt.calendar, input.visitDate, { days: p.self_report_days, unit: SELF_REPORT_RULE.unit });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('inspection_targets').values({ id, plan_id: p.id, team_id: team.id, unit_id: unit.id, visit_date: input.visitDate, notice_sent_on: null, self_report_due: due, self_report: null, self_score: null, self_report_filed_on: null, explanation: null, visited_on: null, visit_place: null, status: 'scheduled', created_at: now, updated_at: now }).execute();
    await audit(trx, actor, 'target.create', 'inspection_target', id, unit.id, { planId: p.id, ...input, selfReportDue: due });
    return ok(id);
  });
}

/**
 * Records that the plan, the team decision and the report outline were sent to the unit. A planned
 * inspection needs the notice on or before the notice day (visit − N days, DVK §3.6 proposal);
 * an unannounced one does not. The unit's head and officers are notified of the self-report due day.
 */
export async function sendNotice(db: Db, actor: Actor, targetId: string, sentOn: string): R<{ noticeDue: string }> {
  return inTransaction(db, async (trx) => {
    const t = await getTarget(trx, targetId);
    if (!t) return fail('not_found');
    const p = (await getPlan(trx, t.plan_id))!;
    if (p.status !== 'approved') return fail('state', { _: 'inspections.error.notApproved' });
    const lt = await loadLegalTime(trx);
    const latest = noticeDue(lt.calendar, t.visit_date, { days: p.notice_days, unit: NOTICE_RULE.unit });
    if (p.mode === 'planned' && sentOn > latest) return fail('rule', { sentOn: 'inspections.error.noticeLate' });
    await trx.updateTable('inspection_targets').set({ notice_sent_on: sentOn, status: t.status === 'scheduled' ? 'notified' : t.status, updated_at: nowIso() }).where('id', '=', t.id).execute();
    const users = await usersWithRole(trx, t.unit_id, ['unit-head', 'unit-officer']);
    await notifyUsers(trx, users, { title: `Kiểm tra công tác dân vận ngày ${dd(t.visit_date)}: gửi báo cáo tự kiểm tra trước ${dd(t.self_report_due)}`, body: p.title, link: `/inspection-targets/${t.id}`, dedupeKey: `inspection-notice:${t.id}` });
    await audit(trx, actor, 'notice', 'inspection_target', t.id, t.unit_id, { sentOn, noticeDue: latest });
    return ok({ noticeDue: latest });
  });
}

/** The unit files its self-report and self-score (late ones are kept and flagged). */
export async function fileSelfReport(db: Db, actor: Actor, targetId: string, input: SelfReportInput): R<{ late: boolean }> {
  return inTransaction(db, async (trx) => {
    const t = await getTarget(trx, targetId);
    if (!t) return fail('not_found');
    if (t.visited_on) return fail('state', { report: 'inspections.error.visited' });
    const filedOn = input.filedOn ?? localToday();
    await trx.updateTable('inspection_targets').set({ self_report: input.report, self_score: input.selfScore, self_report_filed_on: filedOn, status: t.status === 'visited' ? t.status : 'self-reported', updated_at: nowIso() }).where('id', '=', t.id).execute();
    const late = filedOn > t.self_report_due;
    await audit(trx, actor, 'self-report', 'inspection_target', t.id, t.unit_id, { selfScore: input.selfScore, filedOn, due: t.self_report_due, late, length: input.report.length });
    return ok({ late });
  });
}

/** The unit's explanation of the findings (before the conclusion is issued). */
export async function saveExplanation(db: Db, actor: Actor, targetId: string, explanation: string): R<string> {
  return inTransaction(db, async (trx) => {
    const t = await getTarget(trx, targetId);
    if (!t) return fail('not_found');
    const c = await trx.selectFrom('inspection_conclusions').select('status').where('target_id', '=', t.id).executeTakeFirst();
    if (c?.status === 'issued') return fail('state', { explanation: 'inspections.error.issued' });
    await trx.updateTable('inspection_targets').set({ explanation, updated_at: nowIso() }).where('id', '=', t.id).execute();
    await audit(trx, actor, 'explanation', 'inspection_target', t.id, t.unit_id, { explanation });
    return ok(t.id);
  });
}
