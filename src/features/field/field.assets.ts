import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { staticAsset } from '../../platform/http/static.ts';
import { appCss } from '../../platform/views/assets.ts';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const require = createRequire(import.meta.url);

/** idb-keyval's ES module (IndexedDB as a small key-value store), served from our own origin. */
export const idbKeyvalJs = staticAsset('/field/idb-keyval.js', readFileSync(path.join(path.dirname(require.resolve('idb-keyval')), 'index.js'), 'utf8'), 'text/javascript; charset=utf-8');

/** A module of ./static, importing its siblings by their versioned URLs. */
const moduleAsset = (name: string, imports: { href: string }[] = []) => staticAsset(`/field/${name}`,
  imports.reduce((src, a) => src.replace(`'./${a.href.split('/').pop()!.replace(/\?.*$/, '')}'`, `'${a.href}'`), read(`./static/${name}`)), 'text/javascript; charset=utf-8');

/** Per-user storage on the device and the cookie naming users with unsent entries. */
export const deviceJs = moduleAsset('device.js');
/** The page's script. */
export const fieldJs = moduleAsset('field.js', [idbKeyvalJs, deviceJs]);
/** The sign-out check page's script. */
export const signOutJs = moduleAsset('signout.js', [idbKeyvalJs, deviceJs]);

/** What the service worker keeps for offline use besides the page itself. */
const SHELL = [appCss.href, fieldJs.href, idbKeyvalJs.href, deviceJs.href];

/** The service worker's source: versioned by the files it keeps, so any change installs a new one and drops the old cache. */
export const serviceWorkerJs = (() => {
  const version = createHash('sha256').update(SHELL.join('\n')).update(read('./static/sw.js')).digest('base64url').slice(0, 12);
  return read('./static/sw.js').replace('__VERSION__', version).replace('__SHELL__', JSON.stringify(SHELL));
})();
