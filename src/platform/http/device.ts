import { getCookie } from 'hono/cookie';
import type { Ctx } from './context.ts';

/**
 * What a shared phone keeps between users (issue 20: offline capture). The offline capture page stores
 * entries per user id in IndexedDB and names, in this cookie (ids joined by '.'), the users who still
 * have entries not yet on the server; it is the only way a plain form POST can know.
 */
export const UNSYNCED_COOKIE = 'coso_field_unsynced';

/** The page that warns before a sign-out that would leave, or lose, entries not yet sent. */
export const SIGN_OUT_CHECK_PAGE = '/field/sign-out';

/** User ids with entries not yet sent on this device. */
export function unsyncedUsers(c: Ctx): string[] {
  return (getCookie(c, UNSYNCED_COOKIE) ?? '').split('.').filter((s) => /^[\w-]{1,64}$/.test(s));
}

/**
 * Asks the browser to clear this site's storage (IndexedDB, Cache Storage, service workers): after a
 * sign-out, or before a sign-in, nothing of the previous user stays on the device. Only when no entry
 * still waits to be sent (but those of the officer who chose to discard them), so nothing unsent is
 * ever lost without that officer's click.
 */
export function clearDeviceUnlessUnsynced(c: Ctx, discarding?: string): void {
  if (unsyncedUsers(c).every((id) => id === discarding)) c.header('Clear-Site-Data', '"storage"');
}
