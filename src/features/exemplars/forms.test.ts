import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';
import { DEFAULT_FORMS } from '../../domain/exemplars/forms.ts';
import { exemplarIndicators, registerExemplarIndicators } from './index.ts';
import { computeIndicators } from '../../platform/indicators/index.ts';
import JSZip from 'jszip';
import { localToday } from '../../platform/clock.ts';

/** word/document.xml of a DOCX. */
export async function docxXml(buf: Buffer): Promise<string> {
  return (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
}

/** Form 3 counts computed straight from the tables, without the domain counting function. */
async function independentCounts(t: TestApp, year: number) {
  const entries = await t.db.selectFrom('exemplar_entries').selectAll().where('year', '=', year).where('status', '!=', 'draft').execute();
  const recs = await t.db.selectFrom('exemplar_recognitions').select(['entry_id', 'level']).execute();
  const coms = await t.db.selectFrom('exemplar_commendations').select(['entry_id', 'form']).execute();
  const reps = await t.db.selectFrom('exemplar_replications').select('entry_id').execute();
  const byUnit = new Map<string, Record<string, number>>();
  for (const e of entries) {
    const r = byUnit.get(e.unit_id) ?? {};
    byUnit.set(e.unit_id, r);
    const inc = (k: string, yes: boolean) => { r[k] = (r[k] ?? 0) + (yes ? 1 : 0); };
    inc('registeredCollective', e.subject === 'collective');
    inc('registeredIndividual', e.subject === 'individual');
    for (const f of ['economy', 'culture-society', 'defence-security', 'political-system']) inc(`field.${f}`, e.field === f);
    inc('effective', ['recognised', 'typical', 'commended', 'replicated'].includes(e.status));
    inc('recognised.commune', recs.some((x) => x.entry_id === e.id && x.level === 'commune'));
    inc('recognised.province', recs.some((x) => x.entry_id === e.id && x.level === 'province'));
    inc('typical', Number(e.typical) === 1);
    inc('commended.giay-khen', coms.some((x) => x.entry_id === e.id && x.form === 'giay-khen'));
    inc('commended.bang-khen', coms.some((x) => x.entry_id === e.id && x.form === 'bang-khen'));
    inc('commended.other', coms.some((x) => x.entry_id === e.id && !['giay-khen', 'bang-khen'].includes(x.form)));
    inc('replicated', reps.some((x) => x.entry_id === e.id));
    inc('discontinued', e.status === 'discontinued');
  }
  const names = new Map((await t.db.selectFrom('units').select(['id', 'full_name']).where('id', 'in', [...byUnit.keys()]).execute()).map((u) => [u.id, u.full_name]));
  return new Map([...byUnit].map(([id, r]) => [names.get(id)!, r]));
}

forEachDialect('DVK forms 1–3', (dialect) => {
  let t: TestApp;
  let token: string;
  before(async () => { t = await createTestApp(dialect); token = await t.token('demo.coordinator'); });
  after(() => t.close());

  test('the demo data has every state, several communes and departments, both recognition levels', async () => {
    const rows = await t.db.selectFrom('exemplar_entries').select(['status', 'commune_code', 'unit_id']).execute();
    for (const s of ['draft', 'registered', 'building', 'proposed', 'under-review', 'recognised', 'typical', 'commended', 'replicated', 'returned', 'rejected', 'discontinued']) assert.ok(rows.some((r) => r.status === s), s);
    assert.ok(new Set(rows.map((r) => r.commune_code).filter(Boolean)).size >= 8);
    assert.ok(rows.filter((r) => !r.commune_code).length >= 4);
    const levels = await t.db.selectFrom('exemplar_recognitions').select('level').execute();
    assert.ok(levels.some((l) => l.level === 'commune') && levels.some((l) => l.level === 'province'));
  });

  test('form 3 for 2025 (XLSX) matches counts computed independently from the entries', async () => {
    const r = await t.app.request('/api/v1/exemplars/summary.xlsx?year=2025', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    const cols = DEFAULT_FORMS.form3.columns;
    assert.deepEqual((ws.getRow(3).values as unknown[]).slice(1), cols.map((c) => c.heading));
    const expected = await independentCounts(t, 2025);
    const seen = new Set<string>();
    let totalRegistered = 0;
    for (let i = 4; i <= ws.rowCount; i++) {
      const v = (ws.getRow(i).values as unknown[]).slice(1);
      const unit = String(v[1]);
      if (unit === 'Tổng cộng') { assert.equal(Number(v[2]) + Number(v[3]), totalRegistered); continue; }
      const exp = expected.get(unit);
      assert.ok(exp, `unexpected row ${unit}`);
      seen.add(unit);
      cols.forEach((c, j) => { if (!['no', 'unit', 'note'].includes(c.key)) assert.equal(Number(v[j]), exp[c.key] ?? 0, `${unit} ${c.key}`); });
      totalRegistered += Number(v[2]) + Number(v[3]);
    }
    assert.deepEqual([...seen].sort(), [...expected.keys()].sort());
    const ind = await exemplarIndicators(t.db, 2025);
    assert.equal(ind.find((i) => i.key === 'dvk.registered')!.value, totalRegistered);
    registerExemplarIndicators();
    const pleiku = (await t.db.selectFrom('units').select('id').where('key', '=', 'commune:23575:2025-07-01').executeTakeFirstOrThrow()).id;
    const today = localToday();
    const computed = await computeIndicators(t.db, ['dvk.models', 'dvk.recognised'], { unitId: pleiku, from: '2025-01-01', to: today });
    assert.equal(computed.get('dvk.models'), expected.get('Phường Pleiku')!.registeredCollective + expected.get('Phường Pleiku')!.registeredIndividual);
    assert.equal(computed.get('dvk.recognised'), expected.get('Phường Pleiku')!['recognised.commune']);
  });

  test('form 3 for one unit, DOCX with the Decree 30 header, and scope checks', async () => {
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const docx = await t.app.request('/api/v1/exemplars/summary.docx?year=2025', auth);
    assert.equal(docx.status, 200);
    const buf = Buffer.from(await docx.arrayBuffer());
    assert.equal(buf.subarray(0, 2).toString(), 'PK');
    const xml = await docxXml(buf);
    assert.match(xml, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(xml, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(xml, /Times New Roman/);
    assert.match(xml, /Biểu tổng hợp kết quả phong trào thi đua/);
    const commune = await t.token('demo.commune');
    const tuPhap = (await t.db.selectFrom('units').select('id').where('key', '=', 'body:52:tu-phap').executeTakeFirstOrThrow()).id;
    assert.equal((await t.app.request(`/api/v1/exemplars/summary.xlsx?year=2025&unitId=${tuPhap}`, { headers: { authorization: `Bearer ${commune}` } })).status, 403);
    assert.equal((await t.app.request('/api/v1/exemplars/summary.xlsx?year=abc', auth)).status, 400);
    assert.equal((await t.app.request('/api/v1/exemplars/summary.xlsx?year=2025')).status, 401);
    const one = await t.app.request(`/api/v1/exemplars/summary.xlsx?year=2025&unitId=${tuPhap}`, auth);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await one.arrayBuffer()) as never);
    assert.equal(wb.worksheets[0].rowCount, 5, 'title, note, header, Sở Tư pháp, total');
  });

  test('forms 1 and 2 download from the reports page', async () => {
    const agent = await t.as('demo.coordinator');
    const page = await agent.get('/exemplars/reports?year=2025');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Biểu tổng hợp/);
    for (const f of ['form1.xlsx', 'form2.xlsx', 'form1.docx', 'form3.docx']) {
      const r = await agent.get(`/exemplars/reports/${f}?year=2025`);
      assert.equal(r.status, 200, f);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await agent.get('/exemplars/reports/form1.xlsx?year=2025')).arrayBuffer()) as never);
    const registered = await t.db.selectFrom('exemplar_entries').select('id').where('year', '=', 2025).where('status', '!=', 'draft').execute();
    assert.equal(wb.worksheets[0].rowCount, 3 + registered.length);
  });

  test('campaigns: list, create with validation', async () => {
    const agent = await t.as('demo.coordinator');
    assert.match(await (await agent.get('/exemplars/campaigns')).text(), /Dân vận khéo&quot; năm 2025/);
    const bdv = (await t.db.selectFrom('units').select('id').where('key', '=', 'body:52:ban-dan-van').executeTakeFirstOrThrow()).id;
    const bad = await agent.post('/exemplars/campaigns', { name: 'Đợt 2026', year: '2031', periodFrom: '2026', periodTo: '2030', launchedByUnitId: bdv, legalBasis: 'KH 1', criteria: 'a' });
    assert.equal(bad.status, 400);
    assert.equal((await agent.post('/exemplars/campaigns', { name: 'Đợt 2026', year: '2026', periodFrom: '2026', periodTo: '2030', launchedByUnitId: bdv, legalBasis: 'KH 1', criteria: 'a\nb', registrationDeadline: '25/10/2026', quotaMin: '1', quotaMax: '3' })).status, 303);
    assert.equal((await (await t.as('demo.commune')).post('/exemplars/campaigns', { name: 'x' })).status, 403);
    const id = (await t.db.selectFrom('exemplar_campaigns').select('id').where('year', '=', 2025).executeTakeFirstOrThrow()).id;
    assert.equal((await agent.post(`/exemplars/campaigns/${id}/criteria`, { criteria: '' })).status, 400);
    assert.equal((await agent.post(`/exemplars/campaigns/${id}/criteria`, { criteria: 'Tiêu chí A\nTiêu chí B' })).status, 303);
    const c = await t.db.selectFrom('exemplar_campaigns').select(['criteria_version', 'criteria']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([Number(c.criteria_version), JSON.parse(c.criteria)], [2, ['Tiêu chí A', 'Tiêu chí B']]);
  });
});
