import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { getUnitByKey } from '../units/index.ts';

type Json = Record<string, any>;

forEachDialect('inbound recommendations register', (dialect) => {
  let t: TestApp;
  let pleiku: string;
  let other: string;
  let front: string;
  const api = async (who: string, method: string, path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${await t.token(who)}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Json };
  };
  const entry = (assigneeUnitId: string, over: Json = {}) => ({ source: 'front-supervision', issuerName: 'Ủy ban MTTQ Việt Nam tỉnh Gia Lai', documentNumber: '125/MTTQ-BTT', documentDate: '2026-11-18', receivedOn: '2026-11-20', subject: 'Kiến nghị sau giám sát công khai ngân sách', content: 'Đề nghị trả lời bằng văn bản.', assigneeUnitId, ...over });

  before(async () => {
    t = await createTestApp(dialect);
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    front = (await getUnitByKey(t.db, 'body:52:mat-tran'))!.id;
    other = (await t.db.selectFrom('units').select('id').where('kind', '=', 'commune-committee').where('valid_to', 'is', null).where('code', '!=', '23575').orderBy('code').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  test('the demo register holds ten entries in one list (nine filed, one from the boards), one overdue, some answered', async () => {
    const list = await api('demo.coordinator', 'GET', '/recommendations');
    assert.equal(list.status, 200);
    const items = list.body.items as Json[];
    assert.equal(items.length, 10);
    assert.equal(items.filter((i) => i.origin === 'board').length, 1, 'the board recommendation is read from the boards feature, not copied');
    assert.equal(items.filter((i) => i.state === 'overdue').length, 1);
    assert.ok(items.filter((i) => i.answeredOn).length >= 3);
    assert.equal(await t.db.selectFrom('register_entries').select('id').execute().then((r) => r.length), 9);
    const page = await (await (await t.as('demo.coordinator')).get('/recommendations')).text();
    assert.match(page, /Từ sổ của Ban/);
    assert.match(page, /Quá hạn \d+ ngày/);
  });

  test('the Front files (answer due 15 days later, rolled off the weekend; term flagged unverified); the Party commission and a commune may not', async () => {
    const r = await api('demo.front', 'POST', '/recommendations', entry(pleiku));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.answerDue, '2026-12-07', '05/12/2026 is a Saturday');
    const row = await t.db.selectFrom('register_entries').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.issuer_unit_id, row.term_days, row.term_verified], [front, 15, 0]);
    const board = await api('demo.front', 'POST', '/recommendations', entry(pleiku, { source: 'inspection-board', receivedOn: '2027-01-25', documentDate: '2027-01-20' }));
    assert.equal(board.body.answerDue, '2027-02-12', 'LDC Art. 40(1)(c): 15 days, the last day in Tết 2027 moves to 12/02');
    assert.equal((await api('demo.observer', 'POST', '/recommendations', entry(pleiku))).status, 403, 'the Party commission reads, it does not file');
    assert.equal((await api('demo.commune', 'POST', '/recommendations', entry(pleiku))).status, 403);
    const head = await t.db.selectFrom('users').select('id').where('username', '=', 'demo.commune.head').executeTakeFirstOrThrow();
    assert.ok((await t.db.selectFrom('notifications').select('link').where('user_id', '=', head.id).execute()).some((n) => n.link === `/recommendations/${r.body.id}`));
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', r.body.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['register.file']);
  });

  test('a province term (its coordination regulation) changes the due date of entries received from its start', async () => {
    const admin = await t.as('demo.coordinator');
    const bad = await admin.post('/recommendations/terms', { source: 'front-supervision', days: 'ba mươi', unit: 'calendar-days', legalBasis: '', validFrom: '32/13/2026' });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /error-summary/);
    assert.match(html, /value="ba mươi"/, 'the typed values are kept');
    assert.equal((await admin.post('/recommendations/terms', { source: 'front-supervision', days: '30', unit: 'calendar-days', legalBasis: 'Quy chế phối hợp số 01/QCPH-UBND-MTTQ, Điều 8', validFrom: '01/01/2027', validTo: '', note: '' })).status, 303);
    const r = await api('demo.front', 'POST', '/recommendations', entry(pleiku, { receivedOn: '2027-03-01', documentDate: '2027-02-26' }));
    assert.equal(r.body.answerDue, '2027-03-31');
    assert.equal((await api('demo.front', 'POST', '/recommendations', entry(pleiku))).body.answerDue, '2026-12-07', 'earlier entries keep the bundled term');
    assert.equal((await (await t.as('demo.commune')).post('/recommendations/terms', { source: 'front-supervision', days: '5', unit: 'calendar-days', legalBasis: 'x', validFrom: '01/01/2027' })).status, 403);
  });

  test('a commune cannot read another commune\'s entry by page, API or export', async () => {
    const r = await api('demo.front', 'POST', '/recommendations', entry(other, { subject: 'Kiến nghị riêng của xã khác ZQX' }));
    assert.equal(r.status, 201);
    const commune = await t.as('demo.commune');
    assert.equal((await commune.get(`/recommendations/${r.body.id}`)).status, 403);
    assert.equal((await api('demo.commune', 'GET', `/recommendations/${r.body.id}`)).status, 403);
    const list = (await api('demo.commune', 'GET', '/recommendations')).body.items as Json[];
    assert.ok(list.length > 0 && list.every((i) => i.unitId === pleiku));
    assert.ok(list.some((i) => i.origin === 'board'), 'the commune sees its board recommendation in the same register');
    assert.doesNotMatch(await (await commune.get('/recommendations')).text(), /ZQX/);
    const csv = await (await commune.get('/recommendations/export/csv')).text();
    assert.doesNotMatch(csv, /ZQX/);
    assert.match(csv, /^\uFEFF?Nguồn kiến nghị,"Cơ quan, tổ chức kiến nghị"/);
    const otherName = (await t.db.selectFrom('units').select('full_name').where('id', '=', other).executeTakeFirstOrThrow()).full_name;
    assert.ok(!csv.includes(`,${otherName},`), 'no other commune as answering unit');
    assert.equal((await commune.get(`/recommendations/export/csv?unitId=${other}`)).status, 200);
    assert.doesNotMatch(await (await commune.get(`/recommendations/export/csv?unitId=${other}`)).text(), /ZQX/, 'a unit filter cannot widen the scope');
    const coord = await (await (await t.as('demo.coordinator')).get('/recommendations/export/xlsx')).arrayBuffer();
    assert.equal(Buffer.from(coord).subarray(0, 2).toString(), 'PK');
  });

  test('the answering unit sees the entry in its work list and answers; bad input is a 400 in Vietnamese with the values kept', async () => {
    const r = await api('demo.front', 'POST', '/recommendations', entry(pleiku, { receivedOn: localToday(), documentDate: localToday(), subject: 'Kiến nghị cần trả lời WKX' }));
    const work = (await api('demo.commune', 'GET', '/me/work')).body.items as Json[];
    assert.ok(work.some((w) => w.key === `register:${r.body.id}` && w.due === r.body.answerDue && w.href === `/recommendations/${r.body.id}`));
    const commune = await t.as('demo.commune');
    const bad = await commune.post(`/recommendations/${r.body.id}/answer`, { answeredOn: '31/02/2026', outcome: 'maybe', answerDocument: '', answerText: 'Nội dung giữ lại' });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /Nội dung giữ lại/);
    assert.match(html, /error-summary/);
    const apiBad = await api('demo.commune', 'POST', `/recommendations/${r.body.id}/answer`, { answeredOn: 'hôm qua', outcome: 'accepted', answerDocument: '12/UBND', answerText: 'x' });
    assert.equal(apiBad.status, 400);
    assert.ok(apiBad.body.error.fields.answeredOn);
    assert.equal((await api('demo.department', 'POST', `/recommendations/${r.body.id}/answer`, { answeredOn: localToday(), outcome: 'accepted', answerDocument: '1/STP', answerText: 'x' })).status, 403);
    const okRes = await commune.post(`/recommendations/${r.body.id}/answer`, { answeredOn: localToday().split('-').reverse().join('/'), outcome: 'partly', answerDocument: '88/UBND-VP', answerText: 'Tiếp thu một phần, giải trình phần còn lại.' });
    assert.equal(okRes.status, 303, (await okRes.clone().text()).slice(0, 400));
    assert.ok(!((await api('demo.commune', 'GET', '/me/work')).body.items as Json[]).some((w) => w.key === `register:${r.body.id}`), 'answered entries leave the work list');
    assert.equal((await api('demo.commune', 'POST', `/recommendations/${r.body.id}/close`, { closedOn: localToday() })).status, 403, 'the answering unit does not close');
    assert.equal((await api('demo.front', 'POST', `/recommendations/${r.body.id}/close`, { closedOn: localToday(), note: 'Thống nhất' })).status, 200);
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', r.body.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['register.file', 'register.answer', 'register.close']);
  });

  test('filing with bad input: 400 with Vietnamese field messages, never 500, values kept', async () => {
    const front = await t.as('demo.front');
    const res = await front.post('/recommendations/new', { source: 'front-supervision', issuerName: 'MTTQ', documentNumber: '', documentDate: '20/11/2026', receivedOn: '19/11/2026', subject: 'Giữ trích yếu', content: '', assigneeUnitId: '' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Giữ trích yếu/);
    assert.match(html, /Ngày nhận không được trước ngày văn bản|Chọn đơn vị|bắt buộc|Vui lòng/);
    const j = await api('demo.front', 'POST', '/recommendations', { source: 'nope' });
    assert.equal(j.status, 400);
    assert.ok(j.body.error.fields.source && j.body.error.fields.receivedOn);
  });

  test('the 6-monthly digest counts by source and downloads as DOCX and XLSX', async () => {
    const coord = await t.as('demo.coordinator');
    const page = await coord.get('/recommendations/digest');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Tổng cộng/);
    assert.match(html, /Mặt trận Tổ quốc: giám sát/);
    const docx = await coord.get('/recommendations/digest/docx?year=2026&half=2');
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get('content-type') ?? '', /wordprocessingml/);
    assert.equal(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
    const xlsx = await coord.get('/recommendations/digest/xlsx?year=2026&half=2');
    assert.equal(xlsx.status, 200);
    assert.equal((await coord.get('/recommendations/digest/pdf')).status, 404);
  });
});
