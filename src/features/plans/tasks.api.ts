import { createRoute } from '@hono/zod-openapi';
import { allow, authorize, scopeOf } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { fieldErrors, translateFields, validationError } from '../../platform/http/validate.ts';
import { todayLocal } from '../../platform/i18n/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { ancestorIds, unitIdsInScope } from '../units/index.ts';
import { findTasks, getTask, type TaskView } from './tasks.repository.ts';
import { addUpdate, createTask, patchTask } from './tasks.service.ts';
import { taskInput, taskPatch, taskQuery, updateInput } from './plans.schema.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown task') };
const Task = z.object({ id: z.string(), title: z.string(), unitId: z.string(), assigneeId: z.string().nullable(), dueOn: z.string().nullable(), status: z.string(), progress: z.number(), progressManual: z.boolean() }).openapi('Task');
const out = (t: TaskView) => ({ id: t.id, title: t.title, unitId: t.unitId, assigneeId: t.assigneeId, dueOn: t.dueOn, status: t.status, progress: t.progress, progressManual: t.progressManual, planId: t.planId, planItemId: t.planItemId, areas: t.areas });
const idParam = z.object({ id: z.string().max(64) });

/** Loads a task and checks the user may act on its unit (403 otherwise). */
export async function taskFor(c: Ctx, id: string, action: 'tasks.view' | 'tasks.edit') {
  const { db } = c.get('deps');
  const task = await getTask(db, id, todayLocal());
  if (!task) throw notFound();
  await authorize(c.get('user'), action, task.unitId, (u) => ancestorIds(db, u));
  return task;
}

export const tasksApi = apiRouter();

tasksApi.openapi(createRoute({ method: 'get', path: '/tasks', middleware: [allow('tasks.view')] as const, request: { query: taskQuery }, responses: { 200: json(z.object({ items: z.array(Task) }), 'Tasks'), ...errors } }), async (c) => {
  const { db } = c.get('deps');
  const q = c.req.valid('query');
  const unitIds = await unitIdsInScope(db, scopeOf(c.get('user'), 'tasks.view'));
  if (q.unitId && unitIds !== 'all' && !unitIds.includes(q.unitId)) await authorize(c.get('user'), 'tasks.view', q.unitId, (u) => ancestorIds(db, u));
  const items = await findTasks(db, { unitIds, unitId: q.unitId, planId: q.planId, status: q.status, overdue: q.overdue === 'true' }, todayLocal());
  return c.json({ items: items.map(out) }, 200);
});

tasksApi.openapi(createRoute({ method: 'post', path: '/tasks', middleware: [allow('tasks.edit')] as const, request: { body: { content: { 'application/json': { schema: taskInput } }, required: true } }, responses: { 201: json(Task, 'The new task'), ...errors } }), async (c) => {
  const { db } = c.get('deps');
  const input = c.req.valid('json');
  await authorize(c.get('user'), 'tasks.edit', input.unitId, (u) => ancestorIds(db, u));
  const r = await createTask(db, actorOf(c), input, todayLocal());
  if (!r.ok) throw validationError(translateFields(r.fields, c.get('t')));
  return c.json(out((await getTask(db, r.value, todayLocal()))!), 201);
});

tasksApi.openapi(createRoute({ method: 'patch', path: '/tasks/{id}', middleware: [allow('tasks.edit')] as const, request: { params: idParam, body: { content: { 'application/json': { schema: taskPatch } }, required: true } }, responses: { 200: json(Task, 'The task'), ...errors } }), async (c) => {
  const task = await taskFor(c, c.req.valid('param').id, 'tasks.edit');
  await patchTask(c.get('deps').db, actorOf(c), task.id, c.req.valid('json'));
  return c.json(out((await getTask(c.get('deps').db, task.id, todayLocal()))!), 200);
});

/** Multipart: note, optional progress, optional file. Parsed by hand so a refused file gives a Vietnamese field message. */
tasksApi.openapi(createRoute({ method: 'post', path: '/tasks/{id}/updates', middleware: [allow('tasks.edit')] as const, request: { params: idParam }, responses: { 201: json(z.object({ id: z.string() }), 'The update'), ...errors } }), async (c) => {
  const task = await taskFor(c, c.req.valid('param').id, 'tasks.edit');
  const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  const r = updateInput.safeParse({ note: body.note, progress: body.progress });
  if (!r.success) throw validationError(fieldErrors(r.error, c.get('t')));
  const file = body.file instanceof File ? body.file : null;
  const { db, config } = c.get('deps');
  const u = await addUpdate(db, actorOf(c), { taskId: task.id, kind: 'update', note: r.data.note, progress: r.data.progress, file, dataDir: config.dataDir });
  if (!u.ok) throw validationError(translateFields(u.fields, c.get('t')));
  return c.json({ id: u.value }, 201);
});
