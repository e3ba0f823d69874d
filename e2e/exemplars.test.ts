import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { signInAs, signOutOf, phoneShotOf } from './helpers/session.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';

/**
 * "Dân vận khéo" in a real browser against the real server: a ward officer registers a model
 * (and keeps another as a draft), the ward head proposes it, the province recognises it, and it
 * appears in the public gallery and on the commune map; the draft never does. Screenshots at
 * desktop width and 360 px in e2e/screenshots/.
 */

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let entryUrl = '';
let countBefore = 0;
const NAME = 'Mô hình "Tổ dân phố không rác thải nhựa" (e2e)';
const DRAFT = 'Bản nháp chưa gửi (e2e)';

before(async () => {
  server = await startServer();
  browser = await launchBrowser('exemplars');
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const signIn = (username: string) => signInAs(page, server.url, username);
const signOut = () => signOutOf(page);
const phoneShot = (url: string, name: string) => phoneShotOf(browser, url, name);
/** Pleiku's count in the list beside the map ("Phường Pleiku (3)"), 0 when it has no entry. */
const pleikuCount = async () => {
  const item = page.locator('.dvk-map ~ ul li', { hasText: 'Phường Pleiku' });
  return (await item.count()) ? Number(/\((\d+)\)/.exec(await item.innerText())![1]) : 0;
};

test('the public gallery and map work without an account', async () => {
  await page.goto(`${server.url}/showcase/exemplars`);
  await page.locator('h1', { hasText: 'Dân vận khéo' }).waitFor();
  const map = page.locator('.dvk-map img');
  assert.ok(await map.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), 'the map image loads');
  await page.locator('p.muted', { hasText: 'thanglequoc' }).waitFor();
  countBefore = await pleikuCount();
  await browser.shot(page, 'gallery-before');
});

test('a ward officer registers a model through the form (and saves a draft)', async () => {
  await signIn('demo.commune');
  await page.goto(`${server.url}/exemplars/new`);
  await Promise.all([page.waitForURL(/\/exemplars\/new/), page.click('button[name="draft"][value="0"]')]);
  await page.locator('.error-summary').waitFor();
  assert.ok(await page.getByText('Phiếu đăng ký thiếu mục «Thực trạng, lý do»').first().isVisible());
  await browser.shot(page, 'register-errors');
  await page.fill('#f-name', NAME);
  await page.selectOption('#f-field', 'culture-society');
  await page.selectOption('#f-communeCode', '23575');
  await page.fill('#f-village', 'Tổ dân phố 3');
  for (const k of ['situation', 'objectives', 'criteria', 'content', 'beneficiaries', 'forces', 'resources', 'timeline', 'outputs', 'sustainability']) {
    await page.fill(`textarea[name="registration.${k}"]`, `Nội dung mục ${k}: thu gom, phân loại rác tại nguồn, 120 hộ tham gia.`);
  }
  await browser.shot(page, 'register-form');
  await Promise.all([page.waitForURL(/\/exemplars\/[0-9a-f-]{36}\?saved=1/), page.click('button[name="draft"][value="0"]')]);
  entryUrl = page.url().split('?')[0];
  await page.locator('.tag', { hasText: 'Đã đăng ký' }).waitFor();
  await browser.shot(page, 'registered');
  await page.goto(`${server.url}/exemplars/new`);
  await page.fill('#f-name', DRAFT);
  await Promise.all([page.waitForURL(/\/exemplars\/[0-9a-f-]{36}\?saved=1/), page.click('button[name="draft"][value="1"]')]);
  await page.locator('h1 .tag', { hasText: 'Nháp' }).waitFor();
  // The draft is completed later through the edit form: it opens with the saved name.
  await Promise.all([page.waitForURL(/\/edit$/), page.getByRole('link', { name: 'Sửa phiếu đăng ký' }).click()]);
  assert.equal(await page.inputValue('#f-name'), DRAFT);
  await browser.shot(page, 'draft-edit');
  assert.ok(await phoneShot(`${server.url}/exemplars/new`, 'register-form-360px') <= 0, 'the form fits 360 px');
  await signOut();
});

test('the ward head proposes it with the results and the vote', async () => {
  await signIn('demo.commune.head');
  await page.goto(entryUrl);
  const form = page.locator('form[action$="/propose"]');
  await page.locator('summary', { hasText: 'Đề nghị công nhận' }).click();
  await form.locator('textarea[name="resultsReport"]').fill('120/120 hộ phân loại rác; giảm 60% rác nhựa sau 6 tháng.');
  await form.locator('input[name="reviewVote.for"]').fill('8');
  await form.locator('input[name="reviewVote.total"]').fill('9');
  await browser.shot(page, 'propose');
  await Promise.all([page.waitForURL(/done=1/), form.locator('button[type="submit"]').click()]);
  await page.locator('.tag', { hasText: 'Đề nghị công nhận' }).waitFor();
  await page.goto(`${server.url}/exemplars`);
  await page.getByRole('link', { name: NAME }).waitFor();
  await browser.shot(page, 'list');
  assert.ok(await phoneShot(`${server.url}/exemplars`, 'list-360px') <= 0, 'the list fits 360 px');
  await signOut();
});

test('the province recognises it', async () => {
  await signIn('demo.leader');
  await page.goto(entryUrl);
  await page.locator('summary', { hasText: /^Công nhận$/ }).click();
  const form = page.locator('form[action$="/recognize"]');
  assert.deepEqual(await form.locator('select[name="level"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), ['province']);
  await form.locator('input[name="decisionNumber"]').fill('125-QĐ/BTGDVTU');
  await form.locator('input[name="decisionOn"]').fill('15/10/2025');
  await Promise.all([page.waitForURL(/done=1/), form.locator('button[type="submit"]').click()]);
  await page.locator('.tag', { hasText: 'Đã công nhận' }).waitFor();
  await browser.shot(page, 'recognised');
  assert.ok(await phoneShot(entryUrl, 'recognised-360px') <= 0, 'the entry page fits 360 px');
  await page.goto(`${server.url}/exemplars/reports?year=2025`);
  await page.locator('caption', { hasText: 'Biểu tổng hợp' }).waitFor();
  await browser.shot(page, 'reports');
  await signOut();
});

test('it appears in the public gallery and on the map; the draft never does', async () => {
  await page.goto(`${server.url}/showcase/exemplars`);
  assert.equal(await pleikuCount(), countBefore + 1);
  await Promise.all([page.waitForURL(/communeCode=23575/), page.locator('.dvk-map ~ ul a', { hasText: 'Phường Pleiku' }).click()]);
  await page.getByRole('link', { name: NAME }).waitFor();
  assert.equal(await page.getByText(DRAFT).count(), 0);
  await browser.shot(page, 'gallery-pleiku');
  assert.ok(await phoneShot(page.url(), 'gallery-360px') <= 0, 'the gallery fits 360 px');
  const phone = await browser.newPage({ width: 360, height: 740 });
  try {
    await phone.goto(`${server.url}/showcase/exemplars`);
    const swatches = await phone.locator('p.actions svg[aria-hidden="true"]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    assert.deepEqual(swatches, [16, 16, 16, 16, 16, 16], 'legend swatches keep their size on a phone');
    assert.ok((await phone.locator('.dvk-map img').boundingBox())!.width >= 320, 'the map uses the phone width');
  } finally {
    await phone.close();
  }
  await Promise.all([page.waitForURL(/\/showcase\/exemplars\/[0-9a-f-]{36}$/), page.getByRole('link', { name: NAME }).click()]);
  await page.getByText('125-QĐ/BTGDVTU').waitFor();
  await browser.shot(page, 'story');
  assert.ok(await phoneShot(page.url(), 'story-360px') <= 0, 'the story fits 360 px');
  const api = (await (await fetch(`${server.url}/api/v1/public/exemplars?communeCode=23575`)).json()) as { items: { name: string }[] };
  assert.ok(api.items.some((i) => i.name === NAME));
  assert.ok(!api.items.some((i) => i.name === DRAFT));
  const feed = await (await fetch(`${server.url}/showcase/exemplars/feed.atom`)).text();
  assert.ok(!feed.includes('Bản nháp'));
});
