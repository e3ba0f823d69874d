import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import type { AppDeps, AppEnv } from '../../platform/http/context.ts';
import { sql } from 'kysely';
import type { Feature } from '../../platform/http/feature.ts';
import { unitNames } from '../units/index.ts';
import { navByArea, type NavItem } from '../../platform/views/layout.tsx';
import { formatDate, localToday, type T as Translate } from '../../platform/i18n/index.ts';
import { createRoute } from '@hono/zod-openapi';
import { apiRouter, z } from '../../platform/http/api.ts';
import { ErrorSchema } from '../auth/index.ts';
import { MyWork, myWork, whenText } from './mywork.tsx';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { appCss } from '../../platform/views/assets.ts';

const pages = new Hono<AppEnv>();

/**
 * Liveness with the database: `select 1` at most once a second per process (a load balancer polling
 * every instance must not add a query per probe); concurrent probes share the one in flight. The
 * interval is measured on the monotonic timer, not the product clock (which may be frozen).
 */
const ping = new WeakMap<object, { at: number; result: Promise<boolean> }>();
function databaseUp(db: AppDeps['db']): Promise<boolean> {
  const last = ping.get(db);
  if (last && performance.now() - last.at < 1000) return last.result;
  const result = sql`select 1 as ok`.execute(db).then(() => true, () => false);
  ping.set(db, { at: performance.now(), result });
  return result;
}

pages.get('/healthz', allow('public'), async (c) => {
  const { db, dialect } = c.get('deps');
  if (!(await databaseUp(db))) return c.json({ status: 'unavailable', database: dialect }, 503);
  return c.json({ status: 'ok', database: dialect });
});

pages.get('/static/app.css', allow('public'), (c) => appCss.serve(c));

/** One work area: its title, what it is for, and the pages in it the user may enter. */
function Area({ t, area, level }: { t: Translate; area: { key: string; items: NavItem[] }; level: 'h1' | 'h2' }) {
  const title = t(`area.${area.key}`);
  return (
    <section class="area" aria-labelledby={`area-${area.key}`}>
      {level === 'h1' ? <h1 id={`area-${area.key}`}>{title}</h1> : <h2 id={`area-${area.key}`}><a href={`/areas/${area.key}`}>{title}</a></h2>}
      <p class="hint">{t(`area.${area.key}.desc`)}</p>
      <ul class="area-links">{area.items.map((n) => <li><a href={n.href}>{t(n.labelKey)}</a></li>)}</ul>
    </section>
  );
}

pages.get('/', allow('public'), async (c) => {
  const t = c.get('t');
  const user = c.get('user');
  if (!user) return c.render(<><h1>Coso</h1><p>{t('home.public')}</p><div class="areas">{navByArea(null).map((a) => <Area t={t} area={a} level="h2" />)}</div></>, { title: t('home.title') });
  const db = c.get('deps').db;
  const names = await unitNames(db, user.grants.map((g) => g.unitId));
  const lines = await myWork(db, user, c.get('lang'), localToday());
  return c.render(
    <>
      <p class="muted">{t('home.welcome', { name: user.displayName })}</p>
      <MyWork t={t} lines={lines} />
      <h2>{t('home.yourRoles')}</h2>
      <ul>{user.grants.map((g) => <li>{t(`role.${g.role}`)}: <a href={`/units/${g.unitId}`}>{names.get(g.unitId)?.fullName ?? g.unitId}</a>{g.includeDescendants && <span class="muted"> {t('home.andDescendants')}</span>}</li>)}</ul>
      <h2>{t('home.areas')}</h2>
      <ul class="area-links">{navByArea(user).map((a) => <li><a href={`/areas/${a.key}`}>{t(`area.${a.key}`)}</a></li>)}</ul>
    </>,
    { title: t('work.title') },
  );
});

/** The same list as a spreadsheet-friendly CSV (UTF-8 with BOM, dates dd/mm/yyyy). */
pages.get('/me/work.csv', allow('authenticated'), async (c) => {
  const t = c.get('t');
  const lines = await myWork(c.get('deps').db, c.get('user')!, c.get('lang'), localToday());
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = [[t('work.col.what'), t('work.col.title'), t('work.col.unit'), t('work.col.due'), t('work.col.when'), t('work.col.link')],
    ...lines.map((l) => [t(`work.kind.${l.kind}`), l.title, l.unitName ?? '', formatDate(l.due), whenText(t, l), l.href])];
  return c.body(`\ufeff${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="viec-cua-toi-${localToday()}.csv"` });
});

/** A work area's page: the pages in it the user may enter (404 when there are none). */
pages.get('/areas/:key', allow('public'), (c) => {
  const t = c.get('t');
  const area = navByArea(c.get('user')).find((a) => a.key === c.req.param('key'));
  if (!area) return c.notFound();
  return c.render(<Area t={t} area={area} level="h1" />, { title: t(`area.${area.key}`) });
});

const api = apiRouter();
const WorkLineSchema = z.object({
  key: z.string(), kind: z.string(), title: z.string(), unitId: z.string().nullable(), unitName: z.string().nullable(),
  due: z.string().nullable().openapi({ format: 'date' }), state: z.enum(['overdue', 'today', 'soon', 'later', 'none']),
  workingDaysLeft: z.number().int().nullable(), daysOverdue: z.number().int().nullable(), href: z.string(),
}).openapi('WorkLine');
api.openapi(createRoute({
  method: 'get', path: '/me/work', middleware: [allow('authenticated')] as const,
  responses: { 200: { content: { 'application/json': { schema: z.object({ today: z.string(), items: z.array(WorkLineSchema) }) } }, description: "What the caller or their units must do, by deadline" }, 401: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Not signed in' } },
}), async (c) => {
  const today = localToday();
  const lines = await myWork(c.get('deps').db, c.get('user')!, c.get('lang'), today);
  return c.json({ today, items: lines.map(({ basis: _b, ...l }) => l) }, 200);
});

/** Home page ("Việc của tôi" for staff), health check and the stylesheet. */
export const homeFeature: Feature = { name: 'home', pages, api, messages: { vi, en } };
