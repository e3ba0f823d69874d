import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ACCOUNTS } from '../../seed.ts';
import { createTestApp, forEachDialect, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { findUnits } from '../units/index.ts';
import { localToday } from '../../platform/i18n/index.ts';

const NEW_PASSWORD = 'mat-khau-moi-du-dai-2025';

forEachDialect('admin: staff accounts', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  const auditRows = (action: string, subjectId: string) =>
    t.db.selectFrom('audit_events').select(['seq', 'action', 'actor_name', 'unit_id']).where('action', '=', action).where('subject_id', '=', subjectId).execute();
  const userId = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  /** Creates an account through the form and returns its id (from the redirect). */
  const createViaForm = async (username: string, displayName: string) => {
    const res = await admin.post('/admin/users/new', { username, displayName, email: '', password: TEST_PASSWORD });
    assert.equal(res.status, 303, await res.text());
    const m = /^\/admin\/users\/([0-9a-f-]{36})\?done=created$/.exec(res.headers.get('location') ?? '');
    assert.ok(m, `redirect to the new account, got ${res.headers.get('location')}`);
    return m[1];
  };

  before(async () => {
    t = await createTestApp(dialect);
    admin = await t.as('demo.admin');
  });
  after(() => t.close());

  test('only admins reach the accounts pages; anonymous users are sent to sign in', async () => {
    for (const u of ['demo.coordinator', 'demo.leader', 'demo.commune']) {
      const a = await t.as(u);
      assert.equal((await a.get('/admin/users')).status, 403, u);
      assert.equal((await a.get('/admin/users.csv')).status, 403, u);
      const id = await userId('demo.observer');
      assert.equal((await a.post(`/admin/users/${id}/active`, { active: '0' })).status, 403, u);
    }
    const anon = await t.agent().get('/admin/users');
    assert.equal(anon.status, 303);
    assert.match(anon.headers.get('location') ?? '', /^\/login/);
    assert.match(await (await admin.get('/')).text(), /href="\/areas\/system"/, 'the administration area is linked for admins');
    assert.match(await (await admin.get('/areas/system')).text(), /href="\/admin\/users"/, 'nav entry for admins');
  });

  test('the list shows accounts with roles, searches without diacritics, and exports CSV', async () => {
    const res = await admin.get('/admin/users');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /demo\.coordinator/);
    assert.match(html, /Cơ quan điều phối \(Sở Nội vụ\) · Sở Nội vụ/);
    const found = await (await admin.get('/admin/users?q=so+noi+vu')).text();
    assert.match(found, /demo\.coordinator/);
    assert.doesNotMatch(found, /demo\.leader/);
    const upper = await (await admin.get(`/admin/users?q=${encodeURIComponent('CHỦ TỊCH')}`)).text();
    assert.match(upper, /demo\.commune\.head/);
    assert.doesNotMatch(upper, /demo\.department/);
    const csv = await admin.get('/admin/users.csv?q=demo');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual(Array.from(bytes.slice(0, 3)), [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const body = new TextDecoder().decode(bytes);
    assert.equal(body.trim().split('\r\n').length, 1 + DEMO_ACCOUNTS.length, 'header and every demo account');
    assert.match(body, /demo\.admin,Quản trị hệ thống \(demo\),,có,Quản trị hệ thống · /);
  });

  test('admin creates an account through the form (303) and the creation is audited', async () => {
    const page = await admin.get('/admin/users/new');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /name="password"/);
    const id = await createViaForm('Nguyen.Van.A', 'Nguyễn Văn A');
    const row = await t.db.selectFrom('users').select(['username', 'display_name', 'active']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual({ ...row, active: Number(row.active) }, { username: 'nguyen.van.a', display_name: 'Nguyễn Văn A', active: 1 });
    const detail = await (await admin.get(`/admin/users/${id}?done=created`)).text();
    assert.match(detail, /Đã tạo tài khoản/);
    assert.match(detail, /Nguyễn Văn A/);
    assert.equal((await auditRows('users.create', id))[0]?.actor_name, 'demo.admin');
    const other = t.agent();
    assert.equal((await other.login('nguyen.van.a')).status, 303, 'the new account can sign in');
  });

  test('bad input comes back with 400, an error summary linking to the fields, and the values except the password', async () => {
    const res = await admin.post('/admin/users/new', { username: 'tran.thi.b', displayName: '', email: 'khong-phai-email', password: 'ngan-qua' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /class="error-summary"/);
    for (const f of ['displayName', 'email', 'password']) assert.match(html, new RegExp(`href="#f-${f}"`), f);
    assert.match(html, /Cần ít nhất 12 ký tự/);
    assert.match(html, /id="f-username" name="username" type="text" value="tran.thi.b"/);
    assert.match(html, /value="khong-phai-email"/);
    assert.doesNotMatch(html, /value="ngan-qua"/);
    assert.equal(await t.db.selectFrom('users').select('id').where('username', '=', 'tran.thi.b').executeTakeFirst(), undefined);

    const taken = await admin.post('/admin/users/new', { username: 'DEMO.ADMIN', displayName: 'Trùng tên', password: TEST_PASSWORD });
    assert.equal(taken.status, 400);
    const takenHtml = await taken.text();
    assert.match(takenHtml, /href="#f-username"/);
    assert.match(takenHtml, /Tên đăng nhập này đã được dùng/);
    assert.match(takenHtml, /value="Trùng tên"/);
    const bad = await admin.post('/admin/users/new', { username: 'có dấu', displayName: 'X', password: TEST_PASSWORD });
    assert.equal(bad.status, 400);
  });

  test('grant and revoke work, show Vietnamese role names and are audited', async () => {
    const id = await createViaForm('le.van.c', 'Lê Văn C');
    const page = await (await admin.get(`/admin/users/${id}`)).text();
    assert.match(page, /<optgroup label="Ủy ban nhân dân tỉnh">/);
    assert.match(page, /<optgroup label="Sở, ban, ngành và các cơ quan khác">[\s\S]*Sở Tư pháp[\s\S]*<optgroup label="Xã, phường, đặc khu">[\s\S]*Phường Pleiku/);
    assert.match(page, /<option value="unit-officer" selected="">Công chức phụ trách<\/option>/);
    const tuPhap = (await findUnits(t.db, { q: 'so tu phap', at: localToday() })).find((u) => u.kind === 'department')!;
    assert.ok(tuPhap, 'Sở Tư pháp exists');

    const res = await admin.post(`/admin/users/${id}/grants`, { role: 'unit-head', unitId: tuPhap.id, includeDescendants: '1' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/admin/users/${id}?done=granted`);
    const grant = await t.db.selectFrom('role_grants').selectAll().where('user_id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([grant.role, grant.unit_id, Number(grant.include_descendants)], ['unit-head', tuPhap.id, 1]);
    const created = await auditRows('grants.create', id);
    assert.equal(created.length, 1);
    assert.equal(created[0].unit_id, tuPhap.id);
    assert.equal(created[0].actor_name, 'demo.admin');
    const shown = await (await admin.get(`/admin/users/${id}?done=granted`)).text();
    assert.match(shown, /Đã giao vai trò/);
    assert.match(shown, /Người đứng đầu đơn vị/);
    assert.match(shown, new RegExp(`action="/admin/users/${id}/grants/${grant.id}/revoke"`));

    const bad = await admin.post(`/admin/users/${id}/grants`, { role: 'emperor', unitId: '' });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /href="#f-role"/);
    assert.match(badHtml, /href="#f-unitId"/);
    const missing = await admin.post(`/admin/users/${id}/grants`, { role: 'unit-officer', unitId: 'khong-co' });
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /Chọn một đơn vị đang hoạt động/);

    const someoneElse = await userId('demo.leader');
    assert.equal((await admin.post(`/admin/users/${someoneElse}/grants/${grant.id}/revoke`, {})).status, 404, 'a grant is revoked only under its own user');
    const revoke = await admin.post(`/admin/users/${id}/grants/${grant.id}/revoke`, {});
    assert.equal(revoke.status, 303);
    assert.equal(await t.db.selectFrom('role_grants').select('id').where('id', '=', grant.id).executeTakeFirst(), undefined);
    const revoked = await auditRows('grants.revoke', id);
    assert.equal(revoked.length, 1);
    assert.ok(revoked[0].seq > created[0].seq);
    assert.equal((await admin.post(`/admin/users/${id}/grants/${grant.id}/revoke`, {})).status, 404);
  });

  test('password reset and deactivation end the sessions; both are audited', async () => {
    const id = await createViaForm('pham.thi.d', 'Phạm Thị D');
    const user = await t.as('pham.thi.d');
    assert.match(await (await user.get('/')).text(), /Phạm Thị D/);

    const short = await admin.post(`/admin/users/${id}/password`, { password: 'ngan' });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /href="#f-password"/);
    assert.equal((await admin.post(`/admin/users/${id}/password`, { password: NEW_PASSWORD })).status, 303);
    assert.doesNotMatch(await (await user.get('/')).text(), /Phạm Thị D/, 'signed out by the reset');
    assert.notEqual((await t.agent().login('pham.thi.d', TEST_PASSWORD)).status, 303, 'old password refused');
    assert.equal((await user.login('pham.thi.d', NEW_PASSWORD)).status, 303);
    assert.equal((await auditRows('users.resetPassword', id)).length, 1);

    const off = await admin.post(`/admin/users/${id}/active`, { active: '0' });
    assert.equal(off.status, 303);
    assert.equal(off.headers.get('location'), `/admin/users/${id}?done=deactivated`);
    assert.equal((await t.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).length, 0);
    assert.equal((await user.get('/notifications')).status, 303, 'no longer signed in');
    assert.notEqual((await t.agent().login('pham.thi.d', NEW_PASSWORD)).status, 303, 'a deactivated account cannot sign in');
    assert.match(await (await admin.get('/admin/users?q=pham')).text(), /Đã khóa/);
    assert.equal((await auditRows('users.deactivate', id)).length, 1);

    assert.equal((await admin.post(`/admin/users/${id}/active`, { active: '1' })).status, 303);
    assert.equal((await t.agent().login('pham.thi.d', NEW_PASSWORD)).status, 303);
    assert.equal((await auditRows('users.activate', id)).length, 1);
  });

  test('an admin cannot deactivate their own account; unknown accounts are 404', async () => {
    const self = await userId('demo.admin');
    const res = await admin.post(`/admin/users/${self}/active`, { active: '0' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Bạn không thể tự khóa tài khoản của mình/);
    assert.equal((await admin.get('/admin/users/khong-co')).status, 404);
    assert.equal((await admin.post('/admin/users/khong-co/password', { password: NEW_PASSWORD })).status, 404);
  });
});
