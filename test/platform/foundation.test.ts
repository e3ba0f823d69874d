import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { migrate } from '../../src/platform/db/index.ts';
import { createTestDb } from '../helpers/db.ts';
import { createTestApp, forEachDialect, TEST_PASSWORD, type TestApp } from '../helpers/app.ts';
import { nowMs } from '../../src/platform/clock.ts';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
type ApiError = { error: { code: string; message: string } };

forEachDialect('migrations', (dialect) => {
  test('apply to an empty database, then there is nothing left to apply', async () => {
    const tdb = await createTestDb(dialect);
    try {
      const tables = (await tdb.handle.db.introspection.getTables()).map((t) => t.name);
      for (const name of ['users', 'sessions', 'role_grants', 'units', 'audit_events', 'login_attempts', 'settings']) {
        assert.ok(tables.includes(name), `table ${name} exists`);
      }
      assert.deepEqual(await migrate(tdb.handle.db), []);
    } finally {
      await tdb.drop();
    }
  });
});

forEachDialect('foundation', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('/healthz answers ok with the dialect', async () => {
    const r = await t.app.request('/healthz');
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { status: 'ok', database: dialect });
  });

  test('security headers: CSP without inline scripts, nosniff, no framing, referrer policy', async () => {
    for (const p of ['/', '/login', '/healthz', '/api/v1/me', '/no-such-page']) {
      const r = await t.app.request(p);
      const csp = r.headers.get('content-security-policy') ?? '';
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('default-src'));
      assert.ok(scriptSrc, `${p}: CSP has script-src or default-src (${csp})`);
      assert.doesNotMatch(scriptSrc!, /unsafe-inline|unsafe-eval/, `${p}: ${scriptSrc}`);
      assert.match(csp, /frame-ancestors 'none'/, p);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', p);
      assert.ok(r.headers.get('referrer-policy'), `${p}: Referrer-Policy`);
    }
  });

  test('the login page is Vietnamese by default and has a CSRF field', async () => {
    const a = t.agent();
    const r = await a.get('/login');
    assert.equal(r.status, 200);
    const html = await r.text();
    assert.match(html, /<!DOCTYPE html>/i);
    assert.match(html, /lang="vi"/);
    assert.match(html, new RegExp(`name="_csrf" value="${await a.csrf()}"`));
  });

  test('sign in: HttpOnly SameSite=Lax session cookie, a new session id, then sign out ends it', async () => {
    const a = t.agent();
    a.cookies.set('coso_sid', 'planted-by-an-attacker');
    const r = await a.login('demo.coordinator');
    assert.equal(r.status, 303);
    const setCookie = r.headers.getSetCookie().find((c) => c.startsWith('coso_sid='))!;
    assert.ok(setCookie, 'session cookie set');
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    const sid = a.cookie('coso_sid')!;
    assert.notEqual(sid, 'planted-by-an-attacker');
    assert.ok(sid.length >= 32, 'session secret is long');
    const home = await (await a.get('/')).text();
    assert.match(home, /Chuyên viên Sở Nội vụ \(demo\)/);

    const again = t.agent();
    await again.login('demo.coordinator');
    assert.notEqual(again.cookie('coso_sid'), sid, 'each sign-in gets a fresh session id');

    const out = await a.logout();
    assert.equal(out.status, 303);
    assert.equal(a.cookie('coso_sid'), undefined, 'cookie cleared');
    const reuse = await t.app.request('/units', { headers: { cookie: `coso_sid=${sid}` } });
    assert.equal(reuse.status, 303, 'the old session no longer works');
    assert.match(reuse.headers.get('location') ?? '', /^\/login/);
    assert.equal((await again.get('/units')).status, 200, 'the other session is untouched');
  });

  test('wrong password re-renders the form with 400 and a Vietnamese message', async () => {
    const a = t.agent();
    const r = await a.post('/login', { username: 'demo.leader', password: 'sai-mat-khau-roi' });
    assert.equal(r.status, 400);
    assert.match(await r.text(), VIETNAMESE);
    assert.equal(a.cookie('coso_sid'), undefined);
  });

  test('CSRF: a form POST without the token, or with a wrong one, is refused with 403', async () => {
    const a = t.agent();
    await a.csrf();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const cookie = [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const none = await t.app.request('/login', { method: 'POST', headers: { ...form, cookie }, body: `username=demo.admin&password=${TEST_PASSWORD}` });
    assert.equal(none.status, 403);
    assert.match(await none.text(), VIETNAMESE);
    const wrong = await t.app.request('/login', { method: 'POST', headers: { ...form, cookie }, body: `_csrf=${'x'.repeat(43)}&username=demo.admin&password=${TEST_PASSWORD}` });
    assert.equal(wrong.status, 403);
    const noCookie = await t.app.request('/login', { method: 'POST', headers: form, body: `_csrf=${await a.csrf()}&username=demo.admin&password=${TEST_PASSWORD}` });
    assert.equal(noCookie.status, 403);
    const signedIn = await t.as('demo.admin');
    const logout = await signedIn.request('/logout', { method: 'POST', headers: form, body: '' });
    assert.equal(logout.status, 403, 'logout without a token is refused too');
    assert.equal((await signedIn.get('/units')).status, 200, 'and the session survives');
  });

  test('API token: 200 with token and expiry; the token opens /api/v1/me', async () => {
    const r = await t.app.request('/api/v1/auth/token', json({ username: 'demo.department', password: TEST_PASSWORD }));
    assert.equal(r.status, 200);
    const body = (await r.json()) as { token: string; expiresAt: string };
    assert.ok(body.token.length >= 32);
    assert.ok(Date.parse(body.expiresAt) > nowMs());
    const me = await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${body.token}` } });
    assert.equal(me.status, 200);
    const user = (await me.json()) as { username: string; roles: { role: string }[] };
    assert.equal(user.username, 'demo.department');
    assert.deepEqual(user.roles.map((g) => g.role), ['unit-officer']);
  });

  test('API: /api/v1/me without or with a bad token is 401 in the error shape', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic ZGVtbzpkZW1v' }] as Record<string, string>[]) {
      const r = await t.app.request('/api/v1/me', { headers });
      assert.equal(r.status, 401);
      const body = (await r.json()) as ApiError;
      assert.equal(body.error.code, 'unauthorized');
      assert.match(body.error.message, VIETNAMESE);
    }
  });

  test('API: a web session cookie does not open the API, and an API token does not open pages', async () => {
    const a = await t.as('demo.leader');
    const me = await a.get('/api/v1/me');
    assert.equal(me.status, 401);
    const token = await t.token('demo.leader');
    const page = await t.app.request('/units', { headers: { cookie: `coso_sid=${token}` } });
    assert.equal(page.status, 303);
  });

  test('API token: wrong password 401; after 5 wrong attempts for one username 429', async () => {
    const username = 'demo.observer';
    for (let i = 1; i <= 5; i++) {
      const r = await t.app.request('/api/v1/auth/token', json({ username, password: `sai-${i}` }));
      assert.equal(r.status, 401, `attempt ${i}`);
      const body = (await r.json()) as ApiError;
      assert.equal(body.error.code, 'invalid_credentials');
      assert.match(body.error.message, VIETNAMESE);
    }
    const locked = await t.app.request('/api/v1/auth/token', json({ username, password: TEST_PASSWORD }));
    assert.equal(locked.status, 429, 'even the right password is refused while locked');
    assert.ok(locked.headers.get('retry-after'));
    const body = (await locked.json()) as ApiError;
    assert.equal(body.error.code, 'too_many_attempts');
    assert.match(body.error.message, VIETNAMESE);
    const web = await t.agent().login(username);
    assert.equal(web.status, 429, 'the web form shares the lock');
    const other = await t.app.request('/api/v1/auth/token', json({ username: 'demo.commune', password: TEST_PASSWORD }));
    assert.equal(other.status, 200, 'other users are not locked');
  });

  test('API validation: missing fields give 400 with the fields named', async () => {
    const r = await t.app.request('/api/v1/auth/token', json({ username: 'demo.admin' }));
    assert.equal(r.status, 400);
    const body = (await r.json()) as ApiError & { error: { fields?: Record<string, string> } };
    assert.ok(body.error.fields?.password, JSON.stringify(body));
    assert.match(body.error.message, VIETNAMESE);
  });

  test('unknown pages: 404 page in Vietnamese; unknown API paths: 404 JSON', async () => {
    const page = await t.app.request('/khong-co');
    assert.equal(page.status, 404);
    assert.match(await page.text(), /Không tìm thấy/);
    const api = await t.app.request('/api/v1/khong-co');
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as ApiError).error.code, 'not_found');
  });

  test('?lang=en switches to English and is remembered', async () => {
    const a = await t.as('demo.coordinator');
    const en = await (await a.get('/?lang=en')).text();
    assert.match(en, /lang="en"/);
    assert.match(en, /Sign out/);
    assert.match(await (await a.get('/units')).text(), /lang="en"/);
  });
});
