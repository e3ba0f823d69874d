import type { OpenAPIHono } from '@hono/zod-openapi';
import { PERMISSION } from '../authz/index.ts';
import type { AppEnv } from './context.ts';

/** Where the API lives: the document's `servers` entry, so generated clients call the right URLs. */
export const API_BASE = '/api/v1';

/** The document's title and version (`info`). */
export const API_INFO = { title: 'Coso API', version: '1', description: 'JSON API of Coso. Errors: `{"error":{"code","message","fields"?}}`, messages in Vietnamese unless `?lang=en`.' };

type Json = Record<string, unknown>;
export type OpenApiDoc = Json & { paths: Record<string, Record<string, Operation>>; components?: Json & { schemas?: Record<string, unknown> } };
export type Operation = Json & { responses?: Record<string, Json>; parameters?: unknown[]; requestBody?: unknown; description?: string; summary?: string; operationId?: string; security?: unknown };
type RouteEntry = { method: string; path: string; handler: unknown };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const ERROR_REF = { $ref: '#/components/schemas/Error' };
const DEFAULT_4XX: Record<string, string> = {
  400: 'Invalid input: `error.fields` names each bad field', 401: 'No valid Bearer token', 403: 'The token\'s roles do not allow this',
  404: 'Unknown', 409: 'Conflicts with the current state', 413: 'Body too large', 415: 'Unsupported media type', 422: 'Cannot be processed', 429: 'Too many attempts',
};

/** A Hono path as the document writes it: `/units/:id` → `/units/{id}`, `/r/:file{[^/]+\.docx}` → `/r/{file}.docx`. */
export const docPath = (honoPath: string) => honoPath
  .replace(/:([A-Za-z0-9_]+)\{\[\^\/\]\+\\\.([a-z]+)\}/g, '{$1}.$2')
  .replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');

/** The `allow(...)` permission of each route, by `METHOD /doc/path`. */
function permissions(routes: readonly RouteEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of routes) {
    const p = (r.handler as Record<symbol, string> | null)?.[PERMISSION];
    if (p && r.method !== 'ALL') out.set(`${r.method} ${docPath(r.path)}`, p);
  }
  return out;
}

const FILE_TYPES: Record<string, string> = {
  csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf', json: 'application/json',
};

/**
 * Routes registered with plain `.get()` (file exports: CSV, XLSX, DOCX) that zod-openapi does not
 * describe: added as operations returning the file, so that the document lists every route.
 */
function addPlainRoutes(paths: Record<string, Record<string, Operation>>, routes: readonly RouteEntry[], skip: Set<string>) {
  for (const r of routes) {
    const perm = (r.handler as Record<symbol, string> | null)?.[PERMISSION];
    const method = r.method.toLowerCase();
    const path = docPath(r.path);
    if (!perm || r.method === 'ALL' || skip.has(path) || paths[path]?.[method]) continue;
    const ext = /\.([a-z]+)(\})?$/.exec(r.path)?.[1] ?? '';
    const type = FILE_TYPES[ext] ?? 'application/octet-stream';
    const parameters = [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', maxLength: 64 } }));
    (paths[path] ??= {})[method] = {
      description: `The ${ext.toUpperCase() || 'file'} export (a file download)`, ...(parameters.length ? { parameters } : {}),
      responses: { 200: { description: `${ext.toUpperCase() || 'File'} file`, content: { [type]: { schema: { type: 'string', format: 'binary' } } } }, 404: { description: 'Unknown' } },
    };
  }
}

/** A stable operationId from method and path: `get /units/{id}` → `getUnitsById`. */
function operationIdOf(method: string, path: string): string {
  const words = path.split('/').filter(Boolean).map((seg) => {
    const param = /^\{(.+)\}$/.exec(seg);
    const w = param ? `by-${param[1]}` : seg;
    return w.split(/[^A-Za-z0-9]+/).filter(Boolean).map((x) => x[0].toUpperCase() + x.slice(1)).join('');
  });
  return method + words.join('');
}

/** The first sentence of the 2xx description, as the operation's summary. */
function summaryOf(op: Operation, method: string, path: string): string {
  const ok = Object.entries(op.responses ?? {}).find(([s]) => s.startsWith('2'))?.[1];
  const text = String(op.description ?? ok?.description ?? '').split(/(?<=[.;:])\s|\n/)[0].trim().replace(/[.;:]$/, '');
  return (text || `${method.toUpperCase()} ${path}`).slice(0, 120);
}

/**
 * The OpenAPI 3.1 document of the API, completed from what the routes declare so that no feature
 * can forget it: `servers`, the bearer security scheme per operation (`security: []` on public
 * ones, read from each route's `allow(...)`), the permission (`x-permission`), a summary and an
 * operationId, and the shared error schema on every 4xx (401/403 added where a token is needed,
 * 400 where the request has parameters or a body).
 */
export function buildOpenApiDocument(api: OpenAPIHono<AppEnv>, info: { title: string; version: string; description?: string }): OpenApiDoc {
  const doc = api.getOpenAPI31Document({ openapi: '3.1.0', info: { ...info, license: { name: 'Proprietary' } }, servers: [{ url: API_BASE, description: 'This server' }] }) as unknown as OpenApiDoc;
  const perms = permissions(api.routes as RouteEntry[]);
  addPlainRoutes(doc.paths, api.routes as RouteEntry[], new Set(['/openapi.json']));
  const components = (doc.components ??= {}) as Json;
  components.securitySchemes = { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A token from POST /auth/token (an API session: it expires, see `expiresAt`)' } };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const perm = perms.get(`${method.toUpperCase()} ${path}`);
      if (!perm) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described but no route with allow(...) serves it`);
      op.security = perm === 'public' ? [] : [{ bearerAuth: [] }];
      op['x-permission'] = perm;
      op.operationId ??= operationIdOf(method, path);
      op.summary ??= summaryOf(op, method, path);
      op.tags ??= [path.split('/')[1] || 'api'];
      const responses = (op.responses ??= {});
      const need = [...(perm === 'public' ? [] : ['401']), ...(perm === 'public' || perm === 'authenticated' ? [] : ['403']), ...(op.parameters?.length || op.requestBody ? ['400'] : [])];
      for (const s of need) responses[s] ??= { description: DEFAULT_4XX[s] };
      for (const [status, r] of Object.entries(responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        r.description ??= DEFAULT_4XX[status] ?? 'Client error';
        r.content = { 'application/json': { schema: ERROR_REF } };
      }
    }
  }
  return doc;
}
