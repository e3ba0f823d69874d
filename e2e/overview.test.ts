import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';
import { phoneShotOf, signInAs } from './helpers/session.ts';

/**
 * The province overview in a real browser with JavaScript off: the provincial leader opens it,
 * follows a figure to the ranking, chooses a report period, and prints it on one A4 sheet.
 */
let server: RunningServer;
let browser: TestBrowser;
let page: Page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser('overview', { javaScript: false });
  page = await browser.newPage();
});
after(async () => { await browser?.close(); await server?.stop(); });

test('the leader sees the province at a glance, drills into a figure, picks a period, and prints one A4 page', async () => {
  await signInAs(page, server.url, 'demo.leader');
  await page.goto(`${server.url}/overview`);
  await page.locator('h1', { hasText: 'Toàn tỉnh trong một trang' }).waitFor();
  assert.equal(await page.locator('li.figure').count(), 8, 'reports, six indicators, disclosure gaps');
  await browser.shot(page, 'overview-leader');
  await Promise.all([page.waitForURL(/sort=tcd\.days#communes$/), page.locator('#fig-tcd\\.days a', { hasText: 'Xem các đơn vị' }).click()]);
  assert.match(await page.locator('#communes + p.hint').innerText(), /Xếp theo "Ngày tiếp công dân"/);
  await page.selectOption('#period', { index: 1 });
  await Promise.all([page.waitForURL(/period=[0-9a-f-]{36}/), page.click('form[action="/overview"] button')]);
  assert.match(await page.locator('main p').first().innerText(), /^Kỳ Báo cáo/);
  await page.emulateMedia({ media: 'print' });
  // Chromium writes one page object ("/Type /Page") per sheet.
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal(pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length, 1, 'one A4 sheet for the meeting');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await phoneShotOf(browser, `${server.url}/overview`, 'overview-360-leader'), 0, 'no horizontal scrolling at 360 px');

  // The map: pick another figure, see it recoloured, follow a commune to its unit page.
  await page.goto(`${server.url}/overview/map`);
  // Two figures may have the same values on a given day (the demo data follows the clock), so the check
  // is that the map shows the figure chosen: its caption, and every commune coloured by that figure's
  // value (blank where the value is 0 or missing), the same values as the table beside it.
  await page.selectOption('#figure', 'yk.unanswered');
  await Promise.all([page.waitForURL(/figure=yk\.unanswered/), page.click('form[action="/overview/map"] button')]);
  await browser.shot(page, 'overview-map');
  const label = (await page.locator('#figure option:checked').innerText()).trim();
  assert.match(await page.locator('table caption').innerText(), new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the table names the figure chosen');
  const paths = await page.locator('svg path[data-code]').evaluateAll((ps) => ps.map((p) => ({ fill: p.getAttribute('fill'), n: Number(p.getAttribute('data-count') || 0) })));
  assert.ok(paths.length > 100, 'every commune is drawn');
  for (const p of paths) assert.equal(p.fill === '#f3f2f1', p.n === 0, `a commune is coloured exactly when its figure is above 0 (${p.n}, ${p.fill})`);
  const pleiku = page.locator('svg a[href^="/units/"]:has(path[data-code="23575"])');
  const count = await pleiku.locator('path').getAttribute('data-count');
  assert.equal(await page.locator('table tr', { hasText: 'Phường Pleiku' }).locator('td').nth(1).innerText(), count, 'the table beside says the same');
  await Promise.all([page.waitForURL(/\/units\/[0-9a-f-]{36}$/), pleiku.click()]);
  assert.match(await page.locator('h1').innerText(), /Pleiku/);
});
