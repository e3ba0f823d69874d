import { Hono } from 'hono';
import ExcelJS from 'exceljs';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { formValues, readForm, translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { SELF_ASSESSMENT } from '../../domain/inspections/index.ts';
import { mayManage, onUnit, targetFor } from './inspections.access.ts';
import { assessmentsOf, getRecommendation, getScheme, listSchemes, publicResults, schemeForYear } from './inspections.repository.ts';
import { adjustmentInput, appraisalInput, publicationInput, remediationInput, schemeInput, selfAssessInput } from './inspections.schema.ts';
import { createScheme } from './inspections.service.ts';
import { appraiseAssessment, closeRecommendation, fileRemediation, publishClassification, selfAssess } from './inspections.followup.ts';
import { loadTarget } from './inspections.load.ts';
import { conclusionDocx, minutesDocx, summaryDocx } from './inspections.documents.ts';
import { targetUnits } from './inspections.choices.ts';
import { AssessmentsPage, PublicPage, SchemeForm, SchemePage, SchemesPage } from './views/assessments.tsx';
import { summaryRows } from './inspections.summary.ts';
import { renderTarget } from './inspections.pages.tsx';

export const inspectionMorePages = new Hono<AppEnv>();
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const explain = (c: Ctx, fields?: Record<string, string>) => translateFields(fields ?? { _: 'validation.invalid' }, c.get('t'));

/** The minutes and the conclusion notice of a target as DOCX, for those who may read its findings (the conclusion also once issued). */
export async function targetDocx(c: Ctx, id: string, kind: 'minutes' | 'conclusion') {
  const { db } = c.get('deps');
  const { t, plan, rights } = await targetFor(c, id);
  if (!rights.findings && !(kind === 'conclusion' && rights.issued)) throw forbidden();
  const v = await loadTarget(db, t, plan, localToday(), true);
  if (kind === 'minutes' && !t.visited_on) throw notFound();
  if (kind === 'conclusion' && !v.conclusion) throw notFound();
  const x = { plan, target: t, unitName: v.unitName, team: v.team, scheme: v.scheme, findings: v.findings, score: v.score!, evidence: v.evidence };
  const buf = kind === 'minutes' ? await minutesDocx(x) : await conclusionDocx({ ...x, conclusion: v.conclusion!, recommendations: v.recs });
  return c.body(new Uint8Array(buf), 200, { 'Content-Type': DOCX, 'Content-Disposition': `attachment; filename="${kind === 'minutes' ? 'bien-ban' : 'ket-luan'}-${t.id.slice(0, 8)}.docx"` });
}
inspectionMorePages.get('/inspection-targets/:id/minutes.docx', allow('inspections.view'), (c) => targetDocx(c, c.req.param('id'), 'minutes'));
inspectionMorePages.get('/inspection-targets/:id/conclusion.docx', allow('inspections.view'), (c) => targetDocx(c, c.req.param('id'), 'conclusion'));

inspectionMorePages.post('/inspection-recommendations/:id/remediation', allow('inspections.respond'), async (c) => {
  const r0 = await getRecommendation(c.get('deps').db, c.req.param('id'));
  if (!r0) throw notFound();
  if (!(await onUnit(c, 'inspections.respond', r0.addressee_unit_id))) throw forbidden();
  const form = await readForm(c, remediationInput);
  if (!form.ok) return renderTarget(c, r0.target_id, form);
  const r = await fileRemediation(c.get('deps').db, actorOf(c), r0.id, form.data);
  if (!r.ok) return renderTarget(c, r0.target_id, { values: form.values, errors: explain(c, r.fields) });
  return c.redirect(`/inspection-targets/${r0.target_id}`, 303);
});
inspectionMorePages.post('/inspection-recommendations/:id/close', allow('inspections.manage'), async (c) => {
  const r = await closeRecommendation(c.get('deps').db, actorOf(c), c.req.param('id'));
  if (!r.ok && r.error === 'not_found') throw notFound();
  const rec = await getRecommendation(c.get('deps').db, c.req.param('id'));
  // Not remediated yet, or already closed: the page again with the reason (a silent redirect changed nothing).
  if (!r.ok) return renderTarget(c, rec!.target_id, { values: {}, errors: explain(c, r.fields) });
  return c.redirect(`/inspection-targets/${rec!.target_id}`, 303);
});

inspectionMorePages.get('/inspection-schemes', allow('inspections.view'), async (c) => c.render(<SchemesPage schemes={await listSchemes(c.get('deps').db)} canManage={await mayManage(c)} />, { title: c.get('t')('inspections.schemes') }));
inspectionMorePages.get('/inspection-schemes/:id', allow('inspections.view'), async (c) => {
  const s = await getScheme(c.get('deps').db, c.req.param('id'));
  if (!s) throw notFound();
  return c.render(<SchemePage s={s} canManage={await mayManage(c)} />, { title: s.name });
});
const renderSchemeForm = async (c: Ctx, id: string, values?: Record<string, string>, errors?: FieldErrors) => {
  const from = await getScheme(c.get('deps').db, id);
  if (!from) throw notFound();
  if (errors) c.status(400);
  return c.render(<SchemeForm from={from} errors={errors} values={values ?? { name: from.name, decisionNo: from.decision_no ?? '', validFrom: '', definition: JSON.stringify(from.def, null, 2) }} />, { title: c.get('t')('inspections.newVersion') });
};
inspectionMorePages.get('/inspection-schemes/:id/new-version', allow('inspections.manage'), (c) => renderSchemeForm(c, c.req.param('id')));
inspectionMorePages.post('/inspection-schemes/:id/new-version', allow('inspections.manage'), async (c) => {
  const form = await readForm(c, schemeInput);
  if (!form.ok) return renderSchemeForm(c, c.req.param('id'), form.values, form.errors);
  const r = await createScheme(c.get('deps').db, actorOf(c), form.data);
  if (!r.ok) return renderSchemeForm(c, c.req.param('id'), form.values, explain(c, r.fields));
  return c.redirect(`/inspection-schemes/${r.value}`, 303);
});

/** Assessments a user may see: all for the coordinator and overseers (issued ones for overseers), their own units' otherwise. */
async function visibleAssessments(c: Ctx, year: number) {
  const rows = await assessmentsOf(c.get('deps').db, year);
  if (await mayManage(c)) return rows;
  const oversee = await can(c.get('user'), 'inspections.oversee');
  const out = [];
  for (const r of rows) if ((oversee && r.status === 'published') || (await onUnit(c, 'inspections.respond', r.unit_id))) out.push(r);
  return out;
}
async function renderAssessments(c: Ctx, year: number, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  const user = c.get('user');
  const units = (await targetUnits(c.get('deps').db));
  const own = [];
  for (const u of units) if (await onUnit(c, 'inspections.respond', u[0])) own.push(u);
  if (form?.errors) c.status(400);
  return c.render(<AssessmentsPage year={year} rows={await visibleAssessments(c, year)} units={own} canManage={await mayManage(c)} canPublish={await can(user, 'inspections.publish')} canSelf={own.length > 0 && !(await mayManage(c))} selfMonth={SELF_ASSESSMENT.month} errors={form?.errors} values={form?.values} />, { title: c.get('t')('inspections.assessments') });
}
const yearOf = (c: Ctx) => { const y = Number(c.req.query('year')); return Number.isInteger(y) && y >= 2020 && y <= 2100 ? y : Number(localToday().slice(0, 4)); };
inspectionMorePages.get('/inspection-assessments', allow('inspections.view'), (c) => renderAssessments(c, yearOf(c)));

inspectionMorePages.post('/inspection-assessments', allow('inspections.respond'), async (c) => {
  const form = await readForm(c, selfAssessInput);
  if (!form.ok) return renderAssessments(c, Number(form.values.year) || yearOf(c), form);
  if (!(await onUnit(c, 'inspections.respond', form.data.unitId))) throw forbidden();
  const scheme = (await schemeForYear(c.get('deps').db, form.data.year))!;
  const r = await selfAssess(c.get('deps').db, actorOf(c), form.data, scheme.id);
  if (!r.ok) return renderAssessments(c, form.data.year, { values: form.values, errors: explain(c, r.fields) });
  return c.redirect(`/inspection-assessments?year=${form.data.year}`, 303);
});

/** Adjustments typed one per line: "-9; reason". */
export function parseAdjustments(text: string) {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => { const [pts, ...rest] = l.split(';'); return { points: pts.trim().replace(',', '.').replace('−', '-'), reason: rest.join(';').trim() }; });
}

inspectionMorePages.post('/inspection-assessments/:id/appraisal', allow('inspections.manage'), async (c) => {
  const values = await formValues(c);
  const parsed = appraisalInput.safeParse({ adjustments: parseAdjustments(values.adjustments ?? ''), notEligibleReason: values.notEligibleReason ?? '' });
  const year = yearOf(c);
  if (!parsed.success || parsed.data.adjustments.some((a) => !adjustmentInput.safeParse(a).success)) return renderAssessments(c, year, { values, errors: { adjustments: c.get('t')('inspections.error.adjustments') } });
  const r = await appraiseAssessment(c.get('deps').db, actorOf(c), c.req.param('id'), parsed.data);
  if (!r.ok) return renderAssessments(c, year, { values, errors: Object.fromEntries(Object.entries(explain(c, r.fields)).map(([k, v]) => [k.startsWith('adjustments') ? 'adjustments' : k, v])) });
  const a = await c.get('deps').db.selectFrom('inspection_assessments').select('year').where('id', '=', c.req.param('id')).executeTakeFirstOrThrow();
  return c.redirect(`/inspection-assessments?year=${a.year}`, 303);
});

inspectionMorePages.post('/inspection-assessments/publication', allow('inspections.publish'), async (c) => {
  const form = await readForm(c, publicationInput);
  if (!form.ok) return renderAssessments(c, Number(form.values.year) || yearOf(c), form);
  const r = await publishClassification(c.get('deps').db, actorOf(c), form.data);
  if (!r.ok) return renderAssessments(c, form.data.year, { values: form.values, errors: explain(c, r.fields) });
  return c.redirect(`/inspection-assessments?year=${form.data.year}`, 303);
});

/** The summary table of DVK-AND-INSPECTIONS §7.3 (proposed columns) for a year, as XLSX. */
inspectionMorePages.get('/inspection-assessments/summary.xlsx', allow('inspections.oversee'), async (c) => {
  const year = yearOf(c);
  const { head, rows } = await summaryRows(c.get('deps').db, year, !(await mayManage(c)));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Kiem tra ${year}`);
  ws.addRow([`Biểu tổng hợp kết quả kiểm tra công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở năm ${year}`]);
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  const buf = await wb.xlsx.writeBuffer();
  return c.body(new Uint8Array(buf as ArrayBuffer), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="tong-hop-kiem-tra-${year}.xlsx"` });
});

/** The same §7.3 summary as a Decree 30 DOCX report of Sở Nội vụ. */
inspectionMorePages.get('/inspection-assessments/summary.docx', allow('inspections.oversee'), async (c) => {
  const year = yearOf(c);
  const buf = await summaryDocx(year, await summaryRows(c.get('deps').db, year, !(await mayManage(c))));
  return c.body(new Uint8Array(buf), 200, { 'Content-Type': DOCX, 'Content-Disposition': `attachment; filename="tong-hop-kiem-tra-${year}.docx"` });
});

inspectionMorePages.get('/public/inspections', allow('public'), async (c) => c.render(<PublicPage data={await publicResults(c.get('deps').db)} />, { title: c.get('t')('inspections.public.title') }));
