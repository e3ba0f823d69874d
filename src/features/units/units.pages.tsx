import { Hono } from 'hono';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { queryValues, readForm, translateFields, fieldErrors } from '../../platform/http/validate.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { Notice } from '../../platform/views/components.tsx';
import { ancestorIds, findUnits, getUnit, lineageOf, unitNames } from './units.repository.ts';
import { reorganizeInput, unitInput, unitQuery } from './units.schema.ts';
import { createUnit, reorganize, updateUnit } from './units.service.ts';
import { buildTree, ResultsTable, SearchForm, Tree } from './views/list.tsx';
import { UnitDetail, type LineageRow } from './views/detail.tsx';
import { ReorganizeForm, UnitForm } from './views/forms.tsx';
import { toCsv } from '../../platform/http/csv.ts';

export const unitPages = new Hono<AppEnv>();

/** Reads the list filters; a bad date is reported on the form rather than failing the page. */
function listFilters(c: Ctx) {
  const values = queryValues(c);
  const r = unitQuery.safeParse(values);
  const errors = r.success ? undefined : fieldErrors(r.error, c.get('t'));
  const f = r.success ? r.data : {};
  const at = f.at || localToday();
  return { values: { ...values, at: values.at || formatDate(at) }, errors, q: f.q?.trim() || undefined, kind: f.kind || undefined, at, page: f.page ?? 1 };
}

unitPages.get('/units', allow('units.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const f = listFilters(c);
  if (f.errors) c.status(400);
  const units = await findUnits(db, { q: f.q, kind: f.kind, at: f.at });
  const exportQs = new URLSearchParams({ q: f.q ?? '', kind: f.kind ?? '', at: f.at }).toString();
  return c.render(
    <>
      <h1>{t('units.treeTitle')} <span class="muted">· {formatDate(f.at)}</span></h1>
      <SearchForm values={f.values} errors={f.errors} />
      <p><a href={`/units.csv?${exportQs}`}>{t('units.export')}</a>{(await can(c.get('user'), 'units.reorganize')) && <> · <a href="/units/reorganize">{t('units.reorganize')}</a> · <a href="/units/new">{t('units.new')}</a></>}</p>
      {f.q || f.kind ? <ResultsTable units={units} at={f.at} /> : <Tree nodes={buildTree(units)} at={f.at} />}
    </>,
    { title: t('units.title') },
  );
});

unitPages.get('/units.csv', allow('units.view'), async (c) => {
  const { db } = c.get('deps');
  const t = c.get('t');
  const f = listFilters(c);
  const units = await findUnits(db, { q: f.q, kind: f.kind, at: f.at });
  const csv = toCsv([t('units.col.code'), t('units.fullName'), t('units.col.kind'), t('units.validFrom'), t('units.validTo'), 'id', 'parentId'],
    units.map((u) => [u.code ?? '', u.fullName, t(`unitKind.${u.kind}`), formatDate(u.validFrom), formatDate(u.validTo), u.id, u.parentId ?? '']));
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="don-vi-${f.at}.csv"` });
});

const emptyUnit = (c: Ctx) => ({ kind: 'village', validFrom: formatDate(localToday()), parentId: c.req.query('parentId') ?? '' });

unitPages.get('/units/new', allow('units.manage'), (c) => c.render(<UnitForm action="/units/new" title={c.get('t')('units.new')} values={emptyUnit(c)} />, { title: c.get('t')('units.new') }));

unitPages.post('/units/new', allow('units.manage'), async (c) => {
  const t = c.get('t');
  const form = await readForm(c, unitInput);
  const r = form.ok ? await createUnit(c.get('deps').db, actorOf(c), form.data) : null;
  if (r?.ok) return c.redirect(`/units/${r.value}?saved=1`, 303);
  c.status(400);
  return c.render(<UnitForm action="/units/new" title={t('units.new')} values={form.values} errors={form.ok ? translateFields(r?.ok === false ? r.fields : {}, t) : form.errors} />, { title: t('units.new') });
});

unitPages.get('/units/reorganize', allow('units.reorganize'), (c) => c.render(<ReorganizeForm values={{ kind: 'merge' }} />, { title: c.get('t')('units.reorganize') }));

unitPages.post('/units/reorganize', allow('units.reorganize'), async (c) => {
  const t = c.get('t');
  const form = await readForm(c, reorganizeInput);
  const r = form.ok ? await reorganize(c.get('deps').db, actorOf(c), form.data) : null;
  if (r?.ok) return c.redirect(`/units/${r.value.successorIds[0]}?reorganized=1`, 303);
  c.status(400);
  return c.render(<ReorganizeForm values={form.values} errors={form.ok ? translateFields(r?.ok === false ? r.fields : {}, t) : form.errors} />, { title: t('units.reorganize') });
});

unitPages.get('/units/:id', allow('units.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const unit = await getUnit(db, c.req.param('id'));
  if (!unit) throw notFound();
  const at = listFilters(c).at;
  const lineage = await lineageOf(db, unit.id);
  const others = lineage.map((l) => (l.predecessor_id === unit.id ? l.successor_id : l.predecessor_id));
  const names = await unitNames(db, [...others, ...(unit.parentId ? [unit.parentId] : [])]);
  const rows: LineageRow[] = lineage.map((l) => {
    const from = l.successor_id === unit.id;
    const otherId = from ? l.predecessor_id : l.successor_id;
    return { otherId, otherName: names.get(otherId)?.fullName ?? otherId, direction: from ? 'from' : 'to', kind: l.kind, partial: !!Number(l.partial), effectiveDate: l.effective_date, legalBasis: l.legal_basis };
  });
  const children = await findUnits(db, { parentId: unit.id, at: unit.validTo && unit.validTo < at ? unit.validTo : at });
  const history = await db.selectFrom('audit_events').select(['at', 'action', 'actor_name']).where('subject_type', '=', 'unit').where('subject_id', '=', unit.id).orderBy('seq', 'desc').limit(50).execute();
  const canManage = await can(c.get('user'), 'units.manage', unit.id, (id) => ancestorIds(db, id));
  return c.render(
    <>
      {c.req.query('saved') && <Notice>{t('units.saved')}</Notice>}
      {c.req.query('reorganized') && <Notice>{t('units.reorganized')}</Notice>}
      <UnitDetail unit={unit} parent={unit.parentId ? { id: unit.parentId, fullName: names.get(unit.parentId)?.fullName ?? '' } : undefined} children={children} lineage={rows} history={history.map((h) => ({ at: h.at, action: h.action, actor: h.actor_name }))} at={at} canManage={canManage} />
    </>,
    { title: unit.fullName },
  );
});

const unitValues = (u: NonNullable<Awaited<ReturnType<typeof getUnit>>>) => ({ name: u.name, fullName: u.fullName, kind: u.kind, communeType: u.communeType ?? '', code: u.code ?? '', parentId: u.parentId ?? '', validFrom: formatDate(u.validFrom) });

unitPages.get('/units/:id/edit', allow('units.manage'), async (c) => {
  const unit = await getUnit(c.get('deps').db, c.req.param('id'));
  if (!unit) throw notFound();
  return c.render(<UnitForm action={`/units/${unit.id}/edit`} title={unit.fullName} values={unitValues(unit)} />, { title: unit.fullName });
});

unitPages.post('/units/:id/edit', allow('units.manage'), async (c) => {
  const id = c.req.param('id');
  const form = await readForm(c, unitInput);
  const r = form.ok ? await updateUnit(c.get('deps').db, actorOf(c), id, form.data) : null;
  if (r?.ok) return c.redirect(`/units/${id}?saved=1`, 303);
  if (r && !r.ok) throw notFound();
  c.status(400);
  return c.render(<UnitForm action={`/units/${id}/edit`} title={c.get('t')('units.edit')} values={form.values} errors={form.ok ? {} : form.errors} />, { title: c.get('t')('units.edit') });
});
