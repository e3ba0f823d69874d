// Service worker of the offline capture page (scope /field). The server fills in VERSION and SHELL:
// a new version of any file gives a new cache, and the old caches are removed on activation.
const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const PAGE = '/field';
const CACHE = `coso-field-${VERSION}`;

/** Keeps the page only when it is the real page (not the sign-in page a lapsed session is sent to). */
async function keepPage(cache, res) {
  if (res.ok && !res.redirected && new URL(res.url).pathname === PAGE) await cache.put(PAGE, res.clone());
  return res;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    await keepPage(cache, await fetch(PAGE, { credentials: 'same-origin', cache: 'no-store' })).catch(() => {});
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('coso-field-') && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate' && url.pathname === PAGE) {
    // The page: fresh from the network when there is one (choices of the day), else the copy kept here.
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        return await keepPage(cache, await fetch(req));
      } catch {
        return (await cache.match(PAGE)) || Response.error();
      }
    })());
    return;
  }
  if (SHELL.includes(url.pathname + url.search)) event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
});
