import { Hono } from 'hono';
import { allow, authorize, scopeOf } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { formValues, readForm, translateFields } from '../../platform/http/validate.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Select, Table, useT } from '../../platform/views/components.tsx';
import type { FieldErrors } from '../../platform/http/validate.ts';
import { ancestorIds, unitIdsInScope, withDescendants } from '../units/index.ts';
import { listCampaigns, type CampaignView, type Scope } from './exemplars.repository.ts';
import { campaignInput } from './exemplars.schema.ts';
import { createCampaign, reviseCriteria } from './exemplars.campaigns.ts';
import { form3Docx, form3Xlsx, formIn, loadForm3, loadList, sheet, type Form3Data } from './exemplars.forms.ts';
import { decree30Docx } from './exemplars.docx.ts';
import { unitOptions } from './exemplars.options.ts';
import { FilterSelect, yearOptions } from './views/list.tsx';
import { TextArea } from './views/entry-form.tsx';

export const reportPages = new Hono<AppEnv>();
const thisYear = () => Number(localToday().slice(0, 4));

/** Year and unit of a report request; the unit (and its descendants) must be in the caller's scope. */
async function reportScope(c: Ctx): Promise<{ year: number; unitId: string; units: Scope }> {
  const { db } = c.get('deps');
  const y = Number(c.req.query('year'));
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : thisYear();
  const unitId = c.req.query('unitId') ?? '';
  if (!unitId) return { year, unitId, units: await unitIdsInScope(db, scopeOf(c.get('user'), 'exemplars.report')) };
  await authorize(c.get('user'), 'exemplars.report', unitId, (id) => ancestorIds(db, id));
  return { year, unitId, units: await withDescendants(db, [unitId]) };
}

function Form3Table({ d }: { d: Form3Data }) {
  const t = useT();
  const cols = d.def.columns.filter((c) => c.key !== 'note');
  const cell = (row: Record<string, string | number>) => cols.map((c) => String(row[c.key] ?? ''));
  return <Table caption={d.def.title.replace('{year}', String(d.year))} head={cols.map((c) => c.heading)} empty={t('exemplars.list.empty')}
    rows={[...d.rows.map((r, i) => cell({ no: i + 1, unit: r.unitName, ...r.counts })), ...(d.rows.length ? [cell({ no: '', unit: t('exemplars.forms.total'), ...d.total })] : [])]} />;
}

reportPages.get('/exemplars/reports', allow('exemplars.report'), async (c) => {
  const t = c.get('t');
  const s = await reportScope(c);
  const d = formIn(await loadForm3(c.get('deps').db, s.year, s.units), c.get('lang'));
  const qs = new URLSearchParams({ year: String(s.year), unitId: s.unitId }).toString();
  const link = (form: string, ext: string) => <a href={`/exemplars/reports/${form}.${ext}?${qs}`}>{t(`exemplars.forms.${ext}`)}</a>;
  return c.render(
    <>
      <h1>{t('exemplars.reportsTitle')}</h1>
      {d.def.draft && <p class="muted">{t('exemplars.forms.draftNote')}</p>}
      <form method="get" action="/exemplars/reports" class="filters">
        <FilterSelect name="year" label={t('exemplars.year')} value={String(s.year)} options={yearOptions(thisYear(), '—').slice(1)} />
        <FilterSelect name="unitId" label={t('exemplars.unit')} value={s.unitId} options={[['', t('exemplars.forms.wholeProvince')], ...(await unitOptions(c, 'exemplars.report'))]} />
        <button type="submit">{t('exemplars.showcase.filter')}</button>
      </form>
      <ul>
        {(['form1', 'form2', 'form3'] as const).map((f) => <li>{t(`exemplars.forms.${f}`)}: {link(f, 'xlsx')} · {link(f, 'docx')}</li>)}
      </ul>
      <Form3Table d={d} />
    </>,
    { title: t('exemplars.reportsTitle') },
  );
});

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };

reportPages.get('/exemplars/reports/:file{form[123]\\.(?:xlsx|docx)}', allow('exemplars.report'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const [form, ext] = c.req.param('file').split('.') as ['form1' | 'form2' | 'form3', 'xlsx' | 'docx'];
  const s = await reportScope(c);
  let buf: Buffer;
  if (form === 'form3') {
    const d = formIn(await loadForm3(db, s.year, s.units), c.get('lang'));
    buf = ext === 'xlsx' ? await form3Xlsx(d, t) : await form3Docx(d, t);
  } else {
    const l = formIn(await loadList(db, form, s.year, s.units, t), c.get('lang'));
    const rows = l.rows.map((r) => l.def.columns.map((col) => r[col.key] ?? ''));
    buf = ext === 'xlsx' ? await sheet(l.def, s.year, rows, t) : await decree30Docx({ title: l.def.title.replace('{year}', String(s.year)), headings: l.def.columns.map((x) => x.heading), rows: rows.map((r) => r.map(String)), intro: l.def.draft ? t('exemplars.forms.draftNote') : undefined });
  }
  return c.body(new Uint8Array(buf), 200, { 'Content-Type': MIME[ext], 'Content-Disposition': `attachment; filename="dan-van-kheo-${form}-${s.year}.${ext}"` });
});

function CampaignForm({ values, errors, units }: { values: Record<string, string>; errors?: FieldErrors; units: [string, string][] }) {
  const t = useT();
  return (
    <form method="post" action="/exemplars/campaigns" novalidate>
      <ErrorSummary errors={errors} />
      <h2>{t('exemplars.campaigns.new')}</h2>
      <Csrf />
      <Field name="name" label={t('exemplars.campaigns.name')} values={values} errors={errors} />
      {(['year', 'periodFrom', 'periodTo'] as const).map((k) => <Field name={k} label={t(`exemplars.campaigns.${k}`)} values={values} errors={errors} width="short" />)}
      <Select name="launchedByUnitId" label={t('exemplars.campaigns.launchedBy')} values={values} errors={errors} options={units} />
      <TextArea name="legalBasis" label={t('exemplars.campaigns.legalBasis')} values={values} errors={errors} />
      <TextArea name="criteria" label={t('exemplars.campaigns.criteria')} values={values} errors={errors} rows={5} />
      <Field name="registrationDeadline" label={t('exemplars.campaigns.deadline')} values={values} errors={errors} width="short" />
      <Field name="quotaMin" label={t('exemplars.campaigns.quotaMin')} values={values} errors={errors} width="short" />
      <Field name="quotaMax" label={t('exemplars.campaigns.quotaMax')} values={values} errors={errors} width="short" />
      <button type="submit">{t('form.save')}</button>
    </form>
  );
}

/** A campaign's criteria set, revisable as a new version by those who manage campaigns. */
function Criteria({ c, manage }: { c: CampaignView; manage: boolean }) {
  const t = useT();
  return (
    <details>
      <summary>{t('exemplars.campaigns.criteriaVersion', { v: c.criteriaVersion })}</summary>
      <ol>{c.criteria.map((x) => <li>{x}</li>)}</ol>
      {manage && <form method="post" action={`/exemplars/campaigns/${c.id}/criteria`}><Csrf /><TextArea name="criteria" label={t('exemplars.campaigns.criteria')} values={{ criteria: c.criteria.join('\n') }} rows={5} /><button type="submit" class="button secondary">{t('form.save')}</button></form>}
    </details>
  );
}

function CampaignList({ items, manage }: { items: CampaignView[]; manage: boolean }) {
  const t = useT();
  return <Table head={[t('exemplars.campaigns.name'), t('exemplars.campaigns.launchedBy'), t('exemplars.campaigns.deadline'), t('exemplars.campaigns.quota')]} empty={t('exemplars.campaigns.empty')}
    rows={items.map((x) => [<>{x.name}<br /><span class="muted">{x.periodFrom}–{x.periodTo} · {x.legalBasis.join('; ')}</span><Criteria c={x} manage={manage} /></>, x.launchedBy, formatDate(x.registrationDeadline), `${x.quotaMin ?? '—'}–${x.quotaMax ?? '—'}`])} />;
}

async function campaignsPage(c: Ctx, values: Record<string, string>, errors?: FieldErrors) {
  const t = c.get('t');
  const manage = c.get('user')?.grants.some((g) => g.role === 'admin' || g.role === 'coordinator');
  return c.render(<><h1>{t('exemplars.campaigns')}</h1><CampaignList items={await listCampaigns(c.get('deps').db)} manage={!!manage} />{manage && <CampaignForm values={values} errors={errors} units={await unitOptions(c, 'exemplars.campaigns')} />}</>, { title: t('exemplars.campaigns') });
}

reportPages.get('/exemplars/campaigns', allow('exemplars.view'), (c) => campaignsPage(c, { year: String(thisYear()), periodFrom: String(thisYear()), periodTo: String(thisYear() + 5), quotaMin: '1', quotaMax: '3' }));

reportPages.post('/exemplars/campaigns', allow('exemplars.campaigns'), async (c) => {
  const form = await readForm(c, campaignInput);
  const r = form.ok ? await createCampaign(c.get('deps').db, actorOf(c), form.data) : null;
  if (r?.ok) return c.redirect('/exemplars/campaigns', 303);
  c.status(400);
  return campaignsPage(c, form.values, form.ok ? translateFields(r?.ok === false ? r.fields : {}, c.get('t')) : form.errors);
});

reportPages.post('/exemplars/campaigns/:id/criteria', allow('exemplars.campaigns'), async (c) => {
  const v = await formValues(c);
  const criteria = (v.criteria ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean).slice(0, 100);
  if (criteria.length === 0) return (c.status(400), campaignsPage(c, {}, { criteria: c.get('t')('validation.required') }));
  const r = await reviseCriteria(c.get('deps').db, actorOf(c), c.req.param('id'), criteria);
  if (!r.ok) throw notFound();
  return c.redirect('/exemplars/campaigns', 303);
});
