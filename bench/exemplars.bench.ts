/**
 * DVK exemplars at scale: 15,000 entries a year over 5 years (75,000 entries, with recognitions,
 * commendations and replications), then the officials' list, filters, the public gallery and map
 * counts, and the form 3 summary, each timed against a baseline measured in the same run (a
 * 20-row page of the unit registry), because single runs swing ±25% on these machines.
 *
 *   node --import tsx bench/exemplars.bench.ts            SQLite in a temporary folder
 *   COSO_BENCH_PG_URL=postgres://… node --import tsx bench/exemplars.bench.ts   PostgreSQL (an empty database)
 *   COSO_BENCH_PER_YEAR=3000 …                            a smaller run
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { migrate, openDb } from '../src/platform/db/index.ts';
import { seedDemo } from '../src/seed.ts';
import { foldVietnamese } from '../src/domain/text/normalize.ts';
import { FIELDS, REGISTRATION_ITEMS, SUBJECTS } from '../src/domain/exemplars/forms.ts';
import { STATUSES } from '../src/domain/exemplars/workflow.ts';
import { findEntries, publicCountsByCommune, publicEntries } from '../src/features/exemplars/exemplars.repository.ts';
import { loadForm3 } from '../src/features/exemplars/exemplars.forms.ts';
import { translator } from '../src/platform/i18n/index.ts';
import { form3Xlsx } from '../src/features/exemplars/exemplars.forms.ts';
import '../src/features/exemplars/exemplars.tables.ts';
import { nowIso } from '../src/platform/clock.ts';

const PER_YEAR = Number(process.env.COSO_BENCH_PER_YEAR ?? 15000);
const YEARS = [2021, 2022, 2023, 2024, 2025];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-bench-'));
const handle = openDb(process.env.COSO_BENCH_PG_URL ? { databaseUrl: process.env.COSO_BENCH_PG_URL, dataDir: dir } : { dataDir: dir, sqliteFile: path.join(dir, 'bench.sqlite') });
const { db } = handle;
const log = (s: string) => process.stdout.write(`${s}\n`);

/** Deterministic pseudo-random numbers (same data every run). */
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const WORDS = ['Dân vận khéo', 'thôn', 'làng', 'đường', 'nông thôn mới', 'an ninh', 'tự quản', 'cà phê', 'hiến đất', 'giúp nhau', 'thoát nghèo', 'phụ nữ', 'thanh niên', 'khuyến học', 'môi trường', 'xanh', 'sạch', 'đẹp', 'nghe dân nói'];

async function generate() {
  const t0 = performance.now();
  await migrate(db);
  await seedDemo(db, { provinceCode: '52', demoPassword: 'bench-password-123' });
  const communes = await db.selectFrom('units').select(['id', 'code']).where('kind', '=', 'commune-committee').where('valid_to', 'is', null).execute();
  const bodies = await db.selectFrom('units').select(['id']).where('kind', '=', 'department').where('valid_to', 'is', null).execute();
  const registration = JSON.stringify(Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, `Nội dung ${k} của mô hình, đủ dài để giống dữ liệu thật: ${WORDS.join(', ')}`])));
  const now = nowIso();
  let n = 0;
  for (const year of YEARS) {
    for (let start = 0; start < PER_YEAR; start += 500) {
      await db.transaction().execute(async (trx) => {
        const entries = [], recs = [], coms = [], reps = [];
        for (let i = start; i < Math.min(PER_YEAR, start + 500); i++) {
          const id = randomUUID();
          const inCommune = rnd() < 0.85;
          const c = pick(communes);
          const status = pick(STATUSES);
          const name = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${n}`;
          const code = `DVK-${year}-${String(++n).padStart(8, '0')}`;
          const recognised = ['recognised', 'typical', 'commended', 'replicated'].includes(status) || (status === 'discontinued' && rnd() < 0.5);
          entries.push({ id, code, campaign_id: null, year, kind: rnd() < 0.7 ? 'model' : 'exemplar', subject: pick(SUBJECTS), field: pick(FIELDS), track: 'residential', name, search_text: ` ${foldVietnamese(`${name} ${code}`)} `,
            person_name: null, unit_id: inCommune ? c.id : pick(bodies).id, commune_code: inCommune ? c.code : null, commune_unit_id: inCommune ? c.id : null, village: null, lat: null, lng: null,
            registration, press_links: '[]', status, level: recognised ? (rnd() < 0.1 ? 'province' : 'commune') : null, typical: status === 'typical' ? 1 : 0, results_report: null, vote_for: null, vote_total: null,
            status_note: null, previous_entry_id: null, recognised_on: recognised ? `${year}-09-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` : null, created_by: null, created_at: now, updated_at: now });
          if (recognised) recs.push({ id: randomUUID(), entry_id: id, level: 'commune', body: 'BCĐ xã', decision_number: `${n}/QĐ`, decision_on: `${year}-09-01`, year, recognised_by: null, created_at: now });
          if (status === 'commended') coms.push({ id: randomUUID(), entry_id: id, form: pick(['giay-khen', 'bang-khen', 'other']), issuer: 'UBND', decision_number: `${n}/QĐ-UBND`, decision_on: `${year}-10-15`, created_at: now });
          if (status === 'replicated') reps.push({ id: randomUUID(), entry_id: id, to_unit_id: pick(communes).id, replicated_on: `${year}-11-01`, note: null, created_at: now });
        }
        for (let k = 0; k < entries.length; k += 50) await trx.insertInto('exemplar_entries').values(entries.slice(k, k + 50)).execute();
        if (recs.length) for (let k = 0; k < recs.length; k += 100) await trx.insertInto('exemplar_recognitions').values(recs.slice(k, k + 100)).execute();
        if (coms.length) await trx.insertInto('exemplar_commendations').values(coms).execute();
        if (reps.length) await trx.insertInto('exemplar_replications').values(reps).execute();
      });
    }
  }
  // PostgreSQL's autovacuum analyses after a bulk load; SQLite has no statistics unless ANALYZE is run (it is not, in the app).
  if (handle.dialect === 'postgres') await sql`ANALYZE`.execute(db);
  log(`generated ${n} entries (${PER_YEAR}/year × ${YEARS.length} years) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { pleiku: communes.find((c) => c.code === '23575')! };
}

/** Median of `runs` timings in ms. */
async function time(fn: () => Promise<unknown>, runs = 15): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); await fn(); ts.push(performance.now() - t0); }
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function main() {
  const { pleiku } = await generate();
  const t = translator('vi');
  const baseline = await time(() => db.selectFrom('units').selectAll().where('kind', '=', 'village').orderBy('search_text').limit(20).execute());
  const cases: [string, () => Promise<unknown>, number][] = [
    ['list: province, 2025, page 1', () => findEntries(db, 'all', { year: 2025, limit: 51 }), 50],
    ['list: province, all years, page 100', () => findEntries(db, 'all', { limit: 51, offset: 5000 }), 200],
    ['filter: commune + year + field', () => findEntries(db, [pleiku.id], { year: 2025, field: 'economy', limit: 51 }), 50],
    ['filter: status proposed, 2025', () => findEntries(db, 'all', { year: 2025, status: 'proposed', limit: 51 }), 50],
    ['search: "nghe dan noi", 2025', () => findEntries(db, 'all', { year: 2025, q: 'nghe dan noi', limit: 51 }), 200],
    ['public gallery: page 1', () => publicEntries(db, { limit: 25 }), 50],
    ['public map counts: 2025', () => publicCountsByCommune(db, { year: 2025 }), 200],
    ['form 3 summary: province, 2025', () => loadForm3(db, 2025, 'all'), 1000],
    ['form 3 XLSX: province, 2025', async () => form3Xlsx(await loadForm3(db, 2025, 'all'), t), 1500],
  ];
  log(`baseline (20 villages from the unit registry): ${baseline.toFixed(2)} ms`);
  log('| case | median ms | × baseline | budget ms |');
  log('|---|---:|---:|---:|');
  let over = 0;
  for (const [name, fn, budget] of cases) {
    const ms = await time(fn, name.startsWith('form 3') ? 5 : 15);
    if (ms > budget) over++;
    log(`| ${name} | ${ms.toFixed(1)} | ${(ms / baseline).toFixed(1)} | ${budget}${ms > budget ? ' ⚠' : ''} |`);
  }
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (over) { log(`${over} case(s) over budget`); process.exitCode = 1; }
}

main().catch(async (e) => { console.error(e); await handle.close(); process.exitCode = 1; });
