/** Where a schema of the OpenAPI document says nothing about the data ("any"): for the untyped-body count. */
type Schema = Record<string, unknown>;
const META = new Set(['description', 'example', 'examples', 'title', 'default', 'deprecated', 'readOnly', 'writeOnly']);
const isAny = (s: unknown) => s === true || (!!s && typeof s === 'object' && !Array.isArray(s) && Object.keys(s).every((k) => META.has(k)));

/**
 * The places under `schema` that accept anything: an empty schema (`{}`, `items: {}`), an object
 * with no properties (`z.object({}).passthrough()`), or one open to any extra property
 * (`additionalProperties: {}`, from `.passthrough()`). `$ref`s are followed once.
 */
export function untypedSpots(schema: unknown, components: Record<string, unknown>, at = '', seen = new Set<string>()): string[] {
  if (isAny(schema)) return [at || '(root)'];
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    seen.add(name);
    return untypedSpots(components[name], components, `${at}→${name}`, seen);
  }
  const out: string[] = [];
  const props = s.properties as Record<string, unknown> | undefined;
  if (s.type === 'object' && !props && (s.additionalProperties === undefined || isAny(s.additionalProperties))) out.push(`${at} (open object)`);
  else if (props && isAny(s.additionalProperties)) out.push(`${at}.additionalProperties`);
  for (const k of ['items', 'not']) if (s[k] !== undefined) out.push(...untypedSpots(s[k], components, `${at}.${k}`, seen));
  if (s.additionalProperties && !isAny(s.additionalProperties)) out.push(...untypedSpots(s.additionalProperties, components, `${at}.additionalProperties`, seen));
  for (const k of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) for (const [i, x] of ((s[k] as unknown[]) ?? []).entries()) out.push(...untypedSpots(x, components, `${at}.${k}[${i}]`, seen));
  for (const [k, v] of Object.entries(props ?? {})) out.push(...untypedSpots(v, components, `${at}.${k}`, seen));
  return out;
}

type Op = { requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

/** `METHOD /path` of every operation whose JSON request body or 2xx JSON response has an untyped spot, with the spots. */
export function untypedOperations(doc: { paths: Record<string, Record<string, Op>>; components?: { schemas?: Record<string, unknown> } }): Map<string, string[]> {
  const components = doc.components?.schemas ?? {};
  const out = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const spots: string[] = [];
      for (const [ct, c] of Object.entries(op.requestBody?.content ?? {})) if (ct.includes('json')) spots.push(...untypedSpots(c.schema, components, 'body').map((x) => x));
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        if (!status.startsWith('2')) continue;
        for (const [ct, c] of Object.entries(r.content ?? {})) if (ct.includes('json')) spots.push(...untypedSpots(c.schema, components, status));
      }
      if (spots.length) out.set(`${method.toUpperCase()} ${path}`, spots);
    }
  }
  return out;
}
