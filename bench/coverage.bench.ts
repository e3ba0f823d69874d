/**
 * Coverage matrix at national scale: 3,321 respondent units × 12 provincial items (the 188/KH-UBND
 * shape), about half with a unit plan carrying all items and some overdue tasks. Times the matrix
 * computation and its HTML render against a baseline in the same run (computing and rendering the
 * 135-commune slice of the same matrix), because single runs swing ±25% on these machines.
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

/** The matrix as HTML rows (the same string work as the page's table). */
function render(cov: Coverage): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return cov.units.map((u) => `<tr><th scope="row"><a href="/units/${u.unitId}">${esc(u.unitName)}</a></th><td>${u.issuedOn ?? ''}</td>${u.cells.map((c) => `<td class="cell-${c}">${c}</td>`).join('')}</tr>`).join('');
}

async function time(label: string, planId: string, runs = 7): Promise<number> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const cov = (await computeCoverage(db, planId, TODAY))!;
    bytes = render(cov).length;
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  log(`${label}: median ${median.toFixed(1)} ms over ${runs} runs, ${(bytes / 1024).toFixed(0)} KB of rows`);
  return median;
}

await migrate(db);
const big = await generate('commune-committee', UNITS, true);
const small = await generate('department', 135, true);
const base = await time('baseline 135 units × 12 items', small);
const full = await time(`${UNITS} units × 12 items`, big);
log(`ratio ${(full / base).toFixed(1)}× the baseline for ${(UNITS / 135).toFixed(1)}× the units`);
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
