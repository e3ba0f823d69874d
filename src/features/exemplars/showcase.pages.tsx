import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import type { AppEnv, Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendFile } from '../../platform/files/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { projectObject, renderChoropleth } from '../../platform/map/index.ts';
import { cacheable } from '../../platform/http/cache.ts';
import { communeTopology } from '../../platform/map/topologies.ts';
import { FIELDS } from '../../domain/exemplars/forms.ts';
import { PUBLIC_STATUSES } from '../../domain/exemplars/workflow.ts';
import { filesOf, getEntry, outcomesOf, publicCount, publicCountsByCommune, publicEntries } from './exemplars.repository.ts';
import { communeOptions } from './exemplars.options.ts';
import { Gallery, Story } from './views/showcase.tsx';
import { atomFeed } from './exemplars.atom.ts';

const TOPO = communeTopology('52')!;
export const showcasePages = new Hono<AppEnv>();
const PAGE = 24;
/** The map's box, for the <img> size (the projection does not depend on the data). */
const BOX = (({ width, height }) => ({ width, height }))(projectObject(TOPO, 'communes', 640));

/** Public filters; anything malformed is ignored (a public page never fails on its query). */
function filters(c: Ctx) {
  const q = c.req.query();
  const field = (FIELDS as readonly string[]).includes(q.field ?? '') ? q.field : undefined;
  const communeCode = /^\d{5}$/.test(q.communeCode ?? '') ? q.communeCode : undefined;
  const y = Number(q.year);
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : undefined;
  const p = Number(q.page);
  return { field, communeCode, year, page: Number.isInteger(p) && p > 0 && p < 10000 ? p : 1 };
}

const baseUrl = (c: Ctx) => c.get('deps').config.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;

showcasePages.get('/showcase/exemplars', allow('public'), async (c) => {
  const t = c.get('t');
  const { db } = c.get('deps');
  const f = filters(c);
  const rows = await publicEntries(db, { ...f, limit: PAGE + 1, offset: (f.page - 1) * PAGE });
  const items = rows.slice(0, PAGE);
  const counts = await publicCountsByCommune(db, f);
  const communes = await communeOptions(c);
  const values = { field: f.field ?? '', communeCode: f.communeCode ?? '', year: f.year ? String(f.year) : '' };
  const query = (extra: Record<string, string>) => new URLSearchParams(Object.fromEntries(Object.entries({ ...values, ...extra }).filter(([, v]) => v))).toString();
  const total = await publicCount(db, f);
  const { recognitions } = await outcomesOf(db, items.map((i) => i.id));
  // The map is a separate, cacheable image (the page stays light); the list of communes is its accessible, clickable equivalent.
  const places = communes.filter(([code]) => counts.get(code)).map(([code, name]) => ({ name, n: counts.get(code)!, href: `/showcase/exemplars?${query({ communeCode: code, page: '' })}` }));
  const map = { src: `/showcase/exemplars/map.svg?${query({})}`.replace(/\?$/, ''), ...BOX, places };
  return c.render(<Gallery items={items} recognitions={recognitions} values={values} communes={communes} map={map} max={Math.max(0, ...counts.values())} total={total} page={f.page} hasNext={rows.length > PAGE} currentYear={Number(localToday().slice(0, 4))} communeName={communes.find(([code]) => code === f.communeCode)?.[1]} />, { title: t('exemplars.showcase.title') });
});

showcasePages.get('/showcase/exemplars/map.svg', allow('public'), async (c) => {
  const t = c.get('t');
  const f = filters(c);
  const counts = await publicCountsByCommune(c.get('deps').db, f);
  const svg = renderChoropleth({ topology: TOPO, object: 'communes', values: counts, selected: f.communeCode, title: t('exemplars.showcase.map'), label: (name, n) => t('exemplars.showcase.mapLabel', { name, n }) });
  return cacheable(c, svg, 'image/svg+xml; charset=utf-8', { Vary: 'Cookie' });
});

showcasePages.get('/showcase/exemplars/feed.atom', allow('public'), async (c) => {
  const { db } = c.get('deps');
  const items = await publicEntries(db, { limit: 50 });
  const { recognitions } = await outcomesOf(db, items.map((i) => i.id));
  const xml = atomFeed({ base: baseUrl(c), title: c.get('t')('exemplars.showcase.title'), items, recognitions, t: c.get('t') });
  return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', });
});

/** A public entry, or 404 for anything not recognised (drafts, proposals, rejected, discontinued). */
async function publicEntry(c: Ctx) {
  const e = await getEntry(c.get('deps').db, c.req.param('id')!);
  if (!e || !PUBLIC_STATUSES.includes(e.status)) throw notFound();
  return e;
}

showcasePages.get('/showcase/exemplars/:id', allow('public'), async (c) => {
  const { db } = c.get('deps');
  const e = await publicEntry(c);
  const o = await outcomesOf(db, [e.id]);
  const photos = await filesOf(db, e.id, true);
  return c.render(<Story e={e} recs={o.recognitions.get(e.id) ?? []} coms={o.commendations.get(e.id) ?? []} photos={photos} url={`${baseUrl(c)}/showcase/exemplars/${e.id}`} />, { title: e.name });
});

showcasePages.get('/showcase/exemplars/:id/photos/:fileId', allow('public'), async (c) => {
  const { db, config } = c.get('deps');
  const e = await publicEntry(c);
  const photo = (await filesOf(db, e.id, true)).find((f) => f.id === c.req.param('fileId'));
  if (!photo) throw notFound();
  return sendFile(c, db, config.dataDir, photo.id);
});
