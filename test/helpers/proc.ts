/**
 * Real server processes for durability tests: `node --import tsx src/server.ts` over a data folder
 * and database the test owns, so it can be killed with SIGKILL and started again on the same data,
 * or run twice on one PostgreSQL database. Each start pins COSO_NOW to this process's clock (plus
 * `shiftMs`), so a restarted server's clock goes on from where the test is, not from the run's start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../../e2e/helpers/server.ts';
import { nowMs } from '../../src/platform/clock.ts';
import type { Dialect } from '../../src/platform/db/index.ts';
import { TEST_PASSWORD } from './password.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where a server's data lives: a data folder, and a PostgreSQL URL on that dialect. */
export interface Store { dialect: Dialect; dataDir: string; databaseUrl?: string; drop(): Promise<void> }

/** Runs one statement on the run's PostgreSQL cluster (CREATE / DROP DATABASE). */
export async function pgAdmin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.COSO_TEST_PG_URL });
  await client.connect();
  try { await client.query(sqlText); } finally { await client.end(); }
}

/** A fresh copy of the run's demo-seeded database (SQLite file in a new data folder, or a new PostgreSQL database), or an empty one. */
export async function createStore(dialect: Dialect, opts: { empty?: boolean } = {}): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-proc-'));
  if (dialect === 'sqlite') {
    const tpl = process.env.COSO_TEST_SQLITE_TEMPLATE;
    if (!opts.empty && tpl) fs.copyFileSync(tpl, path.join(dataDir, 'coso.sqlite'));
    return { dialect, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `coso_p_${randomBytes(6).toString('hex')}`;
  const tpl = process.env.COSO_TEST_PG_TEMPLATE;
  await pgAdmin(!opts.empty && tpl ? `CREATE DATABASE ${name} TEMPLATE ${tpl}` : `CREATE DATABASE ${name}`);
  const url = new URL(process.env.COSO_TEST_PG_URL!);
  url.pathname = `/${name}`;
  return {
    dialect, dataDir, databaseUrl: url.toString(),
    drop: async () => { await pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); fs.rmSync(dataDir, { recursive: true, force: true }); },
  };
}

export interface ServerProc {
  url: string;
  pid: number;
  output(): string;
  /** SIGKILL to the whole process group, resolved once it is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (SIGKILL after 5 s), resolved once it is gone. */
  stop(): Promise<void>;
}

/** Starts the real server on the store and waits for /healthz. */
export async function startProc(store: Store, opts: { env?: Record<string, string>; shiftMs?: number; timeoutMs?: number } = {}): Promise<ServerProc> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: store.dataDir, DEMO_PASSWORD: TEST_PASSWORD,
    COSO_NOW: new Date(nowMs() + (opts.shiftMs ?? 0)).toISOString(), ...opts.env,
  };
  delete env.COSO_CLOCK;
  if (store.databaseUrl) env.DATABASE_URL = store.databaseUrl; else delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  let gone = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => { gone = true; resolve(); }));
  const signal = (sig: NodeJS.Signals) => { try { process.kill(-child.pid!, sig); } catch { /* already gone */ } };
  const onExit = () => signal('SIGKILL');
  process.once('exit', onExit);
  void exit.then(() => process.off('exit', onExit));
  const kill9 = async () => { signal('SIGKILL'); await exit; };
  const stop = async () => {
    if (gone) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
  for (;;) {
    if (gone) throw new Error(`the server exited before it was ready:\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await kill9(); throw new Error(`no /healthz within the time allowed:\n${out}`); }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, pid: child.pid!, output: () => out, kill9, stop };
}

/** A cookie-keeping client for a running server's pages (sends the CSRF token with forms). */
export class WebClient {
  private readonly jar = new Map<string, string>();
  constructor(public base: string) {}

  async fetch(p: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${this.base}${p}`, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const v = pair.slice(eq + 1).trim();
      if (v && !/max-age=0/i.test(line)) this.jar.set(pair.slice(0, eq).trim(), v); else this.jar.delete(pair.slice(0, eq).trim());
    }
    return res;
  }

  /** Posts a urlencoded form with the CSRF token. */
  async post(p: string, form: Record<string, string>): Promise<Response> {
    if (!this.jar.has('coso_csrf')) await (await this.fetch('/login')).arrayBuffer();
    const body = new URLSearchParams({ _csrf: decodeURIComponent(this.jar.get('coso_csrf') ?? ''), ...form });
    return this.fetch(p, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Signs in; throws unless the server answers 303. */
  async login(username: string): Promise<this> {
    const r = await this.post('/login', { username, password: TEST_PASSWORD });
    await r.arrayBuffer();
    if (r.status !== 303) throw new Error(`login ${username}: ${r.status}`);
    return this;
  }
}

/** An API token for a demo user from a running server. */
export async function apiToken(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
  if (r.status !== 200) throw new Error(`token ${username}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}
