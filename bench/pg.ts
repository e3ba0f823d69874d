/** Helpers shared by the benchmarks that need PostgreSQL. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A throwaway PostgreSQL cluster (trust auth, loopback, durability off as in test/run.ts) for `--pg`. */
export async function startCluster(): Promise<{ url: string; stop(): void }> {
  const base = '/usr/lib/postgresql';
  const version = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error('--pg: no PostgreSQL under /usr/lib/postgresql');
  const bin = (name: string) => path.join(base, version, 'bin', name);
  const isRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const r = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${path.basename(cmd)}: ${r.stderr || r.stdout}`);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-bench-pg-'));
  fs.chmodSync(dir, 0o755);
  if (isRoot) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    fs.chownSync(dir, id('-u'), id('-g'));
  }
  const data = path.join(dir, 'data');
  run(bin('initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await new Promise<number>((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); }); });
  const opts = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`, '-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off', '-c max_connections=300'].join(' ');
  run(bin('pg_ctl'), ['-D', data, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', '-o', opts, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => { try { run(bin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']); } finally { fs.rmSync(dir, { recursive: true, force: true }); } },
  };
}
