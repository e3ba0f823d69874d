import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.ts';
import { signInAs } from './helpers/session.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser, SCREENSHOT_DIR, type TestBrowser } from './helpers/browser.ts';
import { formatDate, localToday } from '../src/platform/i18n/index.ts';
import { docxParagraphs } from '../src/platform/docx/read.ts';

/**
 * "Dân biết, dân tham gia ý kiến" in a real browser: a ward officer posts a disclosure with its
 * evidence; a citizen on a 360-px phone with JavaScript disabled finds it on the public board and
 * comments on a consultation; the officer answers every comment and closes it; the explanation
 * report appears publicly, and its DOCX groups the comments by section.
 */

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let noJs: Browser;
let phone: Page;
let consultationUrl = '';
const TITLE = 'Danh sách hộ nghèo được hỗ trợ sửa nhà (e2e)';
const COMMENT = 'Đề nghị niêm yết thêm ở chợ Pleiku (e2e)';
const today = formatDate(localToday());
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

before(async () => {
  server = await startServer();
  browser = await launchBrowser('disclosures');
  page = await browser.newPage();
  noJs = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const ctx = await noJs.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  ctx.setDefaultTimeout(15_000);
  phone = await ctx.newPage();
});
after(async () => {
  await noJs?.close();
  await browser?.close();
  await server?.stop();
});
const signIn = (username: string) => signInAs(page, server.url, username);
const overflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
async function phoneShot(name: string) {
  await phone.screenshot({ path: path.join(SCREENSHOT_DIR, `disclosures-phone-${name}.png`), fullPage: true });
}

test('a ward officer posts a disclosure with its evidence', async () => {
  await signIn('demo.commune');
  await page.goto(`${server.url}/disclosures/new`);
  const unit = await page.locator('#f-unitId option', { hasText: 'Phường Pleiku' }).first().getAttribute('value');
  await page.selectOption('#f-unitId', unit!);
  await page.selectOption('#f-itemCode', 'c07');
  await page.fill('#f-title', TITLE);
  await page.fill('#f-documentNo', '215/QĐ-UBND');
  await page.fill('#f-decisionOn', today);
  await page.fill('#f-postedOn', today);
  for (const f of ['portal', 'radio', 'village_heads']) await page.check(`#f-form-${f}`);
  await page.setInputFiles('#f-photo', { name: 'bang-niem-yet.png', mimeType: 'image/png', buffer: PNG });
  await page.fill('#f-portalUrl', 'https://pleiku.gialai.gov.vn/cong-khai/215');
  await page.fill('#f-informedOn', today);
  await page.fill('#f-broadcastDays', today);
  await browser.shot(page, 'form');
  await Promise.all([page.waitForURL(/\/disclosures\/[0-9a-f-]{36}/), page.click('form[action="/disclosures/new"] button[type="submit"]')]);
  await page.locator('h1', { hasText: TITLE }).waitFor();
  assert.ok(await page.getByText('Ảnh chụp bảng niêm yết').first().isVisible());
  assert.ok(await page.getByText('Bản tin phát trên loa truyền thanh').isVisible());
  const espeak = spawnSync('sh', ['-c', 'command -v espeak-ng']).status === 0;
  assert.equal(await page.locator('#no-espeak').count(), espeak ? 0 : 1, 'the page says plainly when espeak-ng is missing');
  if (espeak) {
    // The OGG bulletin is decoded by Chromium's own decoder: an independent check of the encoding.
    const href = await page.locator('#bulletin-ogg').getAttribute('href');
    const audio = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const buf = await new OfflineAudioContext(1, 1, 22050).decodeAudioData(await res.arrayBuffer());
      let peak = 0;
      for (const x of buf.getChannelData(0)) peak = Math.max(peak, Math.abs(x));
      return { type: res.headers.get('content-type'), seconds: buf.duration, peak };
    }, href!);
    assert.equal(audio.type, 'audio/ogg');
    assert.ok(audio.seconds > 3 && audio.peak > 0.1, JSON.stringify(audio));
  }
  await browser.shot(page, 'posted');
});

test('a citizen finds it on the public board on a 360-px phone without JavaScript', async () => {
  await phone.goto(`${server.url}/board?q=pleiku`);
  await Promise.all([phone.waitForURL(/\/board\/[0-9a-f-]{36}/), phone.locator('ul.plain a', { hasText: 'Phường Pleiku' }).first().click()]);
  await phone.fill('#f-q', 'ho ngheo sua nha e2e');
  await Promise.all([phone.waitForURL(/q=/), phone.click('form[role="search"] button')]);
  await phone.locator('a', { hasText: TITLE }).waitFor();
  assert.equal(await overflow(phone), 0, 'no sideways scrolling at 360 px');
  await phoneShot('board');
  await Promise.all([phone.waitForURL(/\/board\/d\//), phone.locator('a', { hasText: TITLE }).click()]);
  assert.ok(await phone.getByText('215/QĐ-UBND').isVisible());
  assert.equal(await overflow(phone), 0);
  await phoneShot('disclosure');
});

test('the citizen comments on the open consultation', async () => {
  await phone.goBack();
  await phone.goBack();
  await Promise.all([phone.waitForURL(/\/consult\/unit\//), phone.locator('a', { hasText: 'Lấy ý kiến Nhân dân' }).click()]);
  await Promise.all([phone.waitForURL(/\/consult\/[0-9a-f-]{36}$/), phone.locator('a', { hasText: 'Quy chế thực hiện dân chủ' }).click()]);
  consultationUrl = phone.url();
  await phone.selectOption('#f-sectionKey', { label: 'Chương II. Những nội dung công khai' });
  await phone.fill('#f-text', COMMENT);
  await Promise.all([phone.waitForURL(/sent=1/), phone.click('form[action*="/comments"] button[type="submit"]')]);
  assert.ok(await phone.getByText('Cảm ơn bạn đã góp ý').isVisible());
  assert.equal(await overflow(phone), 0);
  await phoneShot('commented');
});

test('the officer answers every comment, cannot close early, then closes; the report is public', async () => {
  const id = consultationUrl.split('/').pop()!;
  await page.goto(`${server.url}/consultations/${id}`);
  await page.getByText(COMMENT).waitFor();
  await Promise.all([page.waitForLoadState('load'), page.click(`form[action="/consultations/${id}/close"] button[type="submit"]`)]);
  assert.ok(await page.getByText('Còn ý kiến chưa được trả lời').first().isVisible());
  const n = await page.locator('form.disposition').count();
  assert.ok(n >= 4, `${n} comments`);
  for (let i = 0; i < n; i++) {
    const f = page.locator('form.disposition').nth(i);
    await f.locator('select[name="decision"]').selectOption(i === 1 ? 'partly' : 'accepted');
    await f.locator('textarea[name="explanation"]').fill(`Giải trình số ${i + 1} (e2e)`);
    await Promise.all([page.waitForURL(new RegExp(`/consultations/${id}`)), f.locator('button').click()]);
  }
  await browser.shot(page, 'disposed');
  await page.fill(`form[action="/consultations/${id}/close"] textarea[name="decision"]`, 'Ban hành Quy chế sau khi tiếp thu ý kiến.');
  await Promise.all([page.waitForURL(/\/report$/), page.click(`form[action="/consultations/${id}/close"] button[type="submit"]`)]);
  await browser.shot(page, 'report');
  await phone.goto(`${server.url}/consult/${id}/report`);
  assert.ok(await phone.getByText(COMMENT).isVisible());
  assert.ok(await phone.getByText('Giải trình số 1 (e2e)').isVisible());
  assert.equal(await overflow(phone), 0);
  await phoneShot('report');
  // Art. 11(11): closing discloses the summary and explanation on the commune's public board.
  assert.ok(await phone.locator('#disclosed').isVisible());
  await Promise.all([phone.waitForURL(/\/board\/d\//), phone.locator('#disclosed a').click()]);
  assert.ok(await phone.getByText(/^Kết quả tổng hợp, tiếp thu, giải trình ý kiến: .*Quy chế thực hiện dân chủ/).isVisible());
  assert.ok(await phone.getByText(/Đ11\.11 /).isVisible());
  await Promise.all([phone.waitForURL(new RegExp(`/consult/${id}/report$`)), phone.locator('#consultation-link').click()]);

  const res = await fetch(`${server.url}/consult/${id}/report.docx`);
  assert.equal(res.status, 200);
  const docx = Buffer.from(await res.arrayBuffer());
  let lines: string[];
  if (spawnSync('sh', ['-c', 'command -v soffice']).status === 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-docx-'));
    fs.writeFileSync(path.join(dir, 'bao-cao.docx'), docx);
    execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, path.join(dir, 'bao-cao.docx')], { timeout: 120_000 });
    lines = fs.readFileSync(path.join(dir, 'bao-cao.txt'), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    fs.rmSync(dir, { recursive: true, force: true });
  } else {
    lines = docxParagraphs(docx);
  }
  const text = lines.join('\n');
  const i2 = text.indexOf('Chương II. Những nội dung công khai');
  const i3 = text.indexOf('Chương III.');
  assert.ok(i2 > 0 && i3 > i2, text);
  const mine = text.indexOf(COMMENT);
  assert.ok(mine > i2 && mine < i3, 'the citizen comment sits under its section');
  assert.match(text, /Tiếp thu một phần/);
  assert.match(text, /phản biện xã hội/);
});
