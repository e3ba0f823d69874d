// What a phone keeps per officer: entries in an IndexedDB database named by the user id (another user
// never opens it), and the cookie naming the officers whose entries are not all on the server yet (the
// sign-out and sign-in requests read it: src/platform/http/device.ts).
const COOKIE = 'coso_field_unsynced';

/** The officer's own database. */
export const dbName = (userId) => `coso-field-${userId}`;

/** Names (or stops naming) the officer in the cookie of unsent entries. */
export function markUnsynced(userId, unsent) {
  const raw = (document.cookie.split('; ').find((c) => c.startsWith(`${COOKIE}=`)) || '').slice(COOKIE.length + 1);
  const ids = new Set(raw.split('.').filter(Boolean));
  if (unsent) ids.add(userId); else ids.delete(userId);
  document.cookie = `${COOKIE}=${[...ids].join('.')}; path=/; samesite=lax; max-age=${ids.size ? 31536000 : 0}`;
}

/** Removes the officer's entries and the kept pages (they show the officer's choices) from this device. */
export async function forget(userId) {
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(dbName(userId));
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  for (const name of await caches.keys()) if (name.startsWith('coso-field-')) await caches.delete(name);
  markUnsynced(userId, false);
}
