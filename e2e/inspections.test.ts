import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { docxParagraphs } from '../src/platform/docx/read.ts';
import { formatDate, localToday } from '../src/platform/i18n/index.ts';
import { plusDays } from '../src/domain/calendar/index.ts';
import { startServer, type RunningServer } from './helpers/server.ts';
import { signInAs, signOutOf, phoneShotOf } from './helpers/session.ts';
import { launchBrowser, type TestBrowser } from './helpers/browser.ts';

/**
 * Issue 16 "Done when", in a real browser against the real server (demo data), through the pages
 * as each user: the coordinator drafts a plan with a team and Phường Pleiku as target (visit today),
 * the leader approves it; the coordinator records the notice; the ward officer files the self-report
 * (late: due 7 days before the visit, flagged); the coordinator records the findings, where the
 * reception criterion is filled from Coso's figures and says which; the minutes DOCX (read by
 * LibreOffice when installed) carries those figures; the observer cannot see the findings yet; the
 * ward head explains; the coordinator writes, and issues, the conclusion with a recommendation; the
 * ward officer files the remediation report and the coordinator closes it; the coordinator appraises
 * the ward's yearly assessment, the leader publishes the classification, and the public portal shows
 * the class and the conclusion to anyone. Screenshots at desktop width and 360 px.
 */

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
const today = localToday();
const year = today.slice(0, 4);
const title = `Kế hoạch kiểm tra thử nghiệm ${year}`;
let planUrl = '';
let targetUrl = '';

before(async () => {
  server = await startServer();
  browser = await launchBrowser('inspections');
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});
const signIn = (username: string) => signInAs(page, server.url, username);
const signOut = () => signOutOf(page);
/** Clicks a submit button (by its text, or a form action ending `…/action`) and waits for the next page. */
const submit = (button: string, url?: RegExp) => Promise.all([page.waitForNavigation(url ? { url } : {}),
  page.click(button.startsWith('/') ? `form[action$="${button}"] button[type="submit"]` : `button:has-text("${button}")`)]);

/** Text of a DOCX as LibreOffice reads it (when soffice is installed), else from its XML. */
function docxLines(docx: Buffer): string[] {
  if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) return docxParagraphs(docx);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-docx-'));
  try {
    fs.writeFileSync(path.join(dir, 'bien-ban.docx'), docx);
    execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, path.join(dir, 'bien-ban.docx')], { timeout: 180_000, env: { ...process.env, HOME: dir } });
    return fs.readFileSync(path.join(dir, 'bien-ban.txt'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the coordinator drafts a plan with a team and a target; the leader approves it', async () => {
  await signIn('demo.coordinator');
  await page.goto(`${server.url}/inspections`);
  await Promise.all([page.waitForURL(/\/inspections\/new$/), page.click('a:has-text("Lập kế hoạch kiểm tra")')]);
  await page.fill('#f-title', title);
  await page.fill('#f-windowFrom', formatDate(plusDays(today, -30)));
  await page.fill('#f-windowTo', '31/02/2000');
  await page.fill('#f-objectives', 'Đánh giá việc thực hiện Luật Thực hiện dân chủ ở cơ sở.');
  await page.fill('#f-contentItems', 'Công khai, lấy ý kiến Nhân dân\nTiếp công dân của người đứng đầu');
  await submit('Tạo kế hoạch');
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.inputValue('#f-title'), title, 'typed values kept on 400');
  await browser.shot(page, 'plan-form-error');
  await page.fill('#f-windowTo', formatDate(plusDays(today, 60)));
  await submit('Tạo kế hoạch', /\/inspections\/[0-9a-f-]{36}$/);
  planUrl = page.url();
  await page.fill('#f-name', 'Đoàn kiểm tra thử nghiệm');
  await page.fill('#f-decisionNumber', '99/QĐ-SNV');
  await page.fill('#f-decisionDate', formatDate(plusDays(today, -25)));
  await page.fill('#f-members', 'Nguyễn Văn Kiểm; Sở Nội vụ; trưởng đoàn\nLê Thị Mặt Trận; Ủy ban MTTQ Việt Nam tỉnh; thành viên');
  await submit('Thêm đoàn kiểm tra', /\/inspections\/[0-9a-f-]{36}$/);
  await page.locator('h3', { hasText: 'Đoàn kiểm tra thử nghiệm' }).waitFor();
  await page.selectOption('#f-unitId', { label: 'Phường Pleiku' });
  await page.selectOption('#f-teamId', { label: 'Đoàn kiểm tra thử nghiệm' });
  await page.fill('#f-visitDate', formatDate(today));
  await submit('Thêm đơn vị được kiểm tra', /\/inspections\/[0-9a-f-]{36}$/);
  await page.locator('td a', { hasText: 'Phường Pleiku' }).waitFor();
  await submit('Trình phê duyệt', /\/inspections\/[0-9a-f-]{36}$/);
  await browser.shot(page, 'plan-submitted');
  await signOut();
  await signIn('demo.leader');
  await page.goto(planUrl);
  await submit('Phê duyệt kế hoạch', /\/inspections\/[0-9a-f-]{36}$/);
  await page.locator('h1 .tag', { hasText: 'Đã phê duyệt' }).waitFor();
  targetUrl = `${server.url}${await page.locator('td a', { hasText: 'Phường Pleiku' }).getAttribute('href')}`;
  await signOut();
});

test('notice, then the ward officer\'s self-report (late, flagged)', async () => {
  await signIn('demo.coordinator');
  await page.goto(targetUrl);
  await page.fill('#f-sentOn', formatDate(plusDays(today, -20)));
  await submit('Ghi nhận đã gửi thông báo', /\/inspection-targets\//);
  await page.locator('[data-testid="notice"] .tag.green').waitFor();
  await signOut();
  await signIn('demo.commune');
  await page.goto(`${server.url}/`);
  await page.goto(targetUrl);
  await page.fill('#f-report', 'Phường đã công khai đầy đủ các nội dung theo Điều 11; tổ chức đối thoại với Nhân dân hằng quý.');
  await page.fill('#f-selfScore', '88');
  await submit('Gửi báo cáo tự kiểm tra', /\/inspection-targets\//);
  await page.locator('[data-testid="self-report-due"] .tag.red', { hasText: 'Muộn' }).waitFor();
  assert.ok(await page.locator('[data-testid="self-report-due"] .tag', { hasText: 'Chậm' }).isVisible(), 'late self-report flagged');
  assert.ok(await page.getByText('Kết quả kiểm tra chưa công bố').count() === 0, 'the unit reads its own inspection');
  await browser.shot(page, 'self-report');
  await signOut();
});

test('the coordinator records the findings; an auto-filled criterion shows its source figures; the minutes DOCX carries them', async () => {
  await signIn('demo.coordinator');
  await page.goto(targetUrl);
  const auto = page.locator('[data-testid="auto-TC9"]');
  const source = (await auto.innerText()).trim();
  assert.match(source, /^Số liệu Coso từ \d{2}\/\d{2}\/\d{4} đến \d{2}\/\d{2}\/\d{4}: Ngày tiếp công dân định kỳ của người đứng đầu = \d+; chỉ tiêu \d+/, source);
  const points = Number(source.match(/tự tính ([\d.]+) điểm/)![1]);
  assert.equal(await page.inputValue('select[name="result.TC9"]'), points >= 10 ? 'met' : points <= 0 ? 'not_met' : 'partly', 'the suggested result follows the computed points');
  await page.selectOption('select[name="result.TC6"]', 'partly');
  await page.fill('input[name="points.TC6"]', '7');
  await page.fill('input[name="note.TC6"]', 'Niêm yết tại tổ dân phố 3 chưa đủ 30 ngày');
  await page.fill('#f-visitPlace', 'Hội trường UBND phường Pleiku');
  await browser.shot(page, 'findings-form');
  await submit('Lưu kết quả kiểm tra', /\/inspection-targets\//);
  await page.locator('[data-testid="score"]').waitFor();
  await browser.shot(page, 'findings-saved');
  assert.equal(await phoneShotOf(browser, targetUrl, 'target-360'), 0, 'no sideways scrolling at 360 px');
  const res = await page.context().request.get(`${targetUrl}/minutes.docx`);
  assert.equal(res.status(), 200);
  const lines = docxLines(Buffer.from(await res.body()));
  const text = lines.join('\n');
  assert.ok(lines.some((l) => /^BIÊN BẢN LÀM VIỆC$/.test(l)), text.slice(0, 800));
  const figures = source.match(/Ngày tiếp công dân định kỳ của người đứng đầu = \d+; chỉ tiêu \d+/)![0];
  assert.ok(text.includes(figures), `the minutes name the figures behind the criterion: ${figures}`);
  assert.ok(text.includes('Niêm yết tại tổ dân phố 3 chưa đủ 30 ngày'));
  assert.ok(text.includes('Đoàn kiểm tra thử nghiệm'));
  await signOut();
});

test('the observer does not see the findings before the conclusion; the ward head explains', async () => {
  await signIn('demo.observer');
  await page.goto(targetUrl);
  await page.getByText('Kết quả kiểm tra chưa công bố').waitFor();
  assert.equal(await page.getByText('Niêm yết tại tổ dân phố 3').count(), 0);
  assert.equal((await page.context().request.get(`${targetUrl}/minutes.docx`)).status(), 403);
  await signOut();
  await signIn('demo.commune.head');
  await page.goto(targetUrl);
  await page.fill('#f-explanation', 'Nhà văn hóa tổ dân phố 3 đang sửa chữa; phường đã niêm yết bổ sung.');
  await submit('/explanation', /\/inspection-targets\//);
  await page.locator('p', { hasText: 'Nhà văn hóa tổ dân phố 3 đang sửa chữa' }).waitFor();
  await signOut();
});

test('the coordinator writes and issues the conclusion with a recommendation; the ward remediates; the coordinator closes it', async () => {
  await signIn('demo.coordinator');
  await page.goto(targetUrl);
  await page.fill('#f-strengths', 'Người đứng đầu trực tiếp đối thoại với Nhân dân hằng quý.');
  await page.fill('#f-limitations', 'Niêm yết chưa đủ thời gian tại một tổ dân phố.');
  await page.fill('#f-goodModels', 'Mô hình "Tổ dân phố tự quản xanh" của Phường Pleiku.');
  await submit('/conclusion', /\/inspection-targets\//);
  await page.fill('#f-text', 'Niêm yết lại đủ 30 ngày tại nhà văn hóa tổ dân phố 3');
  await submit('Thêm kiến nghị', /\/inspection-targets\//);
  await page.locator('td', { hasText: 'Niêm yết lại đủ 30 ngày' }).waitFor();
  await submit('Ban hành kết luận', /\/inspection-targets\//);
  await page.locator('h2 .tag.green', { hasText: 'Ban hành' }).waitFor();
  await browser.shot(page, 'conclusion-issued');
  await signOut();
  await signIn('demo.commune');
  await page.goto(targetUrl);
  await page.fill('#f-report', 'Đã niêm yết lại đủ 30 ngày, có biên bản niêm yết.');
  await submit('Gửi báo cáo khắc phục', /\/inspection-targets\//);
  await page.locator('td .tag.green', { hasText: 'Đúng hạn' }).waitFor();
  await signOut();
  await signIn('demo.coordinator');
  await page.goto(targetUrl);
  await submit('Chấp nhận, đóng kiến nghị', /\/inspection-targets\//);
  await page.locator('td .tag.green', { hasText: 'Đã đóng' }).waitFor();
  await browser.shot(page, 'remediated');
});

test('yearly classification: the coordinator appraises, the leader publishes; the public portal shows the result', async () => {
  await page.goto(`${server.url}/inspection-assessments?year=${year}`);
  const row = page.locator('tr', { hasText: 'Phường Pleiku' });
  await row.locator('summary', { hasText: 'Thẩm định' }).click();
  await row.locator('textarea[name="adjustments"]').fill('-3; Kết luận kiểm tra: niêm yết chưa đủ thời gian');
  await row.locator('textarea[name="adjustments"]').press('Tab');
  await Promise.all([page.waitForURL(/\/inspection-assessments\?year=/), row.locator('button', { hasText: 'Thẩm định' }).click()]);
  const self = Number((await page.locator('tr', { hasText: 'Phường Pleiku' }).locator('td').nth(1).innerText()).trim());
  const final = Number((await page.locator('tr', { hasText: 'Phường Pleiku' }).locator('td').nth(3).innerText()).trim());
  assert.equal(final, self - 3, 'the final score is the self-score with the adjustment');
  await browser.shot(page, 'appraised');
  await signOut();
  await signIn('demo.leader');
  await page.goto(`${server.url}/inspection-assessments?year=${year}`);
  await page.fill('#f-decisionNumber', `77/QĐ-UBND`);
  await page.fill('#f-publishedOn', formatDate(today));
  await submit('Công bố kết quả xếp loại', /\/inspection-assessments\?year=/);
  const cls = (await page.locator('tr', { hasText: 'Phường Pleiku' }).locator('[data-testid="class"]').textContent())!.trim();
  assert.ok(cls.startsWith('Hoàn thành') || cls === 'Không hoàn thành', cls);
  await signOut();
  await page.goto(`${server.url}/public/inspections`);
  const pub = page.locator('tr', { hasText: 'Phường Pleiku' }).filter({ hasText: '77/QĐ-UBND' });
  await pub.waitFor();
  assert.equal((await pub.locator('td').nth(0).innerText()).trim(), year);
  assert.equal(Number((await pub.locator('td').nth(2).innerText()).trim()), final);
  assert.equal((await pub.locator('td').nth(3).textContent())!.trim(), cls);
  await page.locator('[data-testid="public-conclusion"]', { hasText: 'Người đứng đầu trực tiếp đối thoại với Nhân dân hằng quý.' }).waitFor();
  assert.equal(await page.getByText('Niêm yết tại tổ dân phố 3 chưa đủ 30 ngày').count(), 0, 'findings notes are not on the portal');
  await browser.shot(page, 'public');
  assert.equal(await phoneShotOf(browser, `${server.url}/public/inspections`, 'public-360'), 0);
});
