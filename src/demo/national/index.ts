/**
 * National demo data (`npm run coso -- demo national --scale N`): the 34 provinces and 3,321
 * communes of src/data (through the units import), villages, the demo accounts and province story,
 * and per 1× about 1,000,000 petitions, 200,000 tasks, 7,000 reports with indicator values and
 * 300,000 disclosures dated over the two years before today. Multi-row inserts in transactions.
 */
import { performance } from 'node:perf_hooks';
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { seedDemo } from '../../seed.ts';
import { random } from './bulk.ts';
import { communesWithVillages, importProvinces } from './units.ts';
import { generatePetitions } from './petitions.ts';
import { generateDisclosures, generateReports, generateTasks } from './work.ts';

/** Rows per 1× scale. */
export const PER_SCALE = { petitions: 1_000_000, tasks: 200_000, reports: 7_000, disclosures: 300_000 } as const;

export interface NationalOptions { scale: number; provinceCode: string; demoPassword?: string; seed?: number; log?: (line: string) => void }
export interface Step { name: string; rows: number; ms: number }

/** Fills the database; returns each step's row count and time (rows/s = rows / ms × 1000). */
export async function generateNational(db: Db, actor: Actor, o: NationalOptions): Promise<{ steps: Step[]; password?: string }> {
  const log = o.log ?? (() => {});
  const rnd = random(o.seed ?? 34_3321);
  const today = localToday();
  const steps: Step[] = [];
  const step = async (name: string, fn: () => Promise<number>) => {
    const t0 = performance.now();
    const rows = await fn();
    const ms = performance.now() - t0;
    steps.push({ name, rows, ms });
    log(`${name}: ${rows.toLocaleString('en')} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(rows / Math.max(ms, 1) * 1000).toLocaleString('en')} rows/s)`);
  };
  const n = (k: keyof typeof PER_SCALE) => Math.round(PER_SCALE[k] * o.scale);
  let password: string | undefined;
  // SQLite's default 2 MB page cache makes every insert into the random-keyed indexes a disk read once the tables outgrow it.
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await sql`pragma cache_size = -262144`.execute(db);
  await step('provinces', () => importProvinces(db, actor, o.provinceCode));
  await step('demo seed', async () => { const r = await seedDemo(db, { provinceCode: o.provinceCode, demoPassword: o.demoPassword }); password = r.password; return r.created ? 1 : 0; });
  let communes: Awaited<ReturnType<typeof communesWithVillages>> = [];
  await step('villages', async () => { const before = await countOf(db, 'village'); communes = await communesWithVillages(db, actor, rnd); return (await countOf(db, 'village')) - before; });
  await step('tasks', () => generateTasks(db, rnd, today, communes, n('tasks')));
  await step('disclosures', () => generateDisclosures(db, rnd, today, communes, n('disclosures')));
  await step('petitions', () => generatePetitions(db, rnd, today, communes, n('petitions'), (d) => { if (d % 200_000 === 0) log(`  petitions: ${d.toLocaleString('en')}`); }));
  await step('reports', async () => (await generateReports(db, rnd, today, n('reports'))).reports);
  await step('analyze', async () => { await sql`analyze`.execute(db); return 0; });
  await inTransaction(db, (trx) => record(trx, actor, { action: 'demo.national.generate', subjectType: 'database', subjectId: null, changes: { scale: o.scale, ...Object.fromEntries(steps.map((s) => [s.name, s.rows])) }, visibility: 'admin' }));
  return { steps, password };
}

const countOf = async (db: Db, kind: string) => Number((await db.selectFrom('units').select((e) => e.fn.countAll().as('n')).where('kind', '=', kind).executeTakeFirstOrThrow()).n);
