/**
 * Province-wide aggregation at scale: a generated province of 3,321 reporting units (30
 * departments, 3,291 communes), ~3,100 reports × 13 indicators, on SQLite (and PostgreSQL when
 * COSO_BENCH_PG_URL points at an empty database). Times the aggregate (indicator totals, by unit
 * kind and by unit, plus the narrative), the XLSX and the DOCX against a baseline measured in the
 * same run: the plain read of every counted value (the least any aggregation must do). Checks that
 * the aggregate equals the sum (average, maximum) of the unit reports in every indicator.
 *
 *   node --import tsx bench/reports.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate, openDb, type Db } from '../src/platform/db/index.ts';
import { aggregatePeriod } from '../src/features/reports/reports.aggregate.ts';
import { aggregateDocx, aggregateXlsx } from '../src/features/reports/reports.documents.ts';
import { checkAggregate, generateProvince } from '../src/features/reports/reports.generate.ts';

const ROUNDS = 3;
const best = async (fn: () => Promise<unknown>) => {
  let min = Infinity;
  for (let i = 0; i < ROUNDS; i++) { const t0 = performance.now(); await fn(); min = Math.min(min, performance.now() - t0); }
  return min;
};

async function run(label: string, db: Db) {
  await migrate(db);
  const t0 = performance.now();
  const g = await generateProvince(db);
  const genMs = performance.now() - t0;
  const baseline = await best(() => db.selectFrom('report_values as v').innerJoin('reports as r', 'r.id', 'v.report_id').select(['r.unit_id', 'v.code', 'v.value']).where('r.period_id', '=', g.period.id).where('r.status', 'in', ['submitted', 'accepted']).execute());
  const aggMs = await best(() => aggregatePeriod(db, g.period, g.regime));
  const narrMs = await best(() => aggregatePeriod(db, g.period, g.regime, { narrative: true }));
  const agg = await aggregatePeriod(db, g.period, g.regime, { narrative: true });
  const xlsxMs = await best(() => aggregateXlsx(g.period, agg));
  const docxMs = await best(() => aggregateDocx(g.period, g.regime, agg));
  const bad = await checkAggregate(db, g.period.id, agg);
  if (bad.length) throw new Error(`aggregate differs from the unit reports: ${bad.join('; ')}`);
  console.log(`[${label}] ${g.units} units, ${g.reports} reports, ${g.values} values (generated in ${genMs.toFixed(0)} ms)`);
  console.log(`[${label}] baseline read of counted values: ${baseline.toFixed(1)} ms`);
  console.log(`[${label}] aggregate (totals, by kind, by unit): ${aggMs.toFixed(1)} ms  (${(aggMs / baseline).toFixed(2)}× baseline)`);
  console.log(`[${label}] aggregate + narrative: ${narrMs.toFixed(1)} ms; XLSX ${xlsxMs.toFixed(0)} ms; DOCX ${docxMs.toFixed(0)} ms`);
  console.log(`[${label}] request path: aggregate.xlsx ≈ ${(aggMs + xlsxMs).toFixed(0)} ms, aggregate.docx ≈ ${(narrMs + docxMs).toFixed(0)} ms (budget 2,000 ms per request)`);
  console.log(`[${label}] aggregate equals the sum of the unit reports in all ${agg.indicators.length} indicators ✓`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-bench-'));
const h = openDb({ dataDir: dir, sqliteFile: path.join(dir, 'bench.sqlite') });
try { await run('sqlite', h.db); } finally { await h.close(); fs.rmSync(dir, { recursive: true, force: true }); }
if (process.env.COSO_BENCH_PG_URL) {
  const p = openDb({ databaseUrl: process.env.COSO_BENCH_PG_URL, dataDir: os.tmpdir() });
  try { await run('postgres', p.db); } finally { await p.close(); }
}
