import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Debian's Chromium in a container: no sandbox, no GPU, nothing phoning home (see ARCHITECTURE.md). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

export interface TestBrowser {
  context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Saves a full-page screenshot as e2e/screenshots/<suite>-NN-<name>.png and returns its path. */
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh temporary profile; `suite` prefixes the screenshot names. */
export async function launchBrowser(suite: string, opts: { locale?: string; /** false: pages must work without JavaScript */ javaScript?: boolean } = {}): Promise<TestBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: opts.locale ?? 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: opts.javaScript ?? true,
  });
  context.setDefaultTimeout(15_000);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let n = 0;
  return {
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async shot(page, name) {
      const file = path.join(SCREENSHOT_DIR, `${suite}-${String(++n).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 60_000 });
      return file;
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
