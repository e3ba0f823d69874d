import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOT_DIR } from './helpers/browser.ts';
import { startServer, TEST_PASSWORD, type RunningServer } from './helpers/server.ts';
import { formatDate, localToday } from '../src/platform/i18n/index.ts';

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

test('a reception officer logs an in-person visit that becomes a case; handlers classify, forward, accept, extend and resolve with all dates shown', async () => {
  const page = await signIn('demo.reception.commune');
  await page.goto(`${server.url}/reception`);
  const f = page.locator('#visit-form');
  await f.locator('#f-visitorName').fill('Trần Văn Đến');
  await f.locator('#f-visitorAddress').fill('Tổ 5, Phường Pleiku');
  await f.locator('#f-kind').selectOption('denunciation');
  await f.locator('#f-summary').fill('Tố cáo công chức Sở Tư pháp gây khó khăn khi cấp phiếu lý lịch tư pháp.');
  await shot(page, 'reception');
  await f.locator('button[type="submit"]').click();
  assert.match(page.url(), /\/petitions\//);
  assert.match((await page.textContent('#sender'))!, /niêm phong/);
  const code = /PA-[A-Z0-9]{8}/.exec((await page.textContent('h1'))!)![0];
  await shot(page, 'visit-case');
  const act = async (p: Page, name: string, fill: Record<string, string> = {}, select: Record<string, string> = {}) => {
    const form = p.locator(`form[action$="/${name}"]`);
    for (const [k, v] of Object.entries(select)) await form.locator(`select[name="${k}"]`).selectOption(v);
    for (const [k, v] of Object.entries(fill)) await form.locator(`[name="${k}"]`).fill(v);
    await form.locator('button[type="submit"]').click();
  };
  const dates = async (p: Page) => (await p.locator('.due').allTextContents()).map((s) => s.trim());
  // The commune classifies: a denunciation, with the triage and forwarding clocks (LTC Art. 24).
  await act(page, 'classify', {}, { kind: 'denunciation', field: 'conduct' });
  assert.match(await page.content(), /Vào sổ, phân loại/);
  assert.match(await page.content(), /Chuyển tố cáo không thuộc thẩm quyền/);
  assert.ok((await dates(page)).every((d) => /^\d{2}\/\d{2}\/\d{4}$/.test(d)));
  // It is not competent: forward to the Department of Justice (once, TT 05/2021 Art. 14).
  const tuPhap = await page.locator('form[action$="/forward"] select[name="toUnitId"] option', { hasText: 'Sở Tư pháp' }).first().getAttribute('value');
  const today = formatDate(localToday());
  await act(page, 'forward', { reason: 'Người bị tố cáo thuộc Sở Tư pháp', forwardedOn: today }, { toUnitId: tuPhap! });
  assert.match(page.url(), /\/petitions\?sent=/);
  assert.match(await page.content(), new RegExp(`Đã chuyển đơn ${code}`));
  await shot(page, 'forwarded');
  // The department's handler finds it, classifies again, accepts, extends and resolves.
  const h = await signIn('demo.department');
  await h.goto(`${server.url}/petitions`);
  await h.click(`a:text("${code}")`);
  assert.match(await h.content(), /Phường Pleiku → Sở Tư pháp/);
  // Issue 18 item 7: the clocks start on the day the department received the case, as entered.
  assert.match((await h.textContent('#awaiting-receipt'))!, /ngày cơ quan có thẩm quyền nhận được đơn/);
  await act(h, 'receive', { receivedOn: '31/02/2026' });
  assert.match(await h.content(), /error-summary/, 'an impossible date is refused on the page');
  await act(h, 'receive', { receivedOn: today });
  await act(h, 'classify', {}, { kind: 'denunciation', field: 'conduct' });
  await act(h, 'accept', { acceptedOn: today, decisionNumber: '11/QĐ-STP' });
  assert.match((await h.textContent('#status'))!, /Đã thụ lý/);
  assert.match((await h.textContent('#accepted-on'))!, /^\d{2}\/\d{2}\/\d{4}$/);
  const dueBefore = (await h.textContent('#due-on'))!;
  // LTC Art. 30(2), NĐ 31/2019 Art. 3(2): an extension needs a complex case; tick the criterion it meets.
  await h.locator('form[action$="/extend"] input[name="criteria"][value="several-places"]').check();
  await act(h, 'extend', { decisionNumber: '12/QĐ-STP', reason: 'Cần xác minh ở nhiều địa điểm' });
  assert.match((await h.textContent('#criteria'))!, /Cần xác minh từ 02 địa điểm trở lên/);
  await shot(h, 'extended');
  const dueAfter = (await h.textContent('#due-on'))!;
  assert.notEqual(dueAfter, dueBefore, 'the extension moves the due date');
  // Issue 18 item 6: a suspension stops the clock, the resumption restarts it; the acceptance notice waits on the clock.
  await act(h, 'suspend', { decisionNumber: '13/QĐ-STP', decidedOn: today, reason: 'Chờ kết quả giám định chữ ký' });
  assert.match((await h.textContent('#status'))!, /Tạm đình chỉ/);
  await act(h, 'resume', { decisionNumber: '14/QĐ-STP', decidedOn: today });
  assert.match((await h.textContent('#status'))!, /Đã thụ lý/);
  assert.match((await h.textContent('#notices'))!, /Thông báo thụ lý tố cáo/);
  await shot(h, 'suspended-resumed');
  await act(h, 'resolve', { documentNumber: '20/KL-STP', summary: 'Kết luận nội dung tố cáo: có cơ sở một phần.', resolvedOn: today }, { outcome: 'concluded' });
  assert.match((await h.textContent('#status'))!, /Đã giải quyết/);
  assert.match((await h.textContent('#resolved-on'))!, /^\d{2}\/\d{2}\/\d{4} · 20\/KL-STP$/);
  const all = await dates(h);
  assert.ok(all.length >= 4, `all clocks shown: ${all.join(', ')}`);
  assert.ok(all.every((d) => /^\d{2}\/\d{2}\/\d{4}$/.test(d)), all.join(', '));
  assert.match(await h.content(), /Giải quyết tố cáo/);
  assert.match(await h.content(), /Luật Tố cáo|25\/2018/);
  // The full clock history, oldest first, each row with the date on its document.
  const history = (await h.locator('#clock-history tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' '));
  const events = ['Bắt đầu tính', 'Dừng tính', 'Bắt đầu tính', 'Gia hạn', 'Dừng tính', 'Tính tiếp', 'Kết thúc'];
  let at = 0;
  for (const e of events) { at = history.findIndex((r, i) => i >= at && r.includes(e)); assert.ok(at >= 0, `${e} in ${history.join(' | ')}`); at++; }
  assert.ok(history.some((r) => r.includes('Phải gửi thông báo') && r.includes('Điều 29')));
  await shot(h, 'resolved');
  const coord = await signIn('demo.coordinator');
  await coord.goto(`${server.url}/petitions`);
  assert.match(await coord.content(), /id="risks"/);
  await shot(coord, 'list-risks');
  await coord.goto(`${server.url}/petitions/dashboard`);
  await shot(coord, 'dashboard');
});
