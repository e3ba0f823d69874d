import { Hono } from 'hono';
import { createRoute } from '@hono/zod-openapi';
import { allow, authorize, can } from '../../platform/authz/index.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { sendFile } from '../../platform/files/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { fieldErrors, translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice, Select, Table } from '../../platform/views/components.tsx';
import { ErrorSchema } from '../auth/index.ts';
import { ancestorIds, unitNames } from '../units/index.ts';
import { assignmentInput, missingAssignments, recordAssignment } from './assignments.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });

export const assignmentsApi = apiRouter();
assignmentsApi.openapi(createRoute({
  method: 'get', path: '/assignments/missing', middleware: [allow('plans.coverage')] as const,
  responses: { 200: json(z.object({ items: z.array(z.object({ unitId: z.string(), reason: z.enum(['none', 'holder-lost-role']) })) }), 'Units without a valid written assignment'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed') },
}), async (c) => c.json({ items: (await missingAssignments(c.get('deps').db, localToday())).map((m) => ({ unitId: m.unitId, reason: m.reason })) }, 200));

export const assignmentPages = new Hono<AppEnv>();

assignmentPages.get('/assignments', allow('plans.coverage'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const missing = await missingAssignments(db, localToday());
  const current = await db.selectFrom('plan_assignments').innerJoin('units', 'units.id', 'plan_assignments.unit_id').select(['units.id as unit_id', 'units.full_name', 'plan_assignments.head_name', 'plan_assignments.focal_name', 'plan_assignments.document_number', 'plan_assignments.document_date', 'plan_assignments.file_id']).where('active', '=', 1).orderBy('units.full_name').execute();
  return c.render(<>
    <h1>{t('assignments.title')}</h1>
    <p>{t('assignments.intro')}</p>
    <h2>{t('assignments.missing', { n: missing.length })}</h2>
    <Table head={[t('plans.coverage.unit'), t('assignments.reason')]} empty={t('assignments.allDone')}
      rows={missing.map((m) => [<a href={`/assignments/${m.unitId}`}>{m.unitName}</a>, <span class={m.reason === 'none' ? 'tag red' : 'tag grey'}>{t(`assignments.reason.${m.reason}`)}</span>])} />
    <h2>{t('assignments.current')}</h2>
    <Table head={[t('plans.coverage.unit'), t('assignments.head'), t('assignments.focal'), t('assignments.document')]} empty="—"
      rows={current.map((a) => [a.full_name, a.head_name, a.focal_name, <>{a.document_number} ({formatDate(a.document_date)}){a.file_id && <> · <a href={`/assignments/${a.unit_id}/file`}>{t('assignments.file')}</a></>}</>])} />
  </>, { title: t('assignments.title') });
});

async function formPage(c: Ctx, unitId: string, status = 200, errors?: FieldErrors, values: Record<string, string> = {}) {
  const t = c.get('t');
  const { db } = c.get('deps');
  await authorize(c.get('user'), 'assignments.record', unitId, (id) => ancestorIds(db, id));
  const users = await db.selectFrom('role_grants').innerJoin('users', 'users.id', 'role_grants.user_id').select(['users.id', 'users.display_name']).where('role_grants.unit_id', '=', unitId).distinct().execute();
  const opts: [string, string][] = [['', '—'], ...users.map((u): [string, string] => [u.id, u.display_name])];
  const name = (await unitNames(db, [unitId])).get(unitId)?.fullName ?? unitId;
  const current = await db.selectFrom('plan_assignments').select(['head_name', 'focal_name', 'document_number', 'document_date', 'file_id']).where('unit_id', '=', unitId).where('active', '=', 1).executeTakeFirst();
  c.status(status as 200);
  return c.render(<>
    {c.req.query('saved') && <Notice>{t('assignments.saved')}</Notice>}
    <h1><span class="caption">{name}</span>{t('assignments.form')}</h1>
    {current ? (
      <p>{t('assignments.now', { head: current.head_name, focal: current.focal_name, number: current.document_number, date: formatDate(current.document_date) })}
        {current.file_id && <> · <a href={`/assignments/${unitId}/file`}>{t('assignments.file')}</a></>}</p>
    ) : <p>{t('assignments.reason.none')}</p>}
    <form method="post" action={`/assignments/${unitId}`} enctype="multipart/form-data"><Csrf />
      <ErrorSummary errors={errors} />
      <Select name="headUserId" label={t('assignments.head')} options={opts} values={values} errors={errors} />
      <Select name="focalUserId" label={t('assignments.focal')} options={opts} values={values} errors={errors} />
      <Field name="documentNumber" label={t('assignments.document')} hint={t('plans.issue.numberHint')} values={values} errors={errors} width="short" />
      <Field name="documentDate" label={t('assignments.date')} hint={t('plans.dateHint')} values={values} errors={errors} width="short" />
      <div class={`field${errors?.file ? ' field-error' : ''}`}><label for="f-file">{t('tasks.update.file')}</label><div class="hint">{t('tasks.update.fileHint')}</div>{errors?.file && <p class="error-message">{errors.file}</p>}<input id="f-file" type="file" name="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" /></div>
      <button type="submit">{t('assignments.submit')}</button>
    </form>
  </>, { title: t('assignments.form') });
}

assignmentPages.get('/assignments/:unitId', allow('assignments.record'), (c) => formPage(c, c.req.param('unitId')));

assignmentPages.post('/assignments/:unitId', allow('assignments.record'), async (c) => {
  const unitId = c.req.param('unitId');
  const { db, config } = c.get('deps');
  await authorize(c.get('user'), 'assignments.record', unitId, (id) => ancestorIds(db, id));
  const body = await c.req.parseBody();
  const values = Object.fromEntries(['headUserId', 'focalUserId', 'documentNumber', 'documentDate'].map((k) => [k, String(body[k] ?? '')]));
  const r = assignmentInput.safeParse({ ...values, unitId });
  if (!r.success) return formPage(c, unitId, 400, fieldErrors(r.error, c.get('t')), values);
  const s = await recordAssignment(db, actorOf(c), r.data, body.file instanceof File ? body.file : null, config.dataDir);
  if (!s.ok) return formPage(c, unitId, 400, translateFields(s.fields, c.get('t')), values);
  return c.redirect(`/assignments/${unitId}?saved=1`, 303);
});

/** The scanned assigning document: for the coordinator's side (plans.coverage) and the unit itself. */
assignmentPages.get('/assignments/:unitId/file', allow('authenticated'), async (c) => {
  const unitId = c.req.param('unitId');
  const { db, config } = c.get('deps');
  const user = c.get('user');
  if (!(await can(user, 'plans.coverage')) && !(await can(user, 'assignments.record', unitId, (id) => ancestorIds(db, id)))) throw forbidden();
  const a = await db.selectFrom('plan_assignments').select('file_id').where('unit_id', '=', unitId).where('active', '=', 1).executeTakeFirst();
  if (!a?.file_id) throw notFound();
  return sendFile(c, db, config.dataDir, a.file_id);
});
