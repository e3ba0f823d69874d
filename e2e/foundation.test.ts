import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startServer, TEST_PASSWORD, type RunningServer } from './helpers/server.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';

/**
 * The foundation in a real browser against the real server: sign in through the form, the unit
 * registry with diacritic-insensitive search (today and as of an old date), a unit page, the
 * language switch, and the unit page on a 360 px phone screen. Screenshots in e2e/screenshots/.
 */

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let unitUrl = '';

before(async () => {
  server = await startServer({ fresh: true });
  browser = await launchBrowser('foundation');
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Searches the unit registry through its GET form. */
async function search(q: string, at?: string) {
  const form = page.locator('form[role="search"]');
  await form.locator('input[name="q"]').fill(q);
  if (at !== undefined) await form.locator('input[name="at"]').fill(at);
  await Promise.all([page.waitForURL(/\/units\?/), form.locator('button[type="submit"]').click()]);
  assert.equal(new URL(page.url()).searchParams.get('q'), q);
}

test('sign in as demo.coordinator through the form', async () => {
  await page.goto(`${server.url}/login`);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await browser.shot(page, 'login');
  await page.fill('input[name="username"]', 'demo.coordinator');
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${server.url}/`), page.click('form[action="/login"] button[type="submit"]')]);
  await page.getByText('Chuyên viên Sở Nội vụ (demo)').first().waitFor();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  await browser.shot(page, 'home');
});

test('the unit tree opens at /units', async () => {
  await page.goto(`${server.url}/units`);
  assert.equal(page.url().startsWith(`${server.url}/units`), true);
  await page.getByText('Phường Pleiku').first().waitFor();
  await browser.shot(page, 'units-tree');
});

test('search "ia mo" finds Xã Ia Mơ', async () => {
  await search('ia mo');
  await page.getByRole('link', { name: /Ia Mơ/ }).first().waitFor();
  await browser.shot(page, 'search-ia-mo');
});

test('search "dak doa" as of 01/01/2025 finds the old district Đăk Đoa', async () => {
  await search('dak doa', '2025-01-01');
  const link = page.getByRole('link', { name: /Huyện Đăk Đoa/ }).first();
  await link.waitFor();
  await browser.shot(page, 'search-dak-doa-2025-01-01');
  await Promise.all([page.waitForURL(/\/units\/[^/?]+/), link.click()]);
  unitUrl = page.url();
  await page.locator('h1', { hasText: 'Đăk Đoa' }).waitFor();
  await browser.shot(page, 'unit-dak-doa');
});

test('switching the language to English changes the page text', async () => {
  assert.ok(unitUrl, 'a unit page was opened');
  await Promise.all([page.waitForURL(/lang=en/), page.locator('nav.lang a, a[hreflang="en"]').first().click()]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.locator('h1', { hasText: 'Đăk Đoa' }).waitFor();
  await browser.shot(page, 'unit-dak-doa-en');
});

test('the unit page fits a 360 px wide phone screen', async () => {
  const phone = await browser.newPage({ width: 360, height: 740 });
  try {
    await phone.goto(unitUrl);
    await phone.locator('h1', { hasText: 'Đăk Đoa' }).waitFor();
    await browser.shot(phone, 'unit-dak-doa-360px');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 360 px`);
  } finally {
    await phone.close();
  }
});

test('signing out returns to the sign-in page', async () => {
  await Promise.all([page.waitForURL(/\/login/), page.getByRole('button', { name: 'Sign out' }).click()]);
  await page.locator('input[name="username"]').waitFor();
  await browser.shot(page, 'signed-out');
  const r = await page.goto(`${server.url}/units`);
  assert.match(page.url(), /\/login\?next=/, `after sign-out /units redirects to sign-in (status ${r?.status()})`);
});
