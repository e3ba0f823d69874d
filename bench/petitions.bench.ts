/**
 * Public petition intake under load: 200 concurrent clients POST /api/v1/public/petitions against a
 * real server for 60 s (the issue's figure), then every acknowledged tracking code is looked up in
 * the database.
 *
 *   node --import tsx bench/petitions.bench.ts                      SQLite, 200 clients, 60 s
 *   node --import tsx bench/petitions.bench.ts --pg                 PostgreSQL: a throwaway cluster is started
 *   COSO_BENCH_PG_URL=postgres://… node --import tsx bench/petitions.bench.ts   PostgreSQL (an empty database)
 *   … --quick                                                       development: 10 s (same 200 clients)
 *   … --seconds N --clients N                                       anything else
 *
 * The per-IP intake limit is lifted for the run (PETITIONS_INTAKE_LIMIT), since every client shares one IP.
 * The last line is the figures as JSON (for notes and CI).
 */
import path from 'node:path';
import { openDb } from '../src/platform/db/index.ts';
import { startServer } from '../e2e/helpers/server.ts';
import { startCluster } from './pg.ts';
import '../src/features/petitions/petitions.tables.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SECONDS = arg('seconds', process.argv.includes('--quick') ? 10 : 60);
const CLIENTS = arg('clients', 200);
const log = (s: string) => process.stdout.write(`${s}\n`);

const cluster = !process.env.COSO_BENCH_PG_URL && process.argv.includes('--pg') ? await startCluster() : null;
const pgUrl = process.env.COSO_BENCH_PG_URL ?? cluster?.url;

const server = await startServer({ env: { PETITIONS_INTAKE_LIMIT: '100000000/60', ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) }, timeoutMs: 180_000 });
log(`server ${server.url} on ${pgUrl ? 'PostgreSQL' : 'SQLite'}; ${CLIENTS} clients for ${SECONDS} s`);
const codes: string[] = [];
const latencies: number[] = [];
const statuses = new Map<string, number>();
const end = Date.now() + SECONDS * 1000;
let n = 0;

async function client(id: number) {
  while (Date.now() < end) {
    const i = n++;
    const body = { senderName: `Người gửi ${id}-${i}`, senderAddress: `Tổ ${id % 50}, Phường Pleiku`, anonymous: false, title: `Kiến nghị số ${i}`, content: `Kiến nghị thử tải số ${i} của khách ${id}: sửa đường, đèn, cống ở tổ ${i % 97} ngõ ${i}.` };
    const t0 = performance.now();
    try {
      const r = await fetch(`${server.url}/api/v1/public/petitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const j = (await r.json()) as { trackingCode?: string };
      latencies.push(performance.now() - t0);
      statuses.set(String(r.status), (statuses.get(String(r.status)) ?? 0) + 1);
      if (r.status === 201 && j.trackingCode) codes.push(j.trackingCode);
    } catch (e) {
      statuses.set(`error:${(e as Error).message.slice(0, 40)}`, (statuses.get(`error:${(e as Error).message.slice(0, 40)}`) ?? 0) + 1);
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(0) ?? '—';
log(`requests ${latencies.length} in ${elapsed.toFixed(1)} s = ${(latencies.length / elapsed).toFixed(1)} req/s; acknowledged ${codes.length} = ${(codes.length / elapsed).toFixed(1)} submissions/s`);
log(`latency ms p50 ${pct(50)} p95 ${pct(95)} p99 ${pct(99)} max ${pct(100)}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);

const handle = openDb(pgUrl ? { databaseUrl: pgUrl, dataDir: server.dataDir } : { dataDir: server.dataDir, sqliteFile: path.join(server.dataDir, 'coso.sqlite') });
let missing = 0;
for (let i = 0; i < codes.length; i += 500) {
  const chunk = codes.slice(i, i + 500);
  const found = await handle.db.selectFrom('petitions').select('tracking_code').where('tracking_code', 'in', chunk).execute();
  missing += chunk.length - found.length;
}
await handle.close();
await server.stop();
cluster?.stop();
log(`check: ${codes.length - missing}/${codes.length} acknowledged tracking codes are in the database${missing ? ` — ${missing} MISSING` : ''}`);
log(JSON.stringify({ db: pgUrl ? 'postgres' : 'sqlite', clients: CLIENTS, seconds: SECONDS, requests: latencies.length, acknowledged: codes.length, submissionsPerSecond: Number((codes.length / elapsed).toFixed(1)),
  p50ms: Number(pct(50)), p99ms: Number(pct(99)), statuses: Object.fromEntries(statuses), missing }));
process.exit(missing || codes.length === 0 ? 1 : 0);
