/** The app's route table with the permission tags (allow(...)) of each route, for the route walker and crawlers. */
import { PERMISSION } from '../../src/platform/authz/index.ts';

export type RouteEntry = { method: string; path: string; handler: unknown };

/** Turns a Hono path pattern into a regular expression. */
export const patternOf = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/:[^/]+/g, '[^/]+')}$`);
const permissionOf = (h: unknown): string | undefined => (h as Record<symbol, string> | null)?.[PERMISSION];

/** Every method+path of the app with the permission tags of its handlers (and of `ALL` middleware under a narrower path). */
export function routeTable(routes: readonly RouteEntry[]) {
  const table = new Map<string, { method: string; path: string; permissions: string[] }>();
  const scoped = routes.filter((r) => r.method === 'ALL' && r.path !== '/*' && permissionOf(r.handler));
  for (const r of routes) {
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    const entry = table.get(key) ?? { method: r.method, path: r.path, permissions: [] };
    const p = permissionOf(r.handler);
    if (p) entry.permissions.push(p);
    table.set(key, entry);
  }
  for (const entry of table.values()) {
    for (const s of scoped) if (patternOf(s.path).test(entry.path)) entry.permissions.push(permissionOf(s.handler)!);
  }
  return [...table.values()];
}

