/**
 * Runs the benchmarks one after another (each prints its figures and its ratio against a baseline
 * measured in the same run). `npm run bench` runs all; `npm run bench -- deadlines coverage` some;
 * options go to each (`npm run bench -- http --seconds 3 --only healthz,units-api`).
 * The petitions load benchmark takes about two minutes per database; see its header for options.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const all = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, '')).sort();
// A bare word is a benchmark name, unless it is the value of the option before it (`--seconds 5`).
const args = process.argv.slice(2);
const isValue = (a: string, i: number) => !a.startsWith('-') && !all.includes(a) && i > 0 && args[i - 1].startsWith('--');
const wanted = args.filter((a, i) => !a.startsWith('-') && !isValue(a, i));
const passThrough = args.filter((a, i) => a.startsWith('-') || isValue(a, i));
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${all.join(', ')}`);
  process.exit(1);
}
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== bench/${name}.bench.ts`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.bench.ts`), ...passThrough], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
