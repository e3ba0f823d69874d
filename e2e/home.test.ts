import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';
import { phoneShotOf, signInAs } from './helpers/session.ts';

/**
 * "Việc của tôi" in a real browser with JavaScript off: the ward officer signs in, sees the ward's
 * work by deadline, follows a line to the page where it is done; the page fits a 360 px phone.
 */
let server: RunningServer;
let browser: TestBrowser;
let page: Page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser('home', { javaScript: false });
  page = await browser.newPage();
});
after(async () => { await browser?.close(); await server?.stop(); });

test('the ward officer\'s home page lists the ward\'s work and links to where it is done, without JavaScript, at 360 px', async () => {
  await signInAs(page, server.url, 'demo.commune');
  await page.locator('h1', { hasText: 'Việc của tôi' }).waitFor();
  const items = page.locator('ol.work-list > li');
  assert.ok((await items.count()) >= 5);
  assert.match(await page.locator('.work-summary').innerText(), /việc quá hạn/);
  const complaint = items.filter({ hasText: 'Khiếu nại quyết định thu hồi đất' });
  assert.match(await complaint.innerText(), /Giải quyết đơn[\s\S]*quá hạn \d+ ngày/iu);
  await Promise.all([page.waitForURL(/\/petitions\/[0-9a-f-]{36}$/), complaint.locator('a').click()]);
  assert.match(await page.locator('h1').innerText(), /Khiếu nại quyết định thu hồi đất/);
  assert.equal(await phoneShotOf(browser, `${server.url}/`, 'home-360-commune'), 0, 'no horizontal scrolling at 360 px');
});
