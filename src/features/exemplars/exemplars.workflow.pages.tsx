import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { fieldErrors, formValues, translateFields } from '../../platform/http/validate.ts';
import { Notice } from '../../platform/views/components.tsx';
import { actionsFrom, LEVELS, transition, type WorkflowAction } from '../../domain/exemplars/workflow.ts';
import { criteriaAt, filesOf, getEntry, historyOf, outcomesOf } from './exemplars.repository.ts';
import { carryOverInput, commendInput, discontinueInput, noteInput, proposeInput, recognizeInput, replicateInput } from './exemplars.schema.ts';
import { act, ACTION_PERMISSION, carryOver, EDITABLE, mayActOn, mayRecognizeEntry, UploadRefused, type ActionPayload } from './exemplars.service.ts';
import { EntryDetail } from './views/detail.tsx';
import { unitOptions } from './exemplars.options.ts';
import type { z } from 'zod';

export const entryPage = new Hono<AppEnv>();

/** The actions this user may take now (state machine × permission; recognition levels per the configured rules). */
async function allowedActions(c: Ctx, e: NonNullable<Awaited<ReturnType<typeof getEntry>>>) {
  const { db } = c.get('deps');
  const user = c.get('user');
  const target = { unitId: e.unitId, communeUnitId: e.communeUnitId };
  const out: { action: WorkflowAction; levels?: string[] }[] = [];
  for (const a of actionsFrom(e.status)) {
    if (a === 'recognize') {
      const levels = [];
      for (const l of LEVELS) if (transition(e.status, a, { currentLevel: e.level, level: l }).ok && (await mayRecognizeEntry(db, user, l, target))) levels.push(l);
      if (levels.length) out.push({ action: a, levels });
    } else if (await mayActOn(db, user, ACTION_PERMISSION[a], target)) out.push({ action: a });
  }
  return {
    actions: out,
    canCarryOver: ['recognised', 'typical', 'commended', 'replicated'].includes(e.status) && (await mayActOn(db, user, 'exemplars.propose', target)),
    canEdit: EDITABLE.includes(e.status) && (await mayActOn(db, user, 'exemplars.register', target)),
  };
}

async function renderEntry(c: Ctx, id: string, failed?: { action: string; errors: Record<string, string>; values: Record<string, string> }) {
  const { db } = c.get('deps');
  const e = await getEntry(db, id);
  if (!e) throw notFound();
  if (!(await mayActOn(db, c.get('user'), 'exemplars.view', e))) throw forbidden();
  const o = await outcomesOf(db, [e.id]);
  const { actions, canCarryOver, canEdit } = await allowedActions(c, e);
  const t = c.get('t');
  return c.render(
    <>
      {c.req.query('saved') && <Notice>{t('exemplars.saved')}</Notice>}
      {c.req.query('done') && <Notice>{t('exemplars.done')}</Notice>}
      <EntryDetail entry={e} recognitions={o.recognitions.get(e.id) ?? []} commendations={o.commendations.get(e.id) ?? []} replications={o.replications.get(e.id) ?? []}
        criteria={e.campaignId && e.criteriaVersion !== null ? await criteriaAt(db, e.campaignId, e.criteriaVersion) : undefined}
        files={await filesOf(db, e.id)} history={await historyOf(db, e.id)} actions={actions} canCarryOver={canCarryOver} canEdit={canEdit}
        units={actions.some((a) => a.action === 'replicate') ? await unitOptions(c, 'exemplars.view') : []} errors={failed?.errors} values={failed?.values} failedAction={failed?.action} />
    </>,
    { title: e.name },
  );
}

entryPage.get('/exemplars/:id', allow('exemplars.view'), (c) => renderEntry(c, c.req.param('id')));

const SCHEMAS: Partial<Record<WorkflowAction, z.ZodType>> = { propose: proposeInput, recognize: recognizeInput, commend: commendInput, replicate: replicateInput, discontinue: discontinueInput, return: noteInput, reject: noteInput };

/** Form values → the action payload (nested vote fields for the proposal). */
function toPayload(action: WorkflowAction, v: Record<string, string>) {
  const raw = action === 'propose' ? { resultsReport: v.resultsReport, reviewVote: { for: v['reviewVote.for'], total: v['reviewVote.total'] } } : v;
  const schema = SCHEMAS[action] ?? noteInput;
  return schema.safeParse(raw);
}

entryPage.post('/exemplars/:id/carry-over', allow('exemplars.propose'), async (c) => {
  const v = await formValues(c);
  const y = carryOverInput.safeParse(v);
  if (!y.success) return (c.status(400), renderEntry(c, c.req.param('id'), { action: '', errors: { year: c.get('t')('exemplars.error.carryOverYear') }, values: {} }));
  const r = await carryOver(c.get('deps').db, actorOf(c), c.get('user'), c.req.param('id'), y.data.year);
  if (r.ok) return c.redirect(`/exemplars/${r.value}?saved=1`, 303);
  if (r.error === 'not_found') throw notFound();
  c.status(r.error === 'forbidden' ? 403 : r.error === 'invalid' ? 400 : 409);
  return renderEntry(c, c.req.param('id'), { action: '', errors: translateFields(r.fields, c.get('t')), values: {} });
});

entryPage.post('/exemplars/:id/:action', allow('exemplars.view'), async (c) => {
  const action = c.req.param('action') as WorkflowAction;
  if (!(action in ACTION_PERMISSION) && action !== 'recognize') throw notFound();
  const { db, config } = c.get('deps');
  const id = c.req.param('id');
  const values = await formValues(c);
  const parsed = toPayload(action, values);
  const fail = (status: 400 | 403 | 409, errors: Record<string, string>) => (c.status(status), renderEntry(c, id, { action, errors, values }));
  if (!parsed.success) return fail(400, fieldErrors(parsed.error, c.get('t')));
  const body = await c.req.parseBody({ all: true });
  const files = ([] as unknown[]).concat(body.dossier ?? []).filter((f): f is File => f instanceof File);
  try {
    const r = await act(db, actorOf(c), c.get('user'), id, { action, ...(parsed.data as object), files } as ActionPayload, config.dataDir);
    if (r.ok) return c.redirect(`/exemplars/${id}?done=1`, 303);
    if (r.error === 'not_found') throw notFound();
    return fail(r.error === 'forbidden' ? 403 : r.error === 'not_allowed' ? 409 : 400, r.error === 'forbidden' ? { status: c.get('t')('error.forbidden') } : translateFields(r.fields, c.get('t')));
  } catch (e) {
    if (e instanceof UploadRefused) return fail(400, { dossier: c.get('t')(e.messageKey) });
    throw e;
  }
});
