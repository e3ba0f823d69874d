/**
 * National scale (issue 14 item 4): on databases filled by `npm run coso -- demo national --scale N`,
 * times in process (`app.request()`, a coordinator's session; the board anonymous) the staff search of
 * petitions (by tracking code, by a commune name typed without diacritics, by a common topic, by unit
 * and status), the province aggregate of a report period, the coverage matrix page, the supervision
 * overview and the public board of one commune: p50/p95 over repeated runs after warm-up. With two or
 * more databases of one dialect, each larger one is compared with the smaller (p50 ratio).
 *
 *   nice -n 10 npm run bench -- national --db /tmp/national/s01/coso.sqlite --db /tmp/national/s1/coso.sqlite
 *   … --db postgres://postgres@127.0.0.1:5432/national01      (PostgreSQL; any mix, grouped by dialect)
 *   … --runs 30 --as-is                                         (--as-is: no migration first, to measure a database as it is)
 *
 * Goals printed as PASS/FAIL: staff searches p95 ≤ 50 ms at 1×; province aggregate ≤ 1 s (p95);
 * a larger scale at most 1.5× the smaller (p50, same route). The last line is the figures as JSON.
 * Speed is asserted here, never in tests. Measured figures: bench/README.md.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrate, openDb, type Db } from '../src/platform/db/index.ts';
import { createSession } from '../src/platform/http/session.ts';
import { foldVietnamese } from '../src/domain/text/normalize.ts';

const argv = process.argv.slice(2);
const all = (name: string) => argv.flatMap((a, i) => (a === `--${name}` ? [argv[i + 1]] : []));
const RUNS = Number(all('runs')[0] ?? 20);
const WARM = 3;
const targets = all('db');
if (targets.length === 0) {
  console.error('Give one or more databases: --db FILE.sqlite or --db postgres://… (see the header of bench/national.bench.ts)');
  process.exit(2);
}
const SEARCH_GOAL_MS = 50;
const AGGREGATE_GOAL_MS = 1000;
const SCALE_GOAL = 1.5;
const log = (s: string) => process.stdout.write(`${s}\n`);

interface Route { name: string; url: string; cookie: boolean; search?: boolean; aggregate?: boolean }
interface Figure { route: string; url: string; p50: number; p95: number; bytes: number }
interface Measured { db: string; dialect: string; petitions: number; scale: number; figures: Figure[] }

/** The requests measured, chosen from the data (the same commune and topic at every scale of one seed). */
async function routes(db: Db): Promise<Route[]> {
  const code = (await db.selectFrom('petitions').select('tracking_code').orderBy('id').limit(1).executeTakeFirstOrThrow()).tracking_code;
  // A commune with cases, found the same way at every scale: the first by key among those with petitions.
  const commune = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'commune-committee').where('valid_to', 'is', null)
    .where((e) => e.exists(e.selectFrom('petitions').select('id').whereRef('petitions.handling_unit_id', '=', 'units.id'))).orderBy('key').limit(1).executeTakeFirstOrThrow();
  const name = foldVietnamese(commune.name).replace(/^(xa|phuong|dac khu) /, '');
  const period = await db.selectFrom('reports').select((e) => ['period_id', e.fn.countAll<number>().as('n')]).groupBy('period_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
  const plan = await db.selectFrom('plans').select('id').where('document_number', '=', '188/KH-UBND').where('parent_plan_id', 'is', null).executeTakeFirstOrThrow();
  const board = await db.selectFrom('disclosures').select('unit_id').where('unit_id', '=', commune.id).limit(1).executeTakeFirst();
  const q = (p: Record<string, string>) => `/petitions?${new URLSearchParams(p)}`;
  return [
    { name: 'search: tracking code', url: q({ q: code }), cookie: true, search: true },
    { name: `search: name "${name}"`, url: q({ q: name }), cookie: true, search: true },
    { name: 'search: topic "thu hoi dat"', url: q({ q: 'thu hoi dat' }), cookie: true, search: true },
    { name: 'search: unit + status', url: q({ unitId: commune.id, status: 'accepted' }), cookie: true, search: true },
    { name: 'province aggregate', url: `/report-periods/${period.period_id}/aggregate`, cookie: true, aggregate: true },
    { name: 'coverage matrix', url: `/plans/${plan.id}/coverage`, cookie: true },
    { name: 'supervision overview', url: '/supervision', cookie: true },
    { name: 'public board of a commune', url: `/board/${board?.unit_id ?? commune.id}`, cookie: false },
  ];
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

async function measure(target: string): Promise<Measured> {
  const isPg = target.startsWith('postgres');
  const handle = openDb(isPg ? { databaseUrl: target, dataDir: os.tmpdir() } : { dataDir: path.dirname(target), sqliteFile: target });
  try {
    const { db } = handle;
    if (!argv.includes('--as-is')) await migrate(db);
    const config = loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'off', DATA_DIR: path.join(os.tmpdir(), 'coso-bench-national'), PROVINCE_CODE: '52' });
    const app = buildApp({ db, dialect: handle.dialect, config });
    const user = await db.selectFrom('users').select('id').where('username', '=', 'demo.coordinator').executeTakeFirstOrThrow();
    const { secret } = await createSession(db, user.id, 'web', 600, null);
    const petitions = Number((await db.selectFrom('petitions').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const figures: Figure[] = [];
    for (const r of await routes(db)) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < WARM + RUNS; i++) {
        const t0 = performance.now();
        const res = await app.request(r.url, { headers: r.cookie ? { cookie: `coso_sid=${secret}` } : {} });
        const body = await res.text();
        const ms = performance.now() - t0;
        if (res.status !== 200) throw new Error(`${r.url}: ${res.status} ${body.slice(0, 200)}`);
        bytes = body.length;
        if (i >= WARM) times.push(ms);
      }
      times.sort((a, b) => a - b);
      figures.push({ route: r.name, url: r.url, p50: pct(times, 50), p95: pct(times, 95), bytes });
      log(`  ${handle.dialect} ${petitions.toLocaleString('en')} petitions · ${r.name}: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
    }
    return { db: isPg ? target.replace(/\/\/[^@]*@/, '//') : target, dialect: handle.dialect, petitions, scale: Number((petitions / 1_000_000).toPrecision(2)), figures };
  } finally {
    await handle.close();
  }
}

const results: Measured[] = [];
for (const t of targets) results.push(await measure(t));

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const goals: { goal: string; value: string; result: string }[] = [];
for (const m of results) {
  for (const f of m.figures) {
    const route = routesGoal(f.route);
    if (route === 'search' && m.scale >= 1) goals.push({ goal: `${m.dialect} ${m.scale}× ${f.route}: p95 ≤ ${SEARCH_GOAL_MS} ms`, value: `${f.p95.toFixed(1)} ms`, result: verdict(f.p95 <= SEARCH_GOAL_MS) });
    if (route === 'aggregate') goals.push({ goal: `${m.dialect} ${m.scale}× province aggregate: p95 ≤ ${AGGREGATE_GOAL_MS} ms`, value: `${f.p95.toFixed(0)} ms`, result: verdict(f.p95 <= AGGREGATE_GOAL_MS) });
  }
}
function routesGoal(name: string) { return name.startsWith('search') ? 'search' : name === 'province aggregate' ? 'aggregate' : 'other'; }
for (const dialect of new Set(results.map((r) => r.dialect))) {
  const ms = results.filter((r) => r.dialect === dialect).sort((a, b) => a.petitions - b.petitions);
  for (let i = 1; i < ms.length; i++) {
    const [small, large] = [ms[i - 1], ms[i]];
    for (const f of large.figures) {
      const s = small.figures.find((x) => x.route.split(' "')[0] === f.route.split(' "')[0]);
      if (!s) continue;
      const ratio = f.p50 / s.p50;
      goals.push({ goal: `${dialect} ${f.route.split(' "')[0]}: ${large.scale}× ÷ ${small.scale}× (${(large.petitions / small.petitions).toFixed(1)}× data) ≤ ${SCALE_GOAL}`, value: `${ratio.toFixed(2)}× (${s.p50.toFixed(1)} → ${f.p50.toFixed(1)} ms)`, result: verdict(ratio <= SCALE_GOAL) });
    }
  }
}

log('\n| database | petitions | route | p50 ms | p95 ms | KB |\n|---|---|---|---|---|---|');
for (const m of results) for (const f of m.figures) log(`| ${m.dialect} ${m.scale}× | ${m.petitions.toLocaleString('en')} | ${f.route} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${(f.bytes / 1024).toFixed(0)} |`);
log('\n| goal | measured | result |\n|---|---|---|');
for (const g of goals) log(`| ${g.goal} | ${g.value} | ${g.result} |`);
log(JSON.stringify({ bench: 'national', runs: RUNS, results, goals }));
