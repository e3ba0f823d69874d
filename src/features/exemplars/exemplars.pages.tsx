import { Hono } from 'hono';
import { allow, authorize, can, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden, HttpError, notFound } from '../../platform/http/errors.ts';
import { fieldErrors, formValues, queryValues, translateFields } from '../../platform/http/validate.ts';
import { sendFile } from '../../platform/files/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ancestorIds, getUnit, unitIdsInScope } from '../units/index.ts';
import { REGISTRATION_ITEMS } from '../../domain/exemplars/forms.ts';
import { findEntries, getEntry, listCampaigns, type EntryView } from './exemplars.repository.ts';
import { communeOptions, unitOptions } from './exemplars.options.ts';
import { draftInput, entryInput, formToEntry, listQuery } from './exemplars.schema.ts';
import { EDITABLE, findDuplicates, mayActOn, registerEntry, updateEntry, UploadRefused, type Duplicate } from './exemplars.service.ts';
import { EntryForm } from './views/entry-form.tsx';
import { EntryList } from './views/list.tsx';
import { entryPage } from './exemplars.workflow.pages.tsx';
import { reportPages } from './exemplars.reports.pages.tsx';
import { showcasePages } from './showcase.pages.tsx';
import { settingsPages } from './exemplars.settings.pages.tsx';
import { formsSettingsPages } from './exemplars.forms.pages.tsx';
import type { Conflict } from '../../platform/views/conflict.tsx';
import { lastChange, sentVersion } from '../../platform/http/concurrency.ts';

export const exemplarPages = new Hono<AppEnv>();
const PAGE = 50;

exemplarPages.get('/exemplars', allow('exemplars.view'), async (c) => {
  const { db } = c.get('deps');
  const values = queryValues(c);
  const r = listQuery.safeParse(values);
  if (!r.success) c.status(400);
  const f = r.success ? r.data : {};
  const page = f.page ?? 1;
  const scope = await unitIdsInScope(db, scopeOf(c.get('user'), 'exemplars.view'));
  const rows = await findEntries(db, scope, { q: f.q, year: f.year || undefined, status: f.status || undefined, field: f.field || undefined, communeCode: f.communeCode || undefined, limit: PAGE + 1, offset: (page - 1) * PAGE });
  const canRegister = await can(c.get('user'), 'exemplars.register', c.get('user')?.grants[0]?.unitId);
  return c.render(<EntryList entries={rows.slice(0, PAGE)} values={values} errors={r.success ? undefined : fieldErrors(r.error, c.get('t'))} communes={await communeOptions(c)} page={page} hasNext={rows.length > PAGE} canRegister={canRegister} canConfigure={!!c.get('user')?.grants.some((g) => g.role === 'admin')} currentYear={Number(localToday().slice(0, 4))} />, { title: c.get('t')('exemplars.title') });
});

async function renderForm(c: Ctx, values: Record<string, string>, extra: { errors?: Record<string, string>; duplicates?: Duplicate[]; editing?: { id: string; status: string; version: number }; conflict?: Conflict } = {}) {
  const campaigns = (await listCampaigns(c.get('deps').db)).map((x): [string, string] => [x.id, x.name]);
  const units = await unitOptions(c, 'exemplars.register');
  // An entry being edited keeps its unit in the list even when it is outside the editor's own options.
  if (values.unitId && !units.some(([id]) => id === values.unitId)) {
    const u = await getUnit(c.get('deps').db, values.unitId);
    if (u) units.unshift([u.id, u.fullName]);
  }
  return c.render(<EntryForm values={values} errors={extra.errors} duplicates={extra.duplicates} units={units} communes={await communeOptions(c)} campaigns={campaigns} editing={extra.editing} conflict={extra.conflict} />, { title: c.get('t')(extra.editing ? 'exemplars.edit' : 'exemplars.new') });
}

/** An entry as the flat values of the registration form (press links one per line "outlet | url"). */
function entryValues(e: EntryView): Record<string, string> {
  return {
    campaignId: e.campaignId ?? '', name: e.name, kind: e.kind, subject: e.subject, personName: e.personName ?? '', field: e.field, track: e.track, unitId: e.unitId,
    communeCode: e.communeCode ?? '', village: e.village ?? '', lat: e.lat === null ? '' : String(e.lat), lng: e.lng === null ? '' : String(e.lng),
    ...Object.fromEntries(REGISTRATION_ITEMS.map((k) => [`registration.${k}`, e.registration[k] ?? ''])),
    pressLinks: e.pressLinks.map((l) => `${l.outlet} | ${l.url}`).join('\n'),
  };
}

/** The entry to edit, or 404/403/409 (the owner unit's registrars edit while it is still editable). */
async function editable(c: Ctx): Promise<EntryView> {
  const db = c.get('deps').db;
  const e = await getEntry(db, c.req.param('id')!);
  if (!e) throw notFound();
  if (!(await mayActOn(db, c.get('user'), 'exemplars.register', e))) throw forbidden();
  if (!EDITABLE.includes(e.status)) throw new HttpError(409, 'conflict', 'exemplars.error.not_allowed');
  return e;
}

exemplarPages.get('/exemplars/:id/edit', allow('exemplars.register'), async (c) => {
  const e = await editable(c);
  return renderForm(c, entryValues(e), { editing: { id: e.id, status: e.status, version: e.lockVersion } });
});

exemplarPages.post('/exemplars/:id/edit', allow('exemplars.register'), async (c) => {
  const t = c.get('t');
  const { db, config } = c.get('deps');
  const e = await editable(c);
  const values = await formValues(c);
  const expected = sentVersion(values.lockVersion);
  // A form without its version (an old page) or a stale one: the form again with the version as it now is.
  const editing = { id: e.id, status: e.status, version: expected ?? e.lockVersion };
  if (expected === null) return (c.status(400), renderForm(c, values, { errors: { lockVersion: t('concurrency.missing') }, editing }));
  const asDraft = values.draft === '1' && e.status === 'draft';
  const parsed = (asDraft ? draftInput : entryInput).safeParse(formToEntry({ ...values, draft: asDraft ? '1' : '0' }));
  if (!parsed.success) return (c.status(400), renderForm(c, values, { errors: fieldErrors(parsed.error, t), editing }));
  if (parsed.data.unitId !== e.unitId) await authorize(c.get('user'), 'exemplars.register', parsed.data.unitId, (id) => ancestorIds(db, id));
  const body = await c.req.parseBody({ all: true });
  const files = (k: string) => ([] as unknown[]).concat(body[k] ?? []).filter((f): f is File => f instanceof File);
  try {
    const r = await updateEntry(db, actorOf(c), c.get('user'), e.id, parsed.data, { dataDir: config.dataDir, files: { evidence: files('evidence'), photos: files('photos') }, refuseDuplicates: true }, expected);
    if (r.ok) return c.redirect(`/exemplars/${e.id}?saved=1`, 303);
    if (r.error === 'conflict') return staleForm(c, e.id, values);
    if (r.error === 'forbidden') throw forbidden();
    const duplicates = r.error === 'duplicate' ? await findDuplicates(db, { name: parsed.data.name, communeCode: parsed.data.communeCode ?? null, unitId: parsed.data.unitId }, e.id) : undefined;
    return (c.status(r.error === 'not_allowed' ? 409 : 400), renderForm(c, values, { errors: translateFields(r.fields, t), duplicates, editing }));
  } catch (err) {
    if (err instanceof UploadRefused) return (c.status(400), renderForm(c, values, { errors: { evidence: t(err.messageKey) }, editing }));
    throw err;
  }
});

/** 409: the form keeps the user's input; the panel shows the entry as another person saved it, the form its current version. */
async function staleForm(c: Ctx, id: string, values: Record<string, string>) {
  const t = c.get('t');
  const now = (await getEntry(c.get('deps').db, id))!;
  const rows: Conflict['rows'] = [[t('exemplars.name'), now.name], [t('exemplars.personName'), now.personName ?? ''], [t('exemplars.unit'), now.unitName], [t('exemplars.village'), now.village ?? ''],
    ...REGISTRATION_ITEMS.map((k): [string, string] => [t(`exemplars.reg.${k}`), now.registration[k] ?? ''])];
  c.status(409);
  return renderForm(c, values, { errors: { lockVersion: t('concurrency.conflict') }, editing: { id, status: now.status, version: now.lockVersion }, conflict: { by: await lastChange(c.get('deps').db, 'exemplar', id), rows } });
}

exemplarPages.get('/exemplars/new', allow('exemplars.register'), async (c) => {
  const latest = (await listCampaigns(c.get('deps').db))[0];
  return renderForm(c, { kind: 'model', subject: 'collective', track: 'residential', campaignId: latest?.id ?? '' });
});

exemplarPages.post('/exemplars/new', allow('exemplars.register'), async (c) => {
  const t = c.get('t');
  const { db, config } = c.get('deps');
  const values = await formValues(c);
  const parsed = (values.draft === '1' ? draftInput : entryInput).safeParse(formToEntry(values));
  if (!parsed.success) return (c.status(400), renderForm(c, values, { errors: fieldErrors(parsed.error, t) }));
  await authorize(c.get('user'), 'exemplars.register', parsed.data.unitId, (id) => ancestorIds(db, id));
  const body = await c.req.parseBody({ all: true });
  const files = (k: string) => ([] as unknown[]).concat(body[k] ?? []).filter((f): f is File => f instanceof File);
  try {
    const r = await registerEntry(db, actorOf(c), parsed.data, { dataDir: config.dataDir, files: { evidence: files('evidence'), photos: files('photos') }, refuseDuplicates: true });
    if (r.ok) return c.redirect(`/exemplars/${r.value.id}?saved=1`, 303);
    const duplicates = r.error === 'duplicate' ? await findDuplicates(db, { name: parsed.data.name, communeCode: parsed.data.communeCode ?? null, unitId: parsed.data.unitId }) : undefined;
    return (c.status(400), renderForm(c, values, { errors: translateFields(r.fields, t), duplicates }));
  } catch (e) {
    if (e instanceof UploadRefused) return (c.status(400), renderForm(c, values, { errors: { evidence: t(e.messageKey) } }));
    throw e;
  }
});

exemplarPages.get('/exemplars/:id/files/:fileId', allow('exemplars.view'), async (c) => {
  const { db, config } = c.get('deps');
  const e = await getEntry(db, c.req.param('id'));
  if (!e) throw notFound();
  if (!(await mayActOn(db, c.get('user'), 'exemplars.view', e))) throw forbidden();
  const link = await db.selectFrom('exemplar_files').select('file_id').where('entry_id', '=', e.id).where('file_id', '=', c.req.param('fileId')).executeTakeFirst();
  if (!link) throw notFound();
  return sendFile(c, db, config.dataDir, link.file_id);
});

exemplarPages.route('/', formsSettingsPages);
exemplarPages.route('/', settingsPages);
exemplarPages.route('/', reportPages);
exemplarPages.route('/', entryPage);
exemplarPages.route('/', showcasePages);
