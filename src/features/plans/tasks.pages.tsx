import { Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { allow, can, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { fieldErrors, translateFields, type FieldErrors } from '../../platform/http/validate.ts';
import { formatDate, formatDateTime, localToday, translator } from '../../platform/i18n/index.ts';
import { sendFile } from '../../platform/files/index.ts';
import { Csrf, ErrorSummary, Field, Notice, Pagination, Select, Table } from '../../platform/views/components.tsx';
import { ConflictPanel, VersionField, type Conflict } from '../../platform/views/conflict.tsx';
import { lastChange, sentVersion } from '../../platform/http/concurrency.ts';
import { SUPERVISION_AREAS } from '../../domain/supervision-areas.ts';
import { ancestorIds, unitIdsInScope, unitNames } from '../units/index.ts';
import { getPlan, type PlanView } from './plans.repository.ts';
import { findTasks, getTask, taskUpdates, type TaskFilter, type TaskView } from './tasks.repository.ts';
import { addUpdate, createTask, patchTask, unitPeople } from './tasks.service.ts';
import { commentForm, taskEditForm, taskInput, TASK_STATUSES, updateInput } from './plans.schema.ts';
import { editCheck, mayOnTask, taskFor } from './tasks.api.ts';
import {
  applyChanges, checkRows, IMPORT_MAX_ROWS, plannedChanges, READ_ERROR_KEYS, readProgressFile, rowFields, tasksCsv, tasksXlsx,
  type Preview, type TaskExportRow,
} from './tasks.bulk.ts';

export const taskPages = new Hono<AppEnv>();

/** Form values with the multi-valued fields kept as lists (co-operating units, areas). */
async function formWithLists(c: Ctx, lists: string[]): Promise<{ values: Record<string, string>; input: Record<string, string | string[]> }> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const input: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    const all = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (lists.includes(k)) { input[k] = all.filter(Boolean); values[k] = all.join(','); } else if (all.length) { input[k] = all[all.length - 1]; values[k] = all[all.length - 1]; }
  }
  for (const k of lists) input[k] ??= [];
  return { values, input };
}

/** Current units that may co-operate on a task (everything but villages). */
async function coUnitOptions(c: Ctx): Promise<[string, string][]> {
  const today = localToday();
  const rows = await c.get('deps').db.selectFrom('units').select(['id', 'full_name']).where('kind', '!=', 'village').where('valid_from', '<=', today)
    .where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', today)])).orderBy('kind').orderBy('full_name').execute();
  return rows.map((r) => [r.id, r.full_name]);
}

function StatusTag({ task }: { task: TaskView }) {
  const t = useRequestContext<AppEnv>().get('t');
  const cls = task.status === 'overdue' || task.status === 'blocked' ? 'tag red' : task.status === 'done' ? 'tag green' : 'tag grey';
  return <span class={cls}>{t(`tasks.status.${task.status}`)}</span>;
}

const Progress = ({ task }: { task: TaskView }) => {
  const t = useRequestContext<AppEnv>().get('t');
  return <span class="progress">{task.progress}%{task.progressManual && <span class="muted"> ({t('tasks.manual')})</span>}</span>;
};

function TaskTable({ tasks, names }: { tasks: TaskView[]; names?: Map<string, { fullName: string }> }) {
  const t = useRequestContext<AppEnv>().get('t');
  const head = [t('tasks.col.title'), ...(names ? [t('tasks.col.unit')] : []), t('tasks.col.due'), t('tasks.col.status'), t('tasks.col.progress')];
  return <Table head={head} empty={t('tasks.none')}
    rows={tasks.map((x) => [<a href={`/tasks/${x.id}`}>{x.title}</a>, ...(names ? [names.get(x.unitId)?.fullName ?? ''] : []), formatDate(x.dueOn), <StatusTag task={x} />, <Progress task={x} />])} />;
}

/** Checkboxes for a list field (areas). */
function Checkboxes({ name, legend, options, values, errors }: { name: string; legend: string; options: [string, string][]; values: Record<string, string>; errors?: FieldErrors }) {
  const chosen = (values[name] ?? '').split(',');
  const err = errors?.[name];
  return (
    <fieldset class={`field${err ? ' field-error' : ''}`} id={`f-${name}`}>
      <legend>{legend}</legend>
      {err && <p class="error-message">{err}</p>}
      {options.map(([v, label]) => <div><label><input type="checkbox" name={name} value={v} checked={chosen.includes(v)} /> {label}</label></div>)}
    </fieldset>
  );
}

/** A multiple select (works without JavaScript: Ctrl/⌘-click to choose several). */
function MultiSelect({ name, label, hint, options, values, errors }: { name: string; label: string; hint?: string; options: [string, string][]; values: Record<string, string>; errors?: FieldErrors }) {
  const chosen = (values[name] ?? '').split(',');
  const err = errors?.[name];
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label for={`f-${name}`}>{label}</label>
      {hint && <div class="hint">{hint}</div>}
      {err && <p class="error-message">{err}</p>}
      <select id={`f-${name}`} name={name} multiple size={6} aria-invalid={err ? 'true' : undefined}>
        {options.map(([v, l]) => <option value={v} selected={chosen.includes(v)}>{l}</option>)}
      </select>
    </div>
  );
}

function areaOptions(lang: string): [string, string][] {
  return SUPERVISION_AREAS.map((a) => [a.code, lang === 'en' ? a.en : a.vi]);
}

/** The form for a new task (on a unit plan) or subtask (on a task page). */
async function TaskForm({ unitId, planId, items, parentTaskId, values, errors }: { unitId: string; planId: string | null; items?: PlanView['items']; parentTaskId?: string; values: Record<string, string>; errors?: FieldErrors }) {
  const c = useRequestContext<AppEnv>();
  const t = c.get('t');
  const people = await unitPeople(c.get('deps').db, unitId);
  return (
    <form method="post" action="/tasks" class="no-print"><Csrf />
      <h3>{t(parentTaskId ? 'tasks.newSub' : 'tasks.new')}</h3>
      <ErrorSummary errors={errors} />
      {planId && <input type="hidden" name="planId" value={planId} />}<input type="hidden" name="unitId" value={unitId} />
      {parentTaskId && <input type="hidden" name="parentTaskId" value={parentTaskId} />}
      <Field name="title" label={t('tasks.field.title')} values={values} errors={errors} />
      {items && <Select name="planItemId" label={t('tasks.field.item')} values={values} errors={errors} options={[['', t('tasks.field.itemOwn')], ...items.map((i): [string, string] => [i.id, `${i.number}. ${i.title}`])]} />}
      <Select name="assigneeId" label={t('tasks.field.assignee')} values={values} errors={errors} options={[['', '—'], ...people.map((p): [string, string] => [p.id, p.name])]} />
      <Field name="startOn" label={t('tasks.field.start')} hint={t('plans.dateHint')} values={values} errors={errors} width="short" />
      <Field name="dueOn" label={t('tasks.field.due')} hint={t('plans.dateHint')} values={values} errors={errors} width="short" />
      <Field name="dueInWorkingDays" label={t('tasks.field.dueIn')} hint={t('tasks.field.dueInHint')} values={values} errors={errors} width="short" type="number" />
      {parentTaskId && <Field name="weight" label={t('tasks.field.weight')} hint={t('tasks.field.weightHint')} values={values} errors={errors} width="short" type="number" />}
      <MultiSelect name="coUnitIds" label={t('tasks.field.coUnits')} hint={t('tasks.field.coUnitsHint')} options={await coUnitOptions(c)} values={values} errors={errors} />
      <Checkboxes name="areas" legend={t('tasks.field.area')} options={areaOptions(c.get('lang'))} values={values} errors={errors} />
      <button type="submit">{t('tasks.add')}</button>
    </form>
  );
}

/** The tasks of a unit plan, with the form to add one when the user may. */
export async function TaskListSection({ plan, values, errors }: { plan: PlanView; values?: Record<string, string>; errors?: FieldErrors }) {
  const c = useRequestContext<AppEnv>();
  const { db } = c.get('deps');
  const tasks = await findTasks(db, { unitIds: 'all', planId: plan.id }, localToday());
  const editable = await can(c.get('user'), 'tasks.edit', plan.unitId, (id) => ancestorIds(db, id));
  return (
    <section id="tasks">
      <h2>{c.get('t')('tasks.title')}</h2>
      {c.req.query('task') && <Notice>{c.get('t')('tasks.created')}</Notice>}
      <TaskTable tasks={tasks} />
      {tasks.length > 0 && <p class="no-print"><a href={`/tasks.xlsx?planId=${plan.id}`}>{c.get('t')('tasks.export.xlsx')}</a> · <a href={`/tasks.csv?planId=${plan.id}`}>{c.get('t')('tasks.export.csv')}</a></p>}
      {editable && <TaskForm unitId={plan.unitId} planId={plan.id} items={plan.items} values={values ?? {}} errors={errors} />}
    </section>
  );
}

function listFilter(c: Ctx): Omit<TaskFilter, 'unitIds'> & { query: Record<string, string> } {
  const area = c.req.query('area') || undefined;
  const status = (TASK_STATUSES as readonly string[]).includes(c.req.query('status') ?? '') ? c.req.query('status') : undefined;
  const overdue = c.req.query('overdue') === 'true';
  const planId = c.req.query('planId')?.slice(0, 64) || undefined;
  return { area, status, overdue, planId, query: { area: area ?? '', status: status ?? '', overdue: String(overdue), ...(planId ? { planId } : {}) } };
}

/** Rows per page of the staff task list (the exports stay complete). */
const PAGE = 50;

taskPages.get('/tasks', allow('tasks.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const f = listFilter(c);
  const scope = await unitIdsInScope(db, scopeOf(c.get('user'), 'tasks.view'));
  const page = Math.max(1, Math.min(100_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
  const rows = await findTasks(db, { unitIds: scope, ...f, limit: PAGE + 1, offset: (page - 1) * PAGE }, localToday());
  const tasks = rows.slice(0, PAGE);
  const coop = scope === 'all' || page > 1 ? [] : await findTasks(db, { unitIds: scope, coUnitIds: scope, ...f }, localToday());
  const names = await unitNames(db, [...tasks, ...coop].map((x) => x.unitId));
  const q = new URLSearchParams(f.query).toString();
  return c.render(<>
    {c.req.query('imported') && <Notice>{t('tasks.import.done', { n: c.req.query('imported')! })}</Notice>}
    <h1>{t('tasks.title')}</h1>
    <form method="get" class="filters">
      {f.planId && <input type="hidden" name="planId" value={f.planId} />}
      <Select name="area" label={t('tasks.field.area')} values={f.query} options={[['', '—'], ...areaOptions(c.get('lang'))]} />
      <Select name="status" label={t('tasks.col.status')} values={f.query} options={[['', '—'], ...TASK_STATUSES.map((s): [string, string] => [s, t(`tasks.status.${s}`)])]} />
      <div class="field"><label><input type="checkbox" name="overdue" value="true" checked={f.overdue} /> {t('tasks.filter.overdue')}</label></div>
      <button type="submit" class="secondary">{t('tasks.filter.submit')}</button>
    </form>
    <p class="actions">
      <a href={`/tasks.xlsx?${q}`}>{t('tasks.export.xlsx')}</a> · <a href={`/tasks.csv?${q}`}>{t('tasks.export.csv')}</a>
      {(await can(c.get('user'), 'tasks.edit')) && <> · <a href="/tasks/import">{t('tasks.import.title')}</a></>}
    </p>
    <TaskTable tasks={tasks} names={names} />
    {(page > 1 || rows.length > PAGE) && <Pagination page={page} hasNext={rows.length > PAGE} baseQuery={f.query} />}
    {coop.length > 0 && <><h2>{t('tasks.coop')}</h2><TaskTable tasks={coop} names={names} /></>}
  </>, { title: t('tasks.title') });
});

/** The tasks of the list page (same scope and filters) with the names the export shows. */
async function exportRows(c: Ctx): Promise<TaskExportRow[]> {
  const { db } = c.get('deps');
  const tasks = await findTasks(db, { unitIds: await unitIdsInScope(db, scopeOf(c.get('user'), 'tasks.view')), ...listFilter(c) }, localToday());
  const names = await unitNames(db, tasks.flatMap((x) => [x.unitId, ...x.coUnitIds]));
  const ids = [...new Set(tasks.map((x) => x.assigneeId).filter((x): x is string => !!x))];
  const users = new Map(ids.length ? (await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute()).map((u) => [u.id, u.display_name]) : []);
  return tasks.map((task) => ({ task, unitName: names.get(task.unitId)?.fullName ?? task.unitId, assigneeName: task.assigneeId ? users.get(task.assigneeId) ?? '' : '', coUnitNames: task.coUnitIds.map((u) => names.get(u)?.fullName ?? u) }));
}

taskPages.get('/tasks.csv', allow('tasks.view'), async (c) => {
  const csv = tasksCsv(c.get('t'), c.get('lang'), await exportRows(c));
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="nhiem-vu.csv"' });
});

taskPages.get('/tasks.xlsx', allow('tasks.view'), async (c) => {
  const t = c.get('t');
  const buf = await tasksXlsx(t, c.get('lang'), t('tasks.export.title', { date: formatDate(localToday()) }), await exportRows(c));
  return c.body(new Uint8Array(buf), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="nhiem-vu.xlsx"' });
});

// ------------------------------------------------------------ bulk import of progress updates

function ImportForm({ errors }: { errors?: FieldErrors }) {
  const t = useRequestContext<AppEnv>().get('t');
  const err = errors?.file;
  return (
    <form method="post" action="/tasks/import" enctype="multipart/form-data"><Csrf />
      <div class={`field${err ? ' field-error' : ''}`}>
        <label for="f-file">{t('tasks.import.file')}</label>
        <div class="hint">{t('tasks.import.fileHint', { n: IMPORT_MAX_ROWS })}</div>
        {err && <p class="error-message">{err}</p>}
        <input id="f-file" type="file" name="file" accept=".csv,.xlsx,text/csv" />
      </div>
      <button type="submit">{t('tasks.import.preview')}</button>
    </form>
  );
}

async function importPage(c: Ctx, status: number, opts: { errors?: FieldErrors; preview?: Preview; fileName?: string } = {}) {
  const t = c.get('t');
  const p = opts.preview;
  c.status(status as 200);
  const errLines = new Set(Object.keys(opts.errors ?? {}).map((k) => k.split('.')[1]));
  return c.render(<>
    <p><a href="/tasks">← {t('tasks.title')}</a></p>
    <h1>{t('tasks.import.title')}</h1>
    <ErrorSummary errors={opts.errors} />
    {!p && <>
      <p>{t('tasks.import.intro')}</p>
      <ul>
        <li>{t('tasks.import.colId')}</li><li>{t('tasks.import.colProgress')}</li><li>{t('tasks.import.colStatus')}</li><li>{t('tasks.import.colNote')}</li>
      </ul>
      <p><a href="/tasks.xlsx">{t('tasks.export.xlsx')}</a> · <a href="/tasks.csv">{t('tasks.export.csv')}</a></p>
      <ImportForm errors={opts.errors} />
    </>}
    {p && <>
      <h2>{t('tasks.import.previewTitle', { file: opts.fileName ?? '' })}</h2>
      <p>{t('tasks.import.summary', { changes: p.changes.length, unchanged: p.unchanged, errors: errLines.size })}</p>
      {p.errors.length > 0 && (
        <Table caption={t('tasks.import.errorsTitle')} head={[t('tasks.import.line'), t('tasks.import.column'), t('tasks.import.problem')]}
          rows={p.errors.map((e) => [<span id={`f-row.${e.line}.${e.field}`}>{e.line}</span>, t(`tasks.import.col.${e.field}`), t(e.key)])} />
      )}
      <Table caption={t('tasks.import.changesTitle')} head={[t('tasks.import.line'), t('tasks.col.title'), t('tasks.col.status'), t('tasks.col.progress'), t('tasks.update.note')]} empty={t('tasks.import.nothing')}
        rows={p.changes.map((ch) => [ch.line, <a href={`/tasks/${ch.taskId}`}>{ch.title}</a>,
          ch.status ? `${t(`tasks.status.${ch.before.status}`)} → ${t(`tasks.status.${ch.status}`)}` : t(`tasks.status.${ch.before.status}`),
          ch.progress === null ? `${ch.before.progress}%` : `${ch.before.progress}% → ${ch.progress}%`, ch.note])} />
      {p.errors.length === 0 && p.changes.length > 0 ? (
        <form method="post" action="/tasks/import/apply"><Csrf />
          <input type="hidden" name="fileName" value={opts.fileName ?? ''} />
          <input type="hidden" name="changes" value={JSON.stringify(p.changes.map(({ line, taskId, progress, status, note, version }) => ({ line, taskId, progress, status, note, version })))} />
          <p>{t('tasks.import.applyHint')}</p>
          <button type="submit">{t('tasks.import.apply', { n: p.changes.length })}</button>
        </form>
      ) : <><p>{t(p.errors.length ? 'tasks.import.fixAndRetry' : 'tasks.import.nothing')}</p><ImportForm /></>}
    </>}
  </>, { title: t('tasks.import.title') });
}

taskPages.get('/tasks/import', allow('tasks.edit'), (c) => importPage(c, 200));

/** Preview: reads and checks the file, shows what would change; changes nothing. */
taskPages.post('/tasks/import', allow('tasks.edit'), async (c) => {
  const t = c.get('t');
  c.header('x-coso-no-change', '1');
  const body = await c.req.parseBody();
  const file = body.file instanceof File ? body.file : null;
  const read = await readProgressFile(file);
  if (!read.ok) return importPage(c, 400, { errors: { file: t(READ_ERROR_KEYS[read.error]) } });
  const preview = await checkRows(c.get('deps').db, read.value, { mayEdit: editCheck(c), today: localToday(), t: { vi: translator('vi'), en: translator('en') }, defaultNote: t('tasks.import.defaultNote', { file: file!.name }) });
  return importPage(c, preview.errors.length ? 400 : 200, { preview, errors: rowFields(preview.errors, t), fileName: file!.name });
});

/** Apply: every previewed change in one transaction, or none. */
taskPages.post('/tasks/import/apply', allow('tasks.edit'), async (c) => {
  const t = c.get('t');
  const body = await c.req.parseBody();
  const fileName = String(body.fileName ?? '').slice(0, 200);
  let parsed: ReturnType<typeof plannedChanges.safeParse>;
  try { parsed = plannedChanges.safeParse(JSON.parse(String(body.changes ?? ''))); } catch { parsed = plannedChanges.safeParse(null); }
  if (!parsed.success) return importPage(c, 400, { errors: { file: t('tasks.import.error.stale') } });
  const r = await applyChanges(c.get('deps').db, actorOf(c), parsed.data, { mayEdit: editCheck(c), fileName });
  if (!r.ok) return importPage(c, 400, { errors: { ...rowFields(r.rowErrors, t), file: t('tasks.import.error.nothingApplied') } });
  return c.redirect(`/tasks?imported=${r.value}`, 303);
});

// ------------------------------------------------------------ one task

taskPages.post('/tasks', allow('tasks.edit'), async (c) => {
  const { db } = c.get('deps');
  const t = c.get('t');
  const { values, input } = await formWithLists(c, ['coUnitIds', 'areas']);
  const unitId = values.unitId ?? '';
  if (!(await can(c.get('user'), 'tasks.edit', unitId, (id) => ancestorIds(db, id)))) return c.text(t('error.forbidden'), 403);
  const form = taskInput.safeParse(input);
  const r = form.success ? await createTask(db, actorOf(c), form.data, localToday()) : null;
  const planId = values.planId;
  if (r?.ok) return c.redirect(values.parentTaskId ? `/tasks/${values.parentTaskId}?saved=1#subtasks` : planId ? `/plans/${planId}?task=1#tasks` : `/tasks/${r.value}`, 303);
  const errors = form.success ? translateFields(r?.ok === false ? r.fields : {}, t) : fieldErrors(form.error, t);
  if (values.parentTaskId && (await getTask(db, values.parentTaskId, localToday()))) return subtaskPage(c, values.parentTaskId, 400, { errors, values });
  const plan = planId ? await getPlan(db, planId) : undefined;
  c.status(400);
  return c.render(plan ? <TaskListSection plan={plan} values={values} errors={errors} /> : <ErrorSummary errors={errors} />, { title: t('tasks.new') });
});

type FormState = { errors?: FieldErrors; values: Record<string, string>; /** 409: someone saved in between. */ stale?: boolean };

/** A subtask's own page (its fields would repeat the task page's edit form). */
async function subtaskPage(c: Ctx, parentId: string, status = 200, form: FormState = { values: {} }) {
  const t = c.get('t');
  const parent = await taskFor(c, parentId, 'tasks.edit');
  c.status(status as 200);
  return c.render(<>
    <p><a href={`/tasks/${parent.id}`}>← {parent.title}</a></p>
    <h1><span class="caption">{parent.title}</span>{t('tasks.newSub')}</h1>
    <TaskForm unitId={parent.unitId} planId={parent.planId} parentTaskId={parent.id} values={form.values} errors={form.errors} />
  </>, { title: t('tasks.newSub') });
}

async function taskPage(c: Ctx, id: string, status = 200, forms: { update?: FormState; edit?: FormState; comment?: FormState } = {}) {
  const t = c.get('t');
  const { db } = c.get('deps');
  const task = await taskFor(c, id, 'tasks.view');
  const updates = await taskUpdates(db, task.id);
  const subtasks = await findTasks(db, { unitIds: 'all', parentTaskId: task.id }, localToday());
  const parent = task.parentTaskId ? await getTask(db, task.parentTaskId, localToday()) : undefined;
  const names = await unitNames(db, [task.unitId, ...task.coUnitIds]);
  const assignee = task.assigneeId ? await db.selectFrom('users').select('display_name').where('id', '=', task.assigneeId).executeTakeFirst() : undefined;
  const history = await db.selectFrom('audit_events').select(['at', 'action', 'actor_name']).where('subject_type', '=', 'task').where('subject_id', '=', task.id).orderBy('seq', 'desc').limit(50).execute();
  const editable = await mayOnTask(c, task, 'tasks.edit');
  const commentable = await mayOnTask(c, task, 'tasks.comment');
  const people = editable ? await unitPeople(db, task.unitId) : [];
  const editValues = forms.edit?.values ?? {
    status: task.status === 'overdue' ? (await db.selectFrom('tasks').select('status').where('id', '=', task.id).executeTakeFirstOrThrow()).status : task.status,
    progressMode: task.progressManual || subtasks.length === 0 ? 'manual' : 'derived', manualProgress: String(task.progress), dueOn: formatDate(task.dueOn),
    assigneeId: task.assigneeId ?? '', coUnitIds: task.coUnitIds.join(','), areas: task.areas.join(','),
  };
  const areaName = (a: string) => SUPERVISION_AREAS.find((x) => x.code === a)?.[c.get('lang') === 'en' ? 'en' : 'vi'] ?? a;
  const conflict: Conflict | undefined = forms.edit?.stale ? {
    by: await lastChange(db, 'task', task.id),
    rows: [[t('tasks.col.status'), t(`tasks.status.${task.status}`)], [t('tasks.col.progress'), `${task.progress}%`], [t('tasks.col.due'), formatDate(task.dueOn)], [t('tasks.field.assignee'), assignee?.display_name ?? ''],
      [t('tasks.col.coUnits'), task.coUnitIds.map((u) => names.get(u)?.fullName ?? u).join('; ')], [t('tasks.field.area'), task.areas.map(areaName).join('; ')]],
  } : undefined;
  c.status(status as 200);
  return c.render(<>
    {c.req.query('saved') && <Notice>{t('tasks.saved')}</Notice>}
    {task.planId && <p><a href={`/plans/${task.planId}#tasks`}>← {t('tasks.backToPlan')}</a></p>}
    {parent && <p>{t('tasks.parentTask')}: <a href={`/tasks/${parent.id}`}>{parent.title}</a></p>}
    <h1>{task.title}</h1>
    {task.note && <p class="notice">{task.note}</p>}
    <dl class="summary">
      <dt>{t('tasks.col.unit')}</dt><dd>{names.get(task.unitId)?.fullName}</dd>
      <dt>{t('tasks.field.assignee')}</dt><dd>{assignee?.display_name ?? '—'}</dd>
      <dt>{t('tasks.col.coUnits')}</dt><dd>{task.coUnitIds.length ? task.coUnitIds.map((u) => names.get(u)?.fullName ?? u).join('; ') : '—'}</dd>
      <dt>{t('tasks.col.status')}</dt><dd><StatusTag task={task} /></dd>
      <dt>{t('tasks.col.progress')}</dt><dd><Progress task={task} />{!task.progressManual && subtasks.length > 0 && <span class="muted"> ({t('tasks.derived')})</span>}</dd>
      <dt>{t('tasks.field.start')}</dt><dd>{formatDate(task.startOn)}</dd>
      <dt>{t('tasks.col.due')}</dt><dd>{formatDate(task.dueOn)}{task.dueRule && <span class="muted"> ({task.dueRule.replace(/^\+(\d+) working days$/, t('tasks.dueRule', { n: '$1' }))})</span>}</dd>
      <dt>{t('tasks.field.area')}</dt><dd>{task.areas.length ? task.areas.map((a) => <a class="tag grey" href={`/tasks?area=${a}`}>{areaName(a)}</a>) : '—'}</dd>
    </dl>
    {editable && (
      <form method="post" action={`/tasks/${task.id}/updates`} enctype="multipart/form-data" class="no-print"><Csrf />
        <h2>{t('tasks.update.title')}</h2>
        <ErrorSummary errors={forms.update?.errors} />
        <Field name="note" label={t('tasks.update.note')} values={forms.update?.values} errors={forms.update?.errors} />
        <Field name="progress" label={t('tasks.update.progress')} type="number" values={forms.update?.values} errors={forms.update?.errors} width="short" />
        <div class={`field${forms.update?.errors?.file ? ' field-error' : ''}`}>
          <label for="f-file">{t('tasks.update.file')}</label><div class="hint">{t('tasks.update.fileHint')}</div>
          {forms.update?.errors?.file && <p class="error-message">{forms.update.errors.file}</p>}
          <input id="f-file" type="file" name="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" />
        </div>
        <button type="submit">{t('tasks.update.submit')}</button>
      </form>
    )}
    {editable && (
      <form method="post" action={`/tasks/${task.id}`} class="no-print" id="edit"><Csrf />
        <h2>{t('tasks.edit.title')}</h2>
        <ErrorSummary errors={forms.edit?.errors} />
        <ConflictPanel conflict={conflict} />
        <VersionField value={conflict ? task.lockVersion : sentVersion(forms.edit?.values.lockVersion) ?? task.lockVersion} />
        <Select name="status" label={t('tasks.col.status')} hint={t('tasks.edit.statusHint')} values={editValues} errors={forms.edit?.errors}
          options={(['not-started', 'in-progress', 'done', 'blocked'] as const).map((s): [string, string] => [s, t(`tasks.status.${s}`)])} />
        {subtasks.length > 0 && <Select name="progressMode" label={t('tasks.edit.progressMode')} values={editValues} errors={forms.edit?.errors}
          options={[['derived', t('tasks.edit.derived')], ['manual', t('tasks.edit.manual')]]} />}
        <Field name="manualProgress" label={t('tasks.update.progress')} hint={subtasks.length > 0 ? t('tasks.edit.progressHint') : undefined} type="number" values={editValues} errors={forms.edit?.errors} width="short" />
        <Field name="dueOn" label={t('tasks.field.due')} hint={t('plans.dateHint')} values={editValues} errors={forms.edit?.errors} width="short" />
        <Select name="assigneeId" label={t('tasks.field.assignee')} values={editValues} errors={forms.edit?.errors} options={[['', '—'], ...people.map((p): [string, string] => [p.id, p.name])]} />
        <MultiSelect name="coUnitIds" label={t('tasks.field.coUnits')} hint={t('tasks.field.coUnitsHint')} options={await coUnitOptions(c)} values={editValues} errors={forms.edit?.errors} />
        <Checkboxes name="areas" legend={t('tasks.field.area')} options={areaOptions(c.get('lang'))} values={editValues} errors={forms.edit?.errors} />
        <button type="submit">{t('tasks.edit.submit')}</button>
      </form>
    )}
    <section id="subtasks">
      <h2>{t('tasks.subtasks')}</h2>
      <TaskTable tasks={subtasks} />
      {editable && <p class="no-print"><a class="button secondary" href={`/tasks/${task.id}/subtasks/new`}>{t('tasks.newSub')}</a></p>}
    </section>
    <h2>{t('tasks.updates')}</h2>
    {updates.filter((u) => u.kind !== 'comment').length === 0 ? <p>{t('tasks.noUpdates')}</p> : (
      <ul class="lineage">{updates.filter((u) => u.kind !== 'comment').map((u) => <li><strong>{formatDateTime(u.created_at)}</strong> · {u.display_name ?? ''}{u.progress === null ? '' : ` · ${u.progress}%`}<br />{u.note}{u.file_id && <> · <a href={`/tasks/${task.id}/files/${u.file_id}`}>{u.file_name}</a></>}</li>)}</ul>
    )}
    <section id="comments">
      <h2>{t('tasks.comments')}</h2>
      {updates.filter((u) => u.kind === 'comment').length === 0 ? <p>{t('tasks.noComments')}</p> : (
        <ul class="lineage">{updates.filter((u) => u.kind === 'comment').map((u) => <li><strong>{formatDateTime(u.created_at)}</strong> · {u.display_name ?? ''}<br />{u.note}</li>)}</ul>
      )}
      {commentable && (
        <form method="post" action={`/tasks/${task.id}/comments`} class="no-print"><Csrf />
          <ErrorSummary errors={forms.comment?.errors} />
          <Field name="comment" label={t('tasks.comment.note')} values={forms.comment?.values} errors={forms.comment?.errors} />
          <button type="submit" class="secondary">{t('tasks.comment.submit')}</button>
        </form>
      )}
    </section>
    <h2>{t('tasks.history')}</h2>
    <ul class="lineage">{history.map((h) => <li>{formatDateTime(h.at)} · {t(`tasks.history.${h.action}`)} · {h.actor_name ?? ''}</li>)}</ul>
  </>, { title: task.title });
}

taskPages.get('/tasks/:id', allow('tasks.view'), (c) => taskPage(c, c.req.param('id')));
taskPages.get('/tasks/:id/subtasks/new', allow('tasks.edit'), (c) => subtaskPage(c, c.req.param('id')));

/** The edit form: status, progress (by hand, or back to the subtasks' figure), due date, person, co-operating units, areas. */
taskPages.post('/tasks/:id', allow('tasks.edit'), async (c) => {
  const task = await taskFor(c, c.req.param('id'), 'tasks.edit');
  const { values, input } = await formWithLists(c, ['coUnitIds', 'areas']);
  const form = taskEditForm.safeParse(input);
  const expected = sentVersion(values.lockVersion);
  if (expected === null) return taskPage(c, task.id, 400, { edit: { errors: { lockVersion: c.get('t')('concurrency.missing') }, values } });
  if (!form.success) return taskPage(c, task.id, 400, { edit: { errors: fieldErrors(form.error, c.get('t')), values } });
  const d = form.data;
  const derived = d.progressMode === 'derived';
  // The progress field is always sent pre-filled: only a different value (or switching to "by hand") sets it by hand.
  const progressChanged = derived ? task.progressManual : d.manualProgress !== null && (d.manualProgress !== task.progress || (values.progressMode === 'manual' && !task.progressManual));
  const r = await patchTask(c.get('deps').db, actorOf(c), task.id, {
    status: d.status, ...(progressChanged ? { progress: derived ? null : d.manualProgress } : {}), dueOn: d.dueOn,
    assigneeId: d.assigneeId, coUnitIds: d.coUnitIds, areas: d.areas,
  }, localToday(), expected);
  if (!r.ok && r.error === 'conflict') return taskPage(c, task.id, 409, { edit: { errors: { lockVersion: c.get('t')('concurrency.conflict') }, values, stale: true } });
  if (!r.ok) return taskPage(c, task.id, 400, { edit: { errors: translateFields(Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, v]) => [k === 'progress' ? 'manualProgress' : k, v])), c.get('t')), values } });
  return c.redirect(`/tasks/${task.id}?saved=1`, 303);
});

taskPages.post('/tasks/:id/updates', allow('tasks.edit'), async (c) => {
  const task = await taskFor(c, c.req.param('id'), 'tasks.edit');
  const body = await c.req.parseBody();
  const values = { note: String(body.note ?? ''), progress: String(body.progress ?? '') };
  const r = updateInput.safeParse(values);
  if (!r.success) return taskPage(c, task.id, 400, { update: { errors: fieldErrors(r.error, c.get('t')), values } });
  const { db, config } = c.get('deps');
  const u = await addUpdate(db, actorOf(c), { taskId: task.id, kind: 'update', note: r.data.note, progress: r.data.progress, file: body.file instanceof File ? body.file : null, dataDir: config.dataDir });
  if (!u.ok) return taskPage(c, task.id, 400, { update: { errors: translateFields(u.fields, c.get('t')), values } });
  return c.redirect(`/tasks/${task.id}?saved=1`, 303);
});

taskPages.post('/tasks/:id/comments', allow('tasks.comment'), async (c) => {
  const task = await taskFor(c, c.req.param('id'), 'tasks.comment');
  const body = await c.req.parseBody();
  const values = { comment: String(body.comment ?? '') };
  const r = commentForm.safeParse(values);
  if (!r.success) return taskPage(c, task.id, 400, { comment: { errors: fieldErrors(r.error, c.get('t')), values } });
  const { db, config } = c.get('deps');
  await addUpdate(db, actorOf(c), { taskId: task.id, kind: 'comment', note: r.data.comment, progress: null, file: null, dataDir: config.dataDir });
  return c.redirect(`/tasks/${task.id}?saved=1#comments`, 303);
});

taskPages.get('/tasks/:id/files/:fileId', allow('tasks.view'), async (c) => {
  const task = await taskFor(c, c.req.param('id'), 'tasks.view');
  const { db, config } = c.get('deps');
  const own = await db.selectFrom('task_updates').select('id').where('task_id', '=', task.id).where('file_id', '=', c.req.param('fileId')).executeTakeFirst();
  if (!own) return c.text('', 404);
  return sendFile(c, db, config.dataDir, c.req.param('fileId'));
});
