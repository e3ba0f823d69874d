/**
 * Builds one hostile request for a fuzz target from the seeded PRNG: the path (a real id most of the
 * time), the user (anonymous or allowed), the fields (from the page's form or the OpenAPI schema)
 * mutated by one of the strategies, and the encoding (including wrong and broken ones).
 */
import type { Form, FormField } from '../../helpers/fuzz.ts';
import type { Target } from './surface.ts';
import { nastyId, nastyString, plausible, wrongType, type Rng } from './values.ts';
import type { OpenApiDoc } from '../../helpers/fuzz.ts';
import { formatDate } from '../../../src/platform/i18n/index.ts';
import { localToday } from '../../../src/platform/clock.ts';

export type FuzzRequest = {
  target: Target;
  method: string;
  url: string;
  /** `null`: anonymous. */
  user: string | null;
  /** What was done, for the figures and for a failure report: `strategy/encoding/family`. */
  kind: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
};

/** The CSRF token every fuzzing agent holds in its `coso_csrf` cookie (any well-formed token is accepted). */
export const CSRF = 'fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuz';

const STRATEGIES = ['one', 'one', 'one', 'all', 'missing', 'extra', 'duplicate', 'types', 'valid', 'valid'] as const;
type Pair = [string, string];

/** A sensible value for a form field: its own value, an option, or text fitting its name. */
function sensible(f: FormField, rng: Rng): string {
  if (f.options.length) return rng.pick(f.options);
  if (f.value) return f.value;
  if (/date|ngay|from|until|deadline|^to$/i.test(f.name) || f.type === 'date') return formatDate(localToday());
  if (f.type === 'number' || /count|number|year|quantity|total|votes|^n[A-Z]/.test(f.name)) return String(1 + rng.int(50));
  if (f.type === 'email') return 'thu.nghiem@example.vn';
  return rng.pick(['Nội dung thử nghiệm', 'Nguyễn Văn Bình', 'Hòa Bình', 'Đơn kiến nghị về đường làng']);
}

/** Mutates a list of fields by the strategy; returns the pairs to send and the hostile family used. */
function mutate(names: string[], base: (n: string) => unknown, rng: Rng, strategy: (typeof STRATEGIES)[number], typed: boolean): { pairs: [string, unknown][]; family: string } {
  let family = 'none';
  const nasty = () => { const n = nastyString(rng); family = n.family; return n.value; };
  const pairs: [string, unknown][] = names.map((n) => [n, base(n)]);
  if (!pairs.length) pairs.push(['khongCoTruongNay', nasty()]);
  const i = rng.int(pairs.length);
  switch (strategy) {
    case 'one': pairs[i][1] = nasty(); break;
    case 'all': for (const p of pairs) p[1] = nasty(); break;
    case 'missing': return { pairs: pairs.filter(() => rng.chance(0.4)), family: 'missing' };
    case 'extra': pairs.push([rng.pick(['khongCoTruongNay', '__proto__', 'constructor', 'id', 'unitId', 'status', 'createdBy', `${pairs[i][0]}[]`]), nasty()]); break;
    case 'duplicate': pairs.splice(i, 0, [pairs[i][0], nasty()]); break;
    case 'types': pairs[i][1] = typed ? wrongType(rng) : rng.pick(['[object Object]', 'true', 'null', '-1e308', '[]']); family = 'types'; break;
    case 'valid': break;
  }
  return { pairs, family };
}

const CT = { form: 'application/x-www-form-urlencoded', json: 'application/json' };

/** A multipart body by hand (so it can be cut short); file inputs get a small file with a hostile name. */
function multipart(pairs: Pair[], files: string[], rng: Rng, truncate: boolean): { body: Uint8Array<ArrayBuffer>; type: string } {
  const b = `----fz${rng.int(1e9)}`;
  const parts = pairs.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '%22')}"\r\n\r\n${v}\r\n`);
  for (const f of files) {
    const name = rng.pick(['../../etc/passwd', '..\\..\\x.pdf', 'a"b.pdf', 'tên tệp\u0000.pdf', 'x'.repeat(300) + '.pdf', '.htaccess', 'ảnh.jpg']);
    const content = rng.pick(['%PDF-1.4\n%fuzz\n', 'MZ\u0090\u0000 not a pdf', '<svg onload=alert(1)>', '']);
    parts.push(`--${b}\r\nContent-Disposition: form-data; name="${f}"; filename="${name}"\r\nContent-Type: ${rng.pick(['application/pdf', 'image/png', 'text/html'])}\r\n\r\n${content}\r\n`);
  }
  let text = `${parts.join('')}--${b}--\r\n`;
  if (truncate) text = text.slice(0, Math.max(10, rng.int(text.length - 4)));
  return { body: new TextEncoder().encode(text), type: `multipart/form-data; boundary=${b}` };
}

/** The path with its parameters filled: a real URL most of the time, hostile ids otherwise. */
function pathOf(t: Target, rng: Rng): string {
  if (t.real.length && rng.chance(0.8)) return rng.pick(t.real);
  return t.path.replace(/:\w+(\{[^}]*\})?/g, () => nastyId(rng));
}

function pageRequest(t: Target, rng: Rng, r: FuzzRequest): FuzzRequest {
  const form: Form | undefined = t.forms.length ? rng.pick(t.forms) : undefined;
  const fields = new Map((form?.fields ?? []).map((f) => [f.name, f]));
  const strategy = rng.pick(STRATEGIES);
  const files = [...fields.values()].filter((f) => f.type === 'file').map((f) => f.name);
  const { pairs, family } = mutate([...fields.keys()].filter((n) => !files.includes(n)), (n) => sensible(fields.get(n)!, rng), rng, strategy, false);
  const strs = pairs.map(([k, v]): Pair => [k, String(v)]);
  if (t.method === 'GET') return { ...r, url: `${r.url}?${new URLSearchParams(strs)}`, kind: `${strategy}/query/${family}` };
  const roll = rng.next();
  const csrf = roll < 0.015 ? [] : [['_csrf', roll < 0.03 ? CSRF.replace(/f/g, 'g') : CSRF] as Pair];
  strs.unshift(...csrf);
  let enc: string;
  if (form?.multipart || roll > 0.94) {
    enc = rng.chance(0.08) ? 'truncated-multipart' : 'multipart';
    const m = multipart(strs, files, rng, enc === 'truncated-multipart');
    return { ...r, body: m.body, headers: { ...r.headers, 'content-type': m.type }, kind: `${strategy}/${enc}/${family}` };
  }
  if (roll > 0.9) {
    enc = rng.pick(['json', 'text/plain', 'none', 'xml', 'utf-16', 'bad-percent']);
    const body = enc === 'json' ? JSON.stringify(Object.fromEntries(strs)) : enc === 'bad-percent' ? `a=%E0%A4%A&%zz=%&&==&b=%FF%FE&${new URLSearchParams(strs)}` : new URLSearchParams(strs).toString();
    const type = { json: CT.json, 'text/plain': 'text/plain', none: '', xml: 'application/xml', 'utf-16': `${CT.form}; charset=utf-16`, 'bad-percent': CT.form }[enc]!;
    return { ...r, body, headers: type ? { ...r.headers, 'content-type': type } : r.headers, kind: `${strategy}/${enc}/${family}` };
  }
  return { ...r, body: new URLSearchParams(strs).toString(), headers: { ...r.headers, 'content-type': CT.form }, kind: `${strategy}/form/${family}` };
}

function apiRequest(t: Target, rng: Rng, r: FuzzRequest, doc: OpenApiDoc): FuzzRequest {
  const props = t.schema?.properties ?? {};
  const strategy = rng.pick(STRATEGIES);
  const { pairs, family } = mutate(Object.keys(props), (n) => plausible(doc, props[n], rng), rng, strategy, true);
  const roll = rng.next();
  let body: string;
  let enc = 'json';
  if (strategy === 'duplicate') body = `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
  else body = JSON.stringify(Object.fromEntries(pairs));
  if (roll > 0.9) {
    enc = rng.pick(['malformed', 'not-object', 'form', 'text/plain', 'empty', 'truncated-multipart', 'deep']);
    if (enc === 'truncated-multipart') {
      const m = multipart(pairs.map(([k, v]): Pair => [k, String(v)]), ['file'], rng, true);
      return { ...r, body: m.body, headers: { ...r.headers, 'content-type': m.type }, kind: `${strategy}/${enc}/${family}` };
    }
    body = { malformed: body.slice(0, Math.max(1, rng.int(body.length))), 'not-object': rng.pick(['"chuỗi"', '[1,2]', 'null', '42', 'true']), form: new URLSearchParams(pairs.map(([k, v]) => [k, String(v)])).toString(), 'text/plain': body, empty: '', deep: `${'['.repeat(5000)}${']'.repeat(5000)}` }[enc]!;
  }
  const type = enc === 'form' ? CT.form : enc === 'text/plain' ? 'text/plain' : CT.json;
  return { ...r, body, headers: { ...r.headers, 'content-type': type }, kind: `${strategy}/${enc}/${family}` };
}

/** One generated request for the target. */
export function generate(t: Target, rng: Rng, doc: OpenApiDoc): FuzzRequest {
  const anonymous = t.users.length === 0 || rng.chance(t.permission === 'public' ? 0.5 : 0.15);
  let url = pathOf(t, rng);
  if (rng.chance(0.05)) url += `?${rng.pick(['lang=vi&lang=en', 'unitId=x&unitId=y', 'page=-1&page=99999999999', 'lang=%00', 'next=//evil.example'])}`;
  const r: FuzzRequest = { target: t, method: t.method, url, user: anonymous ? null : rng.pick(t.users), kind: '', headers: { 'x-forwarded-for': `198.51.${rng.int(256)}.${rng.int(256)}` } };
  return t.api ? apiRequest(t, rng, r, doc) : pageRequest(t, rng, r);
}
