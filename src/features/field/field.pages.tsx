import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { csrfToken } from '../../platform/http/session.ts';
import { fieldJs, idbKeyvalJs, serviceWorkerJs } from './field.assets.ts';
import { fieldOptions } from './field.options.ts';
import { FieldPage } from './views/field.tsx';

export const fieldPages = new Hono<AppEnv>();

/** The usual pages, for a browser without JavaScript. */
const LINKS: [string, string][] = [['/reception', 'reception.nav'], ['/community', 'community.nav'], ['/mediation', 'mediation.nav'], ['/tasks', 'tasks.nav']];

fieldPages.get('/field', allow('field.capture'), async (c) => {
  const t = c.get('t');
  c.header('Cache-Control', 'no-cache');
  return c.render(<FieldPage user={c.get('user')!.username} options={await fieldOptions(c)} links={LINKS.map(([h, k]) => [h, t(k)])}
    scripts={<script type="module" src={fieldJs.href}></script>} />, { title: t('field.title') });
});

/** Who is signed in and the CSRF token for the page's API calls; 401 (never a redirect) when the session has lapsed. */
fieldPages.get('/field/session', allow('public'), (c) => {
  c.header('Cache-Control', 'no-store');
  const user = c.get('user');
  if (!user) return c.json({ error: { code: 'unauthorized', message: c.get('t')('error.unauthorized') } }, 401);
  return c.json({ username: user.username, csrf: csrfToken(c) }, 200);
});

/** The service worker: always checked for a new version; allowed to control /field (its folder is /field/). */
fieldPages.get('/field/sw.js', allow('public'), (c) => c.body(serviceWorkerJs, 200, {
  'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/field',
}));
fieldPages.get('/field/field.js', allow('public'), (c) => fieldJs.serve(c));
fieldPages.get('/field/idb-keyval.js', allow('public'), (c) => idbKeyvalJs.serve(c));
