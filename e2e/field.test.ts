import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { startServer, TEST_PASSWORD, type RunningServer } from './helpers/server.ts';
import { signInAs } from './helpers/session.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';
import { localToday, nowMs } from '../src/platform/clock.ts';

/**
 * Offline capture in a real browser (issue 20 item 1): an officer opens /field online once, loses
 * the connection, records a reception visit, two tallies, a task photo and two photos of posted notices
 * (kept on the phone, "chưa đồng bộ"), and when the connection returns each is sent exactly once; a
 * tally on a vote closed meanwhile, and a photo of a notice taken down meanwhile, through another
 * session show both versions. A lapsed session asks to sign in and keeps the entry. Signing out with an
 * unsent entry warns first; after it the phone keeps nothing, and the next officer starts empty.
 */

type Json = Record<string, any>;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]);
let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let db: Database.Database;
const tokens: Record<string, string> = {};

/** The API as another client (a Bearer token of the user). */
async function api(user: string, p: string, body?: unknown): Promise<Json> {
  tokens[user] ??= ((await (await fetch(`${server.url}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: TEST_PASSWORD }) })).json()) as Json).token;
  const r = await fetch(`${server.url}/api/v1${p}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.ok(r.ok, `${p}: ${r.status} ${await r.clone().text()}`);
  return (await r.json()) as Json;
}
const count = (sql: string, ...args: unknown[]) => Number((db.prepare(sql).get(...args) as { n: number }).n);
const entries = (state: string) => page.locator(`[data-field-list] li.field-${state}`);

before(async () => {
  server = await startServer();
  browser = await launchBrowser('field');
  // The page's clock is the product clock (the run may pin it to another day, e.g. inside Tết).
  await browser.context.clock.install({ time: nowMs() });
  page = await browser.newPage({ width: 360, height: 780 });
  db = new Database(path.join(server.dataDir, 'coso.sqlite'), { readonly: true, fileMustExist: true });
});

after(async () => {
  db?.close();
  await browser?.close();
  await server?.stop();
});

test('offline: a visit, two tallies, a task photo and two notice photos wait on the phone, then sync once each; a vote closed and a notice taken down meanwhile show both versions', async () => {
  const pleiku = (db.prepare("select id from units where key = 'commune:23575:2025-07-01'").get() as { id: string }).id;
  const village = (db.prepare("select id from units where parent_id = ? and kind = 'village' and full_name = 'Tổ dân phố 1'").get(pleiku) as { id: string }).id;
  const open = await api('demo.commune', '/community-decisions', { villageId: village, matter: 'contribution', form: 'meeting', question: 'Đóng góp làm đường bê tông' });
  const closing = await api('demo.commune', '/community-decisions', { villageId: village, matter: 'contribution', form: 'meeting', question: 'Đóng góp sửa giếng nước' });
  const task = await api('demo.commune', '/tasks', { title: 'Kiểm tra đường liên thôn', unitId: pleiku });
  const posting = (title: string) => api('demo.commune', '/disclosures', { unitId: pleiku, itemCode: 'c07', title, decisionOn: localToday(), postedOn: localToday(), forms: ['posting'] });
  const [notice, takenDown] = [await posting('Danh sách hộ nghèo năm nay'), await posting('Danh sách hộ cận nghèo năm nay')];

  await signInAs(page, server.url, 'demo.commune');
  await page.goto(`${server.url}/field`);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const before = { logs: count('select count(*) n from reception_logs'), updates: count('select count(*) n from task_updates where task_id = ?', task.id) };

  await browser.context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Ghi nhận ngoại tuyến', level: 1 }).waitFor();
  assert.match(await page.locator('[data-field-net]').innerText(), /Không có mạng/);
  assert.equal(await page.evaluate(() => fetch('/healthz').then(() => 'online', () => 'offline')), 'offline');
  assert.equal(await page.evaluate(async () => !!(await caches.match('/field')) && (await caches.keys()).filter((k) => k.startsWith('coso-field-')).length), 1);

  await page.locator('summary', { hasText: 'Tiếp công dân, nhận đơn tại thôn, làng' }).click();
  await page.fill('#visit-visitorName', "Ksor H'Ngơm");
  await page.fill('#visit-visitorAddress', 'Làng Ia Mơ');
  await page.fill('#visit-summary', 'Đề nghị sửa cầu tràn qua suối');
  await page.locator('form[data-kind="visit"] button[type="submit"]').click();
  await entries('pending').first().waitFor();

  await page.locator('summary', { hasText: 'Kết quả biểu quyết theo hộ' }).click();
  for (const [decision, present, yes] of [[open.id, '80', '60'], [closing.id, '82', '70']]) {
    await page.selectOption('#tally-decisionId', decision);
    await page.fill('#tally-householdsPresent', present);
    await page.fill('#tally-yes', yes);
    await page.fill('#tally-no', String(Number(present) - Number(yes)));
    await page.locator('form[data-kind="tally"] button[type="submit"]').click();
  }
  await page.locator('summary', { hasText: 'Ảnh minh chứng cho nhiệm vụ' }).click();
  await page.selectOption('#evidence-taskId', task.id);
  await page.setInputFiles('#evidence-file', { name: 'cau-tran.png', mimeType: 'image/png', buffer: PNG });
  await page.fill('#evidence-note', 'Cầu tràn sau mưa lũ');
  await page.locator('form[data-kind="evidence"] button[type="submit"]').click();
  await page.locator('summary', { hasText: 'Ảnh minh chứng niêm yết' }).click();
  for (const d of [notice, takenDown]) {
    await page.selectOption('#notice-disclosureId', d.id);
    await page.setInputFiles('#notice-file', { name: 'bang-tin.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('form[data-kind="notice"] button[type="submit"]').click();
  }
  await page.waitForFunction(() => document.querySelectorAll('[data-field-list] li.field-pending').length === 6);
  assert.equal(await entries('pending').filter({ hasText: 'Chưa đồng bộ' }).count(), 6);
  await browser.shot(page, 'offline-pending-360');

  // Meanwhile, through another session, the commune head closes the second vote.
  const read = await api('demo.commune.head', `/community-decisions/${closing.id}`);
  await api('demo.commune.head', `/community-decisions/${closing.id}/tally`, { householdsPresent: 75, yes: 65, no: 10, other: 0, lockVersion: read.lockVersion });
  await api('demo.commune.head', `/community-decisions/${closing.id}/close`, {});
  await api('demo.commune.head', `/disclosures/${takenDown.id}/removal`, { removedOn: localToday() });
  assert.equal(count('select count(*) n from reception_logs'), before.logs);

  await browser.context.setOffline(false);
  await page.waitForFunction(() => document.querySelectorAll('[data-field-list] li.field-synced').length === 4, undefined, { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-field-list] li.field-conflict').length === 2);
  assert.equal(await entries('pending').count(), 0);
  assert.equal(count('select count(*) n from reception_logs'), before.logs + 1);
  assert.equal(count('select count(*) n from task_updates where task_id = ? and file_id is not null', task.id), before.updates + 1);
  assert.deepEqual(db.prepare('select yes, households_present p from community_decisions where id = ?').get(open.id), { yes: 60, p: 80 });
  assert.deepEqual(db.prepare('select yes, households_present p from community_decisions where id = ?').get(closing.id), { yes: 65, p: 75 });
  const photo = (JSON.parse((db.prepare('select forms from disclosures where id = ?').get(notice.id) as { forms: string }).forms) as Json[])[0].photoFileId;
  assert.ok(photo && count('select count(*) n from files where id = ? and size = ?', photo, PNG.length) === 1, 'the notice photo is stored once, as sent');
  assert.equal(count("select count(*) n from audit_events where action = 'disclosures.photo' and subject_id = ?", notice.id), 1);
  assert.equal(JSON.parse((db.prepare('select forms from disclosures where id = ?').get(takenDown.id) as { forms: string }).forms)[0].photoFileId, null);

  // The audit keeps both times: captured on the phone, synced by the server clock.
  for (const action of ['reception.visit', 'tasks.update', 'disclosures.photo']) {
    const ev = db.prepare("select at, changes from audit_events where action = ? and changes like '%capturedAt%' order by seq desc").get(action) as { at: string; changes: string };
    const { capturedAt, syncedAt } = JSON.parse(ev.changes).offline;
    assert.equal(syncedAt, ev.at);
    assert.ok(capturedAt < syncedAt, `${action}: captured ${capturedAt} before synced ${syncedAt}`);
  }

  // A forced retry with the same key (as after a lost answer) returns the first result and creates nothing.
  const retry = await page.evaluate(async () => {
    const all: Json[] = await new Promise((resolve) => {
      const req = indexedDB.open(`coso-field-${(document.querySelector('[data-field-app]') as HTMLElement).dataset.userId}`);
      req.onsuccess = () => { const r = req.result.transaction('entries').objectStore('entries').getAll(); r.onsuccess = () => resolve(r.result); };
    });
    const e = all.find((x) => x.kind === 'visit')!;
    const { csrf } = await (await fetch('/field/session')).json();
    const res = await fetch('/api/v1/reception/visits', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': e.id, 'x-captured-at': e.capturedAt, 'x-csrf-token': csrf }, body: JSON.stringify(e.fields) });
    return { status: res.status, replayed: res.headers.get('idempotent-replayed'), id: (await res.json()).id, first: e.result.id };
  });
  assert.deepEqual(retry, { status: 201, replayed: 'true', id: retry.first, first: retry.first });
  assert.equal(count('select count(*) n from reception_logs'), before.logs + 1);

  // The conflicts: both versions side by side, kept until the officer decides.
  const gone = entries('conflict').filter({ hasText: 'Ảnh minh chứng niêm yết' });
  assert.match(await gone.innerText(), /đã được gỡ bỏ/);
  assert.ok((await gone.locator('table.field-versions tr').allInnerTexts()).some((r) => /Tình trạng\s+Đã gỡ bỏ/.test(r)));
  const conflict = entries('conflict').filter({ hasText: 'Kết quả biểu quyết theo hộ' });
  assert.match(await conflict.innerText(), /Biểu quyết đã kết thúc/);
  const rows = await conflict.locator('table.field-versions tr').allInnerTexts();
  assert.match(rows[0], /Bản của bạn\s+Trên máy chủ hiện nay/);
  assert.ok(rows.some((r) => /^Số hộ đồng ý\s+70\s+65$/.test(r.trim())), rows.join(' | '));
  assert.ok(rows.some((r) => /Được thông qua/.test(r)), rows.join(' | '));
  await browser.shot(page, 'conflict-360');
  await page.reload();
  await entries('conflict').first().waitFor();
  page.on('dialog', (d) => void d.accept());
  for (const n of [1, 0]) {
    await entries('conflict').first().getByRole('button', { name: 'Bỏ mục này' }).click();
    await page.waitForFunction((left) => document.querySelectorAll('[data-field-list] li.field-conflict').length === left, n);
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the page fits 360 px');
});

test('a lapsed session asks to sign in before syncing; the entry stays on the phone and goes after signing in', async () => {
  const before = count('select count(*) n from reception_logs');
  await browser.context.clearCookies();
  await page.locator('summary', { hasText: 'Tiếp công dân, nhận đơn tại thôn, làng' }).click();
  await page.fill('#visit-visitorName', 'Rơ Châm Blơi');
  await page.fill('#visit-visitorAddress', 'Làng Chư Á');
  await page.fill('#visit-summary', 'Hỏi về hỗ trợ nhà ở');
  await page.locator('form[data-kind="visit"] button[type="submit"]').click();
  await page.locator('[data-field-signin]').getByRole('link', { name: 'Đăng nhập' }).waitFor();
  assert.equal(await page.locator('[data-field-signin] a').getAttribute('href'), '/login?next=/field');
  assert.equal(await entries('pending').count(), 1);
  await signInAs(page, server.url, 'demo.commune');
  await page.goto(`${server.url}/field`);
  await page.waitForFunction(() => document.querySelectorAll('[data-field-list] li.field-pending').length === 0);
  assert.equal(count('select count(*) n from reception_logs'), before + 1);
});

test('signing out with an unsent entry warns first; after it the phone keeps nothing and the next officer starts empty', async () => {
  // A "photo" that is not one: the server refuses it (400) and the entry stays on the phone, unsent.
  await page.goto(`${server.url}/field`);
  await page.locator('summary', { hasText: 'Ảnh minh chứng niêm yết' }).click();
  await page.setInputFiles('#notice-file', { name: 'anh.png', mimeType: 'image/png', buffer: Buffer.from('<html>not a photo</html>') });
  await page.locator('form[data-kind="notice"] button[type="submit"]').click();
  await entries('rejected').waitFor();
  assert.match(await entries('rejected').innerText(), /Chỉ nhận tệp PDF, DOCX, XLSX, JPG hoặc PNG/);

  await Promise.all([page.waitForURL(/\/field\/sign-out$/), page.getByRole('button', { name: 'Đăng xuất' }).click()]);
  await page.locator('[data-signout-count]', { hasText: 'Số mục chưa đồng bộ: 1.' }).waitFor();
  await browser.shot(page, 'sign-out-check-360');
  await Promise.all([page.waitForURL(/\/login\?out=1$/), page.getByRole('button', { name: 'Vẫn đăng xuất và xóa các mục chưa gửi khỏi máy' }).click()]);
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('coso-field')),
    caches: (await caches.keys()).filter((k) => k.startsWith('coso-field')),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    cookie: document.cookie.includes('coso_field_unsynced'),
  }));
  assert.deepEqual(left, { databases: [], caches: [], workers: 0, cookie: false });

  await signInAs(page, server.url, 'demo.commune.head');
  await page.goto(`${server.url}/field`);
  await page.locator('[data-field-list] li', { hasText: 'Chưa có mục nào trên máy này.' }).waitFor();
});
