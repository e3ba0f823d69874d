import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, TEST_PASSWORD, type RunningServer } from './helpers/server.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';

/**
 * Plans and tasks in a real browser: the coordinator opens plan 188/KH-UBND and its coverage; the
 * commune officer creates the commune's plan from it, adds a task, uploads evidence and marks
 * progress; the coordinator sees the change. Desktop and 360 px screenshots in e2e/screenshots/.
 */
let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let planUrl = '';
let taskUrl = '';

before(async () => {
  server = await startServer();
  browser = await launchBrowser('plans');
  page = await browser.newPage();
});
after(async () => { await browser?.close(); await server?.stop(); });

async function login(username: string) {
  await browser.context.clearCookies();
  await page.goto(`${server.url}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${server.url}/`), page.click('form[action="/login"] button[type="submit"]')]);
}

test('the coordinator opens plan 188/KH-UBND and its coverage', async () => {
  await login('demo.coordinator');
  await page.goto(`${server.url}/plans`);
  await Promise.all([page.waitForURL(/\/plans\/[0-9a-f-]{36}$/), page.getByRole('link', { name: /Thực hiện công tác dân vận chính quyền/ }).first().click()]);
  planUrl = page.url();
  await page.getByText('Số: 188/KH-UBND').waitFor();
  await page.getByText('Gia Lai, ngày 22 tháng 01 năm 2025').waitFor();
  await browser.shot(page, 'plan-1280');
  await Promise.all([page.waitForURL(/\/coverage$/), page.getByRole('link', { name: 'Theo dõi triển khai' }).click()]);
  await page.getByText(/đơn vị đã ban hành kế hoạch/).waitFor();
  assert.ok(await page.locator('table.coverage tbody tr', { hasText: 'Phường Pleiku' }).count() === 1);
  await browser.shot(page, 'coverage-1280');
});

test('the commune officer creates the commune plan, adds a task, uploads evidence and marks progress', async () => {
  await login('demo.commune');
  await page.goto(planUrl);
  await Promise.all([page.waitForURL(/created=1/), page.getByRole('button', { name: 'Lập kế hoạch của đơn vị' }).click()]);
  await page.getByText('Đã lập kế hoạch của đơn vị').waitFor();
  await page.fill('input[name="title"]', 'Tổ chức hội nghị đối thoại với Nhân dân phường');
  await page.selectOption('select[name="planItemId"]', { index: 5 });
  await page.fill('input[name="dueOn"]', '31/12/2099');
  await Promise.all([page.waitForURL(/task=1/), page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click()]);
  await browser.shot(page, 'commune-plan-1280');
  await Promise.all([page.waitForURL(/\/tasks\//), page.getByRole('link', { name: 'Tổ chức hội nghị đối thoại với Nhân dân phường' }).click()]);
  taskUrl = page.url();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-e2e-'));
  const bad = path.join(dir, 'bao-cao.pdf');
  fs.writeFileSync(bad, '<html><body>not a pdf</body></html>');
  await page.fill('input[name="note"]', 'Đã tổ chức hội nghị');
  await page.setInputFiles('input[name="file"]', bad);
  await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
  await page.getByText(/Chỉ nhận tệp PDF/).first().waitFor();
  await browser.shot(page, 'upload-refused-1280');
  const good = path.join(dir, 'bien-ban.pdf');
  fs.writeFileSync(good, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  await page.fill('input[name="note"]', 'Đã tổ chức hội nghị, có biên bản');
  await page.fill('input[name="progress"]', '60');
  await page.setInputFiles('input[name="file"]', good);
  await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: 'Lưu cập nhật' }).click()]);
  await page.getByText('bien-ban.pdf').waitFor();
  // Status, due date and person in charge from the task page (no JavaScript needed).
  await page.selectOption('select[name="status"]', 'in-progress');
  await page.fill('input[name="dueOn"]', '15/12/2099');
  await page.selectOption('select[name="assigneeId"]', { index: 1 });
  await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: 'Lưu thay đổi' }).click()]);
  await page.getByText('15/12/2099').first().waitFor();
  await page.fill('input[name="comment"]', 'Đề nghị Mặt trận phường cùng dự');
  await Promise.all([page.waitForURL(/saved=1/), page.getByRole('button', { name: 'Gửi ý kiến' }).click()]);
  await browser.shot(page, 'task-1280');
  const phone = await browser.newPage({ width: 360, height: 740 });
  await phone.goto(taskUrl);
  await browser.shot(phone, 'task-360');
  await phone.goto(planUrl);
  await browser.shot(phone, 'plan-360');
  await phone.close();
});

test('the coordinator sees the change', async () => {
  await login('demo.coordinator');
  await page.goto(`${planUrl}/coverage`);
  const row = page.locator('table.coverage tbody tr', { hasText: 'Phường Pleiku' });
  assert.ok((await row.locator('td.cell-planned').count()) >= 12);
  await page.goto(taskUrl);
  await page.getByText('60%').first().waitFor();
  await page.getByText('bien-ban.pdf').waitFor();
  await page.getByText('Đề nghị Mặt trận phường cùng dự').waitFor();
  await page.goto(`${server.url}/plans`);
  await page.getByText(/nhiệm vụ quá hạn/).first().waitFor();
  const phone = await browser.newPage({ width: 360, height: 740 });
  await phone.goto(`${planUrl}/coverage`);
  await browser.shot(phone, 'coverage-360');
  await phone.close();
});
