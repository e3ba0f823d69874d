/**
 * Production posture (issue 17 item 6): the real server, started as a child process with
 * NODE_ENV=production, refuses to start without SESSION_SECRET or SEAL_KEYS (clear message, exit
 * code 1); with them it starts on an empty database without seeding demo accounts and sends HSTS,
 * secure cookies and no stack traces. Run on SQLite and on a fresh PostgreSQL database.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startServer, type RunningServer } from '../../e2e/helpers/server.ts';
import { forEachDialect } from '../helpers/app.ts';

const SECRET = randomBytes(32).toString('hex');
const SEAL = `v1:${randomBytes(32).toString('base64')}`;
const root = path.resolve(import.meta.dirname, '../..');

/** Runs the server entry with this environment and returns its exit code and output (it must exit by itself). */
function runServer(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-prod-'));
  const base = { ...process.env };
  for (const k of ['SESSION_SECRET', 'SEAL_KEYS', 'DATABASE_URL', 'DEMO_PASSWORD']) delete base[k];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env: { ...base, DATA_DIR: dataDir, PORT: '1', HOST: '127.0.0.1', ...env }, encoding: 'utf8', timeout: 60_000 });
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, listening: /Coso đang chạy/.test(r.stdout) };
}

test('NODE_ENV=production without SESSION_SECRET or SEAL_KEYS: a clear message and exit code 1, no server', () => {
  const none = runServer({ NODE_ENV: 'production' });
  assert.equal(none.status, 1, none.out);
  assert.match(none.out, /NODE_ENV=production phải đặt SESSION_SECRET .* và SEAL_KEYS/);
  assert.ok(!none.listening);
  const noSeal = runServer({ NODE_ENV: 'production', SESSION_SECRET: SECRET });
  assert.equal(noSeal.status, 1, noSeal.out);
  assert.match(noSeal.out, /phải đặt SEAL_KEYS/);
  assert.doesNotMatch(noSeal.out, /SESSION_SECRET/);
  const shortSecret = runServer({ NODE_ENV: 'production', SESSION_SECRET: 'ngan-qua', SEAL_KEYS: SEAL });
  assert.equal(shortSecret.status, 1, shortSecret.out);
  assert.match(shortSecret.out, /SESSION_SECRET \(>= 32 ký tự\)/);
  const badSeal = runServer({ NODE_ENV: 'production', SESSION_SECRET: SECRET, SEAL_KEYS: 'v1:ngan' });
  assert.equal(badSeal.status, 1, badSeal.out);
  assert.match(badSeal.out, /SEAL_KEYS: key v1 must be 32 bytes/);
  for (const r of [none, noSeal, shortSecret, badSeal]) assert.doesNotMatch(r.out, /\n\s+at /, 'no stack trace, just the message');
});

forEachDialect('production server', (dialect) => {
  let server: RunningServer;
  let dbName: string | undefined;
  let adminUrl: string | undefined;
  before(async () => {
    const env: Record<string, string> = { NODE_ENV: 'production', SESSION_SECRET: SECRET, SEAL_KEYS: SEAL, DEMO_PASSWORD: '' };
    if (dialect === 'postgres') {
      adminUrl = process.env.COSO_TEST_PG_URL!;
      dbName = `coso_prod_${randomBytes(5).toString('hex')}`;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`CREATE DATABASE ${dbName}`);
      await c.end();
      const u = new URL(adminUrl);
      u.pathname = `/${dbName}`;
      env.DATABASE_URL = u.toString();
    }
    server = await startServer({ fresh: true, env });
  });
  after(async () => {
    await server?.stop();
    if (dbName) {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
    }
  });

  test('starts on an empty database without demo data: no demo account exists or signs in', async () => {
    assert.doesNotMatch(server.output(), /dữ liệu mẫu|Mật khẩu demo/);
    const r = await fetch(`${server.url}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.admin', password: 'mat-khau-thu-nghiem-2025' }) });
    assert.equal(r.status, 401);
    const page = await fetch(`${server.url}/login`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(await page.text(), /demo\.admin/);
  });

  test('sends HSTS, CSP and nosniff, and sets cookies Secure', async () => {
    const r = await fetch(`${server.url}/login`);
    assert.equal(r.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    const cookies = r.headers.getSetCookie();
    assert.ok(cookies.length > 0, 'the sign-in form sets its CSRF cookie');
    for (const c of cookies) assert.match(c, /; Secure/i, c);
  });

  test('bad input and unknown pages answer 4xx in Vietnamese, without stack or SQL', async () => {
    const api = await fetch(`${server.url}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    assert.equal(api.status, 400);
    const page = await fetch(`${server.url}/khong-co-trang-nay`);
    assert.equal(page.status, 404);
    for (const text of [await api.text(), await page.text()]) {
      assert.doesNotMatch(text, /\bat \S+ \(|\.ts:\d+|SyntaxError|select |sqlite|postgres/i);
      assert.match(text, /[ơưạảấầậđ]/);
    }
  });
});
