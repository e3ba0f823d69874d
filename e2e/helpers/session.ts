import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from './server.ts';
import type { TestBrowser } from './browser.ts';

/** Signs in through the form (signing out first if the page holds a session) and waits for the home page. */
export async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  if (await page.getByRole('button', { name: 'Đăng xuất' }).count()) {
    await signOutOf(page);
    await page.goto(`${baseUrl}/login`);
  }
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.click('form[action="/login"] button[type="submit"]')]);
}

/** Signs out with the header button and waits for the sign-in page. */
export async function signOutOf(page: Page): Promise<void> {
  await Promise.all([page.waitForURL(/\/login/), page.getByRole('button', { name: 'Đăng xuất' }).click()]);
}

/** Screenshot at 360 px with the browser's current session; returns the horizontal overflow in px (0 = fits). */
export async function phoneShotOf(browser: TestBrowser, url: string, name: string): Promise<number> {
  const phone = await browser.newPage({ width: 360, height: 740 });
  try {
    await phone.goto(url);
    await browser.shot(phone, name);
    return await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  } finally {
    await phone.close();
  }
}
