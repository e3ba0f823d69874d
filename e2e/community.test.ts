import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { signInAs } from './helpers/session.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';

/**
 * Grassroots democracy in a real browser: a village head enters a meeting's tally and sees the
 * result by Art. 21(1) and the record to print; a board member logs a recommendation and the
 * commune sees its 15-day answer clock. Screenshots at desktop width and at 360 px.
 */

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let decisionUrl = '';
let boardUrl = '';
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

before(async () => {
  server = await startServer();
  browser = await launchBrowser('community');
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});
const signIn = (username: string) => signInAs(page, server.url, username);

test('a village head opens a decision, enters the meeting tally and sees the result', async () => {
  await signIn('demo.village.head');
  await page.goto(`${server.url}/community`);
  await page.getByRole('link', { name: 'Tổ dân phố 1' }).first().click();
  await page.getByTestId('household-count').waitFor();
  assert.match(await page.getByTestId('household-count').innerText(), /^90 hộ gia đình/);
  await browser.shot(page, 'village-desktop');
  await page.getByRole('link', { name: 'Nội dung mới để Nhân dân bàn và quyết định' }).click();
  await page.fill('input[name="question"]', 'Đóng góp sửa nhà văn hóa tổ dân phố, 300.000 đồng/hộ');
  await page.selectOption('select[name="matter"]', 'contribution');
  await page.selectOption('select[name="form"]', 'meeting');
  await Promise.all([page.waitForURL(/\/community\/decisions\/[0-9a-f-]+$/), page.click('form[action$="/decisions/new"] button[type="submit"]')]);
  decisionUrl = page.url();
  await page.fill('input[name="householdsPresent"]', '82');
  await page.fill('input[name="yes"]', '61');
  await page.fill('input[name="no"]', '17');
  await page.fill('input[name="other"]', '4');
  await page.selectOption('select[name="secretBallot"]', '1');
  await page.fill('textarea[name="team"]', 'Nguyễn Văn An\nTrần Thị Bình\nRơ Mah Blơi');
  await page.fill('textarea[name="witnesses"]', 'Lê Văn Tâm\nKsor H\'Ngơm');
  await Promise.all([page.waitForURL(decisionUrl), page.getByRole('button', { name: 'Lưu kết quả' }).click()]);
  await page.getByTestId('tally').waitFor();
  assert.equal(await page.getByTestId('count-team').innerText(), 'Nguyễn Văn An, Trần Thị Bình, Rơ Mah Blơi');
  await browser.shot(page, 'tally-entered');
  await Promise.all([page.waitForURL(decisionUrl), page.getByRole('button', { name: 'Kết thúc biểu quyết và tính kết quả' }).click()]);
  const result = await page.getByTestId('result').innerText();
  assert.match(result, /Được thông qua: 61\/90 hộ đồng ý/);
  assert.match(result, /ít nhất 2\/3 tổng số hộ gia đình \(Điều 21 khoản 1 điểm a/);
  assert.match(result, /chậm nhất ngày \d{2}\/\d{2}\/\d{4}/);
  await browser.shot(page, 'result-desktop');
  await page.setViewportSize(PHONE);
  await browser.shot(page, 'result-360');
  await page.setViewportSize(DESKTOP);
});

test('the decision record prints with the content of Art. 20(2)', async () => {
  await page.goto(`${decisionUrl}/minutes`);
  const text = await page.locator('article').innerText();
  assert.match(text, /VĂN BẢN KẾT QUẢ NHÂN DÂN BÀN VÀ QUYẾT ĐỊNH/);
  assert.match(text, /Tổng số hộ gia đình: 90; số đại diện hộ tham dự: 82; số hộ vắng mặt: 8/);
  assert.match(text, /đồng ý 61; không đồng ý 17; ý kiến khác 4/);
  await browser.shot(page, 'minutes-desktop');
  await page.emulateMedia({ media: 'print' });
  await browser.shot(page, 'minutes-print');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(PHONE);
  await browser.shot(page, 'minutes-360');
  await page.setViewportSize(DESKTOP);
});

test('the vote-counting board signs the count minutes (NĐ 59 Mẫu 02)', async () => {
  await page.goto(`${decisionUrl}/count-minutes`);
  const text = await page.locator('article').innerText();
  assert.match(text, /Mẫu số 02/);
  assert.match(text, /BIÊN BẢN KIỂM PHIẾU/);
  assert.match(text, /Rơ Mah Blơi/);
  assert.match(text, /Số phiếu phát ra: 82/);
  await browser.shot(page, 'count-minutes-desktop');
});

test('a commune-wide decision shows each village and the two-thirds of all villages (Art. 21(1))', async () => {
  await signIn('demo.coordinator');
  await page.goto(`${server.url}/community`);
  await page.getByRole('link', { name: /Góp vốn đối ứng bê tông hóa đường liên thôn/ }).first().click();
  assert.match(await page.getByTestId('villages-approving').innerText(), /^2\/3 thôn, tổ dân phố tán thành \(cần ít nhất 2\)/);
  assert.match(await page.getByTestId('commune-result').innerText(), /Được thông qua: 2\/3 thôn, tổ dân phố tán thành/);
  await browser.shot(page, 'commune-decision-desktop');
  await page.setViewportSize(PHONE);
  await browser.shot(page, 'commune-decision-360');
  await page.setViewportSize(DESKTOP);
  await page.goto(`${server.url}/community/numbers`);
  await page.getByRole('cell', { name: 'Nội dung phạm vi cấp xã đã tổng hợp kết quả' }).waitFor();
  await browser.shot(page, 'numbers-desktop');
});

test('a board member logs a recommendation with its 15-day answer clock', async () => {
  await signIn('demo.board');
  await page.goto(`${server.url}/boards`);
  await page.getByRole('link', { name: 'Ban Thanh tra nhân dân' }).first().click();
  boardUrl = page.url();
  await page.fill('input[name="to"]', 'Chủ tịch UBND phường Pleiku');
  await page.fill('input[name="text"]', 'Công khai dự toán sửa chữa chợ Tổ dân phố 3');
  await Promise.all([page.waitForURL(boardUrl), page.getByRole('button', { name: 'Ghi kiến nghị' }).click()]);
  await page.getByText('Công khai dự toán sửa chữa chợ Tổ dân phố 3').waitFor();
  assert.ok(await page.getByText(/Còn 1[5-8] ngày/).count() >= 1);
  await browser.shot(page, 'board-member-desktop');
});

test('the commune sees the recommendation and its clock, on a phone too', async () => {
  await signIn('demo.commune');
  await page.goto(boardUrl);
  const row = page.locator('tr', { hasText: 'Công khai dự toán sửa chữa chợ Tổ dân phố 3' });
  assert.match((await row.textContent()) ?? '', /Còn 1[5-8] ngày \(đến \d{2}\/\d{2}\/\d{4}\)/);
  await browser.shot(page, 'commune-board-desktop');
  await page.setViewportSize(PHONE);
  await browser.shot(page, 'commune-board-360');
  await page.goto(`${server.url}/boards`);
  await browser.shot(page, 'commune-boards-list-360');
  await page.setViewportSize(DESKTOP);
});
