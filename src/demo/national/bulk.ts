/** Bulk writing for the national generator: multi-row inserts in transactions, a seeded random source. */
import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db, Dialect } from '../../platform/db/index.ts';
import type { Database } from '../../platform/db/tables.ts';
import { inTransaction } from '../../platform/audit/index.ts';

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
/** Rows per transaction: large enough to amortise the commit, small enough to keep memory flat. */
const ROWS_PER_TRANSACTION = 50_000;

/** The multi-row INSERT text for `n` rows (placeholders of the dialect), built once per shape. */
const texts = new Map<string, string>();
function insertText(dialect: Dialect, table: string, cols: string[], n: number): string {
  const key = `${dialect}|${table}|${cols.join(',')}|${n}`;
  let text = texts.get(key);
  if (!text) {
    let k = 0;
    const tuple = () => `(${cols.map(() => (dialect === 'postgres' ? `$${++k}` : '?')).join(',')})`;
    text = `insert into "${table}" (${cols.map((c) => `"${c}"`).join(',')}) values ${Array.from({ length: n }, tuple).join(',')}`;
    texts.set(key, text);
  }
  return text;
}

/**
 * Inserts rows (all with the keys of the first) in multi-row statements, `ROWS_PER_TRANSACTION`
 * rows per transaction; returns the count. The statement text is built here once per shape and
 * sent as a compiled query: Kysely's builder costs more than the database for 30,000 values.
 */
export async function bulkInsert<T extends keyof Database & string>(db: Db, table: T, rows: Record<string, unknown>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const dialect: Dialect = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  const cols = Object.keys(rows[0]);
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  for (let t = 0; t < rows.length; t += ROWS_PER_TRANSACTION) {
    const slice = rows.slice(t, t + ROWS_PER_TRANSACTION);
    await inTransaction(db, async (trx) => {
      for (let i = 0; i < slice.length; i += per) {
        const chunk = slice.slice(i, i + per);
        const params = chunk.flatMap((r) => cols.map((c) => r[c] ?? null));
        await trx.executeQuery(CompiledQuery.raw(insertText(dialect, table, cols, chunk.length), params));
      }
    }, { unaudited: 'synthetic national demo data (one audit event records the whole run)' });
  }
  return rows.length;
}

/** A deterministic random source (mulberry32), so that two runs at one scale make the same data. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <X>(xs: readonly X[]): X => xs[Math.floor(next() * xs.length)],
    /** Days back from today over `span` days, more of them recent (work grows over time). */
    daysAgo: (span: number) => Math.floor(span * (1 - Math.sqrt(next()))),
  };
}
export type Random = ReturnType<typeof random>;
