/**
 * The attack surface of the fuzz: every state-changing route and every page form, with real ids of
 * seeded objects for their path parameters (found by crawling the pages and the API lists as
 * demo.admin), the fields their forms show, and who may use them.
 */
import { declaredActions, type Role } from '../../../src/platform/authz/index.ts';
import { DEMO_ACCOUNTS } from '../../../src/seed.ts';
import { changingRoutes, formsOf, requestSchema, type Form, type OpenApiDoc, type Route, type Schema } from '../../helpers/fuzz.ts';
import { routeTable, type RouteEntry } from '../../helpers/routes.ts';

type Get = (url: string) => Promise<Response>;

/** A route pattern as a regular expression, one capture per parameter (respecting `:id{regex}`). */
export function routeRegex(path: string, prefixOnly = false): RegExp {
  const body = path.split('/').map((seg) => {
    const m = /^:(\w+)(?:\{(.*)\})?$/.exec(seg);
    if (m) return `(${m[2] ?? '[^/]+'})`;
    return seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  }).join('/');
  return new RegExp(`^${body}${prefixOnly ? '(?=/|$)' : '$'}`);
}

/** Routes whose GET we skip while crawling: downloads, exports, audio, metrics. */
const NOT_A_PAGE = /\.(csv|xlsx|docx|svg|ogg|wav|json|atom|css|js|pdf)$|\/(files?|photos|evidence|audio|exports?|notices)(\/|$)|^\/(metrics|healthz|api\/docs)$|\/(export|digest)\/|\/receipt$|\/:file|\/:ext|\*/;
const paramsOf = (p: string) => p.split('/').filter((s) => s.startsWith(':')).length;

export type Crawl = { pages: Map<string, number>; forms: (Form & { page: string })[]; links: Set<string> };

/**
 * GETs every page without parameters, then up to `perPattern` pages of each parameterised page route
 * found in the links, breadth first. Records each page's status, forms and links.
 */
export async function crawl(get: Get, routes: readonly RouteEntry[], perPattern = 2, max = 600): Promise<Crawl> {
  const gets = routeTable(routes).filter((r) => r.method === 'GET' && !r.path.startsWith('/api/') && !NOT_A_PAGE.test(r.path));
  const patterns = gets.filter((r) => paramsOf(r.path) > 0).map((r) => ({ path: r.path, re: routeRegex(r.path), n: 0 }));
  const queue = gets.filter((r) => paramsOf(r.path) === 0).map((r) => r.path);
  const out: Crawl = { pages: new Map(), forms: [], links: new Set() };
  const queued = new Set(queue);
  while (queue.length && out.pages.size < max) {
    const url = queue.shift()!;
    const res = await get(url);
    out.pages.set(url, res.status);
    if (!(res.headers.get('content-type') ?? '').includes('html')) { await res.body?.cancel(); continue; }
    const html = await res.text();
    for (const f of formsOf(html, url)) out.forms.push({ ...f, page: url });
    const found = [...html.matchAll(/\s(?:href|action)="(\/[^"#?]*)/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    for (const link of found) {
      out.links.add(link);
      if (queued.has(link) || NOT_A_PAGE.test(link)) continue;
      const p = patterns.find((x) => x.re.test(link));
      if (p && p.n < perPattern) { p.n++; queued.add(link); queue.push(link); }
    }
  }
  return out;
}

/** Ids of the objects each param-less /api/v1 list returns, keyed by its last path segment (`inspection-plans`). */
export async function apiIds(get: Get, routes: readonly RouteEntry[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const lists = routeTable(routes).filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/') && !r.path.includes(':') && !/openapi|\.(csv|xlsx)$/.test(r.path));
  const walk = (v: unknown, ids: Set<string>, depth = 0): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v.slice(0, 50)) walk(x, ids, depth + 1); return; }
    const o = v as Record<string, unknown>;
    if (typeof o.id === 'string') ids.add(o.id);
    for (const x of Object.values(o)) if (Array.isArray(x)) walk(x, ids, depth + 1);
  };
  for (const r of lists) {
    const res = await get(r.path);
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('json')) { await res.body?.cancel(); continue; }
    const ids = new Set<string>();
    walk(await res.json(), ids);
    if (ids.size) out.set(r.path.split('/').pop()!, [...ids]);
  }
  return out;
}

export type Target = Route & {
  /** Concrete URLs with real ids (empty when none were found, or the route has no parameters). */
  real: string[];
  /** The forms that post to this route (pages), or the GET filter form. */
  forms: Form[];
  /** The JSON body schema (API). */
  schema?: Schema;
  /** Demo accounts allowed by the route's permission; `public` routes also take anonymous users. */
  users: string[];
};

/** Concrete URLs for a route: links matching it whole, else links matching it up to its last parameter, else API ids. */
function realUrls(path: string, links: Set<string>, ids: Map<string, string[]>, exclude: Set<string>): string[] {
  if (!paramsOf(path)) return [];
  const local = path.replace(/^\/api\/v1/, '');
  const full = routeRegex(local);
  const whole = [...links].filter((l) => full.test(l));
  const fill = (values: string[]) => { let i = 0; return path.replace(/:\w+(\{[^}]*\})?/g, () => values[i++] ?? 'x'); };
  let found = whole.map((l) => fill(full.exec(l)!.slice(1)));
  if (!found.length) {
    const segs = local.split('/');
    const last = segs.map((s) => s.startsWith(':')).lastIndexOf(true);
    const prefix = routeRegex(segs.slice(0, last + 1).join('/'), true);
    found = [...links].flatMap((l) => { const m = prefix.exec(l); return m ? [fill(m.slice(1))] : []; });
    if (!found.length && paramsOf(local) === 1) found = (ids.get(segs[last - 1]) ?? []).map((id) => fill([id]));
  }
  return [...new Set(found)].filter((u) => ![...exclude].some((x) => u.includes(x))).slice(0, 12);
}

/** Demo accounts whose role the permission names (any for `authenticated`/`public`). */
function usersFor(permission: string): string[] {
  const roles = new Map(declaredActions()).get(permission) as readonly Role[] | undefined;
  if (permission === 'public' || permission === 'authenticated') return DEMO_ACCOUNTS.map((a) => a.username);
  return DEMO_ACCOUNTS.filter((a) => roles?.includes(a.role)).map((a) => a.username);
}

/** Every state-changing route and every GET filter form as a fuzz target. `exclude`: ids never put in a path (the fuzzing accounts). */
export function targetsOf(routes: readonly RouteEntry[], doc: OpenApiDoc, c: Crawl, ids: Map<string, string[]>, exclude: Set<string>): Target[] {
  const table = routeTable(routes);
  const out: Target[] = changingRoutes(routes).map((r) => {
    const re = routeRegex(r.path);
    const forms = r.api ? [] : c.forms.filter((f) => f.method === r.method && re.test(f.action));
    const uniq = [...new Map(forms.map((f) => [f.fields.map((x) => x.name).join(','), f])).values()].slice(0, 4);
    return { ...r, real: realUrls(r.path, c.links, ids, exclude), forms: uniq, schema: r.api ? requestSchema(doc, r.method, r.path) : undefined, users: usersFor(r.permission) };
  });
  const filters = new Map<string, Form>();
  for (const f of c.forms) if (f.method === 'GET' && f.fields.length && !filters.has(f.action)) filters.set(f.action, f);
  for (const [action, f] of filters) {
    const route = table.find((r) => r.method === 'GET' && routeRegex(r.path).test(action));
    if (!route) continue;
    const permission = route.permissions[0] ?? '';
    out.push({ method: 'GET', path: action, api: false, permission, real: [], forms: [f], users: usersFor(permission) });
  }
  return out;
}
