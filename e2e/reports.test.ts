import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { docxParagraphs } from '../src/platform/docx/read.ts';
import { startServer, type RunningServer } from './helpers/server.ts';
import { signInAs, signOutOf, phoneShotOf } from './helpers/session.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';

/**
 * Periodic reports in a real browser against the real server (demo data): the ward officer fills
 * the annual report of plan 188 and the ward head sends it; the Department of Home Affairs returns
 * it with a comment on a section; the ward fixes it and resends; it is accepted, and the provincial
 * aggregate changes by the ward's figure; the draft autosaves in the background; the coordinator
 * edits the provincial report compiled from the unit reports, and its DOCX (converted by LibreOffice
 * when `soffice` is installed) shows the Decree 30 parts in place. Screenshots at desktop width and 360 px.
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
const signIn = (username: string) => signInAs(page, server.url, username);
const signOut = () => signOutOf(page);
const phoneShot = (url: string, name: string) => phoneShotOf(browser, url, name);
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
  // With JavaScript on, typing is saved in the background (no button pressed).
  await page.fill('textarea[name="s.item-4"]', 'Tổ chức 12 buổi tuyên truyền pháp luật ở các tổ dân phố (tự động lưu).');
  await page.locator('[data-autosave-status]', { hasText: 'Đã tự động lưu' }).waitFor();
  await browser.shot(page, 'autosaved');
  await page.goto(reportUrl);
  assert.equal(await page.inputValue('textarea[name="s.item-4"]'), 'Tổ chức 12 buổi tuyên truyền pháp luật ở các tổ dân phố (tự động lưu).');
  // Two pages open on the report (two tabs, or two people): the first autosave wins; the other page's autosave
  // stops and says so, and its "Lưu nháp" shows the saved text beside its own kept input (nothing overwritten).
  const other = await browser.newPage();
  await other.goto(reportUrl);
  await page.fill('textarea[name="s.item-2"]', 'Quán triệt Kế hoạch 188 tại 12 tổ dân phố.');
  await page.locator('[data-autosave-status]', { hasText: 'Đã tự động lưu' }).waitFor();
  await other.fill('textarea[name="s.item-3"]', 'Nội dung ở trang thứ hai.');
  await other.locator('[data-autosave-status]', { hasText: 'Đã dừng tự động lưu' }).waitFor();
  await Promise.all([other.waitForLoadState('load'), other.click('button:has-text("Lưu nháp")')]);
  await other.locator('.conflict', { hasText: 'Quán triệt Kế hoạch 188 tại 12 tổ dân phố.' }).waitFor();
  assert.equal(await other.inputValue('textarea[name="s.item-3"]'), 'Nội dung ở trang thứ hai.', 'own input kept');
  await other.close();
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

test('the coordinator edits the provincial report compiled from the unit reports; its DOCX has the Decree 30 parts in place', async () => {
  await page.goto(aggregateUrl);
  await page.locator('a', { hasText: 'Dự thảo báo cáo tổng hợp của tỉnh' }).click();
  await page.locator('h1', { hasText: 'Báo cáo tổng hợp của tỉnh' }).waitFor();
  const compiled = await page.inputValue('textarea[name="s.item-5"]');
  assert.match(compiled, /Phường Pleiku: Tiếp công dân định kỳ 20 ngày; tổ chức 2 cuộc đối thoại với Nhân dân\./, 'the accepted ward text, attributed');
  await page.fill('textarea[name="s.lessons"]', 'Người đứng đầu trực tiếp đối thoại với Nhân dân là yếu tố quyết định.');
  await Promise.all([page.waitForURL(/done=saved/), page.click('button:has-text("Lưu dự thảo")')]);
  await page.locator('.tag', { hasText: 'Dự thảo' }).waitFor();
  await browser.shot(page, 'provincial-draft');
  assert.equal(await phoneShot(page.url(), 'provincial-360'), 0);
  const res = await page.context().request.get(`${aggregateUrl}.docx`);
  assert.equal(res.status(), 200);
  const docx = Buffer.from(await res.body());
  let lines: string[];
  if (spawnSync('sh', ['-c', 'command -v soffice']).status === 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-docx-'));
    fs.writeFileSync(path.join(dir, 'tong-hop.docx'), docx);
    execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, path.join(dir, 'tong-hop.docx')], { timeout: 180_000, env: { ...process.env, HOME: dir } });
    lines = fs.readFileSync(path.join(dir, 'tong-hop.txt'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    fs.rmSync(dir, { recursive: true, force: true });
  } else {
    lines = docxParagraphs(docx);
  }
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const order = [/^ỦY BAN NHÂN DÂN TỈNH GIA LAI$/, /^Số: +\/BC-UBND$/, /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/, /^Độc lập - Tự do - Hạnh phúc$/, /^Gia Lai, ngày \d{2} tháng \d{1,2} năm \d{4}$/, /^BÁO CÁO$/,
    /^I\. KẾT QUẢ THỰC HIỆN$/, /^Phường Pleiku: Tiếp công dân định kỳ 20 ngày/, /^III\. BÀI HỌC KINH NGHIỆM$/, /^Người đứng đầu trực tiếp đối thoại/, /^V\. ĐỀ XUẤT, KIẾN NGHỊ$/, /^Nơi nhận:$/, /^- Ban Dân vận Tỉnh ủy/, /^TM\. ỦY BAN NHÂN DÂN$/];
  const idx = order.map(at);
  idx.forEach((i, n) => assert.ok(i >= 0, `${order[n]} missing`));
  for (let n = 1; n < idx.length; n++) assert.ok(idx[n] > idx[n - 1], `${order[n]} out of place`);

  // A large province's export runs off the request: the progress page refreshes itself (no JavaScript needed) until the file is ready.
  await page.goto(aggregateUrl);
  await page.selectOption('select[name="format"]', 'xlsx');
  await Promise.all([page.waitForURL(/\/exports\//), page.click('button:has-text("Bắt đầu xuất")')]);
  await page.locator('a', { hasText: 'Tải tệp' }).waitFor({ timeout: 60_000 });
  await browser.shot(page, 'export-done');
  const file = await page.context().request.get(await page.locator('a', { hasText: 'Tải tệp' }).getAttribute('href').then((h) => `${server.url}${h}`));
  assert.equal(file.status(), 200);
  assert.equal((await file.body()).subarray(0, 2).toString(), 'PK', 'an XLSX (zip) file');
});

