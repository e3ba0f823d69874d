import { Hono } from 'hono';
import { allow } from '../../platform/authz/index.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { csrfToken } from '../../platform/http/session.ts';
import { deviceJs, fieldJs, idbKeyvalJs, serviceWorkerJs, signOutJs } from './field.assets.ts';
import { fieldOptions } from './field.options.ts';
import { FieldPage } from './views/field.tsx';
import { SignOutCheck } from './views/signout.tsx';

export const fieldPages = new Hono<AppEnv>();

/** The usual pages, for a browser without JavaScript. */
const LINKS: [string, string][] = [['/reception', 'reception.nav'], ['/community', 'community.nav'], ['/mediation', 'mediation.nav'], ['/tasks', 'tasks.nav'], ['/disclosures', 'disclosures.nav']];

fieldPages.get('/field', allow('field.capture'), async (c) => {
  const t = c.get('t');
  c.header('Cache-Control', 'no-cache');
  return c.render(<FieldPage userId={c.get('user')!.id} options={await fieldOptions(c)} links={LINKS.map(([h, k]) => [h, t(k)])}
    scripts={<script type="module" src={fieldJs.href}></script>} />, { title: t('field.title') });
});

/** Who is signed in and the CSRF token for the page's API calls; 401 (never a redirect) when the session has lapsed. */
fieldPages.get('/field/session', allow('public'), (c) => {
  c.header('Cache-Control', 'no-store');
  const user = c.get('user');
  if (!user) return c.json({ error: { code: 'unauthorized', message: c.get('t')('error.unauthorized') } }, 401);
  return c.json({ id: user.id, username: user.username, csrf: csrfToken(c) }, 200);
});

/** The service worker: always checked for a new version; allowed to control /field (its folder is /field/). */
fieldPages.get('/field/sw.js', allow('public'), (c) => c.body(serviceWorkerJs, 200, {
  'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/field',
}));
/** The sign-out check (the sign-out form comes here while the officer has unsent entries on this device). */
fieldPages.get('/field/sign-out', allow('authenticated'), (c) => {
  c.header('Cache-Control', 'no-store');
  return c.render(<SignOutCheck userId={c.get('user')!.id} scripts={<script type="module" src={signOutJs.href}></script>} />, { title: c.get('t')('field.signOut.title') });
});

fieldPages.get('/field/field.js', allow('public'), (c) => fieldJs.serve(c));
fieldPages.get('/field/device.js', allow('public'), (c) => deviceJs.serve(c));
fieldPages.get('/field/signout.js', allow('public'), (c) => signOutJs.serve(c));
fieldPages.get('/field/idb-keyval.js', allow('public'), (c) => idbKeyvalJs.serve(c));
