import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import type { AppDeps, AppEnv } from '../../platform/http/context.ts';
import { sql } from 'kysely';
import type { Feature } from '../../platform/http/feature.ts';
import { unitNames } from '../units/index.ts';
import { navByArea, type NavItem } from '../../platform/views/layout.tsx';
import type { T as Translate } from '../../platform/i18n/index.ts';
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
  const names = await unitNames(c.get('deps').db, user?.grants.map((g) => g.unitId) ?? []);
  return c.render(
    <>
      <h1>{user ? t('home.welcome', { name: user.displayName }) : 'Coso'}</h1>
      <p>{t('home.public')}</p>
      {user && (
        <>
          <h2>{t('home.yourRoles')}</h2>
          <ul>{user.grants.map((g) => <li>{t(`role.${g.role}`)}: <a href={`/units/${g.unitId}`}>{names.get(g.unitId)?.fullName ?? g.unitId}</a>{g.includeDescendants && <span class="muted"> {t('home.andDescendants')}</span>}</li>)}</ul>
        </>
      )}
      <div class="areas">{navByArea(user).map((a) => <Area t={t} area={a} level="h2" />)}</div>
    </>,
    { title: t('home.title') },
  );
});

/** A work area's page: the pages in it the user may enter (404 when there are none). */
pages.get('/areas/:key', allow('public'), (c) => {
  const t = c.get('t');
  const area = navByArea(c.get('user')).find((a) => a.key === c.req.param('key'));
  if (!area) return c.notFound();
  return c.render(<Area t={t} area={area} level="h1" />, { title: t(`area.${area.key}`) });
});

/** Home page, health check and the stylesheet. */
export const homeFeature: Feature = { name: 'home', pages };
