import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDb } from '../../platform/db/index.ts';
import { seedDemo } from '../../seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let dataDir: string;

/** Runs `npm run coso -- audit verify` against the SQLite file in dataDir. */
function auditVerify() {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'audit', 'verify'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-cli-'));
  const h = openDb({ dataDir });
  try {
    await migrate(h.db);
    await seedDemo(h.db, { provinceCode: '52', demoPassword: 'mat-khau-thu-nghiem-2025' });
  } finally {
    await h.close();
  }
});
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('CLI `audit verify` exits 0 with OK on an intact chain, non-zero with BROKEN after tampering', async () => {
  const good = auditVerify();
  assert.equal(good.status, 0, good.out);
  assert.match(good.out, /^OK: \d+ events, chain intact/m);

  const h = openDb({ dataDir });
  try {
    await h.db.updateTable('audit_events').set({ action: 'x' }).where('seq', '=', 2).execute();
  } finally {
    await h.close();
  }
  const bad = auditVerify();
  assert.notEqual(bad.status, 0, bad.out);
  assert.match(bad.out, /BROKEN at event #2/);
});
