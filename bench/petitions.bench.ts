/**
 * Public petition intake under load: 200 concurrent clients POST /api/v1/public/petitions against a
 * real server for a period, then every acknowledged tracking code is looked up in the database.
 *
 *   node --import tsx bench/petitions.bench.ts [--seconds 60] [--clients 200]       SQLite
 *   COSO_BENCH_PG_URL=postgres://… node --import tsx bench/petitions.bench.ts …     PostgreSQL (an empty database)
 *
 * The per-IP intake limit is lifted for the run (PETITIONS_INTAKE_LIMIT), since every client shares one IP.
 */
import path from 'node:path';
import { openDb } from '../src/platform/db/index.ts';
import { startServer } from '../e2e/helpers/server.ts';
import '../src/features/petitions/petitions.tables.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SECONDS = arg('seconds', 60);
const CLIENTS = arg('clients', 200);
const pgUrl = process.env.COSO_BENCH_PG_URL;
const log = (s: string) => process.stdout.write(`${s}\n`);

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
log(`requests ${latencies.length} in ${elapsed.toFixed(1)} s = ${(latencies.length / elapsed).toFixed(1)} req/s; acknowledged ${codes.length}`);
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
log(`check: ${codes.length - missing}/${codes.length} acknowledged tracking codes are in the database${missing ? ` — ${missing} MISSING` : ''}`);
process.exit(missing ? 1 : 0);
