import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { migrations } from '../../../migrations/index.ts';
import type { Database } from './tables.ts';
import { cachedStatements } from './statement-cache.ts';

export type { Database } from './tables.ts';
export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** SQLite file path (undefined on PostgreSQL). */
  file?: string;
  close(): Promise<void>;
  /** Connection pool use: total, idle, clients waiting, maximum (PostgreSQL only). */
  stats?: () => { total: number; idle: number; waiting: number; max: number };
}

// PostgreSQL returns bigint (count(*)) as a string; numbers in this schema are small, so parse them.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** Opens the database: PostgreSQL when the URL says so, otherwise a SQLite file (WAL, foreign keys on, prepared statements cached). */
export function openDb(opts: { databaseUrl?: string; dataDir: string; sqliteFile?: string }): DbHandle {
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection closed by the server (restart, failover, DROP … WITH (FORCE)) must not crash
    // the process: the pool drops that client and opens a new one on the next query.
    pool.on('error', (err) => console.warn(`PostgreSQL: idle connection closed (${err.message})`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const stats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: 10 });
    return { db, dialect: 'postgres', close: () => db.destroy(), stats };
  }
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'coso.sqlite');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
  return { db, dialect: 'sqlite', file, close: () => db.destroy() };
}

/**
 * Applies every pending migration, in name order; throws with the failing migration's name.
 * A pending migration named before one already applied (two branches merged) still runs: each
 * migration touches only its own feature's tables, so their relative order does not matter.
 */
export async function migrate(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`Migration ${failed} failed: ${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The current instant (ISO-8601 UTC) from the product's one clock. */
export { nowIso } from '../clock.ts';
