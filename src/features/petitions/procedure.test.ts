import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp, type Agent } from '../../../test/helpers/app.ts';
import { docxParagraphs as docxText } from '../../platform/docx/read.ts';
import { getUnitByKey } from '../units/index.ts';

// Fixed dates in November 2026 (all before any day these tests run on, real clock or Tết 2028):
// 24/11/2026 is Ngày Văn hóa Việt Nam (a day off in the seeded calendar).
forEachDialect('petitions: suspension, document dates, time bar, competence, notices (issue 18)', (dialect) => {
  let t: TestApp;
  let coord: Agent;
  let token: string;
  let province: string, noiVu: string, commune: string;
  const api = async (path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: (r.headers.get('content-type') ?? '').includes('json') ? ((await r.json()) as any) : null };
  };
  /** A letter entered by staff with the day it arrived. */
  const letter = async (title: string, receivedOn: string, unitId = province, kindHint = 'complaint') => {
    const r = await coord.post('/petitions/new', { senderName: 'Đinh Văn Đơn', senderAddress: 'Thôn 2, xã Ia Mơ', title, content: `${title}: nội dung chi tiết của đơn.`, channel: 'letter', handlingUnitId: unitId, receivedOn, kindHint });
    assert.equal(r.status, 303, await r.text());
    return /\/petitions\/([^?]+)/.exec(r.headers.get('location')!)![1];
  };
  before(async () => {
    t = await createTestApp(dialect);
    coord = await t.as('demo.admin');
    token = await t.token('demo.admin');
    province = (await getUnitByKey(t.db, 'province:52:2025-07-01'))!.id;
    noiVu = (await getUnitByKey(t.db, 'body:52:noi-vu'))!.id;
    commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  });
  after(() => t.close());

  test('LKN Art. 11a, NĐ 124/2020 Art. 28a–28b "sent within 03 working days", "restarts from the decision to resume": the clock stops, resumes with the time left, every change in the clock history', async () => {
    const id = await letter('Khiếu nại quyết định cưỡng chế', '02/11/2026');
    assert.equal((await api(`/petitions/${id}/classify`, { kind: 'complaint', field: 'land' })).status, 200);
    const a = await api(`/petitions/${id}/accept`, { acceptedOn: '05/11/2026', decisionNumber: '12/TB-UBND' });
    assert.equal(a.status, 200);
    assert.equal(a.body.acceptedOn, '2026-11-05');
    assert.equal(a.body.deadlines.resolve.due, '2026-12-07', 'LKN Art. 28: 30 days from 05/11 = Sat 05/12, rolled to Mon 07/12 (Civil Code Art. 148(5))');
    const s = await api(`/petitions/${id}/suspend`, { decisionNumber: '3/QĐ-UBND', decidedOn: '10/11/2026', reason: 'Chờ kết quả giám định' });
    assert.equal(s.status, 200);
    assert.equal(s.body.status, 'suspended');
    assert.equal(s.body.dueOn, null, 'no running deadline while suspended');
    assert.equal(s.body.deadlines['notice.suspension'].due, '2026-11-13', '03 working days from Tue 10/11');
    const early = await api(`/petitions/${id}/resume`, { decisionNumber: '4/QĐ-UBND', decidedOn: '09/11/2026' });
    assert.equal(early.status, 400);
    assert.match(early.body.error.fields.decidedOn, /không được trước ngày của bước trước/);
    const future = await api(`/petitions/${id}/resume`, { decisionNumber: '4/QĐ-UBND', decidedOn: '01/01/2099' });
    assert.match(future.body.error.fields.decidedOn, /không được sau ngày hôm nay/);
    const r = await api(`/petitions/${id}/resume`, { decisionNumber: '4/QĐ-UBND', decidedOn: '20/11/2026' });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'accepted');
    assert.equal(r.body.deadlines.resolve.due, '2026-12-15', '10 suspended days not counted: 07/12 → 15/12');
    assert.equal(r.body.deadlines['notice.resumption'].due, '2026-11-26', '03 working days from Fri 20/11, Tue 24/11 a day off');
    assert.deepEqual(r.body.clockHistory.map((h: any) => `${h.event}:${h.clock}:${h.on}`), [
      'start:process:2026-11-02', 'start:accept:2026-11-02', 'end:accept:2026-11-05', 'start:resolve:2026-11-05', 'stop:resolve:2026-11-10',
      'notice-due:notice.suspension:2026-11-10', 'resume:resolve:2026-11-20', 'notice-due:notice.resumption:2026-11-20',
    ]);
    const page = await (await coord.get(`/petitions/${id}`)).text();
    assert.match(page, /id="clock-history"/);
    assert.match(page, /Dừng tính/);
    assert.match(page, /15\/12\/2026/);
  });

  test('LKN Art. 10, LTC Art. 33: a withdrawal ends a complaint with its decision; a denunciation withdrawn under coercion is still resolved', async () => {
    const c = await letter('Khiếu nại xin rút', '03/11/2026');
    await api(`/petitions/${c}/classify`, { kind: 'complaint', field: 'other' });
    await api(`/petitions/${c}/accept`, { acceptedOn: '04/11/2026' });
    const w = await api(`/petitions/${c}/withdraw`, { withdrawnOn: '12/11/2026', decisionNumber: '7/QĐ-UBND', reason: 'Người khiếu nại có đơn xin rút' });
    assert.equal(w.status, 200);
    assert.deepEqual([w.body.status, w.body.outcome], ['closed', 'withdrawn']);
    assert.equal(w.body.deadlines['notice.withdrawal'].due, '2026-11-17');
    const d = await letter('Tố cáo cán bộ thu phí', '03/11/2026', province, 'denunciation');
    await api(`/petitions/${d}/classify`, { kind: 'denunciation', field: 'conduct' });
    await api(`/petitions/${d}/accept`, { acceptedOn: '05/11/2026' });
    const k = await api(`/petitions/${d}/withdraw`, { withdrawnOn: '12/11/2026', decisionNumber: '-', reason: 'Người tố cáo bị đe dọa', continueResolution: true });
    assert.equal(k.body.status, 'accepted');
    assert.equal(k.body.history.at(-1).event, 'withdrawn-continued');
  });

  test('Dates of legal events (issue 18 item 7): a forwarded case\'s clock starts when the competent body receives it (LTCD Art. 28(1), NĐ 124/2020 Art. 16(1) "07 ngày làm việc")', async () => {
    const id = await letter('Khiếu nại việc cấp phép', '02/11/2026');
    await api(`/petitions/${id}/classify`, { kind: 'complaint', field: 'admin-procedure' });
    const f = await api(`/petitions/${id}/forward`, { toUnitId: noiVu, reason: 'Thuộc thẩm quyền Sở', forwardedOn: '03/11/2026' });
    assert.equal(f.status, 200);
    assert.equal(f.body.dueOn, null, 'no clock runs between forwarding and receipt');
    assert.equal((await api(`/petitions/${id}/classify`, { kind: 'complaint', field: 'admin-procedure' })).status, 409, 'the competent body first enters the receipt');
    assert.equal((await api(`/petitions/${id}/receive`, { receivedOn: '02/11/2026' })).status, 400, 'before the forwarding letter');
    const r = await api(`/petitions/${id}/receive`, { receivedOn: '09/11/2026' });
    assert.equal(r.status, 200);
    assert.deepEqual([r.body.deadlines.process.start, r.body.deadlines.process.due], ['2026-11-09', '2026-11-23']);
    assert.equal(r.body.deadlines.accept.due, '2026-11-18', '07 working days from Mon 09/11');
    const c = await api(`/petitions/${id}/classify`, { kind: 'complaint', field: 'admin-procedure' });
    assert.equal(c.body.deadlines.accept.start, '2026-11-09', 'classification keeps the day this body received it');
    const bad = await api(`/petitions/${id}/accept`, { acceptedOn: '06/11/2026' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.acceptedOn);
    const missing = await api(`/petitions/${id}/accept`, {});
    assert.equal(missing.status, 400);
    assert.ok(missing.body.error.fields.acceptedOn, 'the date is entered, never taken from the server');
  });

  test('LKN Art. 9 "Thời hiệu khiếu nại là 90 ngày … thời gian có trở ngại đó không tính vào thời hiệu"; Art. 11: an out-of-time complaint gets the refusal notice with its ground', async () => {
    const late = await letter('Khiếu nại quá hạn', '02/11/2026');
    const r = await api(`/petitions/${late}/classify`, { kind: 'complaint', field: 'land', knewOn: '01/07/2026' });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'closed');
    assert.deepEqual([r.body.timeBar.due, r.body.timeBar.late], ['2026-09-29', true]);
    assert.equal(r.body.deadlines['notice.refusal'].due, '2026-11-11', '07 working days from 02/11 (NĐ 124/2020 Art. 16(1) as amended)');
    const doc = await coord.get(`/petitions/${late}/notices/refusal.docx`);
    assert.equal(doc.status, 200);
    const text = docxText(Buffer.from(await doc.arrayBuffer())).join('\n');
    assert.match(text, /không được thụ lý giải quyết vì đã hết thời hiệu khiếu nại/);
    assert.match(text, /Điều 11/);
    assert.match(text, /29\/09\/2026/);
    const ill = await letter('Khiếu nại sau khi ốm', '02/11/2026');
    const ok = await api(`/petitions/${ill}/classify`, { kind: 'complaint', field: 'land', knewOn: '01/07/2026', excluded: [{ from: '10/07/2026', to: '31/08/2026', reason: 'illness', evidence: 'Giấy ra viện số 55' }] });
    assert.equal(ok.body.status, 'triaged');
    assert.deepEqual([ok.body.timeBar.excludedDays, ok.body.timeBar.due, ok.body.timeBar.late], [53, '2026-11-23', false], '29/09 + 53 days = Sat 21/11, rolled to Mon 23/11');
    const noEvidence = await api(`/petitions/${ill}/classify`, { kind: 'complaint', field: 'land', knewOn: '01/07/2026', excluded: [{ from: '10/07/2026', to: '31/08/2026', reason: 'illness', evidence: '' }] });
    assert.equal(noEvidence.status, 400);
    assert.ok(noEvidence.body.error.fields['excluded.0.evidence'], 'each excluded period carries its evidence');
    const reversed = await api(`/petitions/${ill}/classify`, { kind: 'complaint', field: 'land', knewOn: '01/07/2026', excluded: [{ from: '31/08/2026', to: '10/07/2026', reason: 'illness', evidence: 'Giấy ra viện' }] });
    assert.equal(reversed.status, 400);
    assert.match(reversed.body.error.fields['excluded.0.to'], /không được trước ngày bắt đầu/);
  });

  test('LKN Art. 21(2) under two-level government (from 01/07/2025): a second complaint about a commune decision goes to the provincial chairman; a department decision is first resolved by its head', async () => {
    const id = await letter('Khiếu nại lần hai quyết định của UBND phường', '02/11/2026', commune);
    const c = await api(`/petitions/${id}/classify`, { kind: 'complaint', field: 'land', instance: 'second', decisionUnitId: commune });
    assert.equal(c.status, 200);
    assert.deepEqual([c.body.resolver.resolver, c.body.resolver.routeTo, c.body.competence], ['province-chairman', province, 'other-unit']);
    const page = await (await coord.get(`/petitions/${id}`)).text();
    assert.match(page, /Chủ tịch UBND tỉnh \(lần hai\)/);
    const d = await letter('Khiếu nại quyết định của Sở', '02/11/2026');
    const dc = await api(`/petitions/${d}/classify`, { kind: 'complaint', field: 'other', decisionUnitId: noiVu });
    assert.deepEqual([dc.body.resolver.resolver, dc.body.resolver.routeTo], ['issuer-head', noiVu]);
  });

  test('LTC Art. 29(3) "05 ngày làm việc kể từ ngày ra quyết định thụ lý": the acceptance notice is on the case clock, in the work list, as a DOCX without the denouncer\'s name, and a late dispatch is flagged', async () => {
    const id = await letter('Tố cáo lạm quyền', '02/11/2026', province, 'denunciation');
    await api(`/petitions/${id}/classify`, { kind: 'denunciation', field: 'conduct' });
    const a = await api(`/petitions/${id}/accept`, { acceptedOn: '16/11/2026', decisionNumber: '30/QĐ-UBND' });
    assert.equal(a.body.deadlines['notice.acceptance'].due, '2026-11-23', '05 working days from Mon 16/11');
    // The handler's work list: the reception officer of the provincial committee, which holds the case.
    const officer = await t.token('demo.reception');
    const workOf = async () => ((await (await t.app.request('/api/v1/me/work', { headers: { authorization: `Bearer ${officer}` } })).json()) as any).items as any[];
    const work = { body: { items: await workOf() } };
    assert.ok(work.body.items.some((w: any) => w.key === `petition:${id}:notice:acceptance` && w.due === '2026-11-23'));
    const doc = docxText(Buffer.from(await (await coord.get(`/petitions/${id}/notices/acceptance.docx`)).arrayBuffer())).join('\n');
    assert.match(doc, /khoản 3 Điều 29/);
    assert.doesNotMatch(doc, /Đinh Văn Đơn/, 'sealed identity');
    const sent = await api(`/petitions/${id}/notices/acceptance/sent`, { sentOn: '25/11/2026', documentNumber: '31/TB-UBND' });
    assert.equal(sent.status, 200);
    assert.deepEqual(sent.body.notices.acceptance, { sentOn: '2026-11-25', documentNumber: '31/TB-UBND', late: true });
    assert.ok(!(await workOf()).some((w: any) => w.key === `petition:${id}:notice:acceptance`));
    assert.equal((await api(`/petitions/${id}/notices/acceptance/sent`, { sentOn: '25/11/2026', documentNumber: 'x' })).status, 409, 'once');
    const done = await api(`/petitions/${id}/resolve`, { outcome: 'concluded', documentNumber: '40/KL-UBND', summary: 'Kết luận', resolvedOn: '27/11/2026' });
    assert.equal(done.body.resolvedOn, '2026-11-27');
  });
});
