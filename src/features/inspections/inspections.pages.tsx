import { Hono } from 'hono';
import type { z } from 'zod';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden, type Result } from '../../platform/http/errors.ts';
import { formValues, readForm, translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { mayManage, planFor, targetFor, targetWith } from './inspections.access.ts';
import { listPlans, listSchemes, openRecommendations, targetsOf, teamsOf, getScheme } from './inspections.repository.ts';
import { conclusionInput, explanationInput, goodModelInput, findingsInput, issueInput, noticeInput, planInput, recommendationInput, selfReportInput, targetInput, teamInput } from './inspections.schema.ts';
import { addTarget, addTeam, createPlan, fileSelfReport, movePlan, saveExplanation, sendNotice } from './inspections.service.ts';
import { addRecommendation, issueConclusion, saveConclusion } from './inspections.followup.ts';
import { saveFindings } from './inspections.visit.ts';
import { proposeGoodModel } from './inspections.models.ts';
import { loadTarget } from './inspections.load.ts';
import { PlanForm, PlanList, PlanPage } from './views/plans.tsx';
import { TargetPage } from './views/target.tsx';
import { remediableIds, targetUnits } from './inspections.choices.ts';

export const inspectionPages = new Hono<AppEnv>();
type Form = { errors?: FieldErrors; values?: Record<string, string> };
const explain = (c: Ctx, fields?: Record<string, string>) => translateFields(fields ?? { _: 'validation.invalid' }, c.get('t'));

inspectionPages.get('/inspections', allow('inspections.view'), async (c) => {
  const { db } = c.get('deps');
  const manage = await mayManage(c);
  const plans = await listPlans(db, !(manage || (await can(c.get('user'), 'inspections.approve'))));
  return c.render(<PlanList plans={plans} canManage={manage} overdue={manage ? await openRecommendations(db) : []} today={localToday()} />, { title: c.get('t')('inspections.title') });
});

const schemeChoices = async (c: Ctx): Promise<[string, string][]> => (await listSchemes(c.get('deps').db)).map((s) => [s.id, `${s.name} (${c.get('t')('inspections.version')} ${s.version})`]);
const renderPlanForm = async (c: Ctx, values: Record<string, string>, errors?: FieldErrors) => {
  if (errors) c.status(400);
  return c.render(<PlanForm schemes={await schemeChoices(c)} values={values} errors={errors} />, { title: c.get('t')('inspections.newPlan') });
};
inspectionPages.get('/inspections/new', allow('inspections.manage'), (c) => {
  const y = Number(localToday().slice(0, 4));
  return renderPlanForm(c, { year: String(y), scope: 'both', mode: 'planned', reviewFrom: `01/01/${y}`, reviewTo: formatDate(localToday()), noticeDays: '15', selfReportDays: '7', conclusionDays: '15', recommendationDays: '30' });
});
inspectionPages.post('/inspections/new', allow('inspections.manage'), async (c) => {
  const form = await readForm(c, planInput);
  if (!form.ok) return renderPlanForm(c, form.values, form.errors);
  const r = await createPlan(c.get('deps').db, actorOf(c), form.data);
  if (!r.ok) return renderPlanForm(c, form.values, explain(c, r.fields));
  return c.redirect(`/inspections/${r.value}`, 303);
});

async function renderPlan(c: Ctx, id: string, form?: Form) {
  const { db } = c.get('deps');
  const plan = await planFor(c, id);
  if (form?.errors) c.status(400);
  const scheme = await getScheme(db, plan.scheme_id);
  return c.render(<PlanPage plan={plan} schemeName={`${scheme?.name} (${c.get('t')('inspections.version')} ${scheme?.version})`} teams={await teamsOf(db, plan.id)} targets={await targetsOf(db, plan.id)} units={await targetUnits(db)}
    canManage={await mayManage(c)} canApprove={await can(c.get('user'), 'inspections.approve')} today={localToday()} errors={form?.errors} values={form?.values} />, { title: plan.title });
}
inspectionPages.get('/inspections/:id', allow('inspections.view'), (c) => renderPlan(c, c.req.param('id')));

for (const step of ['submit', 'approve', 'return'] as const) {
  inspectionPages.post(`/inspections/:id/${step}`, allow(step === 'submit' ? 'inspections.manage' : 'inspections.approve'), async (c) => {
    const plan = await planFor(c, c.req.param('id'));
    const r = await movePlan(c.get('deps').db, actorOf(c), plan.id, step);
    if (!r.ok) return renderPlan(c, plan.id, { errors: explain(c, r.fields) });
    return c.redirect(`/inspections/${plan.id}`, 303);
  });
}

/** Members typed one per line: "Họ tên; cơ quan; trưởng đoàn / phó / thành viên / thư ký; tên đăng nhập (nếu có)". */
async function parseMembers(c: Ctx, text: string) {
  const { db } = c.get('deps');
  const out = [];
  for (const [name, body = '', role = '', username = ''] of text.split(/\r?\n/).map((l) => l.split(';').map((s) => s.trim())).filter((p) => p[0])) {
    const r = foldVietnamese(role);
    const user = username ? await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst() : undefined;
    out.push({ name, body, role: /^(leader|truong)/.test(r) ? 'leader' : /^(deputy|pho)/.test(r) ? 'deputy' : /^(secretary|thu ky)/.test(r) ? 'secretary' : 'member', userId: user?.id ?? '' });
  }
  return out;
}

inspectionPages.post('/inspections/:id/teams', allow('inspections.manage'), async (c) => {
  const plan = await planFor(c, c.req.param('id'));
  const values = await formValues(c);
  const parsed = teamInput.safeParse({ ...values, members: await parseMembers(c, values.members ?? '') });
  if (!parsed.success) return renderPlan(c, plan.id, { values, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), c.get('t')(i.path[0] === 'members' ? 'inspections.error.members' : 'validation.invalid')])) });
  const r = await addTeam(c.get('deps').db, actorOf(c), plan.id, parsed.data);
  if (!r.ok) return renderPlan(c, plan.id, { values, errors: explain(c, r.fields) });
  return c.redirect(`/inspections/${plan.id}`, 303);
});

inspectionPages.post('/inspections/:id/targets', allow('inspections.manage'), async (c) => {
  const plan = await planFor(c, c.req.param('id'));
  const form = await readForm(c, targetInput);
  if (!form.ok) return renderPlan(c, plan.id, form);
  const r = await addTarget(c.get('deps').db, actorOf(c), plan.id, form.data);
  if (!r.ok) return renderPlan(c, plan.id, { values: form.values, errors: explain(c, r.fields) });
  return c.redirect(`/inspections/${plan.id}`, 303);
});

export async function renderTarget(c: Ctx, id: string, form?: Form) {
  const { db } = c.get('deps');
  const { t, plan, rights } = await targetFor(c, id);
  const v = await loadTarget(db, t, plan, localToday(), rights.findings);
  if (form?.errors) c.status(400);
  return c.render(<TargetPage v={v} rights={rights} today={localToday()} remediable={await remediableIds(c, v.recs)} errors={form?.errors} values={form?.values} />, { title: v.unitName });
}
inspectionPages.get('/inspection-targets/:id', allow('inspections.view'), (c) => renderTarget(c, c.req.param('id')));

type Step = { path: string; action: string; right: 'manage' | 'respond' | 'record'; schema: z.ZodType; run: (c: Ctx, id: string, d: any) => Promise<Result<unknown>> };
const db = (c: Ctx) => c.get('deps').db;
const steps: Step[] = [
  { path: 'notice', action: 'inspections.manage', right: 'manage', schema: noticeInput, run: (c, id, d) => sendNotice(db(c), actorOf(c), id, d.sentOn) },
  { path: 'self-report', action: 'inspections.respond', right: 'respond', schema: selfReportInput, run: (c, id, d) => fileSelfReport(db(c), actorOf(c), id, d) },
  { path: 'explanation', action: 'inspections.respond', right: 'respond', schema: explanationInput, run: (c, id, d) => saveExplanation(db(c), actorOf(c), id, d.explanation) },
  { path: 'conclusion', action: 'inspections.manage', right: 'manage', schema: conclusionInput, run: (c, id, d) => saveConclusion(db(c), actorOf(c), id, d) },
  { path: 'recommendations', action: 'inspections.manage', right: 'manage', schema: recommendationInput, run: (c, id, d) => addRecommendation(db(c), actorOf(c), id, d) },
  { path: 'good-models', action: 'inspections.manage', right: 'manage', schema: goodModelInput, run: (c, id, d) => proposeGoodModel(db(c), actorOf(c), id, d) },
  { path: 'issue', action: 'inspections.manage', right: 'manage', schema: issueInput, run: (c, id, d) => issueConclusion(db(c), actorOf(c), id, d.issuedOn) },
];
for (const s of steps) {
  inspectionPages.post(`/inspection-targets/:id/${s.path}`, allow(s.action), async (c) => {
    const { t } = await targetWith(c, c.req.param('id'), s.right);
    const form = await readForm(c, s.schema);
    if (!form.ok) return renderTarget(c, t.id, form);
    const r = await s.run(c, t.id, form.data);
    if (!r.ok) return renderTarget(c, t.id, { values: form.values, errors: explain(c, r.fields) });
    return c.redirect(`/inspection-targets/${t.id}`, 303);
  });
}

/** Findings typed per criterion: result.{code}, points.{code}, overrideReason.{code}, note.{code}. */
export function findingsFromForm(values: Record<string, string>) {
  const codes = Object.keys(values).filter((k) => k.startsWith('code.')).map((k) => k.slice(5));
  return { visitedOn: values.visitedOn, visitPlace: values.visitPlace, items: codes.map((code) => ({ code, result: values[`result.${code}`], points: values[`points.${code}`] ?? '', overrideReason: values[`overrideReason.${code}`] ?? '', note: values[`note.${code}`] ?? '' })) };
}

inspectionPages.post('/inspection-targets/:id/findings', allow('inspections.record'), async (c) => {
  const { t } = await targetWith(c, c.req.param('id'), 'record');
  const values = await formValues(c);
  const parsed = findingsInput.safeParse(findingsFromForm(values));
  if (!parsed.success) return renderTarget(c, t.id, { values, errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path[0] === 'items' ? `${String(i.path[2])}.${findingsFromForm(values).items[Number(i.path[1])]?.code}` : String(i.path[0]), c.get('t')(i.path[0] === 'visitedOn' ? 'validation.date' : 'validation.invalid')])) });
  const r = await saveFindings(db(c), actorOf(c), t.id, parsed.data);
  if (!r.ok) return renderTarget(c, t.id, { values, errors: explain(c, r.fields) });
  return c.redirect(`/inspection-targets/${t.id}`, 303);
});

export { forbidden };
