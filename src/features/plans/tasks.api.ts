import { createRoute } from '@hono/zod-openapi';
import { allow, authorize, can, scopeOf } from '../../platform/authz/index.ts';
import { apiRouter, multipartBody, z } from '../../platform/http/api.ts';
import { pageFrom, pageOf, pageSchema } from '../../platform/http/pagination.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { conflict, forbidden, notFound, unauthorized } from '../../platform/http/errors.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { fieldErrors, translateFields, validationError } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { conflictError, conflictResponse, lockVersionMember } from '../../platform/http/concurrency.ts';
import { ErrorSchema } from '../auth/index.ts';
import { ancestorIds, unitIdsInScope } from '../units/index.ts';
import { findTasks, getTask, taskUpdates, type TaskView } from './tasks.repository.ts';
import { addUpdate, createTask, patchTask } from './tasks.service.ts';
import { commentInput, taskInput, taskPatch, taskQuery, updateInput } from './plans.schema.ts';
import { applyChanges, checkRows, plannedChanges, READ_ERROR_KEYS, readProgressFile, rowFields } from './tasks.bulk.ts';
import { translator } from '../../platform/i18n/index.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown task') };
const Task = z.object({ id: z.string(), title: z.string(), unitId: z.string(), assigneeId: z.string().nullable(), dueOn: z.string().nullable(), status: z.string(), progress: z.number(), progressManual: z.boolean(), lockVersion: z.number().int() }).openapi('Task');
const out = (t: TaskView) => ({ id: t.id, title: t.title, unitId: t.unitId, assigneeId: t.assigneeId, dueOn: t.dueOn, status: t.status, progress: t.progress, progressManual: t.progressManual, planId: t.planId, planItemId: t.planItemId, areas: t.areas, lockVersion: t.lockVersion });
const idParam = z.object({ id: z.string().max(64) });

/** Whether the user may act on the task: on its owner unit, or (to view and comment) on one of its co-operating units. */
export async function mayOnTask(c: Ctx, task: TaskView, action: 'tasks.view' | 'tasks.edit' | 'tasks.comment'): Promise<boolean> {
  const { db } = c.get('deps');
  const anc = (u: string) => ancestorIds(db, u);
  if (await can(c.get('user'), action, task.unitId, anc)) return true;
  if (action === 'tasks.edit') return false;
  for (const u of task.coUnitIds) if (await can(c.get('user'), action, u, anc)) return true;
  return false;
}

/** Loads a task and checks the user may act on it (403 otherwise). */
export async function taskFor(c: Ctx, id: string, action: 'tasks.view' | 'tasks.edit' | 'tasks.comment') {
  const { db } = c.get('deps');
  const task = await getTask(db, id, localToday());
  if (!task) throw notFound();
  if (!c.get('user')) throw unauthorized();
  if (!(await mayOnTask(c, task, action))) throw forbidden();
  return task;
}

/** Edit scope check for bulk work: the user may edit tasks of the unit. */
export const editCheck = (c: Ctx) => (unitId: string) => can(c.get('user'), 'tasks.edit', unitId, (u) => ancestorIds(c.get('deps').db, u));

export const tasksApi = apiRouter();

tasksApi.openapi(createRoute({ method: 'get', path: '/tasks', middleware: [allow('tasks.view')] as const, request: { query: taskQuery }, responses: { 200: json(pageSchema(Task), 'Tasks, one page (follow `next`)'), ...errors } }), async (c) => {
  const { db } = c.get('deps');
  const q = c.req.valid('query');
  const unitIds = await unitIdsInScope(db, scopeOf(c.get('user'), 'tasks.view'));
  if (q.unitId && unitIds !== 'all' && !unitIds.includes(q.unitId)) await authorize(c.get('user'), 'tasks.view', q.unitId, (u) => ancestorIds(db, u));
  const p = pageOf(q);
  const page = pageFrom(await findTasks(db, { unitIds, unitId: q.unitId, planId: q.planId, status: q.status, overdue: q.overdue === 'true', limit: p.limit + 1, offset: p.offset }, localToday()), p);
  return c.json({ items: page.items.map(out), next: page.next }, 200);
});

const TaskDetail = Task.extend({
  planId: z.string().nullable(), parentTaskId: z.string().nullable(), coUnitIds: z.array(z.string()), areas: z.array(z.string()), startOn: z.string().nullable(), note: z.string().nullable(),
  updates: z.array(z.object({ id: z.string(), kind: z.enum(['update', 'comment']), note: z.string(), progress: z.number().nullable(), fileId: z.string().nullable(), createdAt: z.string(), by: z.string().nullable() })),
}).openapi('TaskDetail');

/** One task with its updates and comments (newest first): the owner unit, a co-operating unit, or the province-wide roles. */
tasksApi.openapi(createRoute({ method: 'get', path: '/tasks/{id}', middleware: [allow('tasks.view')] as const, request: { params: z.object({ id: z.string().max(64) }) }, responses: { 200: json(TaskDetail, 'The task'), ...errors } }), async (c) => {
  const task = await taskFor(c, c.req.valid('param').id, 'tasks.view');
  const updates = await taskUpdates(c.get('deps').db, task.id);
  return c.json({
    ...out(task), parentTaskId: task.parentTaskId, coUnitIds: task.coUnitIds, startOn: task.startOn, note: task.note,
    updates: updates.map((u) => ({ id: u.id, kind: u.kind as 'update' | 'comment', note: u.note, progress: u.progress === null ? null : Number(u.progress), fileId: u.file_id, createdAt: u.created_at, by: u.display_name ?? null })),
  }, 200);
});

tasksApi.openapi(createRoute({ method: 'post', path: '/tasks', middleware: [allow('tasks.edit')] as const, request: { body: { content: { 'application/json': { schema: taskInput } }, required: true } }, responses: { 201: json(Task, 'The new task'), ...errors } }), async (c) => {
  const { db } = c.get('deps');
  const input = c.req.valid('json');
  await authorize(c.get('user'), 'tasks.edit', input.unitId, (u) => ancestorIds(db, u));
  const r = await createTask(db, actorOf(c), input, localToday());
  if (!r.ok) throw validationError(translateFields(r.fields, c.get('t')));
  return c.json(out((await getTask(db, r.value, localToday()))!), 201);
});

/** Changes a task; `lockVersion` (from the last read) is required, a stale one gets 409 with the task as it now is. */
tasksApi.openapi(createRoute({ method: 'patch', path: '/tasks/{id}', middleware: [allow('tasks.edit')] as const, request: { params: idParam, body: { content: { 'application/json': { schema: taskPatch.extend({ lockVersion: lockVersionMember }) } }, required: true } }, responses: { 200: json(Task, 'The task'), ...errors, ...conflictResponse } }), async (c) => {
  const task = await taskFor(c, c.req.valid('param').id, 'tasks.edit');
  const { lockVersion, ...patch } = c.req.valid('json');
  const r = await patchTask(c.get('deps').db, actorOf(c), task.id, patch, localToday(), lockVersion);
  if (!r.ok && r.error === 'conflict') {
    const now = (await getTask(c.get('deps').db, task.id, localToday()))!;
    throw conflictError(c.get('t'), now.lockVersion, out(now));
  }
  if (!r.ok) throw validationError(translateFields(r.fields, c.get('t')));
  return c.json(out((await getTask(c.get('deps').db, task.id, localToday()))!), 200);
});

/** Multipart: note, optional progress, optional file. Parsed by hand so a refused file gives a Vietnamese field message. */
tasksApi.openapi(createRoute({
  method: 'post', path: '/tasks/{id}/updates', middleware: [allow('tasks.edit'), idempotent()] as const,
  request: { params: idParam, ...multipartBody(updateInput, { file: 'Optional evidence (PDF, DOCX, XLSX, JPG, PNG; 10 MB)' }) },
  description: 'Multipart: `note`, optional `progress`, optional `file` (evidence), optional `whileOpen=1`. Takes an `Idempotency-Key` (and `X-Captured-At`) header: a retry returns the first answer.',
  responses: { 201: json(z.object({ id: z.string() }), 'The update'), 409: json(ErrorSchema, 'The task was done meanwhile (with whileOpen)'), ...errors },
}), async (c) => {
  const task = await taskFor(c, c.req.valid('param').id, 'tasks.edit');
  const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  const r = updateInput.safeParse({ note: body.note, progress: body.progress });
  if (!r.success) throw validationError(fieldErrors(r.error, c.get('t')));
  const file = body.file instanceof File ? body.file : null;
  const { db, config } = c.get('deps');
  const u = await addUpdate(db, actorOf(c), { taskId: task.id, kind: 'update', note: r.data.note, progress: r.data.progress, file, dataDir: config.dataDir, whileOpen: body.whileOpen === '1' });
  if (!u.ok && u.error === 'state') {
    const now = (await getTask(db, task.id, localToday()))!;
    throw conflict('task_done', 'tasks.error.doneMeanwhile', { ...out(now), statusLabel: c.get('t')(`tasks.status.${now.status}`) });
  }
  if (!u.ok) throw validationError(translateFields(u.fields, c.get('t')));
  return c.json({ id: u.value }, 201);
});

tasksApi.openapi(createRoute({ method: 'post', path: '/tasks/{id}/comments', middleware: [allow('tasks.comment')] as const, request: { params: idParam, body: { content: { 'application/json': { schema: commentInput } }, required: true } }, responses: { 201: json(z.object({ id: z.string() }), 'The comment'), ...errors } }), async (c) => {
  const task = await taskFor(c, c.req.valid('param').id, 'tasks.comment');
  const { db, config } = c.get('deps');
  const u = await addUpdate(db, actorOf(c), { taskId: task.id, kind: 'comment', note: c.req.valid('json').note, progress: null, file: null, dataDir: config.dataDir });
  if (!u.ok) throw validationError(translateFields(u.fields, c.get('t')));
  return c.json({ id: u.value }, 201);
});

/** The import form besides its file: `apply` "true" applies, anything else previews. */
const importForm = z.object({ apply: z.enum(['true', 'false']).optional() });
const ImportOut = z.object({
  applied: z.boolean(), unchanged: z.number(),
  changes: z.array(z.object({ line: z.number(), taskId: z.string(), status: z.string().nullable(), progress: z.number().nullable(), note: z.string() })),
}).openapi('TaskImport');

/**
 * Multipart: `file` (CSV in UTF-8 or XLSX, the task export's columns), `apply` ("true" to apply).
 * Without `apply` it is a preview and changes nothing; with it, every row is applied in one
 * transaction or none is. Row errors are 400 with fields `row.<line>.<column>` in Vietnamese.
 */
tasksApi.openapi(createRoute({ method: 'post', path: '/tasks/import', middleware: [allow('tasks.edit')] as const, request: multipartBody(importForm, { file: 'CSV (UTF-8) or XLSX with the task export\'s columns' }, ['file']), responses: { 200: json(ImportOut, 'Preview, or the applied changes'), ...errors } }), async (c) => {
  const t = c.get('t');
  const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  const file = body.file instanceof File ? body.file : null;
  const read = await readProgressFile(file);
  if (!read.ok) throw validationError({ file: t(READ_ERROR_KEYS[read.error]) });
  const { db } = c.get('deps');
  const mayEdit = editCheck(c);
  const preview = await checkRows(db, read.value, { mayEdit, today: localToday(), t: { vi: translator('vi'), en: translator('en') }, defaultNote: t('tasks.import.defaultNote', { file: file!.name }) });
  if (preview.errors.length) throw validationError(rowFields(preview.errors, t));
  const changes = preview.changes.map((ch) => ({ line: ch.line, taskId: ch.taskId, status: ch.status, progress: ch.progress, note: ch.note }));
  if (body.apply !== 'true' || preview.changes.length === 0) {
    c.header('x-coso-no-change', '1');
    return c.json({ applied: false, unchanged: preview.unchanged, changes }, 200);
  }
  const r = await applyChanges(db, actorOf(c), plannedChanges.parse(preview.changes.map(({ line, taskId, progress, status, note, version }) => ({ line, taskId, progress, status, note, version }))), { mayEdit, fileName: file!.name });
  if (!r.ok) throw validationError(rowFields(r.rowErrors, t));
  return c.json({ applied: true, unchanged: preview.unchanged, changes }, 200);
});
