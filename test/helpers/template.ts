/**
 * Builds the seeded databases the tests start from, once per `npm test` run (test/run.ts calls it):
 * a SQLite file and a PostgreSQL template database, migrated and seeded with the Gia Lai demo data
 * (password TEST_PASSWORD). Each test app then copies the file or runs `CREATE DATABASE … TEMPLATE`,
 * which takes milliseconds instead of seconds of seeding. Prints the two locations as JSON.
 *   node --import tsx test/helpers/template.ts DIR
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate, openDb } from '../../src/platform/db/index.ts';
import { seedDemo } from '../../src/seed.ts';
import { TEST_PASSWORD } from './app.ts';

export const PG_TEMPLATE = 'coso_template_seeded';

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: template.ts DIR');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'seeded.sqlite');
  const s = openDb({ dataDir: dir, sqliteFile: file });
  await migrate(s.db);
  await seedDemo(s.db, { provinceCode: '52', demoPassword: TEST_PASSWORD });
  await s.close();
  const out: { sqlite: string; pg?: string } = { sqlite: file };
  const base = process.env.COSO_TEST_PG_URL;
  if (base) {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE}`);
    const url = new URL(base);
    url.pathname = `/${PG_TEMPLATE}`;
    const p = openDb({ databaseUrl: url.toString(), dataDir: dir });
    await migrate(p.db);
    await seedDemo(p.db, { provinceCode: '52', demoPassword: TEST_PASSWORD });
    await p.close();
    await admin.end();
    out.pg = PG_TEMPLATE;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
