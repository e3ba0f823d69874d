import { Hono } from 'hono';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { fieldErrors, formValues, readForm, type FieldErrors } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ancestorIds } from '../units/index.ts';
import { scopeFor } from '../community/index.ts';
import { conferenceFor, explain, unitFor, yearOf } from './conferences.access.ts';
import { complianceCounts, complianceOfYear } from './conferences.compliance.ts';
import { minutesDocx } from './conferences.docx.ts';
import { communesAt, conferenceUnit, listConferences, villagesOf } from './conferences.repository.ts';
import { minutesFromForm, minutesInput, noticeInput, scheduleInput } from './conferences.schema.ts';
import { recordMinutes, recordNotice, scheduleConference } from './conferences.service.ts';
import { CompliancePage, DetailPage, ListPage, NewPage } from './views/conferences.tsx';

export const conferencePages = new Hono<AppEnv>();

const mayManage = (c: Ctx, unitId: string) => can(c.get('user'), 'conferences.manage', unitId, (x) => ancestorIds(c.get('deps').db, x));

conferencePages.get('/conferences', allow('conferences.view'), async (c) => {
  const year = yearOf(c);
  const rows = await listConferences(c.get('deps').db, await scopeFor(c, 'conferences.view'), year);
  const manage = await scopeFor(c, 'conferences.manage');
  return c.render(<ListPage year={year} rows={rows} canManage={manage === 'all' || manage.length > 0} />, { title: c.get('t')('conferences.title') });
});

/** The communes and villages the user may schedule for, labelled with the kind of conference. */
async function unitOptions(c: Ctx): Promise<[string, string][]> {
  const { db } = c.get('deps');
  const t = c.get('t');
  const scope = await scopeFor(c, 'conferences.manage');
  const today = localToday();
  const communes = await communesAt(db, today, scope === 'all' ? 'all' : scope);
  const villages = scope === 'all' ? await villagesOf(db, communes.map((x) => x.id), today)
    : (await Promise.all(scope.map((id) => conferenceUnit(db, id)))).filter((u) => u?.kind === 'village-periodic').map((u) => ({ id: u!.id, name: u!.name }));
  return [['', '—'], ...communes.slice(0, 300).map((u): [string, string] => [u.id, `${t('conferences.kind.commune-dialogue')} · ${u.name}`]),
    ...villages.slice(0, 500).map((v): [string, string] => [v.id, `${t('conferences.kind.village-periodic')} · ${v.name}`])];
}

const renderNew = async (c: Ctx, form: { errors?: FieldErrors; values?: Record<string, string> } = {}) => {
  if (form.errors) c.status(400);
  return c.render(<NewPage units={await unitOptions(c)} errors={form.errors} values={form.values ?? { unitId: c.req.query('unitId') ?? '' }} />, { title: c.get('t')('conferences.new') });
};

conferencePages.get('/conferences/new', allow('conferences.manage'), (c) => renderNew(c));

conferencePages.post('/conferences', allow('conferences.manage'), async (c) => {
  const form = await readForm(c, scheduleInput);
  if (!form.ok) return renderNew(c, form);
  await unitFor(c, 'conferences.manage', form.data.unitId);
  const r = await scheduleConference(c.get('deps').db, actorOf(c), form.data);
  if (!r.ok) return renderNew(c, { errors: explain(r.fields, c.get('t')), values: form.values });
  return c.redirect(`/conferences/${r.value}`, 303);
});

async function renderDetail(c: Ctx, id: string, form: { errors?: FieldErrors; values?: Record<string, string>; which?: 'notice' | 'minutes' } = {}) {
  const row = await conferenceFor(c, 'conferences.view', id);
  const unit = (await conferenceUnit(c.get('deps').db, row.unit_id))!;
  if (form.errors) c.status(400);
  return c.render(<DetailPage c={row} unitName={unit.name} communeName={unit.communeName} canManage={await mayManage(c, row.unit_id)} errors={form.errors} values={form.values} which={form.which} />, { title: unit.name });
}

conferencePages.get('/conferences/compliance', allow('conferences.view'), async (c) => {
  const year = yearOf(c);
  const rows = await complianceOfYear(c.get('deps').db, await scopeFor(c, 'conferences.view'), year);
  return c.render(<CompliancePage year={year} rows={rows} counts={complianceCounts(rows)} />, { title: c.get('t')('conferences.compliance') });
});

conferencePages.get('/conferences/:id', allow('conferences.view'), (c) => renderDetail(c, c.req.param('id')));

conferencePages.post('/conferences/:id/notice', allow('conferences.manage'), async (c) => {
  const row = await conferenceFor(c, 'conferences.manage', c.req.param('id'));
  const form = await readForm(c, noticeInput);
  if (!form.ok) return renderDetail(c, row.id, { ...form, which: 'notice' });
  const r = await recordNotice(c.get('deps').db, actorOf(c), row.id, form.data);
  if (!r.ok) return renderDetail(c, row.id, { errors: explain(r.fields, c.get('t')), values: form.values, which: 'notice' });
  return c.redirect(`/conferences/${row.id}`, 303);
});

conferencePages.post('/conferences/:id/minutes', allow('conferences.manage'), async (c) => {
  const row = await conferenceFor(c, 'conferences.manage', c.req.param('id'));
  const values = await formValues(c);
  const agenda = [(await c.req.parseBody({ all: true })).agenda ?? []].flat().filter((x): x is string => typeof x === 'string');
  const shown = { ...values, agenda: agenda.join(',') };
  const parsed = minutesInput.safeParse(minutesFromForm(values, agenda));
  if (!parsed.success) return renderDetail(c, row.id, { errors: fieldErrors(parsed.error, c.get('t')), values: shown, which: 'minutes' });
  const r = await recordMinutes(c.get('deps').db, actorOf(c), row.id, parsed.data);
  if (!r.ok) return renderDetail(c, row.id, { errors: explain(r.fields, c.get('t')), values: shown, which: 'minutes' });
  return c.redirect(`/conferences/${row.id}`, 303);
});

conferencePages.get('/conferences/:id/minutes.docx', allow('conferences.view'), async (c) => {
  const row = await conferenceFor(c, 'conferences.view', c.req.param('id'));
  const unit = (await conferenceUnit(c.get('deps').db, row.unit_id))!;
  const doc = minutesDocx(row, unit.name, unit.communeName);
  if (!doc) throw notFound();
  return c.body(new Uint8Array(await doc), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Content-Disposition': `attachment; filename="bien-ban-hoi-nghi-${row.id.slice(0, 8)}.docx"` });
});
