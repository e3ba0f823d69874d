import { Hono } from 'hono';
import type { z } from 'zod';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound, type Result } from '../../platform/http/errors.ts';
import { readForm } from '../../platform/http/validate.ts';
import { lastChange, sentVersion, versionOf } from '../../platform/http/concurrency.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ancestorIds } from '../units/index.ts';
import { authorizeUnit, explain, villageFor } from './community.access.ts';
import { getDecision, householdCount } from './community.repository.ts';
import { annulInput, decisionInput, optInInput, recognizeInput, tallyInput } from './community.schema.ts';
import { annul, closeDecision, createDecision, enterTally, offerBallot, recognize, recordReceived } from './decisions.service.ts';
import { DecisionForm } from './views/village.tsx';
import { DecisionPage, tallyRows } from './views/decision.tsx';
import { BallotSheet, Candidates, CountMinutes, Invitation, Minutes } from './views/print.tsx';
import { printCss } from './views/print.css.ts';

export const decisionPages = new Hono<AppEnv>();

decisionPages.get('/community/villages/:id/decisions/new', allow('community.manage'), async (c) => {
  const v = await villageFor(c, 'community.manage', c.req.param('id'));
  return c.render(<DecisionForm village={v} values={{ matter: 'other', form: 'meeting', proposer: 'village-head' }} />, { title: c.get('t')('community.newDecision') });
});

decisionPages.post('/community/villages/:id/decisions/new', allow('community.manage'), async (c) => {
  const v = await villageFor(c, 'community.manage', c.req.param('id'));
  const form = await readForm(c, decisionInput.omit({ villageId: true }));
  const r = form.ok ? await createDecision(c.get('deps').db, actorOf(c), { ...form.data, villageId: v.id }) : null;
  if (r?.ok) return c.redirect(`/community/decisions/${r.value}`, 303);
  c.status(400);
  return c.render(<DecisionForm village={v} values={form.values} errors={form.ok ? explain(r?.ok === false ? r.fields : {}, c.get('t')) : form.errors} />, { title: c.get('t')('community.newDecision') });
});

/** Loads a decision with its village, checking the user may view it; renders the page (400 with errors). */
async function renderDecision(c: Ctx, id: string, form?: { errors?: Record<string, string>; values?: Record<string, string>; stale?: boolean }) {
  const { db } = c.get('deps');
  const d = await getDecision(db, id);
  if (!d) throw notFound();
  const v = await villageFor(c, 'community.view', d.village_id);
  if (form?.errors) c.status(form.stale ? 409 : 400);
  const conflict = form?.stale ? { by: await lastChange(db, 'community_decision', d.id), rows: tallyRows(d, c.get('t')) } : undefined;
  const canManage = await can(c.get('user'), 'community.manage', v.id, (x) => ancestorIds(db, x));
  const canRecognize = await can(c.get('user'), 'community.recognize', d.commune_id, (x) => ancestorIds(db, x));
  return c.render(<DecisionPage d={d} villageName={v.name} communeName={v.communeName} total={await householdCount(db, v.id, d.vote_on ?? localToday())} canManage={canManage} canRecognize={canRecognize} errors={form?.errors} values={form?.stale ? { ...form.values, lockVersion: String(versionOf(d.lock_version)) } : form?.values} conflict={conflict} />, { title: d.question });
}

decisionPages.get('/community/decisions/:id', allow('community.view'), (c) => renderDecision(c, c.req.param('id')));

for (const [path, view] of [['minutes', Minutes], ['ballot-sheet', BallotSheet], ['invitation', Invitation], ['count-minutes', CountMinutes], ['candidates', Candidates]] as const) {
  decisionPages.get(`/community/decisions/:id/${path}`, allow('community.view'), async (c) => {
    const { db } = c.get('deps');
    const d = await getDecision(db, c.req.param('id'));
    if (!d) throw notFound();
    if (path === 'candidates' && d.matter !== 'village-head') throw notFound();
    const v = await villageFor(c, 'community.view', d.village_id);
    const View = view;
    return c.render(<><link rel="stylesheet" href={printCss.href} /><p class="no-print"><a href={`/community/decisions/${d.id}`}>← {d.question}</a></p>
      <View d={d} villageName={v.name} communeName={v.communeName} total={await householdCount(db, v.id, d.vote_on ?? localToday())} /></>, { title: d.question });
  });
}

/** A step of the decision; `versioned` steps carry the form's `lockVersion` (optimistic concurrency: 409 if someone saved since). */
type Step = { path: string; action: 'community.manage' | 'community.recognize'; schema: z.ZodType; versioned?: true; run: (c: Ctx, id: string, data: any, version?: number) => Promise<Result<unknown>> };
const steps: Step[] = [
  { path: 'tally', action: 'community.manage', schema: tallyInput, versioned: true, run: (c, id, data, version) => enterTally(c.get('deps').db, actorOf(c), id, data, version) },
  { path: 'close', action: 'community.manage', schema: optInInput, run: (c, id) => closeDecision(c.get('deps').db, actorOf(c), id) },
  { path: 'ballot', action: 'community.manage', schema: optInInput.extend({ voteOn: optInInput.shape.on }), run: (c, id, data) => offerBallot(c.get('deps').db, actorOf(c), id, data.voteOn) },
  { path: 'received', action: 'community.recognize', schema: optInInput, run: (c, id, data) => recordReceived(c.get('deps').db, actorOf(c), id, data.on) },
  { path: 'recognition', action: 'community.recognize', schema: recognizeInput, run: (c, id, data) => recognize(c.get('deps').db, actorOf(c), id, data) },
  { path: 'annulment', action: 'community.recognize', schema: annulInput, run: (c, id, data) => annul(c.get('deps').db, actorOf(c), id, data) },
];

/** The decision's form steps: validate, check the unit (village, or commune for recognition), run, redirect. */
for (const s of steps) {
  decisionPages.post(`/community/decisions/:id/${s.path}`, allow(s.action), async (c) => {
    const d = await getDecision(c.get('deps').db, c.req.param('id'));
    if (!d) throw notFound();
    if (s.action === 'community.manage') await villageFor(c, s.action, d.village_id);
    else await authorizeUnit(c, s.action, d.commune_id);
    const form = await readForm(c, s.schema);
    const version = s.versioned ? sentVersion(form.values.lockVersion) ?? undefined : undefined;
    if (s.versioned && version === undefined) return renderDecision(c, d.id, { errors: { lockVersion: c.get('t')('concurrency.missing') }, values: form.values });
    if (!form.ok) return renderDecision(c, d.id, form);
    const r = await s.run(c, d.id, form.data, version);
    if (!r.ok && r.error === 'conflict') return renderDecision(c, d.id, { errors: { lockVersion: c.get('t')('concurrency.conflict') }, values: form.values, stale: true });
    if (!r.ok) return renderDecision(c, d.id, { errors: explain(r.fields ?? { _: 'validation.invalid' }, c.get('t')), values: form.values });
    const next = s.path === 'ballot' ? (r.value as string) : d.id;
    return c.redirect(`/community/decisions/${next}`, 303);
  });
}
