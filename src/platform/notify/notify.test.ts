import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { notifyUsers } from './index.ts';

/** Two requests sending the same keyed notice at once (two staff pressing "remind" on one plan; found by the authorization sweep on PostgreSQL). */
forEachDialect('notifications: a keyed notice sent twice at once', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('two concurrent transactions: one notice, no error', async () => {
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'demo.commune').executeTakeFirstOrThrow();
    const n = { title: 'Nhắc việc', body: 'Nhắc việc', dedupeKey: `test:${dialect}:concurrent` };
    let release!: () => void;
    const hold = new Promise<void>((r) => { release = r; });
    let inserted!: () => void;
    const firstInserted = new Promise<void>((r) => { inserted = r; });
    const a = t.db.transaction().execute(async (trx) => { const k = await notifyUsers(trx, [user.id], n); inserted(); await hold; return k; });
    await firstInserted;
    const b = t.db.transaction().execute((trx) => notifyUsers(trx, [user.id], n));
    setTimeout(release, 300);
    const [ka, kb] = await Promise.all([a, b]);
    assert.equal(ka + kb, 1);
    const rows = await t.db.selectFrom('notifications').select('id').where('user_id', '=', user.id).where('dedupe_key', '=', n.dedupeKey).execute();
    assert.equal(rows.length, 1);
  });
});
