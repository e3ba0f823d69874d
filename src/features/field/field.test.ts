import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { currentVersion } from '../../../test/helpers/concurrency.ts';
import { getUnitByKey } from '../units/index.ts';
import { randomUUID } from 'node:crypto';
import { localToday, nowMs } from '../../platform/clock.ts';

type Json = Record<string, any>;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/**
 * Offline capture, server side: `Idempotency-Key` on the capture routes (a retry answers the first
 * result and writes nothing), the audit's capture and sync times, 409 with the server's current
 * record, and the page's own API calls with the session cookie plus the CSRF header.
 */
forEachDialect('offline capture: idempotency, conflicts, page session', (dialect) => {
  let t: TestApp;
  let token: string;
  let pleiku: string;
  let village: string;
  const call = async (path: string, o: { body?: unknown; form?: () => FormData; key?: string; capturedAt?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...o.headers };
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (o.key) headers['idempotency-key'] = o.key;
    if (o.capturedAt) headers['x-captured-at'] = o.capturedAt;
    const r = await t.app.request(`/api/v1${path}`, { method: 'POST', headers, body: o.form ? o.form() : JSON.stringify(o.body) });
    return { status: r.status, replayed: r.headers.get('idempotent-replayed'), body: (await r.json()) as Json };
  };
  const count = async (table: 'reception_logs' | 'petitions' | 'task_updates' | 'audit_events') => Number((await t.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const visit = (summary: string) => ({ unitId: pleiku, receivedOn: localToday(), visitorName: 'Rơ Châm H\'Bia', visitorAddress: 'Làng Ia Mơ', peopleCount: 2, summary, kind: 'recommendation' });

  before(async () => {
    t = await createTestApp(dialect);
    token = await t.token('demo.commune');
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    village = (await t.db.selectFrom('units').select('id').where('parent_id', '=', pleiku).where('kind', '=', 'village').where('full_name', '=', 'Tổ dân phố 1').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  test('a reception visit sent twice with one key is logged once; the retry gets the first answer; the audit has both times', async () => {
    const [logs, petitions] = [await count('reception_logs'), await count('petitions')];
    const capturedAt = new Date(nowMs() - 3 * 3600_000).toISOString();
    const first = await call('/reception/visits', { body: visit('Xin làm đường vào làng'), key: 'a1b2c3d4-visit-1', capturedAt });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.replayed, null);
    const again = await call('/reception/visits', { body: visit('Xin làm đường vào làng'), key: 'a1b2c3d4-visit-1', capturedAt });
    assert.equal(again.status, 201);
    assert.equal(again.replayed, 'true');
    assert.deepEqual(again.body, first.body);
    assert.equal(await count('reception_logs'), logs + 1);
    assert.equal(await count('petitions'), petitions + 1);
    const ev = await t.db.selectFrom('audit_events').select(['changes', 'at']).where('action', '=', 'reception.visit').where('subject_id', '=', first.body.id).executeTakeFirstOrThrow();
    const offline = JSON.parse(ev.changes!).offline;
    assert.equal(offline.capturedAt, capturedAt);
    assert.equal(offline.syncedAt, ev.at);
    assert.ok(offline.syncedAt > offline.capturedAt);
    const other = await call('/reception/visits', { body: visit('Một nội dung khác'), key: 'a1b2c3d4-visit-1', capturedAt });
    assert.equal(other.status, 422);
    assert.match(other.body.error.message, /đã được dùng cho một yêu cầu khác/);
    assert.equal(await count('reception_logs'), logs + 1);
  });

  test('a bad key or capture time is a 400 with a Vietnamese message; a refused request does not use up its key', async () => {
    const badKey = await call('/reception/visits', { body: visit('x'), key: 'short' });
    assert.equal(badKey.status, 400);
    assert.match(badKey.body.error.fields['Idempotency-Key'], /8 đến 100/);
    const badTime = await call('/reception/visits', { body: visit('x'), key: 'key-with-bad-time', capturedAt: '07/12/2026' });
    assert.equal(badTime.status, 400);
    assert.match(badTime.body.error.fields['X-Captured-At'], /múi giờ/);
    const ahead = await call('/reception/visits', { body: visit('x'), key: 'key-from-the-future', capturedAt: new Date(nowMs() + 3 * 86400_000).toISOString() });
    assert.equal(ahead.status, 400);
    const invalid = await call('/reception/visits', { body: { ...visit('x'), peopleCount: 0 }, key: 'key-fixed-later' });
    assert.equal(invalid.status, 400);
    const fixed = await call('/reception/visits', { body: visit('Sửa lại số người'), key: 'key-fixed-later' });
    assert.equal(fixed.status, 201);
  });

  test('a tally on a vote closed meanwhile is a 409 with the decision as it is now; a retry of the accepted tally writes nothing', async () => {
    const d = await call('/community-decisions', { body: { villageId: village, matter: 'contribution', form: 'meeting', question: 'Đóng góp làm đường bê tông' } });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    const tally = { householdsPresent: 80, yes: 60, no: 20, other: 0, lockVersion: d.body.lockVersion };
    assert.equal((await call(`/community-decisions/${d.body.id}/tally`, { body: tally, key: 'tally-key-0001' })).status, 200);
    const events = await count('audit_events');
    const retry = await call(`/community-decisions/${d.body.id}/tally`, { body: tally, key: 'tally-key-0001' });
    assert.equal(retry.status, 200);
    assert.equal(retry.replayed, 'true');
    assert.equal(await count('audit_events'), events);
    assert.equal((await call(`/community-decisions/${d.body.id}/close`, {})).status, 200);
    const late = await call(`/community-decisions/${d.body.id}/tally`, { body: { householdsPresent: 82, yes: 70, no: 12, other: 0, lockVersion: d.body.lockVersion + 1 }, key: 'tally-key-0002' });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'decision_closed');
    assert.equal(late.body.error.message, 'Biểu quyết đã kết thúc');
    assert.equal(late.body.error.current.yes, 60);
    assert.equal(late.body.error.current.householdsPresent, 80);
    assert.notEqual(late.body.error.current.status, 'open');
    assert.equal(late.body.error.current.statusLabel, 'Đã tổng hợp: Được thông qua');
  });

  test('photo evidence: a multipart retry with the same key adds one update; a task done meanwhile is a 409', async () => {
    const task = await call('/tasks', { body: { title: 'Bê tông hóa đường làng', unitId: pleiku } });
    assert.equal(task.status, 201);
    const form = (progress?: string) => () => {
      const f = new FormData();
      f.append('note', 'Ảnh hiện trường');
      if (progress) f.append('progress', progress);
      f.append('whileOpen', '1');
      f.append('file', new Blob([PNG], { type: 'image/png' }), 'hien-truong.png');
      return f;
    };
    const updates = await count('task_updates');
    const first = await call(`/tasks/${task.body.id}/updates`, { form: form(), key: 'photo-key-0001' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await call(`/tasks/${task.body.id}/updates`, { form: form(), key: 'photo-key-0001' });
    assert.deepEqual([again.status, again.replayed, again.body.id], [201, 'true', first.body.id]);
    assert.equal(await count('task_updates'), updates + 1);
    assert.equal((await t.app.request(`/api/v1/tasks/${task.body.id}`, { method: 'PATCH', headers: { authorization: `Bearer ${await t.token('demo.commune.head')}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'done', lockVersion: await currentVersion(t.db, 'tasks', task.body.id) }) })).status, 200);
    const late = await call(`/tasks/${task.body.id}/updates`, { form: form('50'), key: 'photo-key-0002' });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.current.status, 'done');
    assert.equal(await count('task_updates'), updates + 1);
  });

  test('the page calls the API with its session cookie only together with the CSRF token; /field/session says who, or 401', async () => {
    const agent: Agent = await t.as('demo.commune');
    const page = await agent.get('/field');
    assert.equal(page.status, 200);
    const html = await page.text();
    for (const kind of ['visit', 'tally', 'case', 'session', 'notice']) assert.ok(html.includes(`data-kind="${kind}"`), kind);
    assert.match(html, /<script type="module" src="\/field\/field\.js\?v=/);
    assert.match(html, /<div data-field-nojs="true" class="notice">.*href="\/reception".*href="\/community".*href="\/mediation".*href="\/tasks"/s, 'without JavaScript: links to the usual pages');
    assert.match(html, /<div data-field-app="true" hidden=""/, 'the capture forms need JavaScript and stay hidden without it');
    const me = (await (await agent.get('/field/session')).json()) as Json;
    assert.equal(me.username, 'demo.commune');
    assert.match(html, new RegExp(`data-user-id="${me.id}"`), 'entries are kept per user id');
    const post = (headers: Record<string, string>) => agent.request('/api/v1/reception/visits', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers }, body: JSON.stringify(visit('Qua trang ghi nhận')) });
    assert.equal((await post({})).status, 401);
    assert.equal((await post({ 'x-csrf-token': 'x'.repeat(43) })).status, 401);
    assert.equal((await post({ 'x-csrf-token': me.csrf })).status, 201);
    assert.equal((await t.agent().get('/field/session')).status, 401);
    const sw = await t.agent().get('/field/sw.js');
    assert.equal(sw.headers.get('service-worker-allowed'), '/field');
    assert.match(await sw.text(), /const SHELL = \["\/static\/app\.css\?v=/);
  });

  test('sign-out: with unsent entries it warns first; signing out clears the device unless another officer still has unsent entries', async () => {
    const agent: Agent = await t.as('demo.commune');
    const me = (await (await agent.get('/field/session')).json()) as Json;
    agent.cookies.set('coso_field_unsynced', me.id);
    const warned = await agent.logout();
    assert.deepEqual([warned.status, warned.headers.get('location')], [303, '/field/sign-out']);
    assert.equal((await agent.get('/field/session')).status, 200, 'still signed in');
    const check = await (await agent.get('/field/sign-out')).text();
    assert.match(check, /Trên máy này còn các mục bạn đã ghi nhận ngoại tuyến nhưng chưa gửi được/);
    assert.match(check, /<input type="hidden" name="discard" value="1"\/>.*Vẫn đăng xuất và xóa các mục chưa gửi khỏi máy/s);
    const out = await agent.post('/logout', { discard: '1' });
    assert.deepEqual([out.status, out.headers.get('location'), out.headers.get('clear-site-data')], [303, '/login?out=1', '"storage"']);
    assert.equal((await agent.get('/field/session')).status, 401);

    const other = await t.as('demo.commune.head');
    other.cookies.set('coso_field_unsynced', me.id);
    const kept = await other.logout();
    assert.deepEqual([kept.status, kept.headers.get('location'), kept.headers.get('clear-site-data')], [303, '/login?out=1', null], 'another officer\'s unsent entries stay');
    other.cookies.delete('coso_field_unsynced');
    assert.equal((await other.login('demo.commune.head')).headers.get('clear-site-data'), '"storage"', 'a sign-in starts from a clean device');
    assert.equal((await other.logout()).headers.get('clear-site-data'), '"storage"');
  });
});
