import { Hono } from 'hono';
import { allow, can, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { fieldErrors, formValues } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ancestorIds, findUnits, unitIdsInScope } from '../units/index.ts';
import { listQuery } from './petitions.schema.ts';
import { petitionsTable, sendTable } from './petitions.export.ts';
import { addRemoteUnit, remoteUnitInput, remoteUnits, removeRemoteUnit, saveTemplate, templateInput, templatesOf } from './petitions.settings.ts';
import { RemoteUnitsPage, TemplatesPage } from './views/settings.tsx';
import { intakeUnits } from './intake.pages.tsx';

/** Exports of the list, answer templates per unit, the remote-commune list (registered before `/petitions/:id`). */
export const settingsPages = new Hono<AppEnv>();

/** The petitions list of the caller's scope (filters as the list) as CSV or XLSX; sealed senders stay sealed. */
export async function petitionsExport(c: Ctx, ext: 'csv' | 'xlsx'): Promise<Response> {
  const t = c.get('t');
  const { db } = c.get('deps');
  const q = listQuery.safeParse(c.req.query());
  const f = q.success ? q.data : {};
  const units = await unitIdsInScope(db, scopeOf(c.get('user'), 'petitions.view'));
  const table = await petitionsTable(db, t, { ...f, overdue: f.overdue === 'true' || f.overdue === '1', units });
  return sendTable(c, ext, `so-don-${localToday()}`, t('petitions.title'), table);
}
for (const ext of ['csv', 'xlsx'] as const) settingsPages.get(`/petitions/export.${ext}`, allow('petitions.view'), (c) => petitionsExport(c, ext));

const mayEditTemplates = (c: Ctx, unitId: string) => can(c.get('user'), 'petitions.templates', unitId, (id) => ancestorIds(c.get('deps').db, id));

async function templatesPage(c: Ctx, unitId: string | undefined, errors?: Record<string, string>, values?: Record<string, string>) {
  const units = await intakeUnits(c, 'petitions.templates');
  const chosen = units.find(([id]) => id === unitId)?.[0] ?? units[0]?.[0];
  const tpl = chosen ? await templatesOf(c.get('deps').db, chosen, c.get('t')) : null;
  return c.render(<TemplatesPage units={units} unitId={chosen ?? ''} templates={tpl} errors={errors} values={values} />, { title: c.get('t')('petitions.templates') });
}

settingsPages.get('/petitions/templates', allow('petitions.templates'), (c) => templatesPage(c, c.req.query('unitId')));

settingsPages.post('/petitions/templates', allow('petitions.templates'), async (c) => {
  const values = await formValues(c);
  const r = templateInput.safeParse(values);
  if (!r.success) {
    c.status(400);
    return templatesPage(c, values.unitId, fieldErrors(r.error, c.get('t')), values);
  }
  if (!(await mayEditTemplates(c, r.data.unitId))) throw forbidden();
  await saveTemplate(c.get('deps').db, actorOf(c), r.data);
  return c.redirect(`/petitions/templates?unitId=${encodeURIComponent(r.data.unitId)}#t-${r.data.status}`, 303);
});

async function communeOptions(c: Ctx): Promise<[string, string][]> {
  return (await findUnits(c.get('deps').db, { at: localToday() })).filter((u) => u.kind === 'commune-committee').map((u) => [u.id, u.fullName]);
}
async function remotePage(c: Ctx, errors?: Record<string, string>, values?: Record<string, string>) {
  const rows = await remoteUnits(c.get('deps').db);
  return c.render(<RemoteUnitsPage rows={rows} communes={await communeOptions(c)} errors={errors} values={values ?? {}} />, { title: c.get('t')('petitions.remoteUnits') });
}

settingsPages.get('/petitions/remote-units', allow('petitions.configure'), (c) => remotePage(c));

settingsPages.post('/petitions/remote-units', allow('petitions.configure'), async (c) => {
  const values = await formValues(c);
  const r = remoteUnitInput.safeParse(values);
  const communes = await communeOptions(c);
  if (!r.success || !communes.some(([id]) => id === r.data.unitId)) {
    c.status(400);
    return remotePage(c, r.success ? { unitId: c.get('t')('petitions.error.unitMissing') } : fieldErrors(r.error, c.get('t')), values);
  }
  await addRemoteUnit(c.get('deps').db, actorOf(c), r.data);
  return c.redirect('/petitions/remote-units', 303);
});

settingsPages.post('/petitions/remote-units/:unitId/remove', allow('petitions.configure'), async (c) => {
  await removeRemoteUnit(c.get('deps').db, actorOf(c), c.req.param('unitId'));
  return c.redirect('/petitions/remote-units', 303);
});
