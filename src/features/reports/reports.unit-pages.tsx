import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { formValues, translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { lastChange, sentVersion } from '../../platform/http/concurrency.ts';
import type { Conflict } from '../../platform/views/conflict.tsx';
import { formatDateTime, formatNumber, type T } from '../../platform/i18n/index.ts';
import { getIndicator } from '../../platform/indicators/index.ts';
import { nowIso } from '../../platform/clock.ts';
import { getUnit } from '../units/index.ts';
import { assertRead, assertSubmit, assertWrite, loadTarget, mayReview, maySubmit, mayWrite } from './reports.access.ts';
import { reportFile } from './reports.api.ts';
import { reportRow, reportVersions, reportView, type ReportView } from './reports.repository.ts';
import { draftFromForm, returnInput } from './reports.schema.ts';
import { acceptReport, returnReport, saveDraft, submitReport } from './reports.service.ts';
import { ReportPage } from './views/report.tsx';
import { outlineIn } from './views/outline.ts';

/** A unit's report for a period: the page, its draft form (with autosave), sending and review. */
export const unitReportPages = new Hono<AppEnv>();

const stateError = (c: Ctx) => { c.status(409); c.header('x-coso-no-change', '1'); };

/** The label users read for a form field name of the report page (`v.<code>`, `r.<code>`, `s.<key>`). */
function fieldLabel(name: string, t: T): string {
  const [kind, ...rest] = name.split('.');
  const code = rest.join('.');
  const d = getIndicator(code);
  if (kind === 'v') return d?.label ?? code;
  if (kind === 'r') return `${t('reports.override')} (${d?.label ?? code})`;
  return name;
}

type Extra = { values?: Record<string, string>; errors?: FieldErrors; /** 409: someone saved in between. */ stale?: boolean };

/**
 * The conflict panel of a stale save: the sections and indicator values as the other person saved
 * them, where they differ from what this user sent (whose own input stays in the form below).
 */
function conflictRows(report: ReportView, values: Record<string, string>, t: T): Conflict['rows'] {
  const rows: Conflict['rows'] = report.sections.filter((s) => (values[`s.${s.key}`] ?? '') !== s.text).map((s) => [outlineIn(s, t).title, s.text]);
  for (const i of report.indicators) {
    const shown = i.value == null ? '' : formatNumber(i.value);
    if ((values[`v.${i.code}`] ?? '').trim() !== shown || (values[`r.${i.code}`] ?? '').trim() !== (i.overrideReason ?? '')) rows.push([fieldLabel(`v.${i.code}`, t), [shown, i.overrideReason].filter(Boolean).join(' · ')]);
  }
  return rows;
}

async function renderReport(c: Ctx, periodId: string, unitId: string, extra: Extra = {}) {
  const { db } = c.get('deps');
  const user = c.get('user');
  const { period, regime } = await loadTarget(db, periodId, unitId);
  const report = await reportView(db, period, regime, unitId);
  await assertRead(db, user, unitId, report.status);
  const unit = (await getUnit(db, unitId))!;
  const t = c.get('t');
  const n = c.req.query('done');
  const notice = n ? t(`reports.${n === 'saved' ? 'saved' : n === 'submitted' ? 'submitted' : n === 'returned' ? 'returnedNotice' : 'acceptedNotice'}`) : undefined;
  const conflict = extra.stale && report.id ? { by: await lastChange(db, 'report', report.id), rows: conflictRows(report, extra.values ?? {}, t) } : undefined;
  const lockVersion = conflict ? report.lockVersion : sentVersion(extra.values?.lockVersion) ?? report.lockVersion;
  return c.render(
    <ReportPage period={period} unitId={unitId} unitName={unit.fullName} report={report} versions={report.id ? await reportVersions(db, report.id) : []} lockVersion={lockVersion} conflict={conflict}
      canEdit={await mayWrite(db, user, unitId)} canSubmit={await maySubmit(db, user, unitId)} canReview={await mayReview(user)} values={extra.values} errors={extra.errors} notice={notice} />,
    { title: `${unit.fullName} · ${period.title}` },
  );
}

unitReportPages.get('/reports/:periodId/:unitId', allow('reports.view'), (c) => renderReport(c, c.req.param('periodId'), c.req.param('unitId')));
unitReportPages.get('/reports/:periodId/:unitId/report.docx', allow('reports.view'), (c) => reportFile(c, c.req.param('periodId'), c.req.param('unitId')));

/**
 * The draft form: a plain save (303, or the page again with 400/409) or, with `x-coso-autosave: 1`,
 * a background save by static/autosave.js answered in JSON with the new `lockVersion`. The form carries
 * the report's `lockVersion`; a stale one saves nothing (409: the page shows the other person's text
 * beside the user's kept input; autosave stops and says so).
 */
unitReportPages.post('/reports/:periodId/:unitId', allow('reports.write'), async (c) => {
  const { db } = c.get('deps');
  const { periodId, unitId } = c.req.param();
  const { period, regime } = await loadTarget(db, periodId, unitId);
  await assertWrite(db, c.get('user'), unitId);
  const values = await formValues(c);
  const autosave = c.req.header('x-coso-autosave') === '1';
  const expected = sentVersion(values.lockVersion);
  const parsed = draftFromForm(values, regime.indicators, regime.outline.map((s) => s.key));
  const r = parsed.ok && expected !== null ? await saveDraft(db, actorOf(c), period, regime, unitId, parsed.data, expected, { autosave }) : null;
  const t = c.get('t');
  const fieldsOf = (): FieldErrors => ({ ...(expected === null ? { lockVersion: t('concurrency.missing') } : {}), ...translateFields(parsed.ok ? (r && !r.ok ? r.fields ?? {} : {}) : parsed.errors, t) });
  if (autosave) {
    // Background save by static/autosave.js: JSON instead of a redirect or a page.
    if (r?.ok) {
      const savedAt = nowIso();
      const lockVersion = Number((await reportRow(db, period.id, unitId))?.lock_version ?? 0);
      return c.json({ status: 'draft', savedAt, lockVersion, message: t('reports.autosaved', { time: formatDateTime(savedAt) }) }, 200);
    }
    c.header('x-coso-no-change', '1');
    if (r && r.error === 'state') return c.json({ error: 'state', message: t('reports.autosaveState') }, 409);
    if (r && r.error === 'conflict') return c.json({ error: 'conflict', message: t('reports.autosaveConflict'), currentVersion: Number((await reportRow(db, period.id, unitId))?.lock_version ?? 0) }, 409);
    const fields = fieldsOf();
    const labels = Object.keys(fields).map((k) => fieldLabel(k, t)).join('; ');
    return c.json({ error: 'invalid', message: expected === null ? fields.lockVersion : t('reports.autosaveInvalid', { fields: labels }), fields }, 400);
  }
  if (r?.ok) return c.redirect(`/reports/${periodId}/${unitId}?done=saved`, 303);
  if (r && r.error === 'conflict') {
    stateError(c);
    return renderReport(c, periodId, unitId, { values, errors: { lockVersion: t('concurrency.conflict') }, stale: true });
  }
  if (r && r.error === 'state') stateError(c);
  else c.status(400);
  return renderReport(c, periodId, unitId, { values, errors: fieldsOf() });
});

unitReportPages.post('/reports/:periodId/:unitId/submit', allow('reports.submit'), async (c) => {
  const { db } = c.get('deps');
  const { periodId, unitId } = c.req.param();
  const { period } = await loadTarget(db, periodId, unitId);
  await assertSubmit(db, c.get('user'), unitId);
  const r = await submitReport(db, actorOf(c), period, unitId);
  if (r.ok) return c.redirect(`/reports/${periodId}/${unitId}?done=submitted`, 303);
  stateError(c);
  return renderReport(c, periodId, unitId, { errors: { _: c.get('t')('reports.error.state') } });
});

unitReportPages.post('/reports/:periodId/:unitId/accept', allow('reports.review'), async (c) => {
  const { db } = c.get('deps');
  const { periodId, unitId } = c.req.param();
  const { period } = await loadTarget(db, periodId, unitId);
  const r = await acceptReport(db, actorOf(c), period, unitId);
  if (r.ok) return c.redirect(`/reports/${periodId}/${unitId}?done=accepted`, 303);
  stateError(c);
  return renderReport(c, periodId, unitId, { errors: { _: c.get('t')('reports.error.state') } });
});

unitReportPages.post('/reports/:periodId/:unitId/return', allow('reports.review'), async (c) => {
  const { db } = c.get('deps');
  const { periodId, unitId } = c.req.param();
  const { period } = await loadTarget(db, periodId, unitId);
  if (!(await mayReview(c.get('user')))) throw forbidden();
  const values = await formValues(c);
  const sections = Object.fromEntries(Object.entries(values).filter(([k, v]) => k.startsWith('c.') && v.trim()).map(([k, v]) => [k.slice(2), v.trim()]));
  const input = returnInput.safeParse({ comment: values.comment ?? '', sections });
  if (!input.success) {
    c.status(400);
    c.header('x-coso-no-change', '1');
    return renderReport(c, periodId, unitId, { values, errors: { comment: c.get('t')('validation.required') } });
  }
  const r = await returnReport(db, actorOf(c), period, unitId, input.data);
  if (r.ok) return c.redirect(`/reports/${periodId}/${unitId}?done=returned`, 303);
  stateError(c);
  return renderReport(c, periodId, unitId, { errors: { _: c.get('t')('reports.error.state') } });
});
