/**
 * The fuzz generator's randomness and its catalogue of hostile values. Everything random comes from
 * one seeded PRNG (mulberry32), so a run is replayed with the same FUZZ_SEED.
 */
import { localToday, nowIso } from '../../../src/platform/clock.ts';
import { deref, type OpenApiDoc, type Schema } from '../../helpers/fuzz.ts';

/** A small seeded PRNG with the helpers the generator needs. */
export class Rng {
  private s: number;
  constructor(readonly seed: number) { this.s = seed >>> 0; }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
  uuid(): string {
    const h = () => this.int(16).toString(16);
    const part = (n: number) => Array.from({ length: n }, h).join('');
    return `${part(8)}-${part(4)}-4${part(3)}-${'89ab'[this.int(4)]}${part(3)}-${part(12)}`;
  }
}

const MB = 1024 * 1024;
/** The 1 MB string, built once. */
export const ONE_MB = 'Đ'.repeat(MB / 2);
/** A marker a page must never echo unescaped. */
export const XSS = '<script>alert("fz")</script>';

/** Hostile strings by family (the family names go into the figures). */
export const NASTY: Record<string, readonly string[]> = {
  empty: ['', ' ', '\t\n', '\u00a0'],
  control: ['a\u0001b\u001bc\u007f', '\r\n\r\nX-Injected: 1', '\u0008\u000b\u000c', 'dòng 1\rdòng 2'],
  nul: ['\u0000', 'ab\u0000cd', 'tên\u0000.pdf'],
  surrogate: ['\ud800', 'a\udfffb', '\udc00\ud800', '👍🏽'],
  vietnamese: ['Ho\u0300a Bi\u0300nh', 'Hòa Bình', 'Nguye\u0302\u0303n Đư\u0301c', 'Nguyễn Đức', 'ĐĐĐ đđđ Ơ Ư', 'Tiê\u0301p công dân'],
  unicode: ['\u202eevil', 'a\u200bb', '\ufeffBOM', 'İıſK', '𝔘𝔫𝔦', '٣١٢', '１２３'],
  date: ['30/02/2026', '31/04/2026', '29/02/2027', '00/01/2026', '32/13/2026', '2026-02-30', '1/1/1', '99/99/9999', '01/01/0000', '31/12/275760', '13/13/13'],
  number: ['-1', '0', '-0', '1e308', '1e999', 'NaN', 'Infinity', '9007199254740993', '2147483648', '-2147483649', '0x10', '1,5', '3.14', '١٢'],
  traversal: ['../../etc/passwd', '..%2f..%2fetc%2fpasswd', '....//....//x', '/etc/passwd', 'C:\\Windows\\win.ini', 'x%00.pdf', '..\\..\\boot.ini'],
  sql: ["' OR 1=1 --", '"; DROP TABLE users; --', '\\', "%' OR '%'='", '_%_', "1'; SELECT pg_sleep(1); --", 'x) UNION SELECT * FROM sessions --'],
  fts: ['"không đóng', 'NEAR(a b)', 'a AND OR NOT', '*', '-x', '^đầu', 'col:giá trị', '(((', 'a OR', '""'],
  markup: [XSS, '"><img src=x onerror=alert(1)>', '{{7*7}}', '${7*7}', '<!--', ']]>'],
  long: ['x'.repeat(256), 'ệ'.repeat(5000), 'a '.repeat(20_000)],
};
const FAMILIES = Object.keys(NASTY);

/** A hostile string: mostly from the catalogue, sometimes 1 MB. Returns the family too. */
export function nastyString(rng: Rng): { family: string; value: string } {
  if (rng.chance(0.004)) return { family: 'megabyte', value: ONE_MB };
  const family = rng.pick(FAMILIES);
  return { family, value: rng.pick(NASTY[family]) };
}

/** A hostile path segment (an id): traversal, SQL, a random UUID, or an encoded oddity. */
export function nastyId(rng: Rng): string {
  const v = rng.pick(['uuid', 'uuid', 'traversal', 'sql', 'number', 'unicode', 'nul', 'long'] as const);
  if (v === 'uuid') return rng.uuid();
  if (v === 'nul') return '%00';
  if (v === 'long') return 'a'.repeat(5000);
  return encodeURIComponent(rng.pick(NASTY[v]));
}

/** A value of a JSON type other than the usual string: the wrong types. */
export function wrongType(rng: Rng): unknown {
  return rng.pick<() => unknown>([
    () => null, () => true, () => 0, () => -1, () => 1e308, () => Number.MAX_SAFE_INTEGER + 2, () => [], () => ['a', 1, null],
    () => ({}), () => ({ nested: { deeper: [1, { x: 'y' }] } }), () => 3.5, () => '', () => [[[[[[[[[[[]]]]]]]]]]],
  ])();
}

const today = () => localToday();

/** A plausible value for an OpenAPI schema (so that other fields' errors are the ones hit). */
export function plausible(doc: OpenApiDoc, schema: Schema | undefined, rng: Rng, depth = 0): unknown {
  const s = deref(doc, schema) ?? {};
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return plausible(doc, rng.pick(alt), rng, depth);
  if (s.allOf?.length) return plausible(doc, s.allOf[0], rng, depth);
  if (s.enum?.length) return rng.pick(s.enum);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'integer': return (s.minimum ?? 0) + rng.int(Math.max(1, Math.min(100, (s.maximum ?? 100) - (s.minimum ?? 0))));
    case 'number': return (s.minimum ?? 0) + rng.next() * 10;
    case 'boolean': return rng.chance(0.5);
    case 'array': return depth > 3 ? [] : Array.from({ length: rng.int(3) }, () => plausible(doc, s.items, rng, depth + 1));
    case 'object': return depth > 3 ? {} : Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, plausible(doc, v, rng, depth + 1)]));
    default:
      if (s.format === 'uuid') return rng.uuid();
      if (s.format === 'date' || /date/i.test(s.pattern ?? '')) return today();
      if (s.format === 'date-time') return nowIso();
      return rng.pick(['Văn bản thử', 'Nguyễn Văn A', 'x', today()]);
  }
}
