import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { allow } from '../../platform/authz/index.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import type { Feature } from '../../platform/http/feature.ts';
import { unitNames } from '../units/index.ts';

const css = readFileSync(new URL('../../platform/views/static/app.css', import.meta.url), 'utf8');
const pages = new Hono<AppEnv>();

pages.get('/healthz', allow('public'), async (c) => {
  const { db, dialect } = c.get('deps');
  await db.selectFrom('settings').select('key').limit(1).execute();
  return c.json({ status: 'ok', database: dialect });
});

pages.get('/static/app.css', allow('public'), (c) => {
  c.header('Cache-Control', 'public, max-age=3600');
  return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
});

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
    </>,
    { title: t('home.title') },
  );
});

/** Home page, health check and the stylesheet. */
export const homeFeature: Feature = { name: 'home', pages };
