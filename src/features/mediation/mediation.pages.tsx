import { Hono } from 'hono';
import { z } from 'zod';
import { allow, can, mayEnter } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import type { Result } from '../../platform/http/errors.ts';
import { readForm, type FieldErrors } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table } from '../../platform/views/components.tsx';
import { dateField } from '../units/units.schema.ts';
import { ancestorIds } from '../units/index.ts';
import { explain, scopeFor } from '../community/index.ts';
import { caseFor, onVillage, teamFor } from './mediation.access.ts';
import { casesOf, listTeams, mediatorsOf, sessionsOf } from './mediation.repository.ts';
import { mediatorInput, sessionInput, teamInput } from './mediation.schema.ts';
import { addMediator, addSession, createCase, createTeam, recordOutcome, reviewTeam, teamGaps } from './mediation.service.ts';
import { CasePage, Gaps, Logbook, SettlementRecord, TeamPage } from './views/mediation.tsx';
import { notFound } from '../../platform/http/errors.ts';

export const mediationPages = new Hono<AppEnv>();

async function renderList(c: Ctx, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  const t = c.get('t');
  const { db } = c.get('deps');
  const scope = await scopeFor(c, 'mediation.view');
  const teams = await listTeams(db, scope);
  const gaps = await Promise.all(teams.map((tm) => teamGaps(db, tm.id)));
  const villages = await db.selectFrom('units').select(['id', 'full_name']).where('kind', '=', 'village').where('valid_to', 'is', null)
    .$if(scope !== 'all', (q) => q.where('id', 'in', scope === 'all' || !scope.length ? ['-'] : scope)).orderBy('full_name').limit(300).execute();
  if (form?.errors) c.status(400);
  return c.render(<>
    <ErrorSummary errors={form?.errors} />
    <h1>{t('mediation.title')}</h1>
    <p>{t('mediation.intro')}</p>
    <Table caption={t('mediation.teams')} empty={t('mediation.noTeams')} head={[t('mediation.team'), t('mediation.village'), t('mediation.composition')]}
      rows={teams.map((tm, i) => [<a href={`/mediation/teams/${tm.id}`}>{tm.name}</a>, `${tm.villageName} · ${tm.communeName ?? ''}`, <Gaps gaps={gaps[i]} />])} />
    <Logbook cases={await casesOf(db, teams.map((tm) => tm.id))} today={localToday()} />
    {mayEnter(c.get('user'), 'mediation.manage') && villages.length > 0 && (
      <form method="post" action="/mediation/teams" novalidate>
        <Csrf />
        <h2>{t('mediation.newTeam')}</h2>
        <Select name="villageId" label={t('mediation.village')} errors={form?.errors} values={form?.values} options={villages.map((v) => [v.id, v.full_name])} />
        <Field name="name" label={t('mediation.team')} errors={form?.errors} values={form?.values} />
        <Select name="ethnicMinorityArea" label={t('mediation.ethnicArea')} values={form?.values} options={[['', t('mediation.no')], ['1', t('mediation.yes')]]} />
        <button type="submit">{t('mediation.createTeam')}</button>
      </form>
    )}
  </>, { title: t('mediation.title') });
}

mediationPages.get('/mediation', allow('mediation.view'), (c) => renderList(c));

mediationPages.post('/mediation/teams', allow('mediation.manage'), async (c) => {
  const form = await readForm(c, teamInput);
  if (!form.ok) return renderList(c, form);
  await onVillage(c, 'mediation.manage', form.data.villageId);
  const r = await createTeam(c.get('deps').db, actorOf(c), form.data);
  if (!r.ok) return renderList(c, { errors: explain(r.fields, c.get('t')), values: form.values });
  return c.redirect(`/mediation/teams/${r.value.id}`, 303);
});

async function renderTeam(c: Ctx, id: string, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  const { db } = c.get('deps');
  const team = await teamFor(c, 'mediation.view', id);
  const village = await db.selectFrom('units').select('full_name').where('id', '=', team.village_id).executeTakeFirstOrThrow();
  if (form?.errors) c.status(400);
  return c.render(<TeamPage team={team} villageName={village.full_name} mediators={await mediatorsOf(db, team.id)} gaps={await teamGaps(db, team.id)} cases={await casesOf(db, [team.id])} today={localToday()}
    canManage={await can(c.get('user'), 'mediation.manage', team.village_id, (x) => ancestorIds(db, x))} errors={form?.errors} values={form?.values} />, { title: team.name });
}

mediationPages.get('/mediation/teams/:id', allow('mediation.view'), (c) => renderTeam(c, c.req.param('id')));

const caseForm = z.object({ parties: z.string().trim().min(1).max(2000).transform((s) => s.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean)), summary: z.string().trim().min(1).max(4000), assignedOn: dateField });
const teamSteps: { path: string; schema: z.ZodType; run: (c: Ctx, id: string, d: any) => Promise<Result<unknown>>; next: (id: string, v: any) => string }[] = [
  { path: 'cases', schema: caseForm, run: (c, id, d) => createCase(c.get('deps').db, actorOf(c), { ...d, teamId: id }), next: (_id, v) => `/mediation/cases/${v.id}` },
  { path: 'mediators', schema: mediatorInput, run: (c, id, d) => addMediator(c.get('deps').db, actorOf(c), id, d), next: (id) => `/mediation/teams/${id}` },
  { path: 'review', schema: z.object({ on: dateField }), run: (c, id, d) => reviewTeam(c.get('deps').db, actorOf(c), id, d.on), next: (id) => `/mediation/teams/${id}` },
];
for (const s of teamSteps) {
  mediationPages.post(`/mediation/teams/:id/${s.path}`, allow('mediation.manage'), async (c) => {
    const team = await teamFor(c, 'mediation.manage', c.req.param('id'));
    const form = await readForm(c, s.schema);
    if (!form.ok) return renderTeam(c, team.id, form);
    const r = await s.run(c, team.id, form.data);
    if (!r.ok) return renderTeam(c, team.id, { errors: explain(r.fields, c.get('t')), values: form.values });
    return c.redirect(s.next(team.id, r.value), 303);
  });
}

async function renderCase(c: Ctx, id: string, form?: { errors?: FieldErrors; values?: Record<string, string> }) {
  const { db } = c.get('deps');
  const { m, team } = await caseFor(c, 'mediation.view', id);
  if (form?.errors) c.status(400);
  return c.render(<CasePage m={m} teamName={team.name} sessions={await sessionsOf(db, m.id)} today={localToday()} canManage={await can(c.get('user'), 'mediation.manage', team.village_id, (x) => ancestorIds(db, x))}
    errors={form?.errors} values={form?.values} />, { title: team.name });
}

mediationPages.get('/mediation/cases/:id', allow('mediation.view'), (c) => renderCase(c, c.req.param('id')));

/** The settlement record to print (Art. 24(2)); only for a settled case with a record. */
mediationPages.get('/mediation/cases/:id/record', allow('mediation.view'), async (c) => {
  const { db } = c.get('deps');
  const { m, team } = await caseFor(c, 'mediation.view', c.req.param('id'));
  if (m.result !== 'settled' || !m.record) throw notFound();
  const village = await db.selectFrom('units').select('full_name').where('id', '=', team.village_id).executeTakeFirstOrThrow();
  const mediators = (await mediatorsOf(db, team.id)).filter((x) => Number(x.is_leader)).map((x) => x.name);
  return c.render(<><link rel="stylesheet" href="/community/print.css" /><p class="no-print"><a href={`/mediation/cases/${m.id}`}>← {team.name}</a></p>
    <SettlementRecord m={m} teamName={team.name} villageName={village.full_name} mediators={mediators} /></>, { title: team.name });
});

const opt = (max: number) => z.string().trim().max(max).optional().transform((s) => s || undefined);
const outcomeForm = z.object({ result: z.enum(['settled', 'not-settled', 'stopped']), basis: opt(2000), facts: opt(4000), course: opt(4000), agreement: opt(4000), obligations: opt(4000), performance: opt(2000) })
  .refine((f) => f.result === 'settled' || !(f.basis || f.facts || f.course || f.agreement || f.obligations || f.performance), { path: ['agreement'], message: 'mediation.error.recordOnlySettled' })
  .refine((f) => !(f.basis || f.facts || f.course || f.obligations || f.performance) || !!f.agreement, { path: ['agreement'], message: 'mediation.error.agreementNeeded' })
  .transform((f) => ({ result: f.result, closedOn: null, record: f.result === 'settled' && f.agreement ? { basis: f.basis, facts: f.facts, course: f.course, agreement: f.agreement, obligations: f.obligations, performance: f.performance } : undefined }));
const caseSteps: { path: string; schema: z.ZodType; run: (c: Ctx, id: string, d: any) => Promise<Result<unknown>> }[] = [
  { path: 'sessions', schema: sessionInput, run: (c, id, d) => addSession(c.get('deps').db, actorOf(c), id, d) },
  { path: 'outcome', schema: outcomeForm, run: (c, id, d) => recordOutcome(c.get('deps').db, actorOf(c), id, d) },
];
for (const s of caseSteps) {
  mediationPages.post(`/mediation/cases/:id/${s.path}`, allow('mediation.manage'), async (c) => {
    const { m } = await caseFor(c, 'mediation.manage', c.req.param('id'));
    const form = await readForm(c, s.schema);
    if (!form.ok) return renderCase(c, m.id, form);
    const r = await s.run(c, m.id, form.data);
    if (!r.ok) return renderCase(c, m.id, { errors: explain(r.fields, c.get('t')), values: form.values });
    return c.redirect(`/mediation/cases/${m.id}`, 303);
  });
}
