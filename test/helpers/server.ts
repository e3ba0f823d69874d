import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../src/platform/db/index.ts';

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A fresh empty database URL for a child server (PostgreSQL of the test run), or undefined for SQLite; and its drop. */
export async function childDatabase(dialect: Dialect): Promise<{ url?: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { drop: async () => {} };
  const base = process.env.COSO_TEST_PG_URL!;
  const name = `coso_srv_${randomBytes(5).toString('hex')}`;
  const admin = async (q: string) => { const c = new pg.Client({ connectionString: base }); await c.connect(); try { await c.query(q); } finally { await c.end(); } };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface Child { proc: ChildProcess; port: number; out: () => string; exited: Promise<number | null>; dataDir: string }

/**
 * Starts `node --import tsx src/server.ts` from `root` as production would (NODE_ENV=production,
 * secrets given), on a free port, and resolves once it listens.
 */
export async function startServer(root: string, env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<Child> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-srv-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, COSO_NOW: process.env.COSO_NOW, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir,
      SESSION_SECRET: randomBytes(24).toString('hex'), SEAL_KEYS: `v1:${randomBytes(32).toString('base64')}`, LOG_FORMAT: 'json', ...env,
    },
  });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  const started = Date.now();
  while (!/Coso đang chạy tại/.test(out)) {
    if (proc.exitCode !== null) throw new Error(`server exited ${proc.exitCode}: ${out}`);
    if (Date.now() - started > timeoutMs) { proc.kill('SIGKILL'); throw new Error(`server did not start in ${timeoutMs} ms: ${out}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, port, out: () => out, exited, dataDir };
}
