import { Hono } from 'hono';
import { z } from 'zod';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { fieldErrors, readForm, type FieldErrors } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ancestorIds } from '../units/index.ts';
import { dateField } from '../units/units.schema.ts';
import { authorizeUnit, explain, scopeFor } from './community.access.ts';
import { communeVillages, getCommune, getCommuneDecision, householdCount, listCommuneDecisions } from './community.repository.ts';
import { communeCloseInput, communeDecisionInput } from './community.schema.ts';
import { democracyNumbers } from './community.stats.ts';
import { closeCommuneDecision, createCommuneDecision, villageResults } from './commune.service.ts';
import { CommuneDecisionPage, CommunePage, NumbersPage } from './views/commune.tsx';

export const communePages = new Hono<AppEnv>();

async function communeFor(c: Ctx, action: string, id: string) {
  const commune = await getCommune(c.get('deps').db, id);
  if (!commune) throw notFound();
  await authorizeUnit(c, action, commune.id);
  return commune;
}

async function renderCommune(c: Ctx, id: string, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  const { db } = c.get('deps');
  const commune = await communeFor(c, 'community.view', id);
  const today = localToday();
  const villages = await communeVillages(db, commune.id, today);
  const counts = await Promise.all(villages.map((v) => householdCount(db, v.id, today)));
  if (form?.errors) c.status(400);
  return c.render(<CommunePage commune={commune} villages={villages.map((v, i) => ({ ...v, count: counts[i] }))} decisions={await listCommuneDecisions(db, [commune.id])} lang={c.get('lang')}
    canManage={await can(c.get('user'), 'community.manage', commune.id, (x) => ancestorIds(db, x))} errors={form?.errors} values={form?.values ?? { matter: 'contribution', form: 'meeting' }} />, { title: commune.name });
}

communePages.get('/community/communes/:id', allow('community.view'), (c) => renderCommune(c, c.req.param('id')));

communePages.post('/community/communes/:id/decisions', allow('community.manage'), async (c) => {
  const commune = await communeFor(c, 'community.manage', c.req.param('id'));
  const form = await readForm(c, communeDecisionInput.omit({ communeId: true }));
  if (!form.ok) return renderCommune(c, commune.id, form);
  const r = await createCommuneDecision(c.get('deps').db, actorOf(c), { ...form.data, communeId: commune.id });
  if (!r.ok) return renderCommune(c, commune.id, { errors: explain(r.fields, c.get('t')), values: form.values });
  return c.redirect(`/community/commune-decisions/${r.value.id}`, 303);
});

async function renderCommuneDecision(c: Ctx, id: string, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  const { db } = c.get('deps');
  const d = await getCommuneDecision(db, id);
  if (!d) throw notFound();
  const commune = await communeFor(c, 'community.view', d.commune_id);
  if (form?.errors) c.status(400);
  return c.render(<CommuneDecisionPage d={d} communeName={commune.name} villages={await villageResults(db, d.id)} canManage={await can(c.get('user'), 'community.manage', commune.id, (x) => ancestorIds(db, x))}
    errors={form?.errors} values={form?.values} />, { title: d.question });
}

communePages.get('/community/commune-decisions/:id', allow('community.view'), (c) => renderCommuneDecision(c, c.req.param('id')));

communePages.post('/community/commune-decisions/:id/close', allow('community.manage'), async (c) => {
  const d = await getCommuneDecision(c.get('deps').db, c.req.param('id'));
  if (!d) throw notFound();
  await communeFor(c, 'community.manage', d.commune_id);
  const form = await readForm(c, communeCloseInput);
  if (!form.ok) return renderCommuneDecision(c, d.id, form);
  const r = await closeCommuneDecision(c.get('deps').db, actorOf(c), d.id, form.data);
  if (!r.ok) return renderCommuneDecision(c, d.id, { errors: explain(r.fields, c.get('t')), values: form.values });
  return c.redirect(`/community/commune-decisions/${d.id}`, 303);
});

const period = z.object({ from: z.union([z.literal(''), dateField]).optional(), to: z.union([z.literal(''), dateField]).optional() });

communePages.get('/community/numbers', allow('community.view'), async (c) => {
  const q = period.safeParse({ from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' });
  const errors: FieldErrors = q.success ? {} : fieldErrors(q.error, c.get('t'));
  const to = (q.success && q.data.to) || localToday();
  const from = (q.success && q.data.from) || `${to.slice(0, 4)}-01-01`;
  if (q.success && from > to) errors.from = c.get('t')('community.error.fromAfterTo');
  const bad = Object.keys(errors).length > 0;
  if (bad) c.status(400);
  const scope = await scopeFor(c, 'community.view');
  const numbers = bad ? {} : await democracyNumbers(c.get('deps').db, { from, to, unitIds: scope === 'all' ? undefined : scope });
  return c.render(<NumbersPage from={from} to={to} numbers={numbers} lang={c.get('lang')} errors={errors} values={bad ? { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' } : undefined} />, { title: c.get('t')('community.numbersTitle') });
});
