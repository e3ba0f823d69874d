import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { docxParagraphs } from '../../platform/docx/read.ts';
import { getUnitByKey } from '../units/index.ts';
import { sendReportReminders } from './reports.jobs.ts';
import { runPendingExports } from './reports.exports.ts';
import { DEFAULT_CUTOFFS } from './reports.regime.ts';
import { versionIn } from '../../../test/helpers/concurrency.ts';

type Period = { id: string; regimeId: string; title: string; kind: string; from: string; to: string; due: string; dueMode: string; lastDay: string };
type Report = { status: string; indicators: { code: string; value: number | null; computed: number | null; overrideReason: string | null }[]; sections: { key: string; title: string; text: string }[] };
type Agg = { indicators: { code: string; label: string; total: number | null; byUnitKind: Record<string, number | null> }[]; submitted: number; accepted: number; missing: string[]; late: string[] };

forEachDialect('periodic reports', (dialect) => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let semi: Period;
  let annual: Period;
  let pleiku: string;
  let tuPhap: string;
  const api = async (user: string, p: string, init: { method?: string; body?: unknown } = {}) => {
    const r = await t.app.request(`/api/v1${p}`, { method: init.method ?? 'GET', headers: { authorization: `Bearer ${tok[user]}`, 'content-type': 'application/json' }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const ct = r.headers.get('content-type') ?? '';
    return { status: r.status, body: ct.includes('json') ? (await r.json()) as any : Buffer.from(await r.arrayBuffer()) };
  };
  before(async () => {
    t = await createTestApp(dialect);
    for (const u of ['demo.coordinator', 'demo.commune', 'demo.commune.head', 'demo.observer', 'demo.department', 'demo.leader']) tok[u] = await t.token(u);
    const { body } = await api('demo.coordinator', '/report-periods');
    // Plan 188's own 2025 periods (the demo also has the current cycle, relative to today).
    semi = body.items.find((p: Period) => p.kind === 'semiannual' && p.due.startsWith('2025'));
    annual = body.items.find((p: Period) => p.kind === 'annual' && p.due.startsWith('2025'));
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    tuPhap = (await getUnitByKey(t.db, 'body:52:tu-phap'))!.id;
  });
  after(() => t.close());

  test('Plan 188 III.5 "báo cáo định kỳ 06 tháng (trước ngày 10/5/2025) và 01 năm (trước ngày 15/10/2025)": last days 09/05 and 14/10, NĐ 09 Art. 12 cut-offs ending before them, every current department and commune reports', async () => {
    assert.deepEqual({ from: semi.from, to: semi.to, due: semi.due, dueMode: semi.dueMode, lastDay: semi.lastDay }, { from: DEFAULT_CUTOFFS.semiannual(2025).from, to: '2025-04-14', due: '2025-05-10', dueMode: 'before', lastDay: '2025-05-09' });
    assert.deepEqual({ from: annual.from, to: annual.to, due: annual.due, dueMode: annual.dueMode, lastDay: annual.lastDay }, { from: '2024-12-15', to: '2025-09-14', due: '2025-10-15', dueMode: 'before', lastDay: '2025-10-14' });
    const { body } = await api('demo.coordinator', `/report-periods/${annual.id}/reports`);
    const kinds = await t.db.selectFrom('units').select(['id', 'kind']).where('id', 'in', body.items.map((i: { unitId: string }) => i.unitId)).execute();
    assert.equal(kinds.filter((k) => k.kind === 'commune-committee').length, 135);
    assert.ok(kinds.filter((k) => k.kind === 'department').length >= 10);
    const statuses = new Set(body.items.map((i: { status: string }) => i.status));
    for (const s of ['missing', 'draft', 'submitted', 'returned', 'accepted']) assert.ok(statuses.has(s), s);
    assert.ok(body.items.some((i: { late: boolean; status: string }) => i.late && i.status !== 'missing'), 'some reports were sent late');
    const own = await api('demo.commune', `/report-periods/${annual.id}/reports`);
    assert.deepEqual(own.body.items.map((i: { unitId: string }) => i.unitId), [pleiku], 'a unit sees only its own row');
    const page = await (await (await t.as('demo.coordinator')).get(`/report-regimes/${annual.regimeId}`)).text();
    for (const s of ['Ban Dân vận Tỉnh ủy', 'Đề cương báo cáo', 'Hạn chế, khó khăn', 'Tỷ lệ đơn thuộc thẩm quyền đã giải quyết', 'Bình quân', 'Lớn nhất']) assert.ok(page.includes(s), s);
  });

  test('write, override only with a reason, head submits (late), coordinator returns per section, fix, accept; aggregate follows', async () => {
    const url = `/reports/${annual.id}/${pleiku}`;
    const fresh = await api('demo.commune', url);
    assert.equal(fresh.status, 200);
    assert.equal(fresh.body.status, 'missing');
    const rec = fresh.body.indicators.find((i: { code: string }) => i.code === 'coso.records');
    assert.equal(rec.computed, 0, 'computed from the audit log and prefilled');
    assert.equal(rec.value, 0);
    assert.equal(fresh.body.sections.length, 16);
    const before = (await api('demo.coordinator', `/report-periods/${annual.id}/aggregate`)).body as Agg;
    const noReason = await api('demo.commune', url, { method: 'PUT', body: { indicators: [{ code: 'coso.records', value: 7 }], sections: [], lockVersion: 0 } });
    assert.equal(noReason.status, 400);
    assert.ok(noReason.body.error.fields['r.coso.records']);
    const put = await api('demo.commune', url, { method: 'PUT', body: { indicators: [{ code: 'coso.records', value: 7, overrideReason: 'Thao tác nhập trên giấy trước khi dùng Coso' }, { code: 'dv.directives', value: 4 }], sections: [{ key: 'item-1', text: 'Ban hành 4 văn bản.' }], lockVersion: 0 } });
    assert.equal(put.status, 200);
    assert.equal(put.body.status, 'draft');
    const saved = (await api('demo.commune', url)).body as Report;
    assert.deepEqual(saved.indicators.find((i) => i.code === 'coso.records'), { code: 'coso.records', value: 7, computed: 0, overrideReason: 'Thao tác nhập trên giấy trước khi dùng Coso' });
    assert.equal((await api('demo.observer', url)).status, 403, 'observers do not read drafts');
    assert.equal((await api('demo.department', url, { method: 'PUT', body: { indicators: [], sections: [], lockVersion: put.body.lockVersion } })).status, 403, 'another unit cannot write');
    assert.equal((await api('demo.commune', `${url}/submit`, { method: 'POST' })).status, 403, 'the officer does not send');
    assert.equal((await api('demo.commune', `${url}/accept`, { method: 'POST' })).status, 403);
    const sub = await api('demo.commune.head', `${url}/submit`, { method: 'POST' });
    assert.equal(sub.status, 200);
    assert.equal(sub.body.status, 'submitted');
    assert.equal((await api('demo.commune.head', `${url}/submit`, { method: 'POST' })).status, 409);
    assert.equal((await api('demo.commune', url, { method: 'PUT', body: { indicators: [], sections: [], lockVersion: sub.body.lockVersion } })).status, 409, 'a sent report is not edited');
    const list = (await api('demo.coordinator', `/report-periods/${annual.id}/reports`)).body.items.find((i: { unitId: string }) => i.unitId === pleiku);
    assert.equal(list.status, 'submitted');
    assert.equal(list.late, true, 'sent after 15/10/2025');
    const mid = (await api('demo.coordinator', `/report-periods/${annual.id}/aggregate`)).body as Agg;
    const dir = (a: Agg) => a.indicators.find((i) => i.code === 'dv.directives')!;
    assert.equal(dir(mid).total, dir(before).total! + 4);
    assert.equal(mid.submitted, before.submitted + 1);
    assert.ok(!mid.missing.includes(pleiku) && before.missing.includes(pleiku));
    assert.equal((await api('demo.observer', url)).status, 200, 'observers read sent reports');
    assert.equal((await api('demo.coordinator', `${url}/return`, { method: 'POST', body: {} })).status, 400);
    const ret = await api('demo.coordinator', `${url}/return`, { method: 'POST', body: { comment: 'Bổ sung mục 5', sections: { 'item-5': 'Chưa có số ngày tiếp công dân' } } });
    assert.equal(ret.status, 200);
    assert.equal(ret.body.status, 'returned');
    const afterReturn = (await api('demo.coordinator', `/report-periods/${annual.id}/aggregate`)).body as Agg;
    assert.equal(dir(afterReturn).total, dir(before).total, 'a returned report is not counted');
    // The officer fixes it through the plain form (no JavaScript) and the head resends through the page.
    const officer = await t.as('demo.commune');
    const pageHtml = await (await officer.get(url)).text();
    assert.match(pageHtml, /Chưa có số ngày tiếp công dân/);
    const form: Record<string, string> = { 'v.dv.directives': '5', 'v.tcd.days': '24', 'r.tcd.days': 'Theo sổ tiếp công dân bằng giấy', 'v.coso.records': '7', 'r.coso.records': 'Thao tác nhập trên giấy', 's.item-5': 'Tiếp công dân định kỳ 24 ngày.' };
    form.lockVersion = String(versionIn(pageHtml));
    const bad = await officer.post(url, { ...form, 'v.tcd.days': 'hai mươi' });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /Nhập một số không âm/);
    assert.match(badHtml, /Tiếp công dân định kỳ 24 ngày/, 'values kept');
    assert.equal((await officer.post(url, form)).status, 303);
    const head = await t.as('demo.commune.head');
    assert.equal((await head.post(`${url}/submit`, {})).status, 303);
    const coord = await t.as('demo.coordinator');
    assert.equal((await coord.post(`${url}/accept`, {})).status, 303);
    const done = (await api('demo.coordinator', url)).body as Report;
    assert.equal(done.status, 'accepted');
    assert.equal(done.indicators.find((i) => i.code === 'tcd.days')!.value, 24);
    const final = (await api('demo.coordinator', `/report-periods/${annual.id}/aggregate`)).body as Agg;
    assert.equal(dir(final).total, dir(before).total! + 5);
    assert.equal(final.accepted, before.accepted + 1);
    const versions = await t.db.selectFrom('report_versions').innerJoin('reports', 'reports.id', 'report_versions.report_id').select(['report_versions.version', 'report_versions.event']).where('reports.unit_id', '=', pleiku).where('reports.period_id', '=', annual.id).orderBy('report_versions.at').execute();
    assert.deepEqual(versions.map((v) => `${v.version}:${v.event}`), ['1:submitted', '1:returned', '2:submitted', '2:accepted']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('action', 'like', 'reports.%').where('unit_id', '=', pleiku).execute();
    assert.deepEqual([...new Set(audit.map((a) => a.action))].sort(), ['reports.accept', 'reports.return', 'reports.save', 'reports.submit']);
  });

  test('the aggregate equals the sum (average, maximum) of the counted unit reports, in total and by unit kind', async () => {
    for (const p of [semi, annual]) {
      const agg = (await api('demo.leader', `/report-periods/${p.id}/aggregate`)).body as Agg;
      const rows = await t.db.selectFrom('report_values as v').innerJoin('reports as r', 'r.id', 'v.report_id').innerJoin('units as u', 'u.id', 'r.unit_id')
        .select(['v.code', 'v.value', 'u.kind']).where('r.period_id', '=', p.id).where('r.status', 'in', ['submitted', 'accepted']).execute();
      for (const i of agg.indicators) {
        const xs = rows.filter((r) => r.code === i.code && r.value !== null).map((r) => Number(r.value));
        const how = i.code === 'don.resolved.rate' ? 'avg' : i.code === 'don.longest' ? 'max' : 'sum';
        const expect = how === 'sum' ? xs.reduce((a, b) => a + b, 0) : how === 'max' ? Math.max(...xs) : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10000) / 10000;
        assert.equal(i.total, expect, `${p.kind} ${i.code}`);
        const communes = rows.filter((r) => r.code === i.code && r.kind === 'commune-committee').map((r) => Number(r.value));
        if (how === 'sum') assert.equal(i.byUnitKind['commune-committee'], communes.reduce((a, b) => a + b, 0));
      }
      const statuses = (await api('demo.coordinator', `/report-periods/${p.id}/reports`)).body.items as { status: string }[];
      assert.equal(agg.submitted, statuses.filter((s) => s.status === 'submitted').length);
      assert.equal(agg.accepted, statuses.filter((s) => s.status === 'accepted').length);
      assert.equal(agg.missing.length, statuses.filter((s) => s.status === 'missing' || s.status === 'draft').length);
    }
    assert.equal((await api('demo.commune', `/report-periods/${annual.id}/aggregate`)).status, 403, 'a commune does not read the province aggregate');
  });

  test('DOCX in the Decree 30 layout for one report and the aggregate; XLSX of units × indicators', async () => {
    const one = await api('demo.coordinator', `/reports/${semi.id}/${pleiku}.docx`);
    assert.equal(one.status, 200);
    const lines = docxParagraphs(one.body as Buffer);
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN PHƯỜNG PLEIKU', 'Số:       /BC-UBND', 'BÁO CÁO', 'I. KẾT QUẢ THỰC HIỆN', 'II. HẠN CHẾ, NGUYÊN NHÂN', 'Nơi nhận:', '- Ban Dân vận Tỉnh ủy (để theo dõi, tổng hợp)']) assert.ok(lines.some((l) => l.includes(s)), s);
    assert.ok(lines.some((l) => /^Pleiku, ngày \d{2} tháng \d+ năm 2025$/.test(l)), 'place and date line');
    const agg = await api('demo.observer', `/report-periods/${semi.id}/aggregate.docx`);
    assert.equal(agg.status, 200);
    const al = docxParagraphs(agg.body as Buffer);
    // The demo's 6-month provincial report was issued as 145/BC-UBND on 20/05/2025.
    for (const s of ['ỦY BAN NHÂN DÂN TỈNH GIA LAI', 'Số: 145/BC-UBND', 'Gia Lai, ngày 20 tháng 5 năm 2025', 'Phụ lục: Biểu tổng hợp số liệu toàn tỉnh'.toUpperCase(), 'Nơi nhận:', 'Nguyễn Văn A']) assert.ok(al.some((l) => l.includes(s)), s);
    assert.ok(al.some((l) => l.startsWith('Phường Pleiku: ')), 'unit text attributed');
    const x = await api('demo.coordinator', `/report-periods/${semi.id}/aggregate.xlsx`);
    assert.equal(x.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as never);
    const ws = wb.getWorksheet('Đơn vị × chỉ tiêu')!;
    const statuses = (await api('demo.coordinator', `/report-periods/${semi.id}/reports`)).body.items;
    assert.equal(ws.rowCount, statuses.length + 2);
    assert.equal((await api('demo.observer', `/reports/${annual.id}/${tuPhap}.docx`)).status, 403, 'a draft is not exported to observers');
  });

  test('pages: list, dashboard with counts and late flags, aggregate with drill-down; the coordinator changes a cut-off (audited)', async () => {
    const coord = await t.as('demo.coordinator');
    assert.match(await (await coord.get('/reports')).text(), /Báo cáo năm 2025/);
    const dash = await (await coord.get(`/report-periods/${semi.id}`)).text();
    assert.match(dash, /đơn vị báo cáo/);
    assert.match(dash, /Trễ hạn/);
    assert.match(dash, /id="due">trước ngày 10\/05\/2025 \(hạn cuối 09\/05\/2025\)/);
    const agg = await (await coord.get(`/report-periods/${semi.id}/aggregate?indicator=tcd.days`)).text();
    assert.match(agg, /Ngày tiếp công dân định kỳ của người đứng đầu/);
    assert.match(agg, /Phường Pleiku/);
    const csv = await coord.get(`/report-periods/${semi.id}/aggregate.csv`);
    assert.match(await csv.text(), /dv\.directives/);
    assert.equal((await coord.post(`/report-periods/${semi.id}`, { from: '15/12/2024', to: '31/13/2025', due: '10/05/2025' })).status, 400);
    const late = await coord.post(`/report-periods/${semi.id}`, { from: '15/12/2024', to: '14/06/2025', due: '10/05/2025' });
    assert.equal(late.status, 400, 'NĐ 09/2019 Art. 12: a cut-off ending after the last day to send is refused');
    assert.match(await late.text(), /Thời gian chốt số liệu phải kết thúc trước hoặc đúng hạn gửi báo cáo[\s\S]*value="14\/06\/2025"/);
    assert.equal((await coord.post(`/report-periods/${semi.id}`, { from: '15/12/2024', to: '10/05/2025', due: '10/05/2025' })).status, 400, '"trước ngày 10/05": the cut-off may not end on 10/05');
    assert.equal((await coord.post(`/report-periods/${semi.id}`, { from: '15/12/2024', to: '30/04/2025', due: '10/05/2025' })).status, 303);
    const p = (await api('demo.coordinator', '/report-periods')).body.items.find((x: Period) => x.id === semi.id);
    assert.equal(p.to, '2025-04-30');
    assert.equal((await (await t.as('demo.observer')).post(`/report-periods/${semi.id}`, { from: '15/12/2024', to: '30/04/2025', due: '10/05/2025' })).status, 403);
    const officer = await t.as('demo.commune');
    assert.equal((await officer.get(`/report-periods/${semi.id}/aggregate`)).status, 403);
    assert.equal((await officer.get(`/reports/${annual.id}/${tuPhap}`)).status, 403);
  });

  test('Plan 188 III.5 "trước ngày 10/5/2025": a report first sent on 10/05 is late, on 09/05 it is not; "trước ngày 10/5/2026" (Sat 09/05 off) ends Fri 08/05 unless the province turns the reading off', async () => {
    const row = await t.db.selectFrom('reports').select(['id', 'first_submitted_at']).where('period_id', '=', semi.id).where('unit_id', '=', pleiku).executeTakeFirstOrThrow();
    const lateOf = async () => (await api('demo.coordinator', `/report-periods/${semi.id}/reports`)).body.items.find((i: { unitId: string }) => i.unitId === pleiku).late;
    await t.db.updateTable('reports').set({ first_submitted_at: '2025-05-10T01:00:00.000Z' }).where('id', '=', row.id).execute(); // 08:00 on 10/05 in Vietnam
    assert.equal(await lateOf(), true);
    await t.db.updateTable('reports').set({ first_submitted_at: '2025-05-09T10:00:00.000Z' }).where('id', '=', row.id).execute(); // 17:00 on 09/05
    assert.equal(await lateOf(), false);
    await t.db.updateTable('reports').set({ first_submitted_at: row.first_submitted_at }).where('id', '=', row.id).execute();
    const coord = await t.as('demo.coordinator');
    const made = await coord.post(`/report-regimes/${semi.regimeId}/periods`, { title: 'Báo cáo 06 tháng đầu năm 2026', kind: 'semiannual', from: '15/12/2025', to: '14/04/2026', due: '10/05/2026', dueMode: 'before' });
    assert.equal(made.status, 303);
    const find = async () => (await api('demo.coordinator', '/report-periods')).body.items.find((x: Period) => x.title === 'Báo cáo 06 tháng đầu năm 2026') as Period;
    assert.deepEqual({ dueMode: (await find()).dueMode, lastDay: (await find()).lastDay }, { dueMode: 'before', lastDay: '2026-05-08' });
    assert.equal((await coord.post('/deadlines/settings/readings/report.before.last-working-day', { value: 'off' })).status, 303);
    assert.equal((await find()).lastDay, '2026-05-09', 'reading off: the day before, even a Saturday');
    assert.equal((await coord.post('/deadlines/settings/readings/report.before.last-working-day', { value: '' })).status, 303);
    assert.equal((await find()).lastDay, '2026-05-08');
    const bad = await coord.post(`/report-regimes/${semi.regimeId}/periods`, { title: 'Báo cáo năm 2026', kind: 'annual', from: '15/12/2025', to: '14/12/2026', due: '15/10/2026', dueMode: 'before' });
    assert.equal(bad.status, 400, 'NĐ 09 Art. 12 annual cut-off 14/12 ends after a report due before 15/10');
    assert.match(await bad.text(), /Thời gian chốt số liệu phải kết thúc trước hoặc đúng hạn gửi/);
  });

  test('reminders: N working days before the due date and once on overdue, to the units that have not sent, never twice', async () => {
    const dept = await t.db.selectFrom('users').select('id').where('username', '=', 'demo.department').executeTakeFirstOrThrow();
    // Due before Wed 15/10/2025, so the last day is Tue 14/10; from Thu 09/10 there are 3 working days (10, 13, 14) ≤ 5.
    const first = await sendReportReminders(t.db, '2025-10-09');
    assert.ok(first.reminded > 0);
    assert.equal((await sendReportReminders(t.db, '2025-10-09')).reminded, 0, 'deduplicated');
    assert.equal((await sendReportReminders(t.db, '2025-09-30')).reminded, 0, 'too early: more than 5 working days');
    const over = await sendReportReminders(t.db, '2025-10-20');
    assert.ok(over.overdue > 0);
    const n = await t.db.selectFrom('notifications').select(['user_id', 'dedupe_key']).where('dedupe_key', 'like', `report:${annual.id}:%`).execute();
    // Sở Tư pháp still has only a draft of the annual report: its officer got both notices.
    assert.deepEqual(n.filter((x) => x.user_id === dept.id).map((x) => x.dedupe_key!.split(':')[3]).sort(), ['due-5', 'overdue']);
  });

  test('autosave: the page loads a same-origin script; a background save answers JSON, keeps the draft and names bad fields in Vietnamese', async () => {
    const url = `/reports/${annual.id}/${tuPhap}`;
    const officer = await t.as('demo.department');
    const html = await (await officer.get(url)).text();
    assert.match(html, /<form[^>]*data-autosave="1"/);
    assert.match(html, /<script src="\/reports\/autosave.js\?v=[\w-]{12}" defer=""><\/script>/);
    assert.doesNotMatch(html, /<script>/, 'no inline script (the CSP forbids it)');
    const js = await t.agent().get('/reports/autosave.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.match(await js.text(), /x-coso-autosave/);
    const csrf = await officer.csrf();
    let lockVersion = String(versionIn(html));
    const bg = (form: Record<string, string>) => officer.request(url, { method: 'POST', body: new URLSearchParams({ _csrf: csrf, lockVersion, ...form }), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-coso-autosave': '1' } });
    const ok = await bg({ 's.limitations': 'Tự lưu: thiếu công chức chuyên trách.', 'v.dv.directives': '6' });
    assert.equal(ok.status, 200);
    const body = await ok.json() as { status: string; message: string; lockVersion: number };
    assert.equal(body.status, 'draft');
    assert.ok(body.lockVersion > Number(lockVersion), 'the answer carries the new version');
    lockVersion = String(body.lockVersion);
    assert.match(body.message, /^Đã tự động lưu lúc \d{2}\/\d{2}\/\d{4}/);
    const saved = (await api('demo.department', url)).body as Report;
    assert.equal(saved.sections.find((x) => x.key === 'limitations')!.text, 'Tự lưu: thiếu công chức chuyên trách.');
    assert.equal(saved.indicators.find((x) => x.code === 'dv.directives')!.value, 6);
    const ev = await t.db.selectFrom('audit_events').select('changes').where('action', '=', 'reports.save').where('unit_id', '=', tuPhap).orderBy('at', 'desc').executeTakeFirstOrThrow();
    assert.match(String(ev.changes), /"autosave":true/);
    const bad = await bg({ 'v.pbgdpl.sessions': 'mười' });
    assert.equal(bad.status, 400);
    const err = await bad.json() as { message: string; fields: Record<string, string> };
    assert.match(err.message, /Cuộc tuyên truyền, phổ biến, giáo dục pháp luật/);
    assert.equal(err.fields['v.pbgdpl.sessions'], 'Nhập một số không âm, ví dụ 12 hoặc 85,5');
    assert.equal((await api('demo.department', url)).body.indicators.find((x: { code: string }) => x.code === 'dv.directives').value, 6, 'nothing saved by a bad autosave');
    const outsider = await t.as('demo.commune');
    const forbidden = await outsider.request(url, { method: 'POST', body: new URLSearchParams({ _csrf: await outsider.csrf(), 's.limitations': 'x' }), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-coso-autosave': '1' } });
    assert.equal(forbidden.status, 403);
  });

  test('provincial report: compiled from the counted unit reports, edited by the coordinator, issued under its own number; observers read it', async () => {
    const coord = await t.as('demo.coordinator');
    const url = `/report-periods/${annual.id}/provincial`;
    const fresh = (await api('demo.coordinator', url)).body;
    assert.equal(fresh.status, 'none');
    assert.equal(fresh.sections.length, 16);
    const agg = (await api('demo.coordinator', `/report-periods/${annual.id}/aggregate`)).body as Agg;
    assert.ok(fresh.intro.includes(`${agg.submitted + agg.accepted}/`), 'the opening counts the reports used');
    assert.ok(fresh.sections.find((x: { key: string }) => x.key === 'item-5').text.split('\n').every((l: string) => /^[^:]+: /.test(l)), 'each unit text attributed');
    const page = await (await coord.get(url)).text();
    assert.match(page, /Chưa soạn \(bản tự tổng hợp\)/);
    const form: Record<string, string> = { intro: 'Thực hiện Kế hoạch số 188/KH-UBND, UBND tỉnh báo cáo như sau:', 's.item-5': 'Toàn tỉnh tổ chức tiếp công dân định kỳ đúng lịch.\nCác đơn thư được xử lý đúng thẩm quyền.', number: '', signedOn: '', signerName: '' };
    assert.equal((await coord.post(url, form)).status, 303);
    const draft = (await api('demo.observer', url)).body;
    assert.equal(draft.status, 'draft');
    assert.equal(draft.sections.find((x: { key: string }) => x.key === 'item-5').text, 'Toàn tỉnh tổ chức tiếp công dân định kỳ đúng lịch.\nCác đơn thư được xử lý đúng thẩm quyền.');
    const observer = await t.as('demo.observer');
    const readOnly = await (await observer.get(url)).text();
    assert.match(readOnly, /Toàn tỉnh tổ chức tiếp công dân định kỳ đúng lịch/);
    assert.doesNotMatch(readOnly, /name="s\.item-5"/, 'observers read, never edit');
    assert.equal((await observer.post(url, form)).status, 403);
    assert.equal((await (await t.as('demo.commune')).get(url)).status, 403);
    assert.equal((await coord.post(`${url}/recompile`, {})).status, 303);
    const again = (await api('demo.coordinator', url)).body;
    assert.equal(again.status, 'draft');
    assert.equal(again.sections.find((x: { key: string }) => x.key === 'item-5').text, fresh.sections.find((x: { key: string }) => x.key === 'item-5').text, 'compiled again from the unit reports');
    assert.equal((await coord.post(url, form)).status, 303);
    const badDate = await coord.post(`${url}/issue`, { ...form, number: '212', signedOn: '32/05/2025', signerName: 'Trần Thị B' });
    assert.equal(badDate.status, 400);
    const bd = await badDate.text();
    assert.match(bd, /error-summary/);
    assert.match(bd, /Nhập ngày theo dạng ngày\/tháng\/năm/);
    assert.match(bd, /value="32\/05\/2025"/, 'values kept');
    assert.match(bd, /Toàn tỉnh tổ chức tiếp công dân định kỳ đúng lịch/);
    const noNumber = await (await coord.post(`${url}/issue`, form)).text();
    for (const m of ['Nhập số văn bản để ban hành', 'Nhập ngày ký để ban hành', 'Nhập họ tên người ký để ban hành']) assert.ok(noNumber.includes(m), m);
    assert.equal((await api('demo.coordinator', url)).body.status, 'draft', 'nothing issued');
    const taken = await coord.post(`${url}/issue`, { ...form, number: '145', signedOn: '20/10/2025', signerName: 'Trần Thị B' });
    assert.equal(taken.status, 400, 'the 6-month report already used 145 in 2025');
    assert.match(await taken.text(), /Số này đã dùng cho một báo cáo tổng hợp khác trong năm/);
    assert.equal((await coord.post(`${url}/issue`, { ...form, number: '212', signedOn: '20/10/2025', signerName: 'Trần Thị B' })).status, 303);
    const issued = (await api('demo.leader', url)).body;
    assert.deepEqual({ status: issued.status, number: issued.number, signedOn: issued.signedOn }, { status: 'issued', number: 212, signedOn: '2025-10-20' });
    assert.equal((await coord.post(url, form)).status, 409, 'issued text is final');
    assert.equal((await api('demo.coordinator', url, { method: 'PUT', body: { intro: 'x' } })).status, 409);
    const docx = docxParagraphs((await api('demo.observer', `/report-periods/${annual.id}/aggregate.docx`)).body as Buffer);
    for (const s of ['Số: 212/BC-UBND', 'Gia Lai, ngày 20 tháng 10 năm 2025', 'Thực hiện Kế hoạch số 188/KH-UBND, UBND tỉnh báo cáo như sau:', 'Toàn tỉnh tổ chức tiếp công dân định kỳ đúng lịch.', 'Các đơn thư được xử lý đúng thẩm quyền.', 'Trần Thị B']) assert.ok(docx.includes(s), s);
    const obs = await t.db.selectFrom('users').select('id').where('username', '=', 'demo.observer').executeTakeFirstOrThrow();
    const note = await t.db.selectFrom('notifications').select('title').where('user_id', '=', obs.id).where('title', 'like', '%212/BC-UBND%').execute();
    assert.equal(note.length, 1);
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'report-compilation').execute();
    assert.ok(audit.some((a) => a.action === 'reports.compilation.save') && audit.some((a) => a.action === 'reports.compilation.issue'));
  });

  test('provincial report API: bad input is 400 naming fields; only the coordinator writes', async () => {
    const bad = await api('demo.coordinator', `/report-periods/${annual.id}/provincial`, { method: 'PUT', body: { number: -3 } });
    assert.equal(bad.status, 400);
    const badDate = await api('demo.coordinator', `/report-periods/${annual.id}/provincial/issue`, { method: 'POST', body: { number: 300, signedOn: '31/02/2025', signerName: 'X' } });
    assert.equal(badDate.status, 400);
    assert.match(badDate.body.error.fields.signedOn, /Nhập ngày/);
    assert.equal((await api('demo.observer', `/report-periods/${annual.id}/provincial`, { method: 'PUT', body: {} })).status, 403);
    assert.equal((await api('demo.coordinator', '/report-periods/khong-co/provincial')).status, 404);
  });

  test('the coordinator creates an ad hoc period of the regime; bad dates are 400 with values kept', async () => {
    const coord = await t.as('demo.coordinator');
    const url = `/report-regimes/${annual.regimeId}/periods`;
    const page = await (await coord.get(`/report-regimes/${annual.regimeId}`)).text();
    assert.match(page, /Tạo kỳ báo cáo/);
    const bad = await coord.post(url, { title: 'Báo cáo đột xuất về tiếp công dân dịp Tết', kind: 'adhoc', from: '01/01/2026', to: '15/13/2026', due: '20/02/2026' });
    assert.equal(bad.status, 400);
    const h = await bad.text();
    assert.match(h, /error-summary/);
    assert.match(h, /value="Báo cáo đột xuất về tiếp công dân dịp Tết"/);
    const order = await coord.post(url, { title: 'Báo cáo đột xuất về tiếp công dân dịp Tết', kind: 'adhoc', from: '15/02/2026', to: '01/01/2026', due: '20/02/2026' });
    assert.equal(order.status, 400);
    assert.match(await order.text(), /Ngày kết thúc phải sau ngày bắt đầu/);
    assert.equal((await (await t.as('demo.observer')).post(url, { title: 'x', kind: 'adhoc', from: '01/01/2026', to: '15/02/2026', due: '20/02/2026' })).status, 403);
    const ok = await coord.post(url, { title: 'Báo cáo đột xuất về tiếp công dân dịp Tết', kind: 'adhoc', from: '01/01/2026', to: '15/02/2026', due: '20/02/2026' });
    assert.equal(ok.status, 303);
    const p = (await api('demo.coordinator', '/report-periods')).body.items.find((x: Period) => x.kind === 'adhoc');
    assert.deepEqual({ title: p.title, from: p.from, to: p.to, due: p.due }, { title: 'Báo cáo đột xuất về tiếp công dân dịp Tết', from: '2026-01-01', to: '2026-02-15', due: '2026-02-20' });
    const items = (await api('demo.coordinator', `/report-periods/${p.id}/reports`)).body.items as { status: string }[];
    assert.equal(items.length, (await api('demo.coordinator', `/report-periods/${annual.id}/reports`)).body.items.length);
    assert.ok(items.every((i) => i.status === 'missing'));
    const own = await api('demo.commune', `/reports/${p.id}/${pleiku}`);
    assert.equal(own.body.sections.length, 16, 'the regime outline applies');
  });

  test('the aggregate page shows 100 units a page with a link to the next (indicator kept); the province totals are the same on every page and count every unit', async () => {
    const coord = await t.as('demo.coordinator');
    const units = (await api('demo.coordinator', `/report-periods/${semi.id}/reports`)).body.items.length as number;
    assert.ok(units > 100 && units <= 200, `${units} units: more than one page in the demo`);
    const rows = (html: string) => [...html.matchAll(new RegExp(`<tr><td><a href="/reports/${semi.id}/([^"]+)">`, 'g'))].map((m) => m[1]);
    const totals = (html: string) => /<table>[\s\S]*?<\/table>/.exec(html.slice(html.indexOf('id="unit-counts"')))![0];
    const one = (await (await coord.get(`/report-periods/${semi.id}/aggregate?indicator=tcd.days`)).text()).replaceAll('&amp;', '&');
    assert.equal(rows(one).length, 100);
    assert.match(one, /<a href="\?indicator=tcd\.days&page=2" rel="next">/);
    const two = (await (await coord.get(`/report-periods/${semi.id}/aggregate?indicator=tcd.days&page=2`)).text()).replaceAll('&amp;', '&');
    assert.equal(new Set([...rows(one), ...rows(two)]).size, units, 'every unit on one of the two pages, once');
    assert.ok(!two.includes('rel="next"'));
    assert.equal(totals(two), totals(one), 'the province totals do not depend on the page');
    const agg = (await api('demo.coordinator', `/report-periods/${semi.id}/aggregate`)).body as Agg;
    assert.equal([...totals(one).matchAll(/<tr><td>/g)].length, agg.indicators.length);
    assert.match(one, new RegExp(`Đơn vị chưa gửi \\(${agg.missing.length}\\)`));
  });

  test('exports off the request path: queued by the page, built by the job with progress, downloaded when done', async () => {
    const observer = await t.as('demo.observer');
    const agg = await (await observer.get(`/report-periods/${semi.id}/aggregate`)).text();
    assert.match(agg, /Xuất tệp trong nền/);
    const req = await observer.post(`/report-periods/${semi.id}/exports`, { format: 'docx' });
    assert.equal(req.status, 303);
    const progress = req.headers.get('location')!;
    const waiting = await (await observer.get(progress)).text();
    assert.match(waiting, /Đang chờ/);
    assert.match(waiting, /http-equiv="refresh"/);
    assert.equal((await observer.get(`${progress}/file`)).status, 404, 'no file before the job ran');
    const xl = (await observer.post(`/report-periods/${semi.id}/exports`, { format: 'xlsx' })).headers.get('location')!;
    assert.equal(await runPendingExports(t.db), 2);
    assert.equal(await runPendingExports(t.db), 0, 'each export is built once');
    const done = await (await observer.get(progress)).text();
    assert.match(done, /Đã xong<\/strong> · 100%/);
    assert.doesNotMatch(done, /http-equiv="refresh"/);
    const file = await observer.get(`${progress}/file`);
    assert.equal(file.status, 200);
    const lines = docxParagraphs(Buffer.from(await file.arrayBuffer()));
    assert.ok(lines.some((l) => l.includes('Số: 145/BC-UBND')));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await observer.get(`${xl}/file`)).arrayBuffer()) as never);
    assert.ok(wb.getWorksheet('Đơn vị × chỉ tiêu'));
    assert.equal((await observer.post(`/report-periods/${semi.id}/exports`, { format: 'exe' })).status, 400);
    assert.equal((await (await t.as('demo.commune')).post(`/report-periods/${semi.id}/exports`, { format: 'csv' })).status, 403);
    assert.equal((await (await t.as('demo.commune')).get(progress)).status, 403);
    const audit = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'reports.export.request').execute();
    assert.equal(audit.length, 2);
  });

  test('trends: the dashboard charts, per period of the same kind, the units that sent on time and those late or missing (with a table); a drilled indicator shows its total per period', async () => {
    const all: Period[] = (await api('demo.coordinator', '/report-periods')).body.items;
    const same = all.filter((p) => p.regimeId === semi.regimeId && p.kind === 'semiannual').sort((a, b) => a.due.localeCompare(b.due)).slice(-6);
    assert.ok(same.length >= 2, 'the demo has at least two six-monthly periods');
    const latest = same[same.length - 1];
    const onTime: number[] = [];
    const lateOrMissing: number[] = [];
    for (const p of same) {
      const items: { status: string; late: boolean }[] = (await api('demo.coordinator', `/report-periods/${p.id}/reports`)).body.items;
      const sent = items.filter((i) => i.status !== 'missing' && i.status !== 'draft');
      onTime.push(sent.filter((i) => !i.late).length);
      lateOrMissing.push(items.length - onTime[onTime.length - 1]);
    }
    const coord = await t.as('demo.coordinator');
    const html = await (await coord.get(`/report-periods/${latest.id}`)).text();
    const bars = (id: string, page: string) => {
      const fig = new RegExp(`<figure class="chart" id="${id}">([\\s\\S]*?)</figure>`).exec(page);
      assert.ok(fig, id);
      return { values: [...fig[1].matchAll(/data-value="([^"]*)"/g)].map((m) => (m[1] === '' ? null : Number(m[1]))), rows: [...fig[1].matchAll(/<tr><th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]) };
    };
    assert.deepEqual(bars('trend-ontime', html), { values: onTime, rows: same.map((p) => p.due.slice(0, 4)) });
    assert.deepEqual(bars('trend-late', html).values, lateOrMissing);
    const totals: (number | null)[] = [];
    for (const p of same) totals.push((await api('demo.coordinator', `/report-periods/${p.id}/aggregate`)).body.indicators.find((i: { code: string }) => i.code === 'tcd.days').total);
    const agg = await (await coord.get(`/report-periods/${latest.id}/aggregate?indicator=tcd.days`)).text();
    assert.deepEqual(bars('trend-indicator', agg).values, totals);
    const officer = await (await (await t.as('demo.commune')).get(`/report-periods/${latest.id}`)).text();
    assert.deepEqual(bars('trend-ontime', officer).values.map((v) => (v ?? 0) <= 1), same.map(() => true), 'a commune officer sees only the own unit in the trend');
  });
});
