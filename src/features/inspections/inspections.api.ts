import { createRoute } from '@hono/zod-openapi';
import type { z as Z } from 'zod';
import { allow, can } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound, type Result } from '../../platform/http/errors.ts';
import { readJson, translateFields, validationError } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { mayManage, onUnit, planFor, targetFor, targetWith } from './inspections.access.ts';
import { assessmentsOf, getRecommendation, listPlans, listSchemes, schemeForYear, targetsOf, teamsOf } from './inspections.repository.ts';
import * as S from './inspections.schema.ts';
import { addTarget, addTeam, createPlan, createScheme, fileSelfReport, movePlan, saveExplanation, sendNotice } from './inspections.service.ts';
import { addRecommendation, appraiseAssessment, closeRecommendation, fileRemediation, issueConclusion, publishClassification, saveConclusion, selfAssess } from './inspections.followup.ts';
import { saveFindings } from './inspections.visit.ts';
import { proposeGoodModel } from './inspections.models.ts';
import { loadTarget } from './inspections.load.ts';
import { targetDocx } from './inspections.more.pages.tsx';
import { evidenceDownload } from './inspections.evidence.pages.tsx';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 400: json(ErrorSchema, 'Invalid input, fields named in Vietnamese'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const idParam = z.object({ id: z.string().max(64) });
const Any = z.object({}).passthrough();
const body = (fields: string) => ({ body: { content: { 'application/json': { schema: Any.describe(fields) } }, required: true } });
const failure = (c: Ctx, r: { fields?: Record<string, string> }) => validationError(translateFields(r.fields ?? { _: 'validation.invalid' }, c.get('t')));

export const inspectionsApi = apiRouter();

/** Declares one POST of the API: validate with the feature's schema, call the service, answer 200/201. */
function post(path: string, permission: string, fields: string, description: string, schema: Z.ZodType, run: (c: Ctx, id: string, data: any) => Promise<Result<unknown>>, status: 200 | 201 = 200) {
  inspectionsApi.openapi(createRoute({ method: 'post', path, middleware: [allow(permission)] as const, request: { params: path.includes('{id}') ? idParam : z.object({}), ...body(fields) }, responses: { [status]: json(Any, description), ...errors } }), (async (c: Ctx) => {
    const id = c.req.param('id') ?? '';
    const data = await readJson(c, schema);
    const r = await run(c, id, data);
    if (!r.ok) { if (r.error === 'not_found') throw notFound(); throw failure(c, r); }
    return c.json({ ok: true, value: r.value }, status);
  }) as never);
}
const db = (c: Ctx) => c.get('deps').db;

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-plans', middleware: [allow('inspections.view')] as const, responses: { 200: json(z.object({ items: z.array(Any) }), 'Plans (drafts for the coordinator only)'), ...errors } }), async (c) => {
  const manage = await mayManage(c) || await can(c.get('user'), 'inspections.approve');
  return c.json({ items: (await listPlans(db(c), !manage)).map((p) => ({ id: p.id, year: p.year, title: p.title, scope: p.scope, mode: p.mode, status: p.status, reviewPeriod: [p.review_from, p.review_to], window: [p.window_from, p.window_to] })) }, 200);
});
post('/inspection-plans', 'inspections.manage', 'year, title, scope (dvcq|grassroots|both), mode (planned|unannounced), reviewFrom, reviewTo, windowFrom, windowTo, objectives, contentItems, schemeId, noticeDays?, selfReportDays?, conclusionDays?, recommendationDays?', 'Draft plan created', S.planInput, (c, _id, d) => createPlan(db(c), actorOf(c), d), 201);

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-plans/{id}', middleware: [allow('inspections.view')] as const, request: { params: idParam }, responses: { 200: json(Any, 'A plan with its teams and targets'), ...errors } }), async (c) => {
  const p = await planFor(c, c.req.valid('param').id);
  const targets = (await targetsOf(db(c), p.id)).map((t) => ({ id: t.id, unitId: t.unit_id, unit: t.unitName, teamId: t.team_id, visitDate: t.visit_date, selfReportDue: t.self_report_due, status: t.status }));
  return c.json({ ...p, teams: await teamsOf(db(c), p.id), targets }, 200);
});
for (const step of ['submit', 'approve', 'return'] as const) {
  post(`/inspection-plans/{id}/${step}`, step === 'submit' ? 'inspections.manage' : 'inspections.approve', '{}', `Plan ${step}`, z.object({}).passthrough() as never, async (c, id) => { await planFor(c, id); return movePlan(db(c), actorOf(c), id, step); });
}
post('/inspection-plans/{id}/teams', 'inspections.manage', 'name, decisionNumber, decisionDate, members[{name, body, role (leader|deputy|member|secretary), userId?}]', 'Team added', S.teamInput, async (c, id, d) => { await planFor(c, id); return addTeam(db(c), actorOf(c), id, d); }, 201);
post('/inspection-plans/{id}/targets', 'inspections.manage', 'unitId, teamId, visitDate', 'Target added; self-report due day counted', S.targetInput, async (c, id, d) => { await planFor(c, id); return addTarget(db(c), actorOf(c), id, d); }, 201);

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-targets/{id}', middleware: [allow('inspections.view')] as const, request: { params: idParam }, responses: { 200: json(Any, 'A target: dates with late flags; findings with their automatic figures only for those who may read them'), ...errors } }), async (c) => {
  const { t, plan, rights } = await targetFor(c, c.req.valid('param').id);
  const v = await loadTarget(db(c), t, plan, localToday(), rights.findings);
  return c.json({
    id: t.id, planId: plan.id, unit: v.unitName, unitId: t.unit_id, visitDate: t.visit_date, visitedOn: t.visited_on, status: t.status, dates: v.dates, flags: v.flags,
    selfReport: t.self_report_filed_on ? { filedOn: t.self_report_filed_on, selfScore: t.self_score, text: t.self_report } : null,
    findings: rights.findings ? v.findings.map((f) => ({ code: f.criterion_code, result: f.result, points: f.points, autoPoints: f.auto_points, autoSource: f.auto_source ? JSON.parse(f.auto_source) : null, overrideReason: f.override_reason, note: f.note })) : null,
    evidence: rights.findings ? v.evidence.map((e) => ({ id: e.id, code: e.code, name: e.name, kind: e.kind, size: e.size, href: `/api/v1/inspection-targets/${t.id}/evidence/${e.id}` })) : null,
    autoFill: rights.findings ? Object.fromEntries(v.auto) : null, score: v.score, explanation: rights.findings ? t.explanation : null,
    conclusion: v.conclusion && (rights.findings || v.conclusion.status === 'issued') ? v.conclusion : null,
    goodModels: v.goodModels,
    recommendations: v.recs.map((r) => ({ id: r.id, text: r.text, addresseeUnitId: r.addressee_unit_id, addressee: r.addresseeName, dueOn: r.due_on, remediatedOn: r.remediated_on, closedOn: r.closed_on, overdue: !r.remediated_on && r.due_on < localToday() })),
  }, 200);
});
inspectionsApi.get('/inspection-targets/:id/minutes.docx', allow('inspections.view'), (c) => targetDocx(c, c.req.param('id'), 'minutes'));
inspectionsApi.get('/inspection-targets/:id/evidence/:evidenceId', allow('inspections.view'), evidenceDownload);
inspectionsApi.get('/inspection-targets/:id/conclusion.docx', allow('inspections.view'), (c) => targetDocx(c, c.req.param('id'), 'conclusion'));

const onTarget = (right: 'manage' | 'respond' | 'record', fn: (c: Ctx, id: string, d: any) => Promise<Result<unknown>>) => async (c: Ctx, id: string, d: any) => { await targetWith(c, id, right); return fn(c, id, d); };
post('/inspection-targets/{id}/notice', 'inspections.manage', 'sentOn', 'Notice recorded (planned: on or before visit − N days)', S.noticeInput, onTarget('manage', (c, id, d) => sendNotice(db(c), actorOf(c), id, d.sentOn)));
post('/inspection-targets/{id}/self-report', 'inspections.respond', 'report, selfScore, filedOn?', 'Self-report filed; value.late flags a late one', S.selfReportInput, onTarget('respond', (c, id, d) => fileSelfReport(db(c), actorOf(c), id, d)));
post('/inspection-targets/{id}/explanation', 'inspections.respond', 'explanation', 'Explanation saved', S.explanationInput, onTarget('respond', (c, id, d) => saveExplanation(db(c), actorOf(c), id, d.explanation)));
post('/inspection-targets/{id}/findings', 'inspections.record', 'visitedOn, visitPlace?, items[{code, result (met|partly|not_met|na), points?, overrideReason?, note?}]', 'Findings saved (automatic points kept; a different score needs overrideReason)', S.findingsInput, onTarget('record', (c, id, d) => saveFindings(db(c), actorOf(c), id, d)));
post('/inspection-targets/{id}/conclusion', 'inspections.manage', 'documentNumber?, strengths, limitations, causes?, goodModels?', 'Draft conclusion saved', S.conclusionInput, onTarget('manage', (c, id, d) => saveConclusion(db(c), actorOf(c), id, d)));
post('/inspection-targets/{id}/recommendations', 'inspections.manage', 'text, addresseeUnitId?, dueOn?', 'Recommendation added', S.recommendationInput, onTarget('manage', (c, id, d) => addRecommendation(db(c), actorOf(c), id, d)), 201);
post('/inspection-targets/{id}/good-models', 'inspections.manage', 'name, kind (model|exemplar), subject (collective|individual), field (economy|culture-society|defence-security|political-system)', 'Good model proposed: a draft entry of the unit in the "Dân vận khéo" registry, linked to the target', S.goodModelInput, onTarget('manage', (c, id, d) => proposeGoodModel(db(c), actorOf(c), id, d)), 201);
post('/inspection-targets/{id}/issue', 'inspections.manage', 'issuedOn', 'Conclusion issued; value.late when after visit + N days', S.issueInput, onTarget('manage', (c, id, d) => issueConclusion(db(c), actorOf(c), id, d.issuedOn)));

post('/inspection-recommendations/{id}/remediation', 'inspections.respond', 'report, on?', 'Remediation report filed', S.remediationInput, async (c, id, d) => {
  const r = await getRecommendation(db(c), id);
  if (!r) throw notFound();
  if (!(await onUnit(c, 'inspections.respond', r.addressee_unit_id))) throw forbidden();
  return fileRemediation(db(c), actorOf(c), id, d);
});
post('/inspection-recommendations/{id}/close', 'inspections.manage', '{}', 'Recommendation closed', z.object({}).passthrough() as never, (c, id) => closeRecommendation(db(c), actorOf(c), id));

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-schemes', middleware: [allow('inspections.view')] as const, responses: { 200: json(z.object({ items: z.array(Any) }), 'Checklist and scoring scheme versions'), ...errors } }), async (c) =>
  c.json({ items: (await listSchemes(db(c))).map((s) => ({ id: s.id, code: s.code, version: s.version, name: s.name, decisionNo: s.decision_no, validFrom: s.valid_from, provisional: !!s.provisional, definition: s.def })) }, 200));
post('/inspection-schemes', 'inspections.manage', 'code, name, decisionNo?, validFrom, definition (JSON text of criteria, bonus, penalties, classBands…)', 'New version created', S.schemeInput, (c, _id, d) => createScheme(db(c), actorOf(c), d), 201);

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-assessments', middleware: [allow('inspections.view')] as const, request: { query: z.object({ year: z.string().optional() }) }, responses: { 200: json(z.object({ items: z.array(Any) }), 'Yearly assessments the caller may see'), ...errors } }), async (c) => {
  const year = Number(c.req.query('year')) || Number(localToday().slice(0, 4));
  const manage = await mayManage(c);
  const oversee = await can(c.get('user'), 'inspections.oversee');
  const items = [];
  for (const a of await assessmentsOf(db(c), year)) if (manage || (oversee && a.status === 'published') || (await onUnit(c, 'inspections.respond', a.unit_id))) items.push({ ...a, adjustments: JSON.parse(a.adjustments) });
  return c.json({ items }, 200);
});
post('/inspection-assessments', 'inspections.respond', 'year, unitId, selfScore, note?', 'Self-assessment saved', S.selfAssessInput, async (c, _id, d) => {
  if (!(await onUnit(c, 'inspections.respond', d.unitId))) throw forbidden();
  return selfAssess(db(c), actorOf(c), d, (await schemeForYear(db(c), d.year))!.id);
}, 201);
post('/inspection-assessments/{id}/appraisal', 'inspections.manage', 'adjustments[{points, reason}], notEligibleReason?', 'Appraised: final score and class', S.appraisalInput, (c, id, d) => appraiseAssessment(db(c), actorOf(c), id, d));
post('/inspection-assessments/publication', 'inspections.publish', 'year, decisionNumber, publishedOn', 'Classification published', S.publicationInput, (c, _id, d) => publishClassification(db(c), actorOf(c), d));
