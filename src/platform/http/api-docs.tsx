import { Hono } from 'hono';
import { allow } from '../authz/index.ts';
import { useT } from '../views/components.tsx';
import type { AppEnv } from './context.ts';
import { API_BASE, type OpenApiDoc, type Operation } from './openapi.ts';

type Schema = Record<string, unknown> & { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; format?: string; anyOf?: Schema[]; description?: string };

/** One line describing a schema's type: `string (date)`, `"a" | "b"`, `Plan[]`, `object`. */
function typeOf(s: Schema | undefined): string {
  if (!s) return '';
  if (s.$ref) return s.$ref.split('/').pop() ?? '';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  if (s.type === 'array') return `${typeOf(s.items)}[]`;
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
  return s.format ? `${type} (${s.format})` : type;
}

/** The fields of an object schema (following one $ref) as rows: name, type, required. */
function Fields({ doc, schema }: { doc: OpenApiDoc; schema: Schema | undefined }) {
  const t = useT();
  const ref = schema?.$ref?.split('/').pop();
  const s = (ref ? doc.components?.schemas?.[ref] : schema) as Schema | undefined;
  if (!s?.properties) return <p class="hint"><code>{typeOf(schema)}</code></p>;
  return (
    <table class="api-fields">
      <thead><tr><th scope="col">{t('apiDocs.field')}</th><th scope="col">{t('apiDocs.type')}</th><th scope="col">{t('apiDocs.required')}</th></tr></thead>
      <tbody>{Object.entries(s.properties).map(([name, p]) => <tr><td><code>{name}</code></td><td><code>{typeOf(p)}</code></td><td>{s.required?.includes(name) ? t('apiDocs.yes') : ''}</td></tr>)}</tbody>
    </table>
  );
}

/** One operation: method, full path, summary, who may call it, parameters, body and responses. */
function OperationView({ doc, method, path, op }: { doc: OpenApiDoc; method: string; path: string; op: Operation }) {
  const t = useT();
  const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean; schema?: Schema }[];
  const body = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.['application/json']?.schema;
  return (
    <section class="api-op" id={op.operationId}>
      <h3><code>{method.toUpperCase()} {API_BASE}{path}</code></h3>
      <p>{op.summary}</p>
      <p class="hint">{op.security && (op.security as unknown[]).length === 0 ? t('apiDocs.public') : t('apiDocs.bearer', { permission: String(op['x-permission'] ?? '') })}</p>
      {params.length > 0 && <ul>{params.map((p) => <li><code>{p.name}</code> ({p.in}{p.required ? `, ${t('apiDocs.required').toLowerCase()}` : ''}): <code>{typeOf(p.schema)}</code></li>)}</ul>}
      {body && <><h4>{t('apiDocs.body')}</h4><Fields doc={doc} schema={body} /></>}
      <h4>{t('apiDocs.responses')}</h4>
      <ul>{Object.entries(op.responses ?? {}).map(([status, r]) => <li><code>{status}</code> {String(r.description ?? '')}</li>)}</ul>
    </section>
  );
}

/** The API reference for people at `/api/docs`: rendered on the server from the OpenAPI document (no script, no CDN). */
export function apiDocsPages(openApi: () => OpenApiDoc) {
  const pages = new Hono<AppEnv>();
  pages.get('/api/docs', allow('public'), (c) => {
    const doc = openApi();
    const t = c.get('t');
    const groups = new Map<string, [string, string, Operation][]>();
    for (const [path, item] of Object.entries(doc.paths)) {
      const group = path.split('/')[1] ?? '';
      for (const [method, op] of Object.entries(item)) (groups.get(group) ?? groups.set(group, []).get(group)!).push([method, path, op]);
    }
    return c.render(
      <>
        <h1>{t('apiDocs.title')}</h1>
        <p>{t('apiDocs.intro', { base: API_BASE })} <a href={`${API_BASE}/openapi.json`}>openapi.json</a></p>
        <nav aria-label={t('apiDocs.contents')}><ul class="api-toc">{[...groups.keys()].map((g) => <li><a href={`#g-${g}`}>{g}</a></li>)}</ul></nav>
        {[...groups].map(([g, ops]) => (
          <section id={`g-${g}`}><h2>/{g}</h2>{ops.map(([m, p, op]) => <OperationView doc={doc} method={m} path={p} op={op} />)}</section>
        ))}
      </>,
      { title: t('apiDocs.title') },
    );
  });
  return pages;
}
