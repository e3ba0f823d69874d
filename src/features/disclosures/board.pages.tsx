import { Hono } from 'hono';
import { Listen, listenData } from '../../platform/audio/listen.tsx';
import { spokenDate } from '../../platform/audio/speech.ts';
import { bulletinText } from './bulletin.ts';
import { allow } from '../../platform/authz/index.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendFile } from '../../platform/files/index.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { Pagination } from '../../platform/views/components.tsx';
import { findItem } from '../../domain/disclosure/catalogue.ts';
import { findUnits, getUnit } from '../units/index.ts';
import { findDisclosures, getDisclosure, type DisclosureRow } from './disclosures.repository.ts';
import { scopeOfKind } from './disclosures.rules.ts';
import { Evidence, itemLabel } from './views/staff.tsx';
import { atomFeed } from './views/atom.ts';

export const boardPages = new Hono<AppEnv>();
const PAGE = 30;
const isCurrent = (d: DisclosureRow, today: string) => !d.removed_on && (!d.posted_until || d.posted_until >= today);

boardPages.get('/board', allow('public'), async (c) => {
  const t = c.get('t');
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const units = q ? (await findUnits(c.get('deps').db, { q, at: localToday() })).filter((u) => scopeOfKind(u.kind)).slice(0, 50) : [];
  return c.render(
    <>
      <h1>{t('board.title')}</h1>
      <p>{t('board.intro')}</p>
      <form method="get" action="/board" role="search">
        <div class="field"><label for="f-q">{t('board.findUnit')}</label><input id="f-q" name="q" value={q} /></div>
        <button type="submit">{t('form.search')}</button>
      </form>
      <ul class="plain">{units.map((u) => <li><a href={`/board/${u.id}`}>{u.fullName}</a></li>)}</ul>
      {q && units.length === 0 && <p>{t('board.noUnit')}</p>}
    </>,
    { title: t('board.title') },
  );
});

boardPages.get('/board/files/:fileId', allow('public'), async (c) => {
  const { db, config } = c.get('deps');
  const id = c.req.param('fileId').slice(0, 64);
  const used = await db.selectFrom('disclosures').select('id').where((e) => e.or([e('file_id', '=', id), e('forms', 'like', `%"${id.replace(/[%_"]/g, '')}"%`)])).executeTakeFirst()
    ?? await db.selectFrom('consultations').select('id').where('file_id', '=', id).executeTakeFirst();
  if (!used) throw notFound();
  return sendFile(c, db, config.dataDir, id);
});

boardPages.get('/board/d/:id', allow('public'), async (c) => {
  const t = c.get('t');
  const d = await getDisclosure(c.get('deps').db, c.req.param('id'));
  if (!d) throw notFound();
  const unit = await getUnit(c.get('deps').db, d.unit_id);
  const listen = await listenData(c, { type: 'disclosure', id: d.id }, bulletinText(unit?.fullName ?? '', d.title, spokenDate(d.posted_on), d.posted_until ? spokenDate(d.posted_until) : null));
  return c.render(
    <>
      <p class="caption"><a href={`/board/${d.unit_id}`}>{unit?.fullName}</a></p>
      <h1>{d.title}</h1>
      <Listen data={listen} />
      <p class="muted">{itemLabel(findItem(d.item_code), c.get('lang'))}</p>
      <dl class="summary">
        {d.document_no && <><dt>{t('disclosures.documentNo')}</dt><dd>{d.document_no}</dd></>}
        <dt>{t('disclosures.decisionOn')}</dt><dd>{formatDate(d.decision_on)}</dd>
        <dt>{t('disclosures.postedOn')}</dt><dd>{formatDate(d.posted_on)}</dd>
        <dt>{t('disclosures.postedUntil')}</dt><dd>{d.posted_until ? formatDate(d.posted_until) : t('disclosures.permanent')}</dd>
      </dl>
      {d.file_id && <p><a class="button" href={`/board/files/${d.file_id}`}>{t('board.download')}</a></p>}
      {d.consultation_id && <p><a class="button" id="consultation-link" href={d.consultation_stage === 'closed' ? `/consult/${d.consultation_id}/report` : `/consult/${d.consultation_id}`}>{t(d.consultation_stage === 'closed' ? 'board.consultationReport' : 'board.consultation')}</a></p>}
      <h2>{t('disclosures.forms')}</h2>
      <Evidence d={d} />
    </>,
    { title: d.title },
  );
});

boardPages.get('/board/:unitId/feed.atom', allow('public'), async (c) => {
  const unit = await getUnit(c.get('deps').db, c.req.param('unitId'));
  if (!unit) throw notFound();
  const rows = await findDisclosures(c.get('deps').db, { unitIds: [unit.id], limit: 50 });
  const base = c.get('deps').config.publicUrl ?? new URL(c.req.url).origin;
  return c.body(atomFeed(base, unit, rows), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
});

boardPages.get('/board/:unitId', allow('public'), async (c) => {
  const t = c.get('t');
  const unit = await getUnit(c.get('deps').db, c.req.param('unitId'));
  if (!unit || !scopeOfKind(unit.kind)) throw notFound();
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const page = Math.max(1, Math.min(1000, Number(c.req.query('page')) || 1));
  const rows = await findDisclosures(c.get('deps').db, { unitIds: [unit.id], q, limit: PAGE + 1, offset: (page - 1) * PAGE });
  const today = localToday();
  const shown = rows.slice(0, PAGE);
  const list = (ds: DisclosureRow[]) => (
    <ul class="board-list">{ds.map((d) => (
      <li><a href={`/board/d/${d.id}`}>{d.title}</a><br />
        <small class="muted">{formatDate(d.posted_on)} – {d.posted_until ? formatDate(d.posted_until) : t('disclosures.permanent')} · {itemLabel(findItem(d.item_code), c.get('lang'))}</small></li>
    ))}</ul>
  );
  return c.render(
    <>
      <link rel="alternate" type="application/atom+xml" href={`/board/${unit.id}/feed.atom`} />
      <h1>{t('board.of', { unit: unit.fullName })}</h1>
      <form method="get" action={`/board/${unit.id}`} role="search">
        <div class="field"><label for="f-q">{t('board.search')}</label><input id="f-q" name="q" value={q} /></div>
        <button type="submit">{t('form.search')}</button>
      </form>
      <h2>{t('board.current')}</h2>
      {list(shown.filter((d) => isCurrent(d, today)))}
      <h2>{t('board.past')}</h2>
      {list(shown.filter((d) => !isCurrent(d, today)))}
      {shown.length === 0 && <p>{t('disclosures.none')}</p>}
      <Pagination page={page} hasNext={rows.length > PAGE} baseQuery={q ? { q } : {}} />
      <p><a href={`/board/${unit.id}/feed.atom`}>{t('board.feed')}</a> · <a href={`/consult/unit/${unit.id}`}>{t('board.consultations')}</a></p>
    </>,
    { title: t('board.of', { unit: unit.fullName }) },
  );
});
