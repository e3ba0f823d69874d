import { Hono } from 'hono';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { fieldErrors, readForm } from '../../platform/http/validate.ts';
import { formatDate, formatNumber, localToday } from '../../platform/i18n/index.ts';
import { Table } from '../../platform/views/components.tsx';
import { ancestorIds } from '../units/index.ts';
import { explain, scopeFor, villageFor } from './community.access.ts';
import { getHousehold, householdCount, listCommuneDecisions, listDecisions, listHouseholds, listVillages, optedInCount } from './community.repository.ts';
import { CommuneDecisionTable } from './views/commune.tsx';
import { countQuery, householdInput, optInInput } from './community.schema.ts';
import { addHouseholds, optIn, parseHouseholdCsv, removeHousehold } from './households.service.ts';
import { DecisionTable, VillagePage } from './views/village.tsx';
import { printCss } from './views/print.css.ts';

export const communityPages = new Hono<AppEnv>();
const PAGE = 30;

communityPages.get('/community/print.css', allow('public'), (c) => printCss.serve(c));

communityPages.get('/community', allow('community.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const scope = await scopeFor(c, 'community.view');
  const today = localToday();
  const villages = await listVillages(db, scope, today);
  const counts = await Promise.all(villages.map((v) => householdCount(db, v.id, today)));
  const decisions = await listDecisions(db, scope);
  return c.render(<>
    <h1>{t('community.title')}</h1>
    <p>{t('community.intro')}</p>
    <Table caption={t('community.villages')} head={[t('community.village'), t('community.commune'), t('community.householdsToday')]} empty={t('community.noVillages')}
      rows={villages.map((v, i) => [<a href={`/community/villages/${v.id}`}>{v.name}</a>, v.communeId ? <a href={`/community/communes/${v.communeId}`}>{v.communeName ?? ''}</a> : '', formatNumber(counts[i], c.get('lang'))])} />
    <p class="actions"><a href="/community/numbers">{t('community.numbersTitle')}</a></p>
    <CommuneDecisionTable rows={await listCommuneDecisions(db, [...new Set(villages.map((v) => v.communeId).filter((x): x is string => !!x))])} />
    <DecisionTable rows={decisions.slice(0, 50)} showVillage />
  </>, { title: t('community.title') });
});

/** Renders the village page (status 400 with errors when a form failed). */
async function renderVillage(c: Ctx, villageId: string, form?: { errors?: Record<string, string>; values?: Record<string, string> }) {
  const { db } = c.get('deps');
  const v = await villageFor(c, 'community.view', villageId);
  const q = countQuery.safeParse({ at: c.req.query('at') ?? '' });
  const errors = { ...(q.success ? {} : fieldErrors(q.error, c.get('t'))), ...form?.errors };
  const at = (q.success && q.data.at) || localToday();
  if (Object.keys(errors).length) c.status(400);
  const canManage = await can(c.get('user'), 'community.manage', v.id, (id) => ancestorIds(db, id));
  const page = Math.min(Math.max(Number.parseInt(c.req.query('page') ?? '1', 10) || 1, 1), 10000);
  const rows = await listHouseholds(db, v.id, at, PAGE + 1, (page - 1) * PAGE);
  return c.render(<VillagePage village={v} at={at} count={await householdCount(db, v.id, at)} optedIn={await optedInCount(db, v.id, at)} households={rows.slice(0, PAGE)} page={page} hasNext={rows.length > PAGE}
    decisions={await listDecisions(db, 'all', v.id)} canManage={canManage} errors={errors} values={form?.values ?? { addedOn: formatDate(localToday()) }} />, { title: v.name });
}

communityPages.get('/community/villages/:id', allow('community.view'), (c) => renderVillage(c, c.req.param('id')));

communityPages.post('/community/villages/:id/households', allow('community.manage'), async (c) => {
  const v = await villageFor(c, 'community.manage', c.req.param('id'));
  const form = await readForm(c, householdInput);
  if (!form.ok) return renderVillage(c, v.id, form);
  await addHouseholds(c.get('deps').db, actorOf(c), v.id, [form.data]);
  return c.redirect(`/community/villages/${v.id}`, 303);
});

communityPages.post('/community/villages/:id/import', allow('community.manage'), async (c) => {
  const v = await villageFor(c, 'community.manage', c.req.param('id'));
  const csv = String((await c.req.parseBody()).csv ?? '');
  const list = parseHouseholdCsv(csv);
  if (!list.ok) return renderVillage(c, v.id, { errors: { csv: Object.values(explain(list.fields, c.get('t')))[0] }, values: { csv } });
  await addHouseholds(c.get('deps').db, actorOf(c), v.id, list.value);
  return c.redirect(`/community/villages/${v.id}`, 303);
});

/** Opt-in to online voting and removal of a household, both back to the village page. */
for (const [path, run] of [['opt-in', optIn], ['remove', removeHousehold]] as const) {
  communityPages.post(`/community/households/:id/${path}`, allow('community.manage'), async (c) => {
    const h = await getHousehold(c.get('deps').db, c.req.param('id'));
    if (!h) throw notFound();
    await villageFor(c, 'community.manage', h.village_id);
    const form = await readForm(c, optInInput);
    const r = await run(c.get('deps').db, actorOf(c), h.id, form.ok ? form.data.on : null);
    if (!r.ok) return renderVillage(c, h.village_id, { errors: explain(r.fields ?? { _: 'community.error.householdGone' }, c.get('t')) });
    return c.redirect(`/community/villages/${h.village_id}`, 303);
  });
}
