/**
 * The request pipeline against its limit (issue 14): the real server (`node --import tsx src/server.ts`,
 * fresh data folder, demo data) and a bare node:http server answering the very same bytes
 * (bench/bare-server.mjs), driven by autocannon in this process. The servers are pinned to core 0 and
 * autocannon to core 1 with `taskset` when it is there (otherwise a note says the figures are unpinned).
 * Runs alternate bare / Coso per route, so drift hits both; the ratio is Coso ÷ bare in this run.
 *
 *   npm run bench -- http                              SQLite, 50 connections, 2 rounds of 5 s per side
 *   npm run bench -- http --quick                      development: 1 round of 2 s
 *   … --seconds N --rounds N --connections N --only healthz,units
 *   … --against REF                                    also run commit REF's server (git archive to a temp folder) in the same
 *                                                      run, alternating with this one: before/after figures that share one baseline
 *   COSO_BENCH_PG_URL=postgres://… npm run bench -- http   PostgreSQL (an empty database); --pg starts a throwaway cluster
 *
 * The last line is the figures as JSON (for notes and CI). Speed is asserted here, never in tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { startServer, TEST_PASSWORD } from '../e2e/helpers/server.ts';
import { startCluster } from './pg.ts';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const quick = argv.includes('--quick');
const SECONDS = arg('seconds', quick ? 2 : 5);
const ROUNDS = arg('rounds', quick ? 1 : 2);
const CONNECTIONS = arg('connections', 50);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
const log = (s: string) => process.stdout.write(`${s}\n`);
const dir = path.dirname(fileURLToPath(import.meta.url));

// ---- pinning ---------------------------------------------------------------------------------
const hasTaskset = spawnSync('taskset', ['-V'], { encoding: 'utf8' }).status === 0;
const canPin = hasTaskset && os.cpus().length >= 2;
/** Pins every thread of a process to one core; false when that is not possible here. */
function pin(pid: number, core: number): boolean {
  if (!canPin) return false;
  return spawnSync('taskset', ['-a', '-cp', String(core), String(pid)], { encoding: 'utf8' }).status === 0;
}

// ---- the server under test ---------------------------------------------------------------------
const cluster = !process.env.COSO_BENCH_PG_URL && argv.includes('--pg') ? await startCluster() : null;
const pgUrl = process.env.COSO_BENCH_PG_URL ?? cluster?.url;

/** A client keeping cookies, for setting up the data the routes show. */
class Client {
  cookies = new Map<string, string>();
  constructor(private readonly base: string) {}
  async req(p: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const r = await fetch(this.base + p, { ...init, headers, redirect: 'manual' });
    for (const line of r.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return r;
  }
  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  async login(username: string): Promise<this> {
    await this.req('/login');
    const csrf = this.cookies.get('coso_csrf');
    if (!csrf) throw new Error('no coso_csrf cookie from /login');
    const r = await this.req('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: decodeURIComponent(csrf), username, password: TEST_PASSWORD }) });
    if (r.status !== 303 || !this.cookies.get('coso_sid')) throw new Error(`login ${username}: ${r.status}`);
    return this;
  }
}

async function json<T>(r: Response | Promise<Response>, want = 200): Promise<T> {
  const res = await r;
  const body = await res.text();
  if (res.status !== want) throw new Error(`${res.url}: ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}
interface Route { name: string; path: string; headers: Record<string, string>; goal: number | null }

/** Demo data for the routes on one server (50 tasks, a petition) and the routes with their ids and credentials. */
async function prepare(base: string): Promise<Route[]> {
  async function token(username: string): Promise<string> {
    return (await json<{ token: string }>(fetch(`${base}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) }))).token;
  }
  const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });

  // Tokens and sessions of the demo accounts the routes need.
  const coordinatorToken = await token('demo.coordinator');
  const villageToken = await token('demo.village.head');
  const communeToken = await token('demo.commune');
  const village = await new Client(base).login('demo.village.head');
  const commune = await new Client(base).login('demo.commune');
  const coordinator = await new Client(base).login('demo.coordinator');

  // 50 tasks of the village head's own unit: the staff task list shows exactly these.
  const me = await json<{ roles: { unitId: string }[] }>(fetch(`${base}/api/v1/me`, { headers: bearer(villageToken) }));
  const villageUnit = me.roles[0].unitId;
  const existing = (await json<{ items: unknown[]; next?: string | null }>(fetch(`${base}/api/v1/tasks?limit=200`, { headers: bearer(villageToken) }))).items.length;
  for (let i = existing; i < 50; i++) {
    await json(fetch(`${base}/api/v1/tasks`, { method: 'POST', headers: { ...bearer(villageToken), 'content-type': 'application/json' }, body: JSON.stringify({ title: `Nhiệm vụ thử tải số ${i + 1}: vận động bà con tổ ${i % 7} làm đường`, unitId: villageUnit, dueOn: '2031-12-31' }) }), 201);
  }

  // One public petition to Phường Pleiku: its tracking page (citizen) and its case page (staff).
  const units = await json<{ items: { id: string; code: string | null; kind: string }[] }>(fetch(`${base}/api/v1/units?q=pleiku`, { headers: bearer(coordinatorToken) }));
  const pleiku = units.items.find((u) => u.code === '23575' && u.kind === 'commune-committee');
  if (!pleiku) throw new Error('Phường Pleiku not found');
  const ack = await json<{ trackingCode: string; accessKey: string }>(fetch(`${base}/api/v1/public/petitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ senderName: 'Nguyễn Văn Thử', senderAddress: 'Tổ 3, Phường Pleiku', anonymous: false, addressedUnitId: pleiku.id, title: 'Đèn đường hỏng', content: 'Đèn đường ở tổ 3 hỏng đã hai tuần, đề nghị sửa chữa.' }) }), 201);
  const cases = await json<{ items: { id: string; trackingCode: string }[] }>(fetch(`${base}/api/v1/petitions?q=${ack.trackingCode}`, { headers: bearer(communeToken) }));
  const caseId = cases.items.find((p) => p.trackingCode === ack.trackingCode)?.id;
  if (!caseId) throw new Error('the petition is not in the commune officer’s list');
  const periods = await json<{ items: { id: string }[] }>(fetch(`${base}/api/v1/report-periods`, { headers: bearer(coordinatorToken) }));
  if (!periods.items.length) throw new Error('no report period in the demo data');

  const cookie = (cl: Client) => ({ cookie: cl.cookieHeader() });
  return ([
    { name: 'healthz', path: '/healthz', headers: {}, goal: 0.5 },
    { name: 'track', path: `/public/petitions/track?code=${ack.trackingCode}&key=${encodeURIComponent(ack.accessKey)}`, headers: {}, goal: 0.4 },
    { name: 'board', path: '/board', headers: {}, goal: 0.4 },
    { name: 'board-commune', path: `/board/${pleiku.id}`, headers: {}, goal: 0.4 },
    { name: 'units-api', path: '/api/v1/units?q=pleiku', headers: bearer(coordinatorToken), goal: 0.2 },
    { name: 'tasks-page', path: '/tasks', headers: cookie(village), goal: 0.2 },
    { name: 'tasks-api', path: '/api/v1/tasks', headers: bearer(villageToken), goal: 0.2 },
    { name: 'petition-case', path: `/petitions/${caseId}`, headers: cookie(commune), goal: null },
    { name: 'report-dashboard', path: `/report-periods/${periods.items[0].id}`, headers: cookie(coordinator), goal: null },
  ] satisfies Route[]).filter((r) => !only || only.includes(r.name));
}

const server = await startServer({ fresh: true, env: pgUrl ? { DATABASE_URL: pgUrl } : {}, timeoutMs: 180_000 });
const base = server.url;
const routes = await prepare(base);

// --against REF: that commit's server, from a temporary export sharing this checkout's node_modules.
const againstRef = argv.includes('--against') ? argv[argv.indexOf('--against') + 1] : null;
if (againstRef && pgUrl) throw new Error('--against runs on SQLite only (two servers would share one PostgreSQL database)');
let against: { ref: string; server: Awaited<ReturnType<typeof startServer>>; routes: Route[]; dir: string } | null = null;
if (againstRef) {
  const root = path.resolve(dir, '..');
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-bench-ref-'));
  const archive = spawnSync('sh', ['-c', `git -C "${root}" archive "$0" | tar -x -C "${exportDir}"`, againstRef], { encoding: 'utf8' });
  if (archive.status !== 0) throw new Error(`--against ${againstRef}: ${archive.stderr}`);
  fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(exportDir, 'node_modules'));
  const other = await startServer({ fresh: true, root: exportDir, env: pgUrl ? { DATABASE_URL: `${pgUrl}` } : {}, timeoutMs: 180_000 });
  against = { ref: againstRef, server: other, routes: await prepare(other.url), dir: exportDir };
}

// Record what Coso answers for each route: the bare server will answer the same bytes.
const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const recorded: { path: string; status: number; headers: Record<string, string | string[]>; body: string; bytes: number; rows?: number }[] = [];
for (const r of routes) {
  const res = await fetch(base + r.path, { headers: r.headers, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${r.name} ${r.path}: ${res.status} ${body.toString('utf8').slice(0, 300)}`);
  const headers: Record<string, string | string[]> = {};
  res.headers.forEach((v, k) => { if (!skip.has(k) && k !== 'set-cookie') headers[k] = v; });
  const setCookie = res.headers.getSetCookie();
  if (setCookie.length) headers['set-cookie'] = setCookie;
  const rows = r.name.startsWith('tasks') ? (r.name === 'tasks-api' ? (JSON.parse(body.toString('utf8')) as { items: unknown[] }).items.length : (body.toString('utf8').match(/<tr/g)?.length ?? 1) - 1) : undefined;
  recorded.push({ path: r.path, status: res.status, headers, body: body.toString('base64'), bytes: body.length, rows });
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-bench-http-'));
fs.writeFileSync(path.join(tmp, 'responses.json'), JSON.stringify(recorded));
const bare = spawn(process.execPath, [path.join(dir, 'bare-server.mjs'), path.join(tmp, 'responses.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
const barePort = await new Promise<number>((resolve, reject) => {
  let out = '';
  bare.stdout!.on('data', (d) => { out += d; const m = /listening (\d+)/.exec(out); if (m) resolve(Number(m[1])); });
  bare.on('exit', (code) => reject(new Error(`bare server exited ${code}`)));
});
const bareUrl = `http://127.0.0.1:${barePort}`;

const pinned = pin(server.pid, 0) && pin(bare.pid!, 0) && pin(process.pid, 1) && (!against || pin(against.server.pid, 0));
log(`Coso ${base} on ${pgUrl ? 'PostgreSQL' : 'SQLite'}${against ? ` and ${against.ref} at ${against.server.url}` : ''}, bare node:http ${bareUrl}; ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per side per route; ${pinned ? 'servers pinned to core 0, autocannon to core 1' : `NOT pinned (${hasTaskset ? 'fewer than 2 cores' : 'no taskset'}): ratios are rougher`}`);
log(`tasks: ${recorded.filter((r) => r.rows !== undefined).map((r) => `${r.path} ${r.rows} rows`).join(', ')}`);

const run = (url: string, r: Route, duration: number): Promise<Result> => autocannon({ url: url + r.path, connections: CONNECTIONS, duration, headers: r.headers, timeout: 10 });

// ---- measure: per route, alternate bare and Coso (and REF) ------------------------------------------
interface Side { rps: number; ratio: number; p50: number; p99: number; errors: number }
interface Figures { name: string; path: string; bytes: number; coso: number; bare: number; ratio: number; goal: number | null; met: boolean | null; p50: number; p99: number; bareP50: number; bareP99: number; errors: number; against?: Side }
const figures: Figures[] = [];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const errorsOf = (rs: Result[]) => rs.reduce((n, x) => n + x.errors + x.timeouts + x.non2xx, 0);
for (const [i, r] of routes.entries()) {
  const other = against ? { url: against.server.url, route: against.routes[i] } : null;
  await run(bareUrl, r, 1); // warm-up: JIT, connections, caches
  await run(base, r, 1);
  if (other) await run(other.url, other.route, 1);
  const c: Result[] = [];
  const b: Result[] = [];
  const o: Result[] = [];
  const sides = [() => run(bareUrl, r, SECONDS).then((x) => b.push(x)), () => run(base, r, SECONDS).then((x) => c.push(x)), ...(other ? [() => run(other.url, other.route, SECONDS).then((x) => o.push(x))] : [])];
  for (let k = 0; k < ROUNDS; k++) {
    // Rotate which goes first, so a slow second (noise, a neighbour) does not always hit one side.
    for (let j = 0; j < sides.length; j++) await sides[(j + k) % sides.length]();
  }
  const coso = mean(c.map((x) => x.requests.average));
  const bareRps = mean(b.map((x) => x.requests.average));
  const ratio = coso / bareRps;
  const ref = other ? mean(o.map((x) => x.requests.average)) : 0;
  figures.push({
    name: r.name, path: r.path, bytes: recorded[i].bytes, coso: Math.round(coso), bare: Math.round(bareRps), ratio: Number(ratio.toFixed(4)), goal: r.goal, met: r.goal === null ? null : ratio >= r.goal,
    p50: mean(c.map((x) => x.latency.p50)), p99: mean(c.map((x) => x.latency.p99)), bareP50: mean(b.map((x) => x.latency.p50)), bareP99: mean(b.map((x) => x.latency.p99)),
    errors: errorsOf(c),
    ...(other ? { against: { rps: Math.round(ref), ratio: Number((ref / bareRps).toFixed(4)), p50: mean(o.map((x) => x.latency.p50)), p99: mean(o.map((x) => x.latency.p99)), errors: errorsOf(o) } } : {}),
  });
  log(`  ${r.name}: ${Math.round(coso)} / ${Math.round(bareRps)} req/s = ${(ratio * 100).toFixed(1)}%${other ? `; ${against!.ref}: ${Math.round(ref)} req/s = ${((ref / bareRps) * 100).toFixed(1)}%` : ''}`);
}

bare.kill('SIGTERM');
await server.stop();
if (against) {
  await against.server.stop();
  fs.rmSync(against.dir, { recursive: true, force: true });
}
cluster?.stop();
fs.rmSync(tmp, { recursive: true, force: true });

// ---- report ------------------------------------------------------------------------------------
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const rows = [
  ['route', 'bytes', 'Coso req/s', 'bare req/s', 'ratio', 'goal', 'p50 ms', 'p99 ms', 'bare p50/p99', 'errors', ...(against ? [`${against.ref} req/s`, `${against.ref} ratio`, `${against.ref} p50/p99`, `${against.ref} errors`] : [])],
  ...figures.map((f) => [f.name, String(f.bytes), String(f.coso), String(f.bare), pct(f.ratio), f.goal === null ? '—' : `≥ ${pct(f.goal)} ${f.met ? 'met' : 'NOT MET'}`, f.p50.toFixed(1), f.p99.toFixed(1), `${f.bareP50.toFixed(1)}/${f.bareP99.toFixed(1)}`, String(f.errors),
    ...(f.against ? [String(f.against.rps), pct(f.against.ratio), `${f.against.p50.toFixed(1)}/${f.against.p99.toFixed(1)}`, String(f.against.errors)] : [])]),
];
const widths = rows[0].map((_, j) => Math.max(...rows.map((row) => row[j].length)));
log('');
for (const [k, row] of rows.entries()) {
  log(`| ${row.map((cell, j) => cell.padEnd(widths[j])).join(' | ')} |`);
  if (k === 0) log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
log(JSON.stringify({ bench: 'http', db: pgUrl ? 'postgres' : 'sqlite', pinned, against: against?.ref ?? null, connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, routes: figures }));
process.exit(figures.some((f) => f.errors > 0) ? 1 : 0);
