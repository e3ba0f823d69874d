import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_PASSWORD } from '../../test/helpers/password.ts';

export { TEST_PASSWORD };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  url: string;
  port: number;
  /** The server's process id (for pinning it to a core in benchmarks). */
  pid: number;
  dataDir: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server (`node --import tsx src/server.ts`) on a free port with a fresh data
 * folder holding a copy of the run's demo-seeded SQLite template (or, with `fresh`, empty, so the
 * server seeds it as a first `npm start` does; password TEST_PASSWORD), and waits
 * until /healthz answers. `stop()` kills its whole process group and removes the data folder.
 */
export async function startServer(opts: { env?: Record<string, string>; timeoutMs?: number; /** Seed at start like a first `npm start`, instead of copying the run's seeded template. */ fresh?: boolean; /** Another checkout to run (benchmarks comparing commits); this one by default. */ root?: string } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-e2e-'));
  const template = process.env.COSO_TEST_SQLITE_TEMPLATE;
  if (!opts.fresh && template && !opts.env?.DATABASE_URL) fs.copyFileSync(template, path.join(dataDir, 'coso.sqlite'));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_PASSWORD: TEST_PASSWORD, ...opts.env };
  if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: opts.root ?? root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  let exited: number | string | null = null;
  const exit = new Promise<void>((resolve) => child.on('exit', (code, sig) => { exited = code ?? sig ?? 'exit'; resolve(); }));

  const kill = (sig: NodeJS.Signals) => {
    try { process.kill(-child.pid!, sig); } catch { /* already gone */ }
  };
  const stop = async () => {
    if (exited === null) {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  // A test process that dies must not leave the server behind.
  const onExit = () => kill('SIGKILL');
  process.once('exit', onExit);
  exit.then(() => process.off('exit', onExit));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
  while (true) {
    if (exited !== null) {
      await stop();
      throw new Error(`the server exited (${exited}) before it was ready:\n${out}`);
    }
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /healthz within ${opts.timeoutMs ?? 90_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, pid: child.pid!, dataDir, output: () => out, stop };
}
