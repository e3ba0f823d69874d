import { Hono } from 'hono';
import { allow, can, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formValues, fieldErrors, validationError } from '../../platform/http/validate.ts';
import { todayLocal } from '../../platform/i18n/index.ts';
import { ancestorIds, findUnits, unitIdsInScope } from '../units/index.ts';
import { circularRisks, getPetition, listPetitions } from './petitions.repository.ts';
import { classifyInput, extendInput, forwardInput, resolveInput, revealInput } from './petitions.schema.ts';
import { accept, classify, extend, forward, mayHandle, mayReveal, resolve, reveal } from './petitions.flow.ts';
import { caseView, isOverdue } from './petitions.present.ts';
import { flowError } from './petitions.api.ts';
import { CaseDetail, CaseList } from './views/staff.tsx';
import { Notice } from '../../platform/views/components.tsx';

export const staffPages = new Hono<AppEnv>();

async function names(c: Ctx, ids: string[]) {
  const rows = ids.length ? await c.get('deps').db.selectFrom('units').select(['id', 'full_name']).where('id', 'in', [...new Set(ids)]).execute() : [];
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

staffPages.get('/petitions', allow('petitions.view'), async (c) => {
  const { db } = c.get('deps');
  const units = await unitIdsInScope(db, scopeOf(c.get('user'), 'petitions.view'));
  const rows = await listPetitions(db, { units, q: c.req.query('q'), overdue: c.req.query('overdue') === 'true' });
  const risks = await circularRisks(db, units);
  const n = await names(c, [...rows.map((r) => r.handling_unit_id), ...risks.flatMap((r) => r.units)]);
  return c.render(<CaseList rows={rows.map((r) => ({ ...r, overdue: isOverdue(r), unitName: n.get(r.handling_unit_id) ?? '' }))} risks={risks.map((r) => ({ ...r, names: r.units.map((u) => n.get(u) ?? u) }))} />, { title: c.get('t')('petitions.title') });
});

async function viewable(c: Ctx) {
  const { db } = c.get('deps');
  const p = await getPetition(db, c.req.param('id') ?? '');
  if (!p || !(await can(c.get('user'), 'petitions.view', p.handling_unit_id, (u) => ancestorIds(db, u)))) throw notFound();
  return p;
}

staffPages.get('/petitions/:id', allow('petitions.view'), async (c) => {
  const { db } = c.get('deps');
  const p = await viewable(c);
  const view = await caseView(db, p);
  const n = await names(c, [p.handling_unit_id, ...view.forwards.flatMap((f) => [f.fromUnitId, f.toUnitId])]);
  const units = (await findUnits(db, { at: todayLocal() })).filter((u) => ['province-committee', 'province-body', 'commune-committee'].includes(u.kind)).map((u): [string, string] => [u.id, u.fullName]);
  const code = c.req.query('code');
  const key = c.req.query('key');
  return c.render(<>{code && key && <Notice>{c.get('t')('petitions.newCode', { code, key })}</Notice>}<CaseDetail p={view} names={n} units={units} canHandle={await mayHandle(db, c.get('user'), p.handling_unit_id)} canReveal={await mayReveal(db, c.get('user'), p)} /></>, { title: p.tracking_code });
});

staffPages.post('/petitions/:id/reveal', allow('petitions.reveal'), async (c) => {
  const p = await viewable(c);
  const parsed = revealInput.safeParse(await formValues(c));
  if (!parsed.success) throw validationError(fieldErrors(parsed.error, c.get('t')));
  const r = await reveal(c.get('deps').db, actorOf(c), c.get('user'), p.id, parsed.data.reason);
  if (!r.ok) throw r.error === 'not_found' ? notFound() : flowError(c, { ok: false, error: 'forbidden' });
  const s = r.value;
  return c.render(<><h1>{p.tracking_code}</h1><dl class="summary" id="revealed">{s && Object.entries(s).map(([k, v]) => <><dt>{k}</dt><dd>{v ?? '—'}</dd></>)}</dl><p><a href={`/petitions/${p.id}`}>←</a></p></>, { title: p.tracking_code });
});

const steps = {
  classify: [classifyInput, (c: Ctx, id: string, i: never) => classify(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  forward: [forwardInput, (c: Ctx, id: string, i: never) => forward(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  accept: [null, (c: Ctx, id: string) => accept(c.get('deps').db, actorOf(c), c.get('user'), id)],
  extend: [extendInput, (c: Ctx, id: string, i: never) => extend(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  resolve: [resolveInput, (c: Ctx, id: string, i: never) => resolve(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
} as const;

for (const [name, [schema, run]] of Object.entries(steps)) {
  staffPages.post(`/petitions/:id/${name}`, allow('petitions.handle'), async (c) => {
    const p = await viewable(c);
    const values = await formValues(c);
    const parsed = schema ? schema.safeParse(values) : { success: true as const, data: {} };
    if (!parsed.success) throw validationError(fieldErrors(parsed.error, c.get('t')));
    const r = await run(c, p.id, parsed.data as never);
    if (!r.ok) throw flowError(c, r);
    return c.redirect(`/petitions/${p.id}`, 303);
  });
}
