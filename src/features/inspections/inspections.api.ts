import { createRoute } from '@hono/zod-openapi';
import { allow, can } from '../../platform/authz/index.ts';
import { apiRouter, okValue, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound, type Result } from '../../platform/http/errors.ts';
import { readJson, translateFields, validationError } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { mayManage, onUnit, planFor, targetFor, targetWith } from './inspections.access.ts';
import { assessmentsOf, getRecommendation, listPlans, listSchemes, schemeForYear, targetsOf, teamsOf } from './inspections.repository.ts';
import * as S from './inspections.schema.ts';
import * as O from './inspections.openapi.ts';
import { Id, Values } from './inspections.openapi.ts';
import { addTarget, addTeam, createPlan, createScheme, fileSelfReport, movePlan, saveExplanation, sendNotice } from './inspections.service.ts';
import { addRecommendation, appraiseAssessment, closeRecommendation, fileRemediation, issueConclusion, publishClassification, saveConclusion, selfAssess } from './inspections.followup.ts';
import { saveFindings } from './inspections.visit.ts';
import { proposeGoodModel } from './inspections.models.ts';
import { loadTarget } from './inspections.load.ts';
import { targetDocx } from './inspections.more.pages.tsx';
import { evidenceDownload } from './inspections.evidence.pages.tsx';

const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 400: json(ErrorSchema, 'Invalid input, fields named in Vietnamese'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const idParam = z.object({ id: z.string().max(64) });
const failure = (c: Ctx, r: { fields?: Record<string, string> }) => validationError(translateFields(r.fields ?? { _: 'validation.invalid' }, c.get('t')));
/** The body of a step that takes no fields (send `{}`). */
const noFields = z.object({}).openapi({ description: 'No fields: send `{}`' });

export const inspectionsApi = apiRouter();

/**
 * Declares one POST of the API: the feature's zod schema validates the body (and is the documented
 * request body), the service runs, and its value is answered as `{ ok: true, value }` (200/201).
 */
function post<S extends z.ZodType, V extends z.ZodType>(path: string, permission: string, description: string, schema: S, value: V, run: (c: Ctx, id: string, data: z.output<S>) => Promise<Result<z.input<V>>>, status: 200 | 201 = 200) {
  const request = { params: path.includes('{id}') ? idParam : z.object({}), body: { content: { 'application/json': { schema } }, required: true } };
  inspectionsApi.openapi(createRoute({ method: 'post', path, middleware: [allow(permission)] as const, request, responses: { [status]: json(okValue(value), description), ...errors } }), (async (c: Ctx) => {
    const id = c.req.param('id') ?? '';
    const data = await readJson(c, schema);
    const r = await run(c, id, data);
    if (!r.ok) { if (r.error === 'not_found') throw notFound(); throw failure(c, r); }
    return c.json({ ok: true, value: r.value }, status);
  }) as never);
}
const db = (c: Ctx) => c.get('deps').db;

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-plans', middleware: [allow('inspections.view')] as const, responses: { 200: json(z.object({ items: z.array(O.PlanListItem) }), 'Plans (drafts for the coordinator only)'), ...errors } }), async (c) => {
  const manage = await mayManage(c) || await can(c.get('user'), 'inspections.approve');
  return c.json({ items: (await listPlans(db(c), !manage)).map((p) => ({ id: p.id, year: p.year, title: p.title, scope: p.scope, mode: p.mode, status: p.status, reviewPeriod: [p.review_from, p.review_to] as [string, string], window: [p.window_from, p.window_to] as [string, string] })) }, 200);
});
post('/inspection-plans', 'inspections.manage', 'Draft plan created', S.planInput, Id, (c, _id, d) => createPlan(db(c), actorOf(c), d), 201);

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-plans/{id}', middleware: [allow('inspections.view')] as const, request: { params: idParam }, responses: { 200: json(O.PlanDetail, 'A plan with its teams and targets'), ...errors } }), async (c) => {
  const p = await planFor(c, c.req.valid('param').id);
  const targets = (await targetsOf(db(c), p.id)).map((t) => ({ id: t.id, unitId: t.unit_id, unit: t.unitName, teamId: t.team_id, visitDate: t.visit_date, selfReportDue: t.self_report_due, status: t.status }));
  return c.json({ ...p, teams: await teamsOf(db(c), p.id), targets }, 200);
});
for (const step of ['submit', 'approve', 'return'] as const) {
  post(`/inspection-plans/{id}/${step}`, step === 'submit' ? 'inspections.manage' : 'inspections.approve', `Plan ${step}`, noFields, Id, async (c, id) => { await planFor(c, id); return movePlan(db(c), actorOf(c), id, step); });
}
post('/inspection-plans/{id}/teams', 'inspections.manage', 'Team added', S.teamInput, Id, async (c, id, d) => { await planFor(c, id); return addTeam(db(c), actorOf(c), id, d); }, 201);
post('/inspection-plans/{id}/targets', 'inspections.manage', 'Target added; self-report due day counted', S.targetInput, Id, async (c, id, d) => { await planFor(c, id); return addTarget(db(c), actorOf(c), id, d); }, 201);

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-targets/{id}', middleware: [allow('inspections.view')] as const, request: { params: idParam }, responses: { 200: json(O.TargetDetail, 'A target: dates with late flags; findings with their automatic figures only for those who may read them'), ...errors } }), async (c) => {
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

const onTarget = <D, T>(right: 'manage' | 'respond' | 'record', fn: (c: Ctx, id: string, d: D) => Promise<Result<T>>) => async (c: Ctx, id: string, d: D) => { await targetWith(c, id, right); return fn(c, id, d); };
post('/inspection-targets/{id}/notice', 'inspections.manage', 'Notice recorded (planned: on or before visit − N days)', S.noticeInput, Values.notice, onTarget('manage', (c, id, d) => sendNotice(db(c), actorOf(c), id, d.sentOn)));
post('/inspection-targets/{id}/self-report', 'inspections.respond', 'Self-report filed; value.late flags a late one', S.selfReportInput, Values.late, onTarget('respond', (c, id, d) => fileSelfReport(db(c), actorOf(c), id, d)));
post('/inspection-targets/{id}/explanation', 'inspections.respond', 'Explanation saved', S.explanationInput, Id, onTarget('respond', (c, id, d) => saveExplanation(db(c), actorOf(c), id, d.explanation)));
post('/inspection-targets/{id}/findings', 'inspections.record', 'Findings saved (automatic points kept; a different score needs overrideReason)', S.findingsInput, Id, onTarget('record', (c, id, d) => saveFindings(db(c), actorOf(c), id, d)));
post('/inspection-targets/{id}/conclusion', 'inspections.manage', 'Draft conclusion saved', S.conclusionInput, Id, onTarget('manage', (c, id, d) => saveConclusion(db(c), actorOf(c), id, d)));
post('/inspection-targets/{id}/recommendations', 'inspections.manage', 'Recommendation added', S.recommendationInput, Values.recommendation, onTarget('manage', (c, id, d) => addRecommendation(db(c), actorOf(c), id, d)), 201);
post('/inspection-targets/{id}/good-models', 'inspections.manage', 'Good model proposed: a draft entry of the unit in the "Dân vận khéo" registry, linked to the target', S.goodModelInput, Values.goodModel, onTarget('manage', (c, id, d) => proposeGoodModel(db(c), actorOf(c), id, d)), 201);
post('/inspection-targets/{id}/issue', 'inspections.manage', 'Conclusion issued; value.late when after visit + N days', S.issueInput, Values.issued, onTarget('manage', (c, id, d) => issueConclusion(db(c), actorOf(c), id, d.issuedOn)));

post('/inspection-recommendations/{id}/remediation', 'inspections.respond', 'Remediation report filed', S.remediationInput, Id, async (c, id, d) => {
  const r = await getRecommendation(db(c), id);
  if (!r) throw notFound();
  if (!(await onUnit(c, 'inspections.respond', r.addressee_unit_id))) throw forbidden();
  return fileRemediation(db(c), actorOf(c), id, d);
});
post('/inspection-recommendations/{id}/close', 'inspections.manage', 'Recommendation closed', noFields, Id, (c, id) => closeRecommendation(db(c), actorOf(c), id));

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-schemes', middleware: [allow('inspections.view')] as const, responses: { 200: json(z.object({ items: z.array(O.SchemeItem) }), 'Checklist and scoring scheme versions'), ...errors } }), async (c) =>
  c.json({ items: (await listSchemes(db(c))).map((s) => ({ id: s.id, code: s.code, version: s.version, name: s.name, decisionNo: s.decision_no, validFrom: s.valid_from, provisional: !!s.provisional, definition: s.def })) }, 200));
post('/inspection-schemes', 'inspections.manage', 'New version created', S.schemeInput, Id, (c, _id, d) => createScheme(db(c), actorOf(c), d), 201);

inspectionsApi.openapi(createRoute({ method: 'get', path: '/inspection-assessments', middleware: [allow('inspections.view')] as const, request: { query: z.object({ year: z.string().optional() }) }, responses: { 200: json(z.object({ items: z.array(O.AssessmentItem) }), 'Yearly assessments the caller may see'), ...errors } }), async (c) => {
  const year = Number(c.req.query('year')) || Number(localToday().slice(0, 4));
  const manage = await mayManage(c);
  const oversee = await can(c.get('user'), 'inspections.oversee');
  const items = [];
  for (const a of await assessmentsOf(db(c), year)) if (manage || (oversee && a.status === 'published') || (await onUnit(c, 'inspections.respond', a.unit_id))) items.push({ ...a, adjustments: JSON.parse(a.adjustments) });
  return c.json({ items }, 200);
});
post('/inspection-assessments', 'inspections.respond', 'Self-assessment saved', S.selfAssessInput, Id, async (c, _id, d) => {
  if (!(await onUnit(c, 'inspections.respond', d.unitId))) throw forbidden();
  return selfAssess(db(c), actorOf(c), d, (await schemeForYear(db(c), d.year))!.id);
}, 201);
post('/inspection-assessments/{id}/appraisal', 'inspections.manage', 'Appraised: final score and class', S.appraisalInput, Values.appraisal, (c, id, d) => appraiseAssessment(db(c), actorOf(c), id, d));
post('/inspection-assessments/publication', 'inspections.publish', 'Classification published', S.publicationInput, Values.published, (c, _id, d) => publishClassification(db(c), actorOf(c), d));
