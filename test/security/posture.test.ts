/**
 * Production posture in process (issue 17 item 6): an unaudited change is rolled back with an error;
 * an internal error (a broken database) shows neither a stack nor SQL; web sessions and API tokens
 * expire by the product clock, and signing out (page or API) ends them.
 */
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, record, SYSTEM_ACTOR, UnauditedChangeError, verifyChain } from '../../src/platform/audit/index.ts';
import { nowIso, nowMs, setClock } from '../../src/platform/clock.ts';
import { createTestApp, forEachDialect, type TestApp } from '../helpers/app.ts';

const LEAK = /\bat \S+ \(|\.tsx?:\d+|Error:|select\s|insert\s|from\s+"?\w+"?\s+where|no such table|relation .* does not exist|sqlite|postgres/i;

forEachDialect('posture', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());
  afterEach(() => setClock(null));

  const attempt = () => ({ id: randomUUID(), username: `khong.kiem.toan.${randomUUID().slice(0, 8)}`, ip: '203.0.113.9', at: nowIso() });
  const countOf = async (username: string) => (await t.db.selectFrom('login_attempts').select('id').where('username', '=', username).execute()).length;

  test('a service transaction that writes without an audit event is refused and rolled back', async () => {
    const row = attempt();
    await assert.rejects(inTransaction(t.db, (trx) => trx.insertInto('login_attempts').values(row).execute()), UnauditedChangeError);
    assert.equal(await countOf(row.username), 0, 'the row was rolled back');
    const audited = attempt();
    await inTransaction(t.db, async (trx) => {
      await trx.insertInto('login_attempts').values(audited).execute();
      await record(trx, SYSTEM_ACTOR, { action: 'test.audited', subjectType: 'login_attempt', subjectId: audited.id });
    });
    assert.equal(await countOf(audited.username), 1, 'the same write with its audit event commits');
    const read = await inTransaction(t.db, (trx) => trx.selectFrom('users').select('id').execute());
    assert.ok(read.length > 0, 'a read-only transaction needs no audit event');
    assert.equal((await verifyChain(t.db)).ok, true);
  });

  test('an internal error shows a Vietnamese message and the request id, never a stack trace or SQL', async () => {
    const a = await t.as('demo.admin');
    const token = await t.token('demo.admin');
    // A broken database: two tables gone (renamed, so foreign keys do not stand in the way).
    await sql`alter table notifications rename to notifications_gone`.execute(t.db);
    await sql`alter table inspection_plans rename to inspection_plans_gone`.execute(t.db);
    const page = await a.get('/notifications');
    assert.equal(page.status, 500);
    const html = await page.text();
    assert.match(html, /Hệ thống gặp lỗi/);
    assert.match(html, /[0-9a-f]{8}-[0-9a-f]{4}/, 'the request id to quote to support');
    assert.doesNotMatch(html.replace(/<[^>]+>/g, ' '), LEAK);
    const api = await t.app.request('/api/v1/inspection-plans', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(api.status, 500);
    const body = (await api.json()) as { error: { code: string; message: string } };
    assert.deepEqual(Object.keys(body.error), ['code', 'message']);
    assert.equal(body.error.code, 'internal');
    assert.doesNotMatch(body.error.message, LEAK);
  });

  test('a web session ends after SESSION_IDLE_MINUTES without use, and use keeps it alive', async () => {
    const idle = t.config.sessionIdleMinutes;
    const start = nowMs();
    const active = await t.as('demo.leader');
    const sleeper = await t.as('demo.observer');
    for (let m = 0.6; m < 2.5; m += 0.6) {
      setClock(start + m * idle * 60_000);
      assert.equal((await active.get('/units')).status, 200, `still signed in after ${m} idle periods of use`);
    }
    const gone = await sleeper.get('/units');
    assert.equal(gone.status, 303);
    assert.match(gone.headers.get('location') ?? '', /^\/login/);
    setClock(start + 4 * idle * 60_000);
    assert.equal((await active.get('/units')).status, 303, 'the active session too, once left idle');
  });

  test('an API token works until API_TOKEN_HOURS, then gets 401', async () => {
    const start = nowMs();
    const token = await t.token('demo.coordinator');
    const me = () => t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    setClock(start + (t.config.apiTokenHours * 60 - 1) * 60_000);
    assert.equal((await me()).status, 200);
    setClock(start + (t.config.apiTokenHours * 60 + 1) * 60_000);
    const r = await me();
    assert.equal(r.status, 401);
    assert.match(((await r.json()) as { error: { message: string } }).error.message, /đăng nhập/i);
  });

  test('signing out ends the session; DELETE /api/v1/auth/token ends the token; both are audited', async () => {
    const a = await t.as('demo.department');
    const sid = a.cookie('coso_sid')!;
    assert.equal((await a.logout()).status, 303);
    assert.equal((await t.app.request('/units', { headers: { cookie: `coso_sid=${sid}` } })).status, 303);
    const token = await t.token('demo.department');
    const other = await t.token('demo.department');
    const auth = (tok: string) => ({ authorization: `Bearer ${tok}` });
    const del = await t.app.request('/api/v1/auth/token', { method: 'DELETE', headers: auth(token) });
    assert.equal(del.status, 204);
    assert.equal((await t.app.request('/api/v1/me', { headers: auth(token) })).status, 401, 'the revoked token');
    assert.equal((await t.app.request('/api/v1/me', { headers: auth(other) })).status, 200, 'another token of the same user is untouched');
    assert.equal((await t.app.request('/api/v1/auth/token', { method: 'DELETE', headers: auth(token) })).status, 401, 'revoking twice');
    const events = await t.db.selectFrom('audit_events').select('action').where('action', 'in', ['auth.logout', 'auth.token.revoke']).execute();
    assert.deepEqual([...new Set(events.map((e) => e.action))].sort(), ['auth.logout', 'auth.token.revoke']);
  });

  test('a deactivated account loses its open sessions and tokens at once', async () => {
    const victim = await t.as('demo.board');
    const token = await t.token('demo.board');
    await t.db.updateTable('users').set({ active: 0 }).where('username', '=', 'demo.board').execute();
    assert.equal((await victim.get('/units')).status, 303);
    assert.equal((await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status, 401);
    await t.db.updateTable('users').set({ active: 1 }).where('username', '=', 'demo.board').execute();
  });
});
