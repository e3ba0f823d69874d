import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/index.ts';
import type { Messages } from './index.ts';
import { citizenCoverage, LOCALE_CODE, localeFileSchema, usableMessages, type LocaleFile } from './locale-file.ts';
import './locales.tables.ts';

/** An additional language of the citizen pages, from a JSON file in the locales folder or an upload. */
export interface Locale {
  code: string;
  name: string;
  note: string | null;
  source: 'file' | 'upload';
  test: boolean;
  messages: Messages;
  unknown: string[];
  broken: string[];
  coverage: { translated: number; total: number; missing: string[] };
  /** Offered in the language switch: every citizen-page key is translated. */
  listed: boolean;
  updatedAt: string | null;
}

/** Builds a language from a checked file (unknown keys and strings with wrong placeholders are left out). */
export function toLocale(file: LocaleFile, source: Locale['source'], updatedAt: string | null): Locale {
  const u = usableMessages(file.messages);
  const coverage = citizenCoverage(u.messages);
  return {
    code: file.code, name: file.name, note: file.note ?? null, source, test: file.test === true,
    messages: u.messages, unknown: u.unknown, broken: u.broken, coverage, listed: coverage.missing.length === 0, updatedAt,
  };
}

/**
 * The additional languages: files (read once, at start) and uploads (in the database; cached per
 * process but checked against the row's `updated_at` on each use, so every process sees an upload).
 */
export class LocaleStore {
  private readonly uploads = new Map<string, Locale>();
  private loaded: Map<string, Locale> | undefined;
  readonly problems: string[] = [];
  private constructor(private readonly dir: string, private readonly env: string) {}

  /** Reads `<dir>/*.json` on first use (after every feature has registered its messages); test languages (`"test": true`) only outside production. */
  static fromDir(dir: string, env: string): LocaleStore {
    return new LocaleStore(dir, env);
  }

  private get files(): Map<string, Locale> {
    if (this.loaded) return this.loaded;
    const files = new Map<string, Locale>();
    const names = fs.existsSync(this.dir) ? fs.readdirSync(this.dir).filter((n) => n.endsWith('.json')).sort() : [];
    for (const n of names) {
      try {
        const r = localeFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(this.dir, n), 'utf8')));
        if (!r.success || `${r.data.code}.json` !== n) { this.problems.push(n); continue; }
        if (r.data.test && this.env === 'production') continue;
        files.set(r.data.code, toLocale(r.data, 'file', null));
      } catch { this.problems.push(n); }
    }
    this.loaded = files;
    return files;
  }

  /** One language by code (an upload wins over a file of the same code), or undefined. */
  async get(db: Db, code: string): Promise<Locale | undefined> {
    if (!LOCALE_CODE.test(code) || code === 'vi' || code === 'en') return undefined;
    const row = await db.selectFrom('locales').select(['updated_at']).where('code', '=', code).executeTakeFirst();
    return row ? this.upload(db, code, row.updated_at) : this.files.get(code);
  }

  /** Every additional language, by code. */
  async all(db: Db): Promise<Locale[]> {
    const rows = await db.selectFrom('locales').select(['code', 'updated_at']).execute();
    const out = new Map(this.files);
    for (const r of rows) {
      const l = await this.upload(db, r.code, r.updated_at);
      if (l) out.set(r.code, l);
    }
    return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  private async upload(db: Db, code: string, updatedAt: string): Promise<Locale | undefined> {
    const hit = this.uploads.get(code);
    if (hit && hit.updatedAt === updatedAt) return hit;
    const row = await db.selectFrom('locales').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) return undefined;
    const r = localeFileSchema.safeParse({ code: row.code, name: row.name, note: row.note ?? undefined, messages: JSON.parse(row.messages) });
    if (!r.success) return undefined;
    const l = toLocale(r.data, 'upload', row.updated_at);
    this.uploads.set(code, l);
    return l;
  }
}
