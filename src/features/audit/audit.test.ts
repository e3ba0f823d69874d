import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ACCOUNTS } from '../../seed.ts';
import { createTestApp, forEachDialect, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { inTransaction, record, SYSTEM_ACTOR, verifyChain } from '../../platform/audit/index.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { localDayStart } from './audit.repository.ts';

type Item = { seq: number; id: string; at: string; actorName: string | null; action: string; subjectType: string; subjectId: string | null; changes: unknown; visibility: string };

/** The event blocks of the audit page (its list items), so filter-form values don't count as hits. */
const events = (html: string) => [...html.matchAll(/<li id="e(\d+)"><strong>#\d+ · <code>([^<]*)<\/code>/g)].map((m) => ({ seq: Number(m[1]), action: m[2] }));

test('local calendar days start at 17:00 UTC the day before (Vietnam, UTC+7)', () => {
  assert.equal(localDayStart('2025-07-01'), '2025-06-30T17:00:00.000Z');
  assert.equal(localDayStart('2025-12-31', 1), '2025-12-31T17:00:00.000Z');
});

forEachDialect('audit log', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let token: string;
  const api = async (path: string, bearer = token) => {
    const r = await t.app.request(path, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  before(async () => {
    t = await createTestApp(dialect);
    // more than one page of events (the demo seed writes about thirty)
    for (let i = 0; i < 40; i++) await inTransaction(t.db, (trx) => record(trx, SYSTEM_ACTOR, { action: 'test.filler', subjectType: 'test', subjectId: String(i), changes: { i } }));
    admin = await t.as('demo.admin');
    token = await t.token('demo.coordinator');
  });
  after(() => t.close());

  test('only admins and coordinators see the log', async () => {
    for (const u of ['demo.leader', 'demo.observer', 'demo.commune']) {
      const a = await t.as(u);
      assert.equal((await a.get('/audit')).status, 403, u);
      assert.equal((await a.get('/audit.csv')).status, 403, u);
      assert.equal((await api('/api/v1/audit', await t.token(u))).status, 403, u);
      assert.equal((await api('/api/v1/audit/verify', await t.token(u))).status, 403, u);
    }
    assert.equal((await (await t.as('demo.coordinator')).get('/audit')).status, 200);
    assert.equal((await t.app.request('/api/v1/audit')).status, 401);
  });

  test('the page lists events newest first, 50 a page, with the changes folded', async () => {
    const res = await admin.get('/audit');
    assert.equal(res.status, 200);
    const html = await res.text();
    const list = events(html);
    assert.equal(list.length, 50);
    assert.deepEqual(list.map((e) => e.seq), list.map((e) => e.seq).sort((a, b) => b - a), 'newest first');
    assert.match(html, /<details><summary>Nội dung thay đổi<\/summary>/);
    assert.match(html, /href="\?page=2" rel="next"/);
    assert.doesNotMatch(html, /Nhật ký toàn vẹn/, 'the chain is not verified on every view');
    const page2 = events(await (await admin.get('/audit?page=2')).text());
    assert.equal(page2[0].seq, list[49].seq - 1);
  });

  test('filters: action prefix, actor, subject and dates (dd/mm/yyyy)', async () => {
    const grants = events(await (await admin.get('/audit?action=grants.')).text());
    assert.equal(grants.length, DEMO_ACCOUNTS.length, 'one grant per demo account');
    assert.ok(grants.every((e) => e.action === 'grants.create'));
    // a change made through the app names its actor, IP and request id
    const department = await t.db.selectFrom('users').select('id').where('username', '=', 'demo.department').executeTakeFirstOrThrow();
    assert.equal((await admin.post(`/admin/users/${department.id}/password`, { password: 'mot-mat-khau-rat-dai' })).status, 303);
    const mine = await (await admin.get('/audit?actor=DEMO.ADMIN')).text();
    assert.equal(events(mine)[0].action, 'users.resetPassword');
    assert.ok(events(mine).every((e) => ['users.resetPassword', 'auth.login'].includes(e.action)));
    assert.match(mine, /Người thực hiện: <strong>demo\.admin<\/strong>/);
    assert.match(mine, /Địa chỉ IP: 127\.0\.0\.1 · Mã yêu cầu: [0-9a-f-]{36}/);
    const subject = events(await (await admin.get(`/audit?subjectType=user&subjectId=${department.id}`)).text());
    assert.deepEqual(subject.map((e) => e.action), ['users.resetPassword', 'grants.create', 'users.create']);
    const today = formatDate(localToday());
    assert.equal(events(await (await admin.get(`/audit?from=${today}&to=${today}&action=grants`)).text()).length, DEMO_ACCOUNTS.length);
    assert.equal(events(await (await admin.get('/audit?to=01/01/2020')).text()).length, 0);
    const bad = await admin.get('/audit?from=31/02/2025&action=grants');
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /href="#f-from"/);
    assert.match(badHtml, /value="31\/02\/2025"/);
    assert.match(badHtml, /value="grants"/);
  });

  test('CSV export keeps the filters', async () => {
    const res = await admin.get('/audit.csv?action=grants.');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    assert.equal(lines.length, 1 + DEMO_ACCOUNTS.length);
    assert.ok(lines.slice(1).every((l) => l.includes(',grants.create,user,')));
    assert.equal((await admin.get('/audit.csv?to=99/99/2025')).status, 400);
  });

  test('the API lists events with the same filters and a limit', async () => {
    const { status, body } = await api('/api/v1/audit?action=grants.&limit=3');
    assert.equal(status, 200);
    const items = body.items as Item[];
    assert.equal(items.length, 3);
    assert.ok(items.every((i) => i.action === 'grants.create' && i.subjectType === 'user' && i.visibility === 'admin'));
    assert.ok(items[0].seq > items[1].seq && items[1].seq > items[2].seq);
    assert.equal(typeof items[0].changes, 'object', 'changes as JSON, not a string');
    assert.deepEqual(Object.keys(items[0]).sort(), ['action', 'actorId', 'actorName', 'at', 'changes', 'id', 'ip', 'requestId', 'seq', 'subjectId', 'subjectType', 'unitId', 'visibility']);
    const today = localToday();
    assert.equal(((await api(`/api/v1/audit?from=${today}&to=${today}&limit=1000`)).body.items as Item[]).length > 7, true);
    assert.equal(((await api('/api/v1/audit?to=2020-01-01')).body.items as Item[]).length, 0);
    const bad = await api('/api/v1/audit?from=01/07/2025&limit=0');
    assert.equal(bad.status, 400);
    assert.ok((bad.body.error as { fields: Record<string, string> }).fields.from);
    const doc = await (await t.app.request('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/audit'] && doc.paths['/audit/verify'], 'documented in OpenAPI');
  });

  test('verify on demand: OK, then broken at #2 after tampering', async () => {
    const ok = await admin.get('/audit?verify=1&action=grants.');
    assert.equal(ok.status, 200);
    const html = await ok.text();
    const count = Number((await t.db.selectFrom('audit_events').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    assert.match(html, new RegExp(`<strong>OK</strong> · Nhật ký toàn vẹn: đã kiểm tra ${count} sự kiện`));
    assert.equal(events(html).length, DEMO_ACCOUNTS.length, 'filters still apply');
    assert.deepEqual((await api('/api/v1/audit/verify')).body, { ok: true, count });

    await t.db.updateTable('audit_events').set({ action: 'x' }).where('seq', '=', 2).execute();
    const r = await verifyChain(t.db);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.brokenAt, 2);
    const { status, body } = await api('/api/v1/audit/verify');
    assert.equal(status, 200);
    assert.equal(body.ok, false);
    assert.equal(body.brokenAt, 2);
    assert.match(String(body.reason), /#2/);
    const broken = await (await admin.get('/audit?verify=1')).text();
    assert.match(broken, /Nhật ký bị phá vỡ tại sự kiện #2/);
  });
});
