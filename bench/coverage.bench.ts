/**
 * Coverage matrix at national scale: 3,321 respondent units × 12 provincial items (the 188/KH-UBND
 * shape), about half with a unit plan carrying all items and some overdue tasks. Times the matrix
 * computation and its HTML render with the page's own component (`CoverageMatrix`, hono/jsx)
 * against a baseline in the same run (the 135-unit slice of the same matrix), because single runs
 * swing ±25% on these machines; then the XLSX export of the full matrix.
 *
 * Measured on 25/11/2026 (2-CPU machine, SQLite): 3,321 × 12 in a median 714 ms (compute +
 * render, 5.0 MB of HTML), 38× the 135-unit baseline (18.7 ms) for 24.6× the units; XLSX 1.6 s.
 *
 *   node --import tsx bench/coverage.bench.ts
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDb } from '../src/platform/db/index.ts';
import { nowIso } from '../src/platform/db/index.ts';
import { computeCoverage, type Coverage } from '../src/features/plans/plans.coverage.ts';
import '../src/features/plans/plans.tables.ts';
import { Hono } from 'hono';
import { jsx } from 'hono/jsx';
import { jsxRenderer } from 'hono/jsx-renderer';
import type { AppEnv } from '../src/platform/http/context.ts';
import { translator } from '../src/platform/i18n/index.ts';
import { CoverageMatrix } from '../src/features/plans/views/coverage.tsx';
import { coverageXlsx } from '../src/features/plans/tasks.bulk.ts';

const UNITS = Number(process.env.COSO_BENCH_UNITS ?? 3321);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-bench-'));
const handle = openDb({ dataDir: dir, sqliteFile: path.join(dir, 'bench.sqlite') });
const { db } = handle;
const log = (s: string) => process.stdout.write(`${s}\n`);
const TODAY = '2025-06-01';

async function generate(kind: string, n: number, withPlans: boolean): Promise<string> {
  const now = nowIso();
  const province = randomUUID();
  await db.insertInto('units').values({ id: province, code: null, key: null, name: 'Tỉnh', full_name: 'Tỉnh thử nghiệm', name_en: null, kind: 'province-committee', commune_type: null, parent_id: null, province_code: null, valid_from: '2025-01-01', valid_to: null, search_text: ' ', created_at: now, updated_at: now }).execute();
  const plan = randomUUID();
  const doc = JSON.stringify({ kind: 'KẾ HOẠCH', issuerName: 'X', legalBases: [], recipients: [], signer: { name: 'X' }, respondents: { unitKinds: [kind] } });
  await db.insertInto('plans').values({ id: plan, parent_plan_id: null, unit_id: province, document_number: '1/KH', title: 'Kế hoạch', issued_on: '2025-01-22', place: null, status: 'issued', due_on: '2025-02-28', document: doc, note: null, created_at: now, updated_at: now }).execute();
  const root = randomUUID();
  await db.insertInto('plan_items').values({ id: root, plan_id: plan, parent_id: null, source_item_id: null, number: 'II', title: 'NỘI DUNG', body: null, footnotes: '[]', tracked: 1, position: 0 }).execute();
  const items = Array.from({ length: 12 }, (_, i) => ({ id: randomUUID(), plan_id: plan, parent_id: root, source_item_id: null, number: String(i + 1), title: `Nội dung ${i + 1}`, body: 'x', footnotes: '[]', tracked: 1, position: i + 1 }));
  await db.insertInto('plan_items').values(items).execute();
  const units = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), code: null, key: null, name: `Xã ${i}`, full_name: `Xã thử nghiệm ${i}`, name_en: null, kind, commune_type: null, parent_id: province, province_code: null, valid_from: '2025-01-01', valid_to: null, search_text: ' ', created_at: now, updated_at: now }));
  for (let i = 0; i < units.length; i += 200) await db.insertInto('units').values(units.slice(i, i + 200)).execute();
  if (withPlans) {
    for (const [i, u] of units.entries()) {
      if (i % 2) continue;
      const up = randomUUID();
      await db.insertInto('plans').values({ id: up, parent_plan_id: plan, unit_id: u.id, document_number: i % 4 ? null : `${i}/KH`, title: 'Triển khai', issued_on: i % 4 ? null : '2025-02-20', place: null, status: i % 4 ? 'draft' : 'issued', due_on: null, document: doc, note: null, created_at: now, updated_at: now }).execute();
      const carried = items.map((it, j) => ({ id: randomUUID(), plan_id: up, parent_id: null, source_item_id: it.id, number: `II.${j + 1}`, title: it.title, body: null, footnotes: '[]', tracked: 1, position: j }));
      await db.insertInto('plan_items').values(carried).execute();
      await db.insertInto('tasks').values({ id: randomUUID(), plan_id: up, plan_item_id: carried[i % 12].id, parent_task_id: null, unit_id: u.id, assignee_id: null, co_unit_ids: '[]', areas: '[]', title: 'Nhiệm vụ', start_on: null, due_on: i % 3 ? '2025-12-31' : '2025-03-01', due_rule: null, status: 'in-progress', progress: 10, progress_manual: 1, weight: 1, note: null, created_at: now, updated_at: now }).execute();
    }
  }
  return plan;
}

/** The matrix rendered by the page's component, inside a request (translator and renderer as in the app). */
const view = new Hono<AppEnv>();
view.use(jsxRenderer(({ children }) => jsx('main', {}, children), { docType: false }));
view.use(async (c, next) => { c.set('t', translator('vi')); c.set('lang', 'vi'); await next(); });
let current: Coverage;
view.get('/', (c) => c.render(jsx(CoverageMatrix, { cov: current }) as unknown as string, { title: '' }));
async function render(cov: Coverage): Promise<string> {
  current = cov;
  const html = await (await view.request('/')).text();
  if (!html.includes('class="coverage"')) throw new Error('the matrix did not render');
  return html;
}

async function time(label: string, planId: string, runs = 7): Promise<number> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const cov = (await computeCoverage(db, planId, TODAY))!;
    bytes = (await render(cov)).length;
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  log(`${label}: median ${median.toFixed(1)} ms over ${runs} runs (compute + render), ${(bytes / 1024).toFixed(0)} KB of HTML`);
  return median;
}

await migrate(db);
const big = await generate('commune-committee', UNITS, true);
const small = await generate('department', 135, true);
const base = await time('baseline 135 units × 12 items', small);
const full = await time(`${UNITS} units × 12 items`, big);
log(`ratio ${(full / base).toFixed(1)}× the baseline for ${(UNITS / 135).toFixed(1)}× the units`);
{
  const t0 = performance.now();
  const buf = await coverageXlsx(translator('vi'), 'Bảng', (await computeCoverage(db, big, TODAY))!);
  log(`XLSX export of ${UNITS} units × 12 items: ${(performance.now() - t0).toFixed(0)} ms, ${(buf.length / 1024).toFixed(0)} KB`);
}
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
