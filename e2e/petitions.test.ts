import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOT_DIR } from './helpers/browser.ts';
import { startServer, TEST_PASSWORD, type RunningServer } from './helpers/server.ts';

let server: RunningServer;
let browser: Browser;
let n = 0;
const shot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `petitions-${String(++n).padStart(2, '0')}-${name}.png`), fullPage: true });
};

before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(username: string) {
  const ctx = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await page.click('form[action="/login"] button[type="submit"]');
  return page;
}

test('a citizen files a petition on a 360-px phone without JavaScript, gets the code and later sees the status', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/public/petitions/new`);
  await page.click('form[action="/public/petitions/check"] button[type="submit"]');
  assert.match(await page.content(), /Nhập họ và tên/);
  await shot(page, 'public-form-errors');
  await page.fill('#f-senderName', 'Nguyễn Thị Công Dân');
  await page.fill('#f-senderAddress', 'Tổ 3, Phường Pleiku');
  await page.fill('#f-title', 'Đèn đường hỏng');
  await page.fill('#f-content', 'Đèn đường ở tổ 3 hỏng hơn một tuần, đề nghị sửa.');
  await page.click('form[action="/public/petitions/check"] button[type="submit"]');
  await shot(page, 'check-answers');
  await page.click('form[action="/public/petitions"] button[type="submit"]');
  const code = (await page.textContent('#tracking-code'))!.trim();
  const key = (await page.textContent('#access-key'))!.trim();
  assert.match(code, /^PA-/);
  await shot(page, 'receipt');
  await page.goto(`${server.url}/public/petitions/track`);
  await page.fill('#f-code', code);
  await page.fill('#f-key', key);
  await page.click('form[action="/public/petitions/track"] button[type="submit"]');
  assert.match((await page.textContent('#status'))!, /Đã tiếp nhận/);
  await shot(page, 'track');
  await ctx.close();
});

test('a reception officer logs an in-person visit that becomes a case; a handler classifies, forwards, accepts, extends and resolves', async () => {
  const page = await signIn('demo.reception.commune');
  await page.goto(`${server.url}/reception`);
  const f = page.locator('#visit-form');
  await f.locator('#f-visitorName').fill('Trần Văn Đến');
  await f.locator('#f-visitorAddress').fill('Tổ 5, Phường Pleiku');
  await f.locator('#f-kind').selectOption('denunciation');
  await f.locator('#f-summary').fill('Tố cáo cán bộ phường gây khó khăn khi chứng thực giấy tờ.');
  await shot(page, 'reception');
  await f.locator('button[type="submit"]').click();
  assert.match(page.url(), /\/petitions\//);
  assert.match((await page.textContent('#sender'))!, /niêm phong/);
  await shot(page, 'visit-case');
  const act = async (name: string, fill: Record<string, string> = {}, select: Record<string, string> = {}) => {
    const form = page.locator(`form[action$="/${name}"]`);
    for (const [k, v] of Object.entries(select)) await form.locator(`select[name="${k}"]`).selectOption(v);
    for (const [k, v] of Object.entries(fill)) await form.locator(`input[name="${k}"]`).fill(v);
    await form.locator('button[type="submit"]').click();
  };
  await act('classify', {}, { kind: 'denunciation', field: 'conduct' });
  assert.match(await page.content(), /Vào sổ, phân loại/);
  await act('accept');
  assert.match((await page.textContent('#status'))!, /Đã thụ lý/);
  await act('extend', { decisionNumber: '12/QĐ-UBND', reason: 'Vụ việc phức tạp' });
  await shot(page, 'extended');
  await act('resolve', { documentNumber: '20/KL-UBND', summary: 'Kết luận nội dung tố cáo.' }, { outcome: 'concluded' });
  assert.match((await page.textContent('#status'))!, /Đã giải quyết/);
  assert.ok((await page.locator('.due').count()) >= 3, 'all dates shown');
  await shot(page, 'resolved');
  const coord = await signIn('demo.coordinator');
  await coord.goto(`${server.url}/petitions`);
  assert.match(await coord.content(), /id="risks"/);
  await shot(coord, 'list-risks');
});
