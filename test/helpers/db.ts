import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openDb, type DbHandle, type Dialect } from '../../src/platform/db/index.ts';

/** The dialects every integration test runs on: SQLite always, PostgreSQL when test/run.ts started a cluster. */
export const dialects: Dialect[] = process.env.COSO_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  handle: DbHandle;
  /** Closes the connection and removes the database (file or PostgreSQL database). */
  drop(): Promise<void>;
}

/** Runs one statement on the cluster's `postgres` database (CREATE/DROP DATABASE cannot run in a pool transaction). */
async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.COSO_TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database of the dialect: empty, or (`seeded`) a copy of the demo-seeded template
 * test/run.ts built for this run (COSO_TEST_SQLITE_TEMPLATE, COSO_TEST_PG_TEMPLATE). Returns
 * `seeded: false` when there is no template (tests run without test/run.ts): the caller seeds.
 */
export async function createTestDb(dialect: Dialect, opts: { seeded?: boolean } = {}): Promise<TestDb & { seeded: boolean }> {
  const pgTemplate = opts.seeded ? process.env.COSO_TEST_PG_TEMPLATE : undefined;
  const sqliteTemplate = opts.seeded ? process.env.COSO_TEST_SQLITE_TEMPLATE : undefined;
  if (dialect === 'postgres') {
    const base = process.env.COSO_TEST_PG_URL;
    if (!base) throw new Error('COSO_TEST_PG_URL is not set: run the tests through `npm test` (test/run.ts starts PostgreSQL)');
    const name = `coso_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(pgTemplate ? `CREATE DATABASE ${name} TEMPLATE ${pgTemplate}` : `CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const handle = openDb({ databaseUrl: url.toString(), dataDir: os.tmpdir() });
    let dropped = false;
    const drop = async () => {
      if (dropped) return;
      dropped = true;
      await handle.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
    try {
      await migrate(handle.db);
    } catch (e) {
      await drop();
      throw e;
    }
    return { handle, drop, seeded: !!pgTemplate };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-db-'));
  if (sqliteTemplate) fs.copyFileSync(sqliteTemplate, path.join(dir, 'test.sqlite'));
  const handle = openDb({ dataDir: dir, sqliteFile: path.join(dir, 'test.sqlite') });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrate(handle.db);
  } catch (e) {
    await drop();
    throw e;
  }
  return { handle, drop, seeded: !!sqliteTemplate };
}
