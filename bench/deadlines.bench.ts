/**
 * The legal time engine at volume: one million deadline computations (a mix of every rule in force,
 * random variants and remote flags, random start dates over 2025–2027), timed against a baseline
 * measured in the same run: one million plain date additions (`plusDays`: the same string parsing
 * and formatting, no calendar, no rule lookup), because single runs swing ±25% on these machines.
 *
 *   node --import tsx bench/deadlines.bench.ts
 *   COSO_BENCH_N=200000 node --import tsx bench/deadlines.bench.ts    a smaller run
 */
import { performance } from 'node:perf_hooks';
import { Calendar } from '../src/domain/calendar/calendar.ts';
import { plusDays } from '../src/domain/calendar/dates.ts';
import { computeDeadline, findRule, listRules } from '../src/domain/deadlines/index.ts';

const N = Number(process.env.COSO_BENCH_N ?? 1_000_000);
const ROUNDS = 3;

let seed = 20250101;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const ids = [...new Set(listRules().map((r) => r.id))];
const base = Date.UTC(2025, 0, 1) / 86_400_000;
const ruleIds: string[] = [];
const starts: string[] = [];
const variants: (string | undefined)[] = [];
const remotes: boolean[] = [];
const ns = new Int32Array(N);
for (let i = 0; i < N; i++) {
  const start = new Date((base + Math.floor(rand() * 1095)) * 86_400_000).toISOString().slice(0, 10);
  let id = ids[Math.floor(rand() * ids.length)];
  let rule = findRule(id, start);
  if (!rule) { id = 'complaint.first.resolve'; rule = findRule(id, start)!; }
  ruleIds.push(id);
  starts.push(start);
  const vs = rule.variants;
  variants.push(vs.length && rand() < 0.5 ? vs[Math.floor(rand() * vs.length)].id : undefined);
  remotes.push(rand() < 0.2);
  ns[i] = rule.days;
}

const calendar = new Calendar();
for (const y of [2025, 2026, 2027, 2028, 2029]) calendar.year(y); // build the years once (lunar + schedules)

function runDeadlines(): { ms: number; check: number } {
  let check = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const r = computeDeadline(ruleIds[i], { start: starts[i], variant: variants[i], remote: remotes[i] }, calendar);
    check += r.due.charCodeAt(9);
  }
  return { ms: performance.now() - t0, check };
}

function runBaseline(): { ms: number; check: number } {
  let check = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) check += plusDays(starts[i], ns[i]).charCodeAt(9);
  return { ms: performance.now() - t0, check };
}

const opsPerSec = (ms: number) => Math.round(N / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en-US');
const results: { deadline: number; baseline: number }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const b = runBaseline();
  const d = runDeadlines();
  results.push({ deadline: d.ms, baseline: b.ms });
  console.log(`round ${round}: deadlines ${fmt(opsPerSec(d.ms))} ops/s (${d.ms.toFixed(0)} ms), baseline plusDays ${fmt(opsPerSec(b.ms))} ops/s (${b.ms.toFixed(0)} ms), ratio ${(d.ms / b.ms).toFixed(2)}x  [check ${d.check % 997}/${b.check % 997}]`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dm = median(results.map((r) => r.deadline));
const bm = median(results.map((r) => r.baseline));
console.log(`\n${fmt(N)} deadlines over ${ids.length} rules, starts 2025–2027 (median of ${ROUNDS} rounds)`);
console.log(`computeDeadline : ${fmt(opsPerSec(dm))} ops/s`);
console.log(`baseline        : ${fmt(opsPerSec(bm))} ops/s (plusDays, no calendar)`);
console.log(`ratio           : ${(dm / bm).toFixed(2)}x the baseline time per operation`);
