import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'node:test';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db, Dialect } from '../../src/platform/db/index.ts';
import { seedDemo } from '../../src/seed.ts';
import { createTestDb, dialects } from './db.ts';
import { nowMs } from '../../src/platform/clock.ts';

export { dialects };

/** The demo accounts' password in tests. */
import { TEST_PASSWORD } from './password.ts';

export { TEST_PASSWORD };

/** Declares one `describe` per dialect, so every integration test runs on SQLite and PostgreSQL. */
export function forEachDialect(title: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of dialects) describe(`${title} [${dialect}]`, () => fn(dialect));
}

/** A tiny browser over `app.request`: keeps cookies, sends the CSRF token with forms, never follows redirects. */
export class Agent {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: App, readonly username?: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Any request, with the kept cookies; stores the cookies the response sets or clears. */
  async request(p: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(p, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v = ''] = a.trim().split('=');
        if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k.toLowerCase() === 'expires') return Date.parse(v) <= nowMs();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(p: string, headers?: Record<string, string>): Promise<Response> {
    return this.request(p, { headers });
  }

  /** The CSRF token (the `coso_csrf` cookie), fetched with a GET first when absent. */
  async csrf(): Promise<string> {
    if (!this.cookies.has('coso_csrf')) await this.get('/login');
    const tok = this.cookies.get('coso_csrf');
    if (!tok) throw new Error('the app set no coso_csrf cookie');
    return decodeURIComponent(tok);
  }

  /** Posts a urlencoded form with `_csrf` added (unless the form already has one). */
  async post(p: string, form: Record<string, string>, opts: { method?: string } = {}): Promise<Response> {
    const body = new URLSearchParams({ _csrf: await this.csrf(), ...form });
    return this.request(p, { method: opts.method ?? 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Sends JSON (cookies kept; pass `bearer` for /api routes). */
  postJson(p: string, body: unknown, opts: { method?: string; bearer?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
    return this.request(p, { method: opts.method ?? 'POST', body: JSON.stringify(body), headers });
  }

  /** Signs in through the form; the response is returned (303 on success). */
  login(username: string, password = TEST_PASSWORD): Promise<Response> {
    return this.post('/login', { username, password });
  }

  logout(): Promise<Response> {
    return this.post('/logout', {});
  }
}

export interface TestApp {
  app: App;
  db: Db;
  dialect: Dialect;
  config: Config;
  /** A new anonymous agent. */
  agent(): Agent;
  /** A new agent signed in as the user (password TEST_PASSWORD). */
  as(username: string): Promise<Agent>;
  /** An API Bearer token for the user. */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh migrated database of the dialect, seeded with the Gia Lai demo data unless `seed: false`, and the app over it. */
export async function createTestApp(dialect: Dialect, opts: { seed?: boolean } = {}): Promise<TestApp> {
  const testDb = await createTestDb(dialect, { seeded: opts.seed !== false });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-data-'));
  const close = async () => {
    await testDb.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { db } = testDb.handle;
    if (opts.seed !== false && !testDb.seeded) await seedDemo(db, { provinceCode: '52', demoPassword: TEST_PASSWORD });
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PROVINCE_CODE: '52' });
    const app = buildApp({ db, dialect, config });
    return {
      app, db, dialect, config, close,
      agent: () => new Agent(app),
      async as(username) {
        const a = new Agent(app, username);
        const res = await a.login(username);
        if (res.status !== 303) throw new Error(`login as ${username} failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
        return a;
      },
      async token(username) {
        const res = await app.request('/api/v1/auth/token', {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }),
        });
        if (res.status !== 200) throw new Error(`token for ${username} failed: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { token: string }).token;
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}
