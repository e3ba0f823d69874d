import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import type { AppEnv, Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { Table } from '../../platform/views/components.tsx';
import { findItem } from '../../domain/disclosure/catalogue.ts';
import { addDays } from '../../domain/disclosure/clock.ts';
import { findUnits, getUnit } from '../units/index.ts';
import { authorizeUnit, disclosureFor, scopeFor } from './disclosures.access.ts';
import { findDisclosures, formsOf } from './disclosures.repository.ts';
import { scopeOfKind } from './disclosures.rules.ts';
import { complianceOfUnits, disclosureStats, unitCompliance } from './disclosures.stats.ts';
import { consultationStats } from '../consultations/consultations.stats.ts';
import { bulletinText, synthesize } from './bulletin.ts';
import { readWav, toOggFlac } from './ogg.ts';
import { itemLabel } from './views/staff.tsx';
import { complianceCounts, complianceOfYear } from '../conferences/index.ts';

export const compliancePages = new Hono<AppEnv>();

/** The quarter containing a date, or the one named by ?year=&quarter=. */
function quarterOf(c: Ctx) {
  const today = localToday();
  const year = Number(c.req.query('year')) || Number(today.slice(0, 4));
  const quarter = Math.min(4, Math.max(1, Number(c.req.query('quarter')) || Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1));
  if (year < 2023 || year > 2100) throw notFound();
  const from = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  const to = addDays(quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`, -1);
  return { year, quarter, from, to };
}

compliancePages.get('/disclosures/overview', allow('disclosures.view'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const q = quarterOf(c);
  const scope = await scopeFor(c, 'disclosures.view');
  const units = (await findUnits(db, { at: q.to, kind: 'commune-committee' })).filter((u) => scope === 'all' || scope.includes(u.id));
  const comp = await complianceOfUnits(db, units, q.from, q.to);
  const link = (u: string) => `/disclosures/compliance?unitId=${u}&year=${q.year}&quarter=${q.quarter}`;
  const ds = await disclosureStats(db, scope, q.from, q.to);
  const cs = await consultationStats(db, scope, q.from, q.to);
  return c.render(
    <>
      <h1>{t('disclosures.overview')} <span class="muted">· {t('disclosures.quarterN', { quarter: q.quarter, year: q.year })}</span></h1>
      <p id="numbers">{t('disclosures.numbers', { posted: ds.posted, onTime: ds.onTime, late: ds.late, held: cs.held, received: cs.commentsReceived, accepted: cs.commentsAccepted })}</p>
      <p id="conferences"><a href={`/conferences/compliance?year=${q.year}`}>{t('conferences.overviewLine', { year: q.year, ...complianceCounts(await complianceOfYear(db, scope, q.year)) })}</a></p>
      <Table head={[t('disclosures.col.unit'), t('disclosures.col.posted'), t('disclosures.col.missing'), t('disclosures.flag.late'), t('disclosures.col.tooShort'), t('disclosures.col.outdated')]}
        rows={units.map((u) => { const x = comp.get(u.id)!; return [<a href={link(u.id)}>{u.fullName}</a>, x.posted, x.missing.length, x.late.length, x.tooShort.length, x.outdated.length]; })} />
    </>,
    { title: t('disclosures.overview') },
  );
});

compliancePages.get('/disclosures/compliance', allow('disclosures.view'), async (c) => {
  const t = c.get('t');
  const unit = await getUnit(c.get('deps').db, c.req.query('unitId') ?? '');
  if (!unit || !scopeOfKind(unit.kind)) throw notFound();
  await authorizeUnit(c, 'disclosures.view', unit.id);
  const q = quarterOf(c);
  const r = (await unitCompliance(c.get('deps').db, unit, q.from, q.to))!;
  return c.render(
    <>
      <span class="caption">{unit.fullName}</span>
      <h1>{t('disclosures.compliance')} · {t('disclosures.quarterN', { quarter: q.quarter, year: q.year })}</h1>
      <p><a href={`/disclosures/quarterly?unitId=${unit.id}&year=${q.year}&quarter=${q.quarter}`}>{t('disclosures.quarterly')}</a></p>
      <h2>{t('disclosures.col.missing')} ({r.missing.length})</h2>
      <ul>{r.missing.map((code) => <li>{itemLabel(findItem(code), c.get('lang'))}</li>)}</ul>
      <h2>{t('disclosures.flag.late')} ({r.late.length}) · {t('disclosures.col.tooShort')} ({r.tooShort.length})</h2>
      <ul>{[...r.late, ...r.tooShort].map((id) => <li><a href={`/disclosures/${id}`}>{id.slice(0, 8)}</a></li>)}</ul>
      <h2>{t('disclosures.col.outdated')} ({r.outdated.length})</h2>
      <p class="hint">{t('disclosures.outdatedHint')}</p>
      <ul>{r.outdated.map((id) => <li><a href={`/disclosures/${id}`}>{id.slice(0, 8)}</a></li>)}</ul>
    </>,
    { title: t('disclosures.compliance') },
  );
});

/** Art. 13(2): the list of items disclosed, with form and time, compiled each quarter and posted. */
compliancePages.get('/disclosures/quarterly', allow('disclosures.view'), async (c) => {
  const t = c.get('t');
  const unit = await getUnit(c.get('deps').db, c.req.query('unitId') ?? '');
  if (!unit) throw notFound();
  await authorizeUnit(c, 'disclosures.view', unit.id);
  const q = quarterOf(c);
  const rows = (await findDisclosures(c.get('deps').db, { unitIds: [unit.id], from: q.from, to: q.to })).reverse();
  return c.render(
    <article class="print">
      <p class="caption">{unit.fullName.toUpperCase()}</p>
      <h1>{t('disclosures.quarterlyTitle', { quarter: q.quarter, year: q.year })}</h1>
      <p class="hint">{t('disclosures.quarterlyBasis')}</p>
      <Table head={['#', t('disclosures.item'), t('disclosures.col.title'), t('disclosures.forms'), t('disclosures.postedOn'), t('disclosures.postedUntil')]} empty={t('disclosures.none')}
        rows={rows.map((d, i) => [i + 1, itemLabel(findItem(d.item_code), c.get('lang')), d.title, formsOf(d).map((f) => t(`disclosures.form.${f.form}`)).join('; '), formatDate(d.posted_on), d.posted_until ? formatDate(d.posted_until) : t('disclosures.permanent')])} />
    </article>,
    { title: t('disclosures.quarterly') },
  );
});

/** A date as read aloud: "25 tháng 11 năm 2026" (espeak-ng would read "25/11/2026" as a fraction). */
const spoken = (iso: string) => { const [y, m, d] = iso.split('-').map(Number); return `${d} tháng ${m} năm ${y}`; };

/** The loudspeaker bulletin as Ogg FLAC (`.ogg`, plays on common players) or the raw WAV from espeak-ng. */
for (const ext of ['ogg', 'wav'] as const) compliancePages.get(`/disclosures/:id/bulletin.${ext}`, allow('disclosures.view'), async (c) => {
  const d = await disclosureFor(c, 'disclosures.view', c.req.param('id'));
  const unit = await getUnit(c.get('deps').db, d.unit_id);
  const wav = await synthesize(bulletinText(unit?.fullName ?? '', d.title, spoken(d.posted_on), d.posted_until ? spoken(d.posted_until) : null));
  if (!wav) throw notFound();
  const name = `ban-tin-${d.id.slice(0, 8)}`;
  if (ext === 'wav') return c.body(new Uint8Array(wav), 200, { 'Content-Type': 'audio/wav', 'Content-Disposition': `attachment; filename="${name}.wav"` });
  const pcm = readWav(wav);
  if (!pcm) throw notFound();
  return c.body(new Uint8Array(toOggFlac(pcm)), 200, { 'Content-Type': 'audio/ogg', 'Content-Disposition': `attachment; filename="${name}.ogg"` });
});
