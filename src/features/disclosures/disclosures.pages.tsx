import { Hono } from 'hono';
import { allow, can } from '../../platform/authz/index.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { translateFields } from '../../platform/http/validate.ts';
import { formatDate, parseDateInput, localToday } from '../../platform/i18n/index.ts';
import { Csrf, Field, Notice } from '../../platform/views/components.tsx';
import { findItem } from '../../domain/disclosure/catalogue.ts';
import { ancestorIds, findUnits, getUnit, unitNames } from '../units/index.ts';
import { authorizeUnit, disclosureFor, scopeFor } from './disclosures.access.ts';
import { readDisclosureForm } from './disclosures.form.ts';
import { findDisclosures } from './disclosures.repository.ts';
import { flagsOf, scopeOfKind } from './disclosures.rules.ts';
import { createDisclosure, logBroadcast, removeDisclosure } from './disclosures.service.ts';
import { DisclosureForm, DisclosureTable, Evidence, FlagTags, itemLabel } from './views/staff.tsx';
import { Bulletin } from './views/bulletin.tsx';

export const disclosurePages = new Hono<AppEnv>();

/** Units the user may post for: communes and agencies in scope, valid today. */
async function postableUnits(c: Ctx): Promise<[string, string][]> {
  const scope = await scopeFor(c, 'disclosures.manage');
  const all = await findUnits(c.get('deps').db, { at: localToday() });
  return all.filter((u) => scopeOfKind(u.kind) && (scope === 'all' || scope.includes(u.id))).map((u) => [u.id, u.fullName]);
}

disclosurePages.get('/disclosures', allow('disclosures.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const rows = await findDisclosures(db, { unitIds: await scopeFor(c, 'disclosures.view'), limit: 200 });
  const names = await unitNames(db, rows.map((r) => r.unit_id));
  const today = localToday();
  const flags = new Map(rows.map((r) => [r.id, flagsOf(r, today)]));
  return c.render(
    <>
      {c.req.query('saved') && <Notice>{t('disclosures.saved')}</Notice>}
      <h1>{t('disclosures.title')}</h1>
      <p>{(await can(c.get('user'), 'disclosures.manage')) && <><a class="button" href="/disclosures/new">{t('disclosures.new')}</a> · </>}<a href="/disclosures/overview">{t('disclosures.overview')}</a> · <a href="/board">{t('board.title')}</a></p>
      <DisclosureTable rows={rows} names={names} flags={flags} lang={c.get('lang')} />
    </>,
    { title: t('disclosures.title') },
  );
});

disclosurePages.get('/disclosures/new', allow('disclosures.manage'), async (c) => {
  const units = await postableUnits(c);
  const today = formatDate(localToday());
  return c.render(<DisclosureForm units={units} values={{ postedOn: today, forms: 'posting' }} lang={c.get('lang')} />, { title: c.get('t')('disclosures.new') });
});

disclosurePages.post('/disclosures/new', allow('disclosures.manage'), async (c) => {
  const t = c.get('t');
  const form = await readDisclosureForm(c);
  let errors = form.ok ? {} : form.errors;
  if (form.ok) {
    await authorizeUnit(c, 'disclosures.manage', form.data.unitId);
    const r = await createDisclosure(c.get('deps').db, actorOf(c), form.data, { dataDir: c.get('deps').config.dataDir, file: form.file, photo: form.photo });
    if (r.ok) return c.redirect(`/disclosures/${r.value.id}?saved=1`, 303);
    errors = translateFields(r.fields, t);
  }
  c.status(400);
  return c.render(<DisclosureForm units={await postableUnits(c)} values={form.values} errors={errors} lang={c.get('lang')} />, { title: t('disclosures.new') });
});

disclosurePages.get('/disclosures/:id{[0-9a-f-]{36}}', allow('disclosures.view'), async (c) => {
  const t = c.get('t');
  const d = await disclosureFor(c, 'disclosures.view', c.req.param('id'));
  const unit = await getUnit(c.get('deps').db, d.unit_id);
  const item = findItem(d.item_code);
  const manage = await can(c.get('user'), 'disclosures.manage', d.unit_id, (id) => ancestorIds(c.get('deps').db, id));
  return c.render(
    <>
      {c.req.query('saved') && <Notice>{t('disclosures.saved')}</Notice>}
      <span class="caption">{unit?.fullName}</span>
      <h1>{d.title}</h1>
      <p><FlagTags flags={flagsOf(d, localToday())} /></p>
      <dl class="summary">
        <dt>{t('disclosures.item')}</dt><dd>{itemLabel(item, c.get('lang'))}<br /><span class="muted">{item?.legalBasis}</span></dd>
        <dt>{t('disclosures.documentNo')}</dt><dd>{d.document_no ?? '—'}</dd>
        <dt>{t('disclosures.decisionOn')}</dt><dd>{formatDate(d.decision_on)}</dd>
        <dt>{t('disclosures.publishDue')}</dt><dd>{formatDate(d.publish_due)}</dd>
        <dt>{t('disclosures.postedOn')}</dt><dd>{formatDate(d.posted_on)}</dd>
        <dt>{t('disclosures.postedUntil')}</dt><dd>{d.posted_until ? formatDate(d.posted_until) : t('disclosures.permanent')}</dd>
        {d.removed_on && <><dt>{t('disclosures.removedOn')}</dt><dd>{formatDate(d.removed_on)}</dd></>}
        {d.file_id && <><dt>{t('disclosures.file')}</dt><dd><a href={`/board/files/${d.file_id}`}>{t('board.download')}</a></dd></>}
      </dl>
      <h2>{t('disclosures.forms')}</h2>
      <Evidence d={d} />
      {item?.radioDays && <Bulletin d={d} unitName={unit?.fullName} />}
      {manage && (
        <>
          <form method="post" action={`/disclosures/${d.id}/broadcast`} novalidate>
            <Csrf /><Field name="broadcastOn" label={t('disclosures.logBroadcast')} hint={t('disclosures.dateHint')} values={{ broadcastOn: formatDate(localToday()) }} width="short" />
            <button type="submit" class="button secondary">{t('disclosures.logBroadcast')}</button>
          </form>
          {!d.removed_on && <form method="post" action={`/disclosures/${d.id}/remove`} novalidate>
            <Csrf /><Field name="removedOn" label={t('disclosures.removedOn')} hint={t('disclosures.dateHint')} values={{ removedOn: formatDate(localToday()) }} width="short" />
            <button type="submit" class="button warning">{t('disclosures.remove')}</button>
          </form>}
        </>
      )}
    </>,
    { title: d.title },
  );
});

for (const [path, run] of [['remove', removeDisclosure], ['broadcast', logBroadcast]] as const) {
  disclosurePages.post(`/disclosures/:id/${path}`, allow('disclosures.manage'), async (c) => {
    const d = await disclosureFor(c, 'disclosures.manage', c.req.param('id'));
    const body = await c.req.parseBody();
    const date = parseDateInput(String(body[path === 'remove' ? 'removedOn' : 'broadcastOn'] ?? ''));
    const r = date ? await run(c.get('deps').db, actorOf(c), d.id, date) : null;
    if (r?.ok) return c.redirect(`/disclosures/${d.id}?saved=1`, 303);
    c.status(400);
    return c.render(<><h1>{d.title}</h1><p class="error-message">{c.get('t')(r && !r.ok ? Object.values(r.fields ?? {})[0] ?? 'validation.invalid' : 'validation.date')}</p><p><a href={`/disclosures/${d.id}`}>{c.get('t')('form.cancel')}</a></p></>, { title: d.title });
  });
}
