/**
 * Helpers of the English crawl (test/platform/english.heavy.test.ts): the visible text of an HTML
 * page, the phrases of a text, Vietnamese letters, and the allow-list of legitimately Vietnamese
 * data read from the seeded database itself (unit names, people, titles, document numbers).
 */
import type { Db } from '../../src/platform/db/index.ts';
import { sql } from 'kysely';
import { sealer } from '../../src/platform/crypto/index.ts';

/** The plain text of a sealed column (people's identities, shown to those allowed), or the value itself. */
function unsealed(column: string, v: string): string {
  if (!column.endsWith('_sealed')) return v;
  try {
    return sealer().open(v);
  } catch {
    return v;
  }
}

/** A letter only Vietnamese uses here (a letter with a diacritic of the Vietnamese alphabet, or đ). */
export const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

const decode = (s: string) => s
  .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');

/** The text a reader sees or hears: text nodes, and the title, alt, placeholder and aria-label attributes (no scripts or styles). */
export function visibleTexts(html: string): string[] {
  const body = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ')
    // text marked as another language (the language switch names each language in itself)
    .replace(/<(\w+)\b[^>]*\slang="(?!en")[^"]*"[^>]*>[\s\S]*?<\/\1>/g, ' ');
  const out: string[] = [];
  for (const m of body.matchAll(/\s(?:title|alt|placeholder|aria-label)="([^"]*)"/g)) out.push(decode(m[1]));
  for (const m of body.matchAll(/<input\b[^>]*type="(?:submit|button)"[^>]*>/g)) {
    const v = /\svalue="([^"]*)"/.exec(m[0]);
    if (v) out.push(decode(v[1]));
  }
  for (const m of body.matchAll(/>([^<]+)</g)) {
    const s = decode(m[1]).trim();
    if (s) out.push(s);
  }
  return out;
}

/** Cuts a text into phrases at punctuation, digits and line breaks (the same cut for pages and data). */
export function phrases(text: string): string[] {
  return text.normalize('NFC').split(/[\n\r\t·•|—–:;,.()[\]{}"“”'‘’«»/…!?+*=<>%#№§\d]+|\s-\s/).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
}

/** Tables whose text is not data a user entered or imported: sessions, the audit chain, and language files (a copy of the UI strings). */
const NOT_DATA = new Set(['sessions', 'locales', 'login_attempts', 'job_leases', 'kysely_migration', 'kysely_migration_lock']);

/** Every Vietnamese text stored in the seeded database (SQLite), whole and cut into phrases, except in tables that are not data. */
export async function dataTexts(db: Db): Promise<{ whole: Set<string>; phrases: Set<string> }> {
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name);
  const out = new Set<string>();
  const whole = new Set<string>();
  for (const table of tables) {
    if (NOT_DATA.has(table) || table.startsWith('sqlite_')) continue;
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        const v = unsealed(column, value);
        for (const x of [v, jsonText(v)].filter((y) => VIETNAMESE.test(y)).flatMap((y) => [y, y.toLocaleUpperCase('vi')])) {
          whole.add(x.normalize('NFC').trim());
          for (const p of phrases(x)) out.add(p);
        }
      }
    }
  }
  return { whole, phrases: out };
}

/** The string values inside a JSON text (data kept as JSON, e.g. a report's sections), or '' when it is not JSON. */
function jsonText(v: string): string {
  if (!/^[[{]/.test(v)) return '';
  try {
    const acc: string[] = [];
    const walk = (x: unknown): void => {
      if (typeof x === 'string') acc.push(x);
      else if (x && typeof x === 'object') for (const y of Object.values(x)) walk(y);
    };
    walk(JSON.parse(v));
    return acc.join('\n');
  } catch {
    return '';
  }
}

/** A Vietnamese document symbol (QĐ-UBND, NĐ-CP, QĐ-BCĐ, QĐ-TTg of the Prime Minister): part of a legal document number. */
export const DOCUMENT_SYMBOL = /^[A-ZĐ]+(?:-(?:[A-ZĐ]+|TTg))*$/;

const LEGAL_KEY = /^(law|legalBasis|basis|related|source|sources)$|BASIS$/;

/**
 * The legal citations of the laws kept as data in src/domain (every `law`, `legalBasis`, `basis`,
 * `related` and `source` value, and exported `*_BASIS` constants), cut into phrases: citations of
 * Vietnamese legal texts are shown as the texts name themselves. A lone lower-case word ("ngày",
 * "khoản") is left out, so that a citation cannot excuse ordinary words.
 */
export async function legalPhrases(domainFiles: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const seen = new Set<unknown>();
  const collect = (x: unknown, legal: boolean, depth: number): void => {
    if (depth > 8 || x === null || seen.has(x)) return;
    if (typeof x === 'string') {
      if (legal && VIETNAMESE.test(x)) for (const p of phrases(x)) if (/\s/.test(p) || /^\p{Lu}/u.test(p)) out.add(p);
      return;
    }
    if (typeof x !== 'object') return;
    seen.add(x);
    for (const [k, v] of Object.entries(x)) collect(v, legal || LEGAL_KEY.test(k), depth + 1);
  };
  for (const f of domainFiles) collect(await import(f), false, 0);
  return out;
}

/**
 * Whether every Vietnamese word of a phrase lies inside a run of words that is itself an allowed
 * phrase (data named inside an English sentence: "Phường Pleiku informs you that …").
 */
export function covered(phrase: string, allowed: (p: string) => boolean): boolean {
  if (allowed(phrase)) return true;
  const words = phrase.split(' ');
  const ok = words.map((w) => !VIETNAMESE.test(w));
  for (let i = 0; i < words.length; i++) {
    for (let j = Math.min(words.length, i + 64); j > i; j--) {
      if (!allowed(words.slice(i, j).join(' '))) continue;
      for (let k = i; k < j; k++) ok[k] = true;
      break;
    }
  }
  return ok.every(Boolean);
}
