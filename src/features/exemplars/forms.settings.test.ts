import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';
import { DEFAULT_FORMS } from '../../domain/exemplars/forms.ts';

forEachDialect('DVK summary form headings are configurable data', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  const sheetRows = async (token: string) => {
    const r = await t.app.request('/api/v1/exemplars/summary.xlsx?year=2025', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    return { title: String(ws.getRow(1).getCell(1).value), note: String(ws.getRow(2).getCell(1).value ?? ''), head: (ws.getRow(3).values as unknown[]).slice(1).map(String) };
  };

  test('the admin confirms the headings; printed forms use them and drop the "proposed form" note; bad input keeps what was typed; audited', async () => {
    const token = await t.token('demo.coordinator');
    const before = await sheetRows(token);
    assert.deepEqual(before.head, DEFAULT_FORMS.form3.columns.map((c) => c.heading));
    assert.match(before.note, /Mẫu đề xuất/);

    const admin = await t.as('demo.admin');
    const page = await admin.get('/exemplars/settings/forms');
    assert.equal(page.status, 200);
    const values: Record<string, string> = {};
    for (const m of (await page.text()).matchAll(/name="(form[123]\.[^"]+)"[^>]*value="([^"]*)"/g)) values[m[1]] = m[2].replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    assert.equal(values['form3.title'], DEFAULT_FORMS.form3.title);
    const unitKey = DEFAULT_FORMS.form3.columns[1].key;

    const bad = await admin.post('/exemplars/settings/forms', { ...values, 'form3.title': '', [`form3.col.${unitKey}`]: 'Tên đơn vị (đã xác nhận)' });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /href="#f-form3.title"/, 'the error summary names the field');
    assert.match(badHtml, /Tên đơn vị \(đã xác nhận\)/, 'what was typed is kept');
    const twice = await admin.post('/exemplars/settings/forms', { ...values, [`form3.col.${DEFAULT_FORMS.form3.columns[2].key}`]: values[`form3.col.${unitKey}`] });
    assert.equal(twice.status, 400, 'two columns with one heading are refused');
    assert.match(await twice.text(), /Tên cột trùng/);

    const ok = await admin.post('/exemplars/settings/forms', { ...values, 'form3.title': 'BIỂU TỔNG HỢP MÔ HÌNH "DÂN VẬN KHÉO" NĂM {year}', [`form3.col.${unitKey}`]: 'Tên đơn vị (đã xác nhận)' });
    assert.equal(ok.status, 303);
    const after = await sheetRows(token);
    assert.equal(after.title, 'BIỂU TỔNG HỢP MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2025');
    assert.equal(after.head[1], 'Tên đơn vị (đã xác nhận)');
    assert.equal(after.head.length, before.head.length, 'columns keep their number and order');
    assert.equal(after.note, '', 'no longer marked as a proposed form');
    // in English, the wording the province entered is shown as entered; the headings it kept are in English
    const en = await (await (await t.as('demo.coordinator')).get('/exemplars/reports?year=2025&lang=en')).text();
    assert.match(en, /Tên đơn vị \(đã xác nhận\)/);
    assert.match(en, /BIỂU TỔNG HỢP MÔ HÌNH &quot;DÂN VẬN KHÉO&quot; NĂM 2025|BIỂU TỔNG HỢP MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2025/);
    assert.ok(en.includes('Registered: collective') && !en.includes('Đăng ký: tập thể'), 'kept default headings in English');
    const audit = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'exemplars.forms.set').execute();
    assert.equal(audit.length, 1);
    assert.equal((await (await t.as('demo.coordinator')).get('/exemplars/settings/forms')).status, 403, 'admins only');
  });
});
