import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { allow, can, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { fieldErrors, readForm, translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate, formatDateTime, todayLocal } from '../../platform/i18n/index.ts';
import { sendFile } from '../../platform/files/index.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { Csrf, ErrorSummary, Field, Notice, Select, Table } from '../../platform/views/components.tsx';
import { SUPERVISION_AREAS } from '../../domain/supervision-areas.ts';
import { ancestorIds, unitIdsInScope, unitNames } from '../units/index.ts';
import type { PlanView } from './plans.repository.ts';
import { findTasks, taskUpdates, type TaskView } from './tasks.repository.ts';
import { addUpdate, createTask } from './tasks.service.ts';
import { taskInput, updateInput } from './plans.schema.ts';
import { taskFor } from './tasks.api.ts';

export const taskPages = new Hono<AppEnv>();

function StatusTag({ task }: { task: TaskView }) {
  const t = useRequestContext<AppEnv>().get('t');
  const cls = task.status === 'overdue' || task.status === 'blocked' ? 'tag red' : task.status === 'done' ? 'tag green' : 'tag grey';
  return <span class={cls}>{t(`tasks.status.${task.status}`)}</span>;
}

const Progress = ({ task }: { task: TaskView }) => {
  const t = useRequestContext<AppEnv>().get('t');
  return <span class="progress">{task.progress}%{task.progressManual && <span class="muted"> ({t('tasks.manual')})</span>}</span>;
};

function TaskTable({ tasks }: { tasks: TaskView[] }) {
  const t = useRequestContext<AppEnv>().get('t');
  return <Table head={[t('tasks.col.title'), t('tasks.col.due'), t('tasks.col.status'), t('tasks.col.progress')]} empty={t('tasks.none')}
    rows={tasks.map((x) => [<a href={`/tasks/${x.id}`}>{x.title}</a>, formatDate(x.dueOn), <StatusTag task={x} />, <Progress task={x} />])} />;
}

function TaskForm({ plan, values, errors }: { plan: PlanView; values: Record<string, string>; errors?: FieldErrors }) {
  const t = useRequestContext<AppEnv>().get('t');
  return (
    <form method="post" action="/tasks" class="no-print"><Csrf />
      <h3>{t('tasks.new')}</h3>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="planId" value={plan.id} /><input type="hidden" name="unitId" value={plan.unitId} />
      <Field name="title" label={t('tasks.field.title')} values={values} errors={errors} />
      <Select name="planItemId" label={t('tasks.field.item')} values={values} errors={errors} options={[['', t('tasks.field.itemOwn')], ...plan.items.map((i): [string, string] => [i.id, `${i.number}. ${i.title}`])]} />
      <Field name="startOn" label={t('tasks.field.start')} hint={t('plans.dateHint')} values={values} errors={errors} width="short" />
      <Field name="dueOn" label={t('tasks.field.due')} hint={t('plans.dateHint')} values={values} errors={errors} width="short" />
      <Field name="dueInWorkingDays" label={t('tasks.field.dueIn')} hint={t('tasks.field.dueInHint')} values={values} errors={errors} width="short" type="number" />
      <Select name="areas" label={t('tasks.field.area')} values={values} errors={errors} options={[['', '—'], ...SUPERVISION_AREAS.map((a): [string, string] => [a.code, a.vi])]} />
      <button type="submit">{t('tasks.add')}</button>
    </form>
  );
}

/** The tasks of a unit plan, with the form to add one when the user may. */
export async function TaskListSection({ plan, values, errors }: { plan: PlanView; values?: Record<string, string>; errors?: FieldErrors }) {
  const c = useRequestContext<AppEnv>();
  const { db } = c.get('deps');
  const tasks = await findTasks(db, { unitIds: 'all', planId: plan.id }, todayLocal());
  const editable = await can(c.get('user'), 'tasks.edit', plan.unitId, (id) => ancestorIds(db, id));
  return (
    <section id="tasks">
      <h2>{c.get('t')('tasks.title')}</h2>
      <TaskTable tasks={tasks} />
      {editable && <TaskForm plan={plan} values={values ?? {}} errors={errors} />}
    </section>
  );
}

taskPages.get('/tasks', allow('tasks.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const area = c.req.query('area') || undefined;
  const overdue = c.req.query('overdue') === 'true';
  const tasks = await findTasks(db, { unitIds: await unitIdsInScope(db, scopeOf(c.get('user'), 'tasks.view')), area, overdue }, todayLocal());
  return c.render(<>
    <h1>{t('tasks.title')}</h1>
    <form method="get" class="filters">
      <Select name="area" label={t('tasks.field.area')} values={{ area: area ?? '' }} options={[['', '—'], ...SUPERVISION_AREAS.map((a): [string, string] => [a.code, c.get('lang') === 'en' ? a.en : a.vi])]} />
      <div class="field"><label><input type="checkbox" name="overdue" value="true" checked={overdue} /> {t('tasks.filter.overdue')}</label></div>
      <button type="submit" class="secondary">{t('tasks.filter.submit')}</button>
    </form>
    <p><a href={`/tasks.csv?${new URLSearchParams({ area: area ?? '', overdue: String(overdue) })}`}>{t('plans.coverage.csv')}</a></p>
    <TaskTable tasks={tasks} />
  </>, { title: t('tasks.title') });
});

taskPages.get('/tasks.csv', allow('tasks.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const tasks = await findTasks(db, { unitIds: await unitIdsInScope(db, scopeOf(c.get('user'), 'tasks.view')), area: c.req.query('area') || undefined, overdue: c.req.query('overdue') === 'true' }, todayLocal());
  const names = await unitNames(db, tasks.map((x) => x.unitId));
  const csv = toCsv(['id', t('tasks.col.title'), t('tasks.col.unit'), t('tasks.col.due'), t('tasks.col.status'), t('tasks.col.progress'), t('tasks.manual')],
    tasks.map((x) => [x.id, x.title, names.get(x.unitId)?.fullName ?? x.unitId, formatDate(x.dueOn), t(`tasks.status.${x.status}`), x.progress, x.progressManual ? 'x' : '']));
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="nhiem-vu.csv"' });
});

taskPages.post('/tasks', allow('tasks.edit'), async (c) => {
  const { db } = c.get('deps');
  const form = await readForm(c, taskInput);
  const unitId = form.values.unitId ?? '';
  if (!(await can(c.get('user'), 'tasks.edit', unitId, (id) => ancestorIds(db, id)))) return c.text(c.get('t')('error.forbidden'), 403);
  const r = form.ok ? await createTask(db, actorOf(c), form.data, todayLocal()) : null;
  const planId = form.values.planId;
  if (r?.ok) return c.redirect(planId ? `/plans/${planId}?task=1#tasks` : `/tasks/${r.value}`, 303);
  const { getPlan } = await import('./plans.repository.ts');
  const plan = planId ? await getPlan(db, planId) : undefined;
  c.status(400);
  const errors = form.ok ? translateFields(r?.ok === false ? r.fields : {}, c.get('t')) : form.errors;
  return c.render(plan ? <TaskListSection plan={plan} values={form.values} errors={errors} /> : <ErrorSummary errors={errors} />, { title: c.get('t')('tasks.new') });
});

async function taskPage(c: Ctx, id: string, status = 200, errors?: FieldErrors, values: Record<string, string> = {}) {
  const t = c.get('t');
  const { db } = c.get('deps');
  const task = await taskFor(c, id, 'tasks.view');
  const updates = await taskUpdates(db, task.id);
  const names = await unitNames(db, [task.unitId, ...task.coUnitIds]);
  const history = await db.selectFrom('audit_events').select(['at', 'action', 'actor_name']).where('subject_type', '=', 'task').where('subject_id', '=', task.id).orderBy('seq', 'desc').limit(50).execute();
  const editable = await can(c.get('user'), 'tasks.edit', task.unitId, (u) => ancestorIds(db, u));
  c.status(status as 200);
  return c.render(<>
    {c.req.query('saved') && <Notice>{t('tasks.saved')}</Notice>}
    {task.planId && <p><a href={`/plans/${task.planId}#tasks`}>← {t('tasks.backToPlan')}</a></p>}
    <h1>{task.title}</h1>
    <dl class="summary">
      <dt>{t('tasks.col.unit')}</dt><dd>{names.get(task.unitId)?.fullName}</dd>
      <dt>{t('tasks.col.status')}</dt><dd><StatusTag task={task} /></dd>
      <dt>{t('tasks.col.progress')}</dt><dd><Progress task={task} /></dd>
      <dt>{t('tasks.field.start')}</dt><dd>{formatDate(task.startOn)}</dd>
      <dt>{t('tasks.col.due')}</dt><dd>{formatDate(task.dueOn)}{task.dueRule && <span class="muted"> ({task.dueRule})</span>}</dd>
      <dt>{t('tasks.field.area')}</dt><dd>{task.areas.map((a) => SUPERVISION_AREAS.find((x) => x.code === a)?.vi ?? a).join('; ')}</dd>
    </dl>
    {editable && (
      <form method="post" action={`/tasks/${task.id}/updates`} enctype="multipart/form-data" class="no-print"><Csrf />
        <h2>{t('tasks.update.title')}</h2>
        <ErrorSummary errors={errors} />
        <Field name="note" label={t('tasks.update.note')} values={values} errors={errors} />
        <Field name="progress" label={t('tasks.update.progress')} type="number" values={values} errors={errors} width="short" />
        <div class={`field${errors?.file ? ' field-error' : ''}`}>
          <label for="f-file">{t('tasks.update.file')}</label><div class="hint">{t('tasks.update.fileHint')}</div>
          {errors?.file && <p class="error-message">{errors.file}</p>}
          <input id="f-file" type="file" name="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" />
        </div>
        <button type="submit">{t('tasks.update.submit')}</button>
      </form>
    )}
    <h2>{t('tasks.updates')}</h2>
    {updates.length === 0 ? <p>{t('tasks.noUpdates')}</p> : (
      <ul class="lineage">{updates.map((u) => <li><strong>{formatDateTime(u.created_at)}</strong> · {u.display_name ?? ''}{u.progress === null ? '' : ` · ${u.progress}%`}<br />{u.note}{u.file_id && <> · <a href={`/tasks/${task.id}/files/${u.file_id}`}>{u.file_name}</a></>}</li>)}</ul>
    )}
    <h2>{t('tasks.history')}</h2>
    <ul class="lineage">{history.map((h) => <li>{formatDateTime(h.at)} · {t(`tasks.history.${h.action}`)} · {h.actor_name ?? ''}</li>)}</ul>
  </>, { title: task.title });
}

taskPages.get('/tasks/:id', allow('tasks.view'), (c) => taskPage(c, c.req.param('id')));

taskPages.post('/tasks/:id/updates', allow('tasks.edit'), async (c) => {
  const task = await taskFor(c, c.req.param('id'), 'tasks.edit');
  const body = await c.req.parseBody();
  const values = { note: String(body.note ?? ''), progress: String(body.progress ?? '') };
  const r = updateInput.safeParse(values);
  if (!r.success) return taskPage(c, task.id, 400, fieldErrors(r.error, c.get('t')), values);
  const { db, config } = c.get('deps');
  const u = await addUpdate(db, actorOf(c), { taskId: task.id, kind: 'update', note: r.data.note, progress: r.data.progress, file: body.file instanceof File ? body.file : null, dataDir: config.dataDir });
  if (!u.ok) return taskPage(c, task.id, 400, translateFields(u.fields, c.get('t')), values);
  return c.redirect(`/tasks/${task.id}?saved=1`, 303);
});

taskPages.get('/tasks/:id/files/:fileId', allow('tasks.view'), async (c) => {
  const task = await taskFor(c, c.req.param('id'), 'tasks.view');
  const { db, config } = c.get('deps');
  const own = await db.selectFrom('task_updates').select('id').where('task_id', '=', task.id).where('file_id', '=', c.req.param('fileId')).executeTakeFirst();
  if (!own) return c.text('', 404);
  return sendFile(c, db, config.dataDir, c.req.param('fileId'));
});
