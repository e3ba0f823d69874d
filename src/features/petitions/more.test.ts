import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { getUnitByKey } from '../units/index.ts';
import { localToday } from '../../platform/i18n/index.ts';

forEachDialect('petitions: exports, reception API, answer templates, remote communes, tracking limit', (dialect) => {
  let t: TestApp;
  let commune: string, province: string, noiVu: string;
  const tokens: Record<string, string> = {};
  const api = async (user: string, path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: (r.headers.get('content-type') ?? '').includes('json') ? ((await r.json()) as any) : await r.text() };
  };
  before(async () => {
    t = await createTestApp(dialect);
    for (const u of ['demo.admin', 'demo.coordinator', 'demo.commune', 'demo.commune.head', 'demo.reception.commune', 'demo.department', 'demo.leader']) tokens[u] = await t.token(u);
    commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    province = (await getUnitByKey(t.db, 'province:52:2025-07-01'))!.id;
    noiVu = (await getUnitByKey(t.db, 'body:52:noi-vu'))!.id;
  });
  after(() => t.close());

  test('CSV and XLSX of the petitions list follow the caller scope and filters, with dates dd/mm/yyyy', async () => {
    const a = await t.as('demo.commune');
    const csv = await a.get('/petitions/export.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type')!, /text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.equal(bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM for Excel');
    const text = bytes.toString('utf8');
    assert.match(text, /^\uFEFFMã,Ngày nhận/);
    assert.match(text, /Khiếu nại quyết định thu hồi đất/, 'a commune case');
    assert.doesNotMatch(text, /Tố cáo cán bộ địa chính/, 'a province case is outside the commune scope');
    assert.match(text, /\b\d{2}\/\d{2}\/\d{4}\b/);
    const overdue = await (await a.get('/petitions/export.csv?overdue=true')).text();
    assert.ok(overdue.split('\r\n').length < text.split('\r\n').length);
    const x = await (await t.as('demo.leader')).get('/petitions/export.xlsx?kind=denunciation');
    assert.equal(x.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    assert.equal(ws.getRow(3).getCell(1).value, 'Mã');
    const kinds = new Set<string>();
    ws.eachRow((r, n) => { if (n > 3) kinds.add(String(r.getCell(5).value)); });
    assert.deepEqual([...kinds], ['Tố cáo']);
    assert.equal((await api('demo.commune', '/petitions/export.csv')).status, 200, 'the API serves the same export');
    assert.equal((await (await t.as('demo.board')).get('/petitions/export.csv')).status, 403);
  });

  test('reception API: log a visit (a case opens), list the log, record the Art. 28 answer once, compliance and days', async () => {
    const bad = await api('demo.reception.commune', '/reception/visits', { unitId: commune, receivedOn: '31/02/2026', visitorName: '', visitorAddress: 'Tổ 3', peopleCount: 0, kind: 'x', summary: 'y' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.receivedOn && bad.body.error.fields.visitorName && bad.body.error.fields.peopleCount && bad.body.error.fields.kind);
    const v = await api('demo.reception.commune', '/reception/visits', { unitId: commune, receivedOn: '20/11/2026', visitorName: 'Lý Văn Hỏi', visitorAddress: 'Tổ 3', peopleCount: 7, kind: 'recommendation', summary: 'Nhóm hộ dân kiến nghị làm rõ ranh giới đất tổ 3.', priorHandling: 'Tổ dân phố đã hòa giải ngày 02/11/2026', requests: 'Đo đạc lại ranh giới' });
    assert.equal(v.status, 201);
    assert.ok(v.body.petitionId && v.body.trackingCode && v.body.group);
    assert.equal(v.body.replyDue, '2026-12-07', 'LTCD Art. 28(1): 10 working days, 24/11/2026 (Ngày Văn hóa Việt Nam) not counted');
    assert.deepEqual({ name: v.body.visitor.name, sealed: v.body.visitor.sealed }, { name: 'Lý Văn Hỏi', sealed: false });
    assert.equal((await api('demo.department', '/reception/visits', { unitId: commune, receivedOn: '20/11/2026', visitorName: 'A', visitorAddress: 'B', peopleCount: 1, kind: 'feedback', summary: 'C' })).status, 403);
    const log = await api('demo.reception.commune', '/reception/logs?month=2026-11');
    assert.ok(log.body.items.some((l: any) => l.id === v.body.id));
    assert.ok(log.body.items.every((l: any) => l.receivedOn.startsWith('2026-11')));
    const r1 = await api('demo.reception.commune', `/reception/visits/${v.body.id}/reply`, { repliedOn: '27/11/2026', outcome: 'accepted' });
    assert.equal(r1.status, 200);
    assert.equal(r1.body.repliedOn, '2026-11-27');
    assert.equal(r1.body.replyOverdue, false);
    assert.equal((await api('demo.reception.commune', `/reception/visits/${v.body.id}/reply`, { repliedOn: '28/11/2026', outcome: 'accepted' })).status, 409);
    const day = await api('demo.reception.commune', '/reception/days', { unitId: commune, onDate: '24/11/2026', headName: 'Chủ tịch UBND phường', held: true });
    assert.equal(day.status, 201);
    // Two more days of the same month, and a missed day of the Department of Home Affairs in October:
    // the compliance below is about November/October 2026, whatever today is.
    for (const onDate of ['03/11/2026', '17/11/2026']) assert.equal((await api('demo.reception.commune', '/reception/days', { unitId: commune, onDate, headName: 'Chủ tịch UBND phường', held: true })).status, 201);
    const deptRow = async () => (await api('demo.admin', '/reception/compliance?month=2026-10')).body.items.find((r: any) => r.unitId === noiVu);
    const deptBefore = await deptRow(); // the demo, relative to today, may already hold a day of that month
    assert.equal((await api('demo.admin', '/reception/days', { unitId: noiVu, onDate: '20/10/2026', headName: 'Giám đốc Sở Nội vụ', held: false, note: 'Bận họp đột xuất' })).status, 201);
    const days = await api('demo.reception.commune', '/reception/days?month=2026-11');
    assert.ok(days.body.items.some((d: any) => d.id === day.body.id && d.held === true));
    const comp = await api('demo.reception.commune', '/reception/compliance?month=2026-11');
    const row = comp.body.items.find((r: any) => r.unitId === commune);
    assert.equal(row.required, 2, 'from 01/07/2026 the commune chairman receives at least 2 days a month (Law 136/2025)');
    assert.ok(row.held >= 3 && row.ok && /Điều/.test(row.basis));
    const dept = await deptRow();
    assert.deepEqual({ required: dept.required, held: dept.held, missed: dept.missed, ok: dept.ok }, { required: 1, held: deptBefore.held, missed: deptBefore.missed + 1, ok: deptBefore.held >= 1 }, 'LTCD Art. 18: a department head, 1 day a month; a missed day does not count');
    assert.match(dept.basis, /Điều 18/);
    const page = await (await t.as('demo.reception.commune')).get('/reception?month=2026-11');
    const html = await page.text();
    assert.match(html, /Lý Văn Hỏi/);
    assert.match(html, /27\/11\/2026/);
    const csv = Buffer.from(await (await (await t.as('demo.reception.commune')).get('/reception/log.csv?month=2026-11')).arrayBuffer()).toString('utf8');
    assert.match(csv, /^\uFEFFSTT,/);
    assert.match(csv, /Lý Văn Hỏi/);
    assert.match(csv, /Tổ dân phố đã hòa giải ngày 02\/11\/2026,Đo đạc lại ranh giới/, 'LTCD Art. 25(2): prior handling and requests');
  });

  test('the reception page keeps values and names fields on 400; a reply is recorded from the page', async () => {
    const a = await t.as('demo.reception.commune');
    const r = await a.post('/reception/days', { unitId: commune, onDate: '99/99/2026', headName: '', held: '1' });
    assert.equal(r.status, 400);
    const html = await r.text();
    assert.match(html, /error-summary/);
    assert.match(html, /value="99\/99\/2026"/);
    const log = await t.db.selectFrom('reception_logs').select('id').where('replied_on', 'is', null).where('reply_due', 'is not', null).executeTakeFirstOrThrow();
    const ok = await a.post(`/reception/visits/${log.id}/reply`, { repliedOn: '26/11/2026', outcome: 'forwarded' });
    assert.equal(ok.status, 303);
    const row = await t.db.selectFrom('reception_logs').select(['replied_on', 'reply_outcome']).where('id', '=', log.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { replied_on: '2026-11-26', reply_outcome: 'forwarded' });
  });

  test('answer templates: defaults per state, a unit edits its own (audited), the case page fills them', async () => {
    const got = await api('demo.commune', `/petitions/templates?unitId=${commune}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.templates.accepted.custom, false);
    assert.match(got.body.templates.accepted.body, /\{due\}/);
    assert.equal((await api('demo.commune', '/petitions/templates', { unitId: province, status: 'accepted', body: 'x' })).status, 403, 'another unit');
    assert.equal((await api('demo.commune', '/petitions/templates', { unitId: commune, status: 'nope', body: '' })).status, 400);
    const saved = await api('demo.commune', '/petitions/templates', { unitId: commune, status: 'accepted', body: 'Phường thông báo đã thụ lý đơn {code}, hạn giải quyết {due} theo {basis}.' });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.templates.accepted.custom, true);
    const audit = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'petitions.template').execute();
    assert.equal(audit.length, 1);
    const accepted = await t.db.selectFrom('petitions').select(['id', 'tracking_code', 'due_on']).where('handling_unit_id', '=', commune).where('status', '=', 'accepted').executeTakeFirstOrThrow();
    const html = await (await (await t.as('demo.commune')).get(`/petitions/${accepted.id}`)).text();
    const [y, m, d] = accepted.due_on!.split('-');
    assert.match(html, new RegExp(`Phường thông báo đã thụ lý đơn ${accepted.tracking_code}, hạn giải quyết ${d}/${m}/${y} theo Luật`));
    const page = await (await t.as('demo.commune')).post('/petitions/templates', { unitId: commune, status: 'resolved', body: '' });
    assert.equal(page.status, 400);
    assert.match(await page.text(), /error-summary/);
  });

  test('remote communes: the coordinator keeps the list (audited); a case from a listed commune gets the remote limits', async () => {
    assert.equal((await api('demo.commune', '/petitions/remote-units', { unitId: commune })).status, 403);
    assert.equal((await api('demo.coordinator', '/petitions/remote-units', { unitId: province })).status, 400, 'only communes');
    const mk = async () => {
      const p = await t.db.selectFrom('petitions').select('id').where('handling_unit_id', '=', commune).where('title', '=', 'Kiến nghị về hồ sơ hộ nghèo').executeTakeFirstOrThrow();
      return p.id;
    };
    const before = await mk();
    const c1 = await api('demo.commune', `/petitions/${before}/classify`, { kind: 'complaint', field: 'land' });
    assert.equal(c1.body.remote, false);
    assert.equal((await api('demo.coordinator', '/petitions/remote-units', { unitId: commune, note: 'Thử nghiệm' })).status, 201);
    const list = await api('demo.commune', '/petitions/remote-units');
    assert.deepEqual(list.body.items.map((i: any) => i.unitId), [commune]);
    const c2 = await api('demo.commune', `/petitions/${before}/classify`, { kind: 'complaint', field: 'land' });
    assert.equal(c2.body.remote, true);
    await api('demo.commune', `/petitions/${before}/accept`, { acceptedOn: localToday() });
    const normal = await t.db.selectFrom('petitions').select(['deadlines']).where('id', '=', before).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(normal.deadlines).resolve.variant, 'remote', 'LKN Art. 28: 45 days in remote areas');
    const removed = await (await t.as('demo.coordinator')).post(`/petitions/remote-units/${commune}/remove`, {});
    assert.equal(removed.status, 303);
    assert.equal((await api('demo.commune', '/petitions/remote-units')).body.items.length, 0);
  });

  test('a step form with bad input answers 400 on the case page, values kept and fields named; a loop from the page is refused', async () => {
    const a = await t.as('demo.coordinator');
    const p = await t.db.selectFrom('petitions').select('id').where('status', '=', 'accepted').where('kind', '=', 'complaint').executeTakeFirstOrThrow();
    const r = await a.post(`/petitions/${p.id}/resolve`, { outcome: 'upheld', documentNumber: '', summary: 'Giữ nguyên nội dung đã gõ' });
    assert.equal(r.status, 400);
    const html = await r.text();
    assert.match(html, /error-summary/);
    assert.match(html, /href="#f-documentNumber"/);
    assert.match(html, /Giữ nguyên nội dung đã gõ/);
    const chain = await t.db.selectFrom('petition_forwards').select(['petition_id', 'from_unit_id']).orderBy('at').executeTakeFirstOrThrow();
    const loop = await a.post(`/petitions/${chain.petition_id}/forward`, { toUnitId: chain.from_unit_id, reason: 'Trả lại', forwardedOn: localToday() });
    assert.equal(loop.status, 409);
    assert.match(await loop.text(), /không được chuyển đơn vòng lại/);
  });

  test('a denunciation triage runs 7 working days, extendable once to 10 (LTC Art. 24(1))', async () => {
    const p = await t.db.selectFrom('petitions').select(['id', 'deadlines']).where('title', '=', 'Tố cáo nặc danh khai thác cát trái phép').executeTakeFirstOrThrow();
    const before = JSON.parse(p.deadlines).triage;
    assert.equal(before.variant, null);
    const r = await api('demo.coordinator', `/petitions/${p.id}/extend-triage`, { reason: 'Cần xác minh ở nhiều địa điểm' });
    assert.equal(r.status, 200);
    assert.equal(r.body.deadlines.triage.variant, 'extended');
    assert.ok(r.body.deadlines.triage.due > before.due);
    assert.equal(r.body.dueOn, r.body.deadlines.triage.due);
    assert.equal((await api('demo.coordinator', `/petitions/${p.id}/extend-triage`, { reason: 'Lần nữa' })).status, 409);
    assert.equal((await api('demo.coordinator', `/petitions/${p.id}/extend-triage`, {})).status, 400);
  });

  test('LTC Art. 30(2) "vụ việc phức tạp thì có thể gia hạn giải quyết tố cáo một lần", 30(3) "đặc biệt phức tạp … 02 lần"; NĐ 31/2019 Art. 3: one criterion for the first extension, two for the second, recorded on the case', async () => {
    await t.db.deleteFrom('petition_intake_attempts').execute();
    const sub = await t.app.request('/api/v1/public/petitions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ senderName: 'Lê Văn Tố', senderAddress: 'Tổ 2, Phường Pleiku', anonymous: false, title: 'Tố cáo thu tiền cấp phép', content: 'Tố cáo cán bộ thu tiền trái phép khi cấp giấy phép xây dựng nhà ở.', kindHint: 'denunciation', addressedUnitId: province }) });
    assert.equal(sub.status, 201);
    const id = (await t.db.selectFrom('petitions').select('id').where('title', '=', 'Tố cáo thu tiền cấp phép').executeTakeFirstOrThrow()).id;
    assert.equal((await api('demo.coordinator', `/petitions/${id}/classify`, { kind: 'denunciation', field: 'conduct', accusedUnitId: commune })).status, 200);
    const accepted = await api('demo.coordinator', `/petitions/${id}/accept`, { acceptedOn: localToday() });
    assert.equal(accepted.status, 200);
    const none = await api('demo.coordinator', `/petitions/${id}/extend`, { reason: 'Cần thêm thời gian', decisionNumber: '1/QĐ-UBND' });
    assert.equal(none.status, 400, 'no criterion: not a complex case, no extension');
    assert.match(none.body.error.fields.criteria, /ít nhất 01 tiêu chí/);
    const first = await api('demo.coordinator', `/petitions/${id}/extend`, { reason: 'Xác minh ở hai xã', decisionNumber: '1/QĐ-UBND', criteria: ['several-places'] });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.complexityCriteria, ['several-places']);
    assert.equal(first.body.deadlines.resolve.variant, 'complex');
    const second = await api('demo.coordinator', `/petitions/${id}/extend`, { reason: 'Còn phức tạp', decisionNumber: '2/QĐ-UBND' });
    assert.equal(second.status, 409, 'one criterion: complex, not especially complex');
    assert.equal(second.body.error.code, 'not_especially_complex');
    assert.match(second.body.error.fields.criteria, /từ 02 tiêu chí trở lên/);
    // The case page: the form keeps the typed values, names the criteria field, and a second criterion allows the second extension.
    const a = await t.as('demo.coordinator');
    const page = await a.post(`/petitions/${id}/extend`, { reason: 'Giữ lý do đã gõ', decisionNumber: '2/QĐ-UBND' });
    assert.equal(page.status, 409);
    const html = await page.text();
    assert.match(html, /error-summary[\s\S]*href="#f-criteria"/);
    assert.match(html, /Giữ lý do đã gõ/);
    const ok2 = await a.post(`/petitions/${id}/extend`, { reason: 'Nhiều cơ quan liên quan', decisionNumber: '2/QĐ-UBND', criteria: 'several-agencies' });
    assert.equal(ok2.status, 303);
    const view = (await api('demo.coordinator', `/petitions/${id}`)).body;
    assert.deepEqual(view.complexityCriteria, ['several-places', 'several-agencies']);
    assert.equal(view.extensions, 2);
    assert.equal(view.deadlines.resolve.variant, 'especially-complex');
    assert.equal((await api('demo.coordinator', `/petitions/${id}/extend`, { reason: 'Lần ba', decisionNumber: '3/QĐ', criteria: ['foreign-element'] })).status, 409, 'never a third time');
    const audit = await t.db.selectFrom('audit_events').select('changes').where('action', '=', 'petitions.extend').where('subject_id', '=', id).orderBy('seq').execute();
    assert.equal(audit.length, 2);
    assert.match(String(audit[1].changes), /especially-complex/);
  });

  test('tracking is rate-limited on failed lookups; a wrong key and an unknown code answer the same', async () => {
    const saved = process.env.PETITIONS_TRACK_LIMIT;
    process.env.PETITIONS_TRACK_LIMIT = '3/600';
    try {
      await t.db.deleteFrom('petition_intake_attempts').execute();
      const p = await t.db.selectFrom('petitions').select('tracking_code').executeTakeFirstOrThrow();
      const wrong = await t.app.request(`/api/v1/public/petitions/${p.tracking_code}?key=nope`);
      const unknown = await t.app.request('/api/v1/public/petitions/PA-ZZZZZZZZ?key=nope');
      assert.deepEqual([wrong.status, unknown.status], [404, 404]);
      assert.deepEqual(await wrong.json(), await unknown.json());
      assert.equal((await t.app.request(`/public/petitions/track?code=${p.tracking_code}&key=nope`)).status, 404);
      assert.equal((await t.app.request(`/api/v1/public/petitions/${p.tracking_code}?key=nope`)).status, 429);
      assert.equal((await t.app.request(`/public/petitions/track?code=${p.tracking_code}&key=nope`)).status, 429);
    } finally {
      process.env.PETITIONS_TRACK_LIMIT = saved;
      await t.db.deleteFrom('petition_intake_attempts').execute();
    }
  });
});
