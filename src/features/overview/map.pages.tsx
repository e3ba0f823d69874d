import { Hono } from 'hono';
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../../platform/http/context.ts';
import { allow } from '../../platform/authz/index.ts';
import { formatDate, formatNumber, localToday, type T } from '../../platform/i18n/index.ts';
import { Table } from '../../platform/views/components.tsx';
import { legend, projectObject, renderChoropleth } from '../../platform/map/index.ts';
import { cacheable } from '../../platform/http/cache.ts';
import { communeTopology } from '../../platform/map/topologies.ts';
import { findUnits } from '../units/index.ts';
import { publicPetitionCounts } from '../petitions/index.ts';
import { disclosureCountsByUnit } from '../disclosures/index.ts';
import { OVERVIEW_FIGURES, SORTS } from './overview.service.ts';
import { load } from './overview.load.ts';

export const mapPages = new Hono<AppEnv>();
type Ctx = Context<AppEnv>;

interface MapRow { unitId: string; code: string; name: string; value: number | null }

/** The map's box per province (for the <img> size), computed once. */
const boxes = new Map<string, { width: number; height: number }>();
const boxOf = (code: string) => {
  if (!boxes.has(code)) { const { width, height } = projectObject(communeTopology(code)!, 'communes', 640); boxes.set(code, { width, height }); }
  return boxes.get(code)!;
};

/** The coloured values by commune code (communes without a figure stay blank). */
const mapValues = (rows: MapRow[]) => new Map(rows.filter((r) => r.value != null).map((r) => [r.code, r.value!]));

/** Choropleth (when the province has boundaries), legend, and the same figures as a table: the table is the accessible equivalent. */
function CommuneMap({ c, provinceCode, rows, title, label, href, image }: { c: Ctx; provinceCode: string | null; rows: MapRow[]; title: string; label: string; href: (r: MapRow) => string; image?: string }) {
  const t = c.get('t');
  const topo = communeTopology(provinceCode);
  const values = mapValues(rows);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const max = Math.max(0, ...values.values());
  const num = (n: number | null) => (n == null ? '—' : formatNumber(n, c.get('lang')));
  const box = topo && image ? boxOf(provinceCode!) : null;
  const svg = topo && !image ? renderChoropleth({
    topology: topo, object: 'communes', values, title,
    href: (code) => { const r = byCode.get(code); return r ? href(r) : undefined; },
    label: (name, n) => t('overview.map.label', { name, label, n: num(n) }),
  }) : null;
  return (
    <div class="map-layout">
      {svg || box ? (
        <figure class="map" aria-describedby="map-legend">
          {box ? <img src={image} width={box.width} height={box.height} alt={t('overview.map.alt', { title })} /> : raw(svg!)}
          <figcaption id="map-legend">
            <p class="actions">{legend(max).map((l) => <span><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="15" height="15" fill={l.color} stroke="#505a5f" /></svg> {l.label}</span>)}</p>
            <p class="muted">{t('overview.map.attribution')}</p>
          </figcaption>
        </figure>
      ) : <p class="hint" id="no-map">{t('overview.map.noBoundaries')}</p>}
      <Table caption={title} head={[t('overview.col.unit'), label]} rows={[...rows].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.name.localeCompare(b.name, 'vi')).map((r) => [<a href={href(r)}>{r.name}</a>, num(r.value)])} />
    </div>
  );
}

const figureLabel = (t: T, code: string) => (code === 'gaps' ? t('overview.col.gaps') : t(`overview.short.${code}`));

mapPages.get('/overview/map', allow('overview.view'), async (c) => {
  const t = c.get('t');
  const o = await load(c);
  const asked = c.req.query('figure') ?? '';
  const figure = SORTS.includes(asked) ? asked : OVERVIEW_FIGURES[0].code;
  const rows = o.rows.filter((r) => r.kind === 'commune-committee' && r.code).map((r) => ({ unitId: r.unitId, code: r.code!, name: r.name, value: figure === 'gaps' ? r.gaps : (r.values.get(figure) ?? null) }));
  const label = figureLabel(t, figure);
  const def = OVERVIEW_FIGURES.find((f) => f.code === figure);
  return c.render(
    <>
      <p><a href={`/overview?period=${o.window.key}`}>{t('overview.map.back')}</a></p>
      <h1><span class="caption">{t('overview.title')}</span>{t('overview.map.title')}</h1>
      <p>{t('overview.period', { title: o.window.title, from: formatDate(o.window.from), to: formatDate(o.window.to), asOf: formatDate(o.asOf) })}</p>
      <form method="get" action="/overview/map" class="inline-form">
        <input type="hidden" name="period" value={o.window.key} />
        <div class="form-group">
          <label class="label" for="figure">{t('overview.map.figure')}</label>
          <select id="figure" name="figure">{SORTS.map((s) => <option value={s} selected={s === figure}>{figureLabel(t, s)}</option>)}</select>
          <button type="submit" class="button button-secondary">{t('overview.show')}</button>
        </div>
      </form>
      <p class="hint">{def && !def.worseWhenHigher ? t('overview.map.moreIsBetter') : t('overview.map.moreIsWorse')}</p>
      <CommuneMap c={c} provinceCode={o.provinceCode} rows={rows} title={t('overview.map.caption', { label, title: o.window.title })} label={label} href={(r) => `/units/${r.unitId}`} />
    </>,
    { title: t('overview.map.title') },
  );
});

/** The public figures on the portal map: counts the law makes public, nothing about any person. */
const PUBLIC_FIGURES = ['disclosures', 'answered', 'ontime'] as const;
type PublicFigure = (typeof PUBLIC_FIGURES)[number];

/** The public map's figures per commune for this year so far (counts only). */
async function publicRows(c: Ctx) {
  const t = c.get('t');
  const { db } = c.get('deps');
  const today = localToday();
  const year = Number(today.slice(0, 4));
  const from = `${year}-01-01`;
  const asked = c.req.query('figure') as PublicFigure;
  const figure: PublicFigure = PUBLIC_FIGURES.includes(asked) ? asked : 'disclosures';
  const province = (await findUnits(db, { at: today, kind: 'province-committee' }))[0];
  const communes = await findUnits(db, { at: today, kind: 'commune-committee' });
  const petitions = figure === 'disclosures' ? null : await publicPetitionCounts(db, from, today);
  const posted = figure === 'disclosures' ? await disclosureCountsByUnit(db, communes.map((u) => u.id), from, today) : null;
  const value = (id: string): number | null => {
    if (posted) return posted.get(id) ?? 0;
    const p = petitions!.get(id);
    if (figure === 'answered') return p?.resolved ?? 0;
    return p && p.resolved ? Math.round((p.onTime / p.resolved) * 100) : null;
  };
  const rows = communes.filter((u) => u.code).map((u) => ({ unitId: u.id, code: u.code!, name: u.fullName, value: value(u.id) }));
  const label = t(`overview.public.${figure}`);
  return { figure, from, today, provinceCode: province?.code ?? null, rows, label, title: t('overview.map.caption', { label, title: String(year) }) };
}

mapPages.get('/public/map', allow('public'), async (c) => {
  const t = c.get('t');
  const { figure, from, today, provinceCode, rows, label, title } = await publicRows(c);
  return c.render(
    <>
      <h1>{t('overview.public.title')}</h1>
      <p>{t('overview.public.intro', { from: formatDate(from), to: formatDate(today) })}</p>
      <form method="get" action="/public/map" class="inline-form">
        <div class="form-group">
          <label class="label" for="figure">{t('overview.map.figure')}</label>
          <select id="figure" name="figure">{PUBLIC_FIGURES.map((s) => <option value={s} selected={s === figure}>{t(`overview.public.${s}`)}</option>)}</select>
          <button type="submit" class="button button-secondary">{t('overview.show')}</button>
        </div>
      </form>
      <p class="hint">{t(`overview.public.${figure}.def`)}</p>
      <CommuneMap c={c} provinceCode={provinceCode} rows={rows} title={title} label={label} href={(r) => `/board/${r.unitId}`} image={`/public/map.svg?figure=${figure}`} />
    </>,
    { title: t('overview.public.title') },
  );
});

/** The public map as a separate, cacheable SVG image (the page keeps the table with the same figures and the links). */
mapPages.get('/public/map.svg', allow('public'), async (c) => {
  const { provinceCode, rows, label, title } = await publicRows(c);
  const topo = communeTopology(provinceCode);
  if (!topo) return c.body(null, 404);
  const t = c.get('t');
  const svg = renderChoropleth({ topology: topo, object: 'communes', values: mapValues(rows), title, label: (name, n) => t('overview.map.label', { name, label, n: formatNumber(n, c.get('lang')) }) });
  return cacheable(c, svg, 'image/svg+xml; charset=utf-8', { Vary: 'Cookie' });
});
