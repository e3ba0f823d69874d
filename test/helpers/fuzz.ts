/**
 * Shared by the fuzz tests (test/platform/fuzz.heavy.test.ts and test/security/fuzz.heavy.test.ts): the
 * state-changing routes of the app, the JSON body schema an API route declares in the OpenAPI
 * document, and the checks that an error answer is in our shape and in Vietnamese.
 */
import { routeTable, type RouteEntry } from './routes.ts';

/** A letter only Vietnamese has (among the languages the app speaks): a message without one is not Vietnamese. */
export const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
/** A message that is an untranslated key such as `validation.required`. */
const RAW_KEY = /^[a-z][\w-]*(\.[\w-]+)+$/;
export const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Route = { method: string; path: string; api: boolean; permission: string };

/** Every POST/PUT/PATCH/DELETE route of the app with its permission (the first allow(...) tag). */
export function changingRoutes(routes: readonly unknown[]): Route[] {
  return routeTable(routes as RouteEntry[])
    .filter((r) => CHANGING.has(r.method))
    .map((r) => ({ method: r.method, path: r.path, api: r.path.startsWith('/api/'), permission: r.permissions[0] ?? '' }));
}

export type Schema = {
  $ref?: string; type?: string | string[]; format?: string; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[];
  items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; minimum?: number; maximum?: number; maxLength?: number; pattern?: string;
};
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
export type OpenApiDoc = { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** Follows a `$ref` of the document's components (once per level). */
export function deref(doc: OpenApiDoc, s: Schema | undefined): Schema | undefined {
  return s?.$ref ? doc.components?.schemas?.[s.$ref.split('/').pop()!] : s;
}

/** The JSON request body schema of an /api/v1 route (Hono path, e.g. `/api/v1/tasks/:id`), if it declares one. */
export function requestSchema(doc: OpenApiDoc, method: string, path: string): Schema | undefined {
  const oaPath = path.replace(/^\/api\/v1/, '').replace(/:([A-Za-z_]\w*)(\{[^}]*\})?/g, '{$1}');
  return deref(doc, doc.paths?.[oaPath]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema);
}

/** The top-level field names of that body. */
export function apiFields(doc: OpenApiDoc, method: string, path: string): string[] {
  return Object.keys(requestSchema(doc, method, path)?.properties ?? {});
}

/** Why an /api error answer is not `{error:{code,message,fields?}}` with Vietnamese message and field messages; null when it is. */
export function apiErrorProblem(text: string): string | null {
  let body: { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined;
  try { body = JSON.parse(text); } catch { /* reported below */ }
  const e = body?.error;
  if (typeof e?.code !== 'string' || typeof e.message !== 'string' || !e.message) return `not {error:{code,message}}: ${text.slice(0, 200)}`;
  if (!VIETNAMESE.test(e.message)) return `message not Vietnamese: ${e.message}`;
  if (e.code === 'validation_failed' && (!e.fields || typeof e.fields !== 'object' || !Object.keys(e.fields).length)) return `validation_failed without fields: ${text.slice(0, 200)}`;
  for (const [k, v] of Object.entries((e.fields ?? {}) as Record<string, unknown>)) {
    if (typeof v !== 'string' || !VIETNAMESE.test(v) || RAW_KEY.test(v)) return `field ${k}: message not Vietnamese: ${String(v).slice(0, 100)}`;
  }
  return null;
}

/** One field of an HTML form: its name, kind and the value (or the options) the page offers. */
export type FormField = { name: string; kind: 'input' | 'select' | 'textarea'; type: string; value: string; options: string[] };
/** One `<form>` of a page. `action` is the page's own path when the form names none. */
export type Form = { action: string; method: string; multipart: boolean; fields: FormField[] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ENTITIES[e]).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return m ? unescape(m[1]) : undefined;
};

/** The forms of an HTML page (served at `pagePath`), with their fields; `_csrf` is left out. */
export function formsOf(html: string, pagePath: string): Form[] {
  const out: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const tag = m[1];
    const fields = new Map<string, FormField>();
    for (const f of m[2].matchAll(/<(input|select|textarea)\b([^>]*)>(?:([\s\S]*?)<\/(?:select|textarea)>)?/gi)) {
      const kind = f[1].toLowerCase() as FormField['kind'];
      const name = attr(f[2], 'name');
      if (!name || name === '_csrf') continue;
      const type = (attr(f[2], 'type') ?? kind).toLowerCase();
      const inner = f[3] ?? '';
      const options = kind === 'select' ? [...inner.matchAll(/<option\b([^>]*)>/gi)].map((o) => attr(o[1], 'value') ?? '') : [];
      const selected = kind === 'select' ? /<option\b[^>]*\svalue="([^"]*)"[^>]*\sselected/i.exec(inner)?.[1] : undefined;
      const value = kind === 'textarea' ? unescape(inner) : kind === 'select' ? unescape(selected ?? options[0] ?? '') : attr(f[2], 'value') ?? '';
      const prev = fields.get(name);
      if (prev && (type === 'radio' || type === 'checkbox')) prev.options.push(value);
      else fields.set(name, { name, kind, type, value, options: type === 'radio' || type === 'checkbox' ? [value] : options });
    }
    out.push({
      action: (attr(tag, 'action') || pagePath).split('#')[0],
      method: (attr(tag, 'method') ?? 'get').toUpperCase(),
      multipart: (attr(tag, 'enctype') ?? '').includes('multipart'),
      fields: [...fields.values()],
    });
  }
  return out;
}
