import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startServer, TEST_PASSWORD, type RunningServer } from './helpers/server.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';

/**
 * Periodic reports in a real browser against the real server (demo data): the ward officer fills
 * the annual report of plan 188 and the ward head sends it; the Department of Home Affairs returns
 * it with a comment on a section; the ward fixes it and resends; it is accepted, and the provincial
 * aggregate changes by the ward's figure. Screenshots at desktop width and 360 px.
 */

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let reportUrl = '';
let aggregateUrl = '';
let before0 = 0;

before(async () => {
  server = await startServer();
  browser = await launchBrowser('reports');
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(username: string) {
  await page.goto(`${server.url}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${server.url}/`), page.click('form[action="/login"] button[type="submit"]')]);
}
async function signOut() {
  await Promise.all([page.waitForURL(/\/login/), page.getByRole('button', { name: 'Đăng xuất' }).click()]);
}
/** Screenshot at 360 px with the current session; returns the horizontal overflow in px. */
async function phoneShot(url: string, name: string): Promise<number> {
  const phone = await browser.newPage({ width: 360, height: 740 });
  try {
    await phone.goto(url);
    await browser.shot(phone, name);
    return await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  } finally {
    await phone.close();
  }
}
const parseVi = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
async function directivesTotal(): Promise<number> {
  await page.goto(aggregateUrl);
  const row = page.locator('tr', { hasText: 'Văn bản lãnh đạo, chỉ đạo' });
  return parseVi((await row.locator('td').nth(3).innerText()).trim());
}

test('the coordinator reads the period dashboard and the aggregate', async () => {
  await signIn('demo.coordinator');
  await page.goto(`${server.url}/reports`);
  await page.locator('a', { hasText: 'Báo cáo năm 2025' }).click();
  await page.locator('h1', { hasText: 'Báo cáo năm 2025' }).waitFor();
  await browser.shot(page, 'dashboard');
  assert.equal(await phoneShot(page.url(), 'dashboard-360'), 0, 'no sideways scrolling at 360 px');
  await page.locator('a', { hasText: 'Xem tổng hợp toàn tỉnh' }).click();
  aggregateUrl = page.url();
  before0 = await directivesTotal();
  await browser.shot(page, 'aggregate-before');
  assert.equal(await phoneShot(aggregateUrl, 'aggregate-360'), 0);
  await signOut();
});

test('the ward officer fills the annual report (plain save, no JavaScript needed)', async () => {
  await signIn('demo.commune');
  await page.goto(`${server.url}/reports`);
  await page.locator('tr', { hasText: 'Báo cáo năm 2025' }).locator('a', { hasText: 'Báo cáo của Phường Pleiku' }).click();
  reportUrl = page.url();
  await page.locator('.tag', { hasText: 'Chưa gửi' }).waitFor();
  await page.fill('textarea[name="s.item-1"]', 'Ban hành 3 văn bản triển khai Kế hoạch 188/KH-UBND; quán triệt đến 100% cán bộ, công chức.');
  await page.fill('input[name="v.dv.directives"]', '3');
  await page.fill('input[name="v.pbgdpl.sessions"]', 'mười');
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Lưu nháp")')]);
  await page.locator('.error-summary').waitFor();
  await browser.shot(page, 'form-error');
  await page.fill('input[name="v.pbgdpl.sessions"]', '20');
  await Promise.all([page.waitForURL(/done=saved/), page.click('button:has-text("Lưu nháp")')]);
  await page.locator('.tag', { hasText: 'Đang soạn' }).waitFor();
  await browser.shot(page, 'draft');
  assert.equal(await phoneShot(reportUrl, 'draft-360'), 0);
  assert.equal(await page.locator('button', { hasText: 'Gửi báo cáo' }).count(), 0, 'only the head sends');
  await signOut();
});

test('the ward head sends it; the coordinator returns it with a comment on section 5', async () => {
  await signIn('demo.commune.head');
  await page.goto(reportUrl);
  await Promise.all([page.waitForURL(/done=submitted/), page.click('button:has-text("Gửi báo cáo")')]);
  await page.locator('.tag', { hasText: 'Đã gửi' }).waitFor();
  assert.ok(await page.locator('.tag', { hasText: 'Trễ hạn' }).first().isVisible(), 'sent after 15/10/2025');
  await signOut();
  await signIn('demo.coordinator');
  assert.equal(await directivesTotal(), before0 + 3, 'a sent report counts');
  await page.goto(reportUrl);
  await page.fill('#f-comment', 'Đề nghị bổ sung kết quả tiếp công dân, đối thoại.');
  await page.locator('details summary', { hasText: 'Ý kiến về mục này' }).click();
  await page.fill('input[name="c.item-5"]', 'Chưa nêu số cuộc đối thoại.');
  await browser.shot(page, 'review');
  await Promise.all([page.waitForURL(/done=returned/), page.click('button:has-text("Trả lại để hoàn thiện")')]);
  await page.locator('.tag', { hasText: 'Trả lại' }).waitFor();
  assert.equal(await directivesTotal(), before0, 'a returned report does not count');
  await signOut();
});

test('the ward fixes it, the head resends, the coordinator accepts, and the aggregate changes', async () => {
  await signIn('demo.commune');
  await page.goto(reportUrl);
  assert.ok(await page.getByText('Chưa nêu số cuộc đối thoại.').isVisible());
  await browser.shot(page, 'returned');
  await page.fill('textarea[name="s.item-5"]', 'Tiếp công dân định kỳ 20 ngày; tổ chức 2 cuộc đối thoại với Nhân dân.');
  await page.fill('input[name="v.tcd.dialogues"]', '2');
  await page.fill('input[name="v.dv.directives"]', '4');
  await Promise.all([page.waitForURL(/done=saved/), page.click('button:has-text("Lưu nháp")')]);
  await signOut();
  await signIn('demo.commune.head');
  await page.goto(reportUrl);
  await Promise.all([page.waitForURL(/done=submitted/), page.click('button:has-text("Gửi báo cáo")')]);
  await signOut();
  await signIn('demo.coordinator');
  await page.goto(reportUrl);
  await Promise.all([page.waitForURL(/done=accepted/), page.click('button:has-text("Chấp nhận")')]);
  await page.locator('.tag', { hasText: 'Đã chấp nhận' }).waitFor();
  await browser.shot(page, 'accepted');
  assert.equal(await page.locator('table', { hasText: 'Các phiên bản' }).locator('tbody tr').count(), 4);
  assert.equal(await directivesTotal(), before0 + 4);
  await page.goto(`${aggregateUrl}?indicator=dv.directives#drill`);
  await page.locator('#drill ~ .table-wrap tr', { hasText: 'Phường Pleiku' }).waitFor();
  await browser.shot(page, 'aggregate-after');
});
