/**
 * Crash durability, long form (issue 17 item 3; the short form runs in the suite as
 * test/durability/crash.heavy.test.ts): `rounds` SIGKILLs under load per database, each after a
 * different delay, then the export and bulk-import kills. Prints acknowledged / found / lost.
 *   npm run bench -- crash [--rounds 5] [--workers 16] [--sqlite-only]
 * The server seeds its demo data at the first start (no test template here), about 20 s per database.
 */
import { startCluster } from './pg.ts';
import { createStore } from '../test/helpers/proc.ts';
import { crashDuringExport, crashDuringImport, crashUnderLoad } from '../test/durability/crash.ts';
import { startProc } from '../test/helpers/proc.ts';
import type { Dialect } from '../src/platform/db/index.ts';

const arg = (name: string, d: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const rounds = arg('rounds', 5);
const workers = arg('workers', 16);

async function one(dialect: Dialect): Promise<boolean> {
  const store = await createStore(dialect, { empty: true });
  try {
    await (await startProc(store, { timeoutMs: 180_000 })).stop(); // first start seeds the demo data
    const sum = { acknowledged: 0, found: 0, lost: 0, halfWritten: 0 };
    for (let r = 0; r < rounds; r++) {
      const f = await crashUnderLoad(store, { workers, killAfterMs: 1000 + r * 700 });
      for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += f[k];
      console.log(`${dialect} round ${r + 1}: ${JSON.stringify(f)}`);
    }
    const x = await crashDuringExport(store, 5);
    const imports = [];
    for (const d of [30, 80, 150, 250, 400]) imports.push(await crashDuringImport(store, d));
    console.log(`${dialect} load total: acknowledged ${sum.acknowledged}, found ${sum.found}, lost ${sum.lost}, half-written ${sum.halfWritten}`);
    console.log(`${dialect} export kill: ${JSON.stringify(x)}`);
    console.log(`${dialect} import kills: ${imports.map((i) => `${i.acknowledged ? 'acked' : 'not acked'} ${i.applied}/${i.rows}`).join(', ')}; all-or-nothing ${imports.every((i) => i.allOrNothing)}`);
    return sum.lost === 0 && sum.halfWritten === 0 && x.stuck === 0 && x.done === x.requested && imports.every((i) => i.allOrNothing);
  } finally {
    await store.drop();
  }
}

const cluster = process.argv.includes('--sqlite-only') ? undefined : await startCluster();
if (cluster) process.env.COSO_TEST_PG_URL = cluster.url;
try {
  let ok = await one('sqlite');
  if (cluster) ok = (await one('postgres')) && ok;
  process.exitCode = ok ? 0 : 1;
} finally {
  cluster?.stop();
}
