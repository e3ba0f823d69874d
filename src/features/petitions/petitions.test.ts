import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { getUnitByKey } from '../units/index.ts';
import { localToday } from '../../platform/i18n/index.ts';

const NAME = 'Lê Thị Bảo Mật';
const IDNO = '064099887766';

forEachDialect('petitions', (dialect) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const api = async (user: string, path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.1' }, body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: (await r.json()) as any };
  };
  /** Submits (clearing the throttle first unless `keep`: the test app sees every request from one IP). */
  const submit = async (body: unknown, keep = false) => {
    if (!keep) await t.db.deleteFrom('petition_intake_attempts').execute();
    return post(body);
  };
  const post = (body: unknown) => t.app.request('/api/v1/public/petitions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let province: string, noiVu: string, commune: string;
  before(async () => {
    t = await createTestApp(dialect);
    for (const u of ['demo.admin', 'demo.coordinator', 'demo.leader', 'demo.observer', 'demo.department', 'demo.commune', 'demo.commune.head', 'demo.reception', 'demo.reception.commune']) tokens[u] = await t.token(u);
    province = (await getUnitByKey(t.db, 'province:52:2025-07-01'))!.id;
    noiVu = (await getUnitByKey(t.db, 'body:52:noi-vu'))!.id;
    commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  });
  after(() => t.close());

  test('public intake: 201 with code and key; tracking with the key; wrong key = same 404 as unknown code', async () => {
    const r = await submit({ senderName: 'Nguyễn Văn Công', senderAddress: 'Tổ 1, Phường Pleiku', anonymous: false, title: 'Đường hỏng', content: 'Đường tổ 1 hỏng nặng, đề nghị sửa chữa sớm.' });
    assert.equal(r.status, 201);
    const { trackingCode, accessKey, receivedAt } = (await r.json()) as any;
    assert.match(trackingCode, /^PA-/);
    assert.ok(accessKey && receivedAt);
    const ok = await t.app.request(`/api/v1/public/petitions/${trackingCode}?key=${accessKey}`);
    const body = (await ok.json()) as any;
    assert.equal(body.status, 'received');
    assert.ok(body.dueOn && body.handlingUnit.name && body.history[0].event === 'received');
    assert.equal(JSON.stringify(body).includes('Nguyễn Văn Công'), false);
    const wrong = await t.app.request(`/api/v1/public/petitions/${trackingCode}?key=xxx`);
    const unknown = await t.app.request('/api/v1/public/petitions/PA-ZZZZZZZZ?key=xxx');
    assert.equal(wrong.status, 404);
    assert.deepEqual(await wrong.json(), await unknown.json());
  });

  test('bad input → 400 with Vietnamese field messages; rate limit → 429', async () => {
    const r = await submit({ anonymous: false, title: '', content: 'x', senderIdNumber: '12', extra: 1 });
    assert.equal(r.status, 400);
    const e = ((await r.json()) as any).error;
    assert.ok(e.fields.title && e.fields.senderIdNumber && e.fields.extra);
    assert.match(e.fields.senderIdNumber, /chữ số/);
    const ok = { anonymous: true, title: 'Phản ánh', content: 'Nội dung phản ánh số ' };
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await submit({ ...ok, content: ok.content + i + ' ' + 'abc '.repeat(i) }, i > 0)).status);
    assert.deepEqual(codes.slice(0, 10), Array(10).fill(201));
    assert.equal(codes[10], 429);
  });

  test('flow: classify, forward (loop refused), accept, extend, resolve with dates from the time engine', async () => {
    const r = (await (await submit({ senderName: 'Trần Văn Khiếu', senderAddress: 'Xã Ia Mơ', anonymous: false, title: 'Khiếu nại', content: 'Khiếu nại quyết định xử phạt hành chính số 5.', addressedUnitId: province })).json()) as any;
    const list = await api('demo.coordinator', `/petitions?q=${encodeURIComponent('xu phat hanh chinh')}`);
    const id = list.body.items[0].id;
    assert.equal((await api('demo.coordinator', `/petitions/${id}/accept`, { acceptedOn: localToday() })).status, 409);
    const c = await api('demo.coordinator', `/petitions/${id}/classify`, { kind: 'complaint', field: 'other' });
    assert.equal(c.status, 200);
    assert.ok(c.body.deadlines.accept.due > c.body.receivedOn && /Điều/.test(c.body.deadlines.accept.basis));
    assert.equal((await api('demo.coordinator', `/petitions/${id}/forward`, { toUnitId: noiVu, reason: 'Thuộc Sở', forwardedOn: localToday() })).status, 200);
    assert.equal((await api('demo.coordinator', `/petitions/${id}/receive`, { receivedOn: localToday() })).status, 200);
    const loop = await api('demo.coordinator', `/petitions/${id}/forward`, { toUnitId: province, reason: 'Trả lại', forwardedOn: localToday() });
    assert.equal(loop.status, 409);
    assert.equal(loop.body.error.code, 'forward_loop');
    assert.equal((await api('demo.coordinator', `/petitions/${id}/classify`, { kind: 'complaint', field: 'other' })).status, 200);
    const a = await api('demo.coordinator', `/petitions/${id}/accept`, { acceptedOn: localToday() });
    assert.equal(a.body.status, 'accepted');
    assert.ok(a.body.deadlines.resolve.due);
    const x = await api('demo.coordinator', `/petitions/${id}/extend`, { reason: 'Phức tạp', decisionNumber: '1/QĐ' });
    assert.ok(x.body.deadlines.resolve.due > a.body.deadlines.resolve.due);
    assert.equal((await api('demo.coordinator', `/petitions/${id}/extend`, { reason: 'Lần 2', decisionNumber: '2/QĐ' })).status, 409);
    const done = await api('demo.coordinator', `/petitions/${id}/resolve`, { outcome: 'upheld', documentNumber: '9/QĐ', summary: 'Chấp nhận khiếu nại.', resolvedOn: localToday() });
    assert.equal(done.body.status, 'resolved');
    const pub = (await (await t.app.request(`/api/v1/public/petitions/${r.trackingCode}?key=${r.accessKey}`)).json()) as any;
    assert.equal(pub.answer, 'Chấp nhận khiếu nại.');
    assert.deepEqual(pub.history.map((h: any) => h.event), ['received', 'classified', 'forwarded', 'forward-received', 'classified', 'accepted', 'extended', 'resolved']);
    assert.equal((await api('demo.commune', `/petitions/${id}`)).status, 404, 'outside scope');
  });

  test('sealed denunciation: name and ID number appear only in the audited reveal of the allowed people', async () => {
    const r = (await (await submit({ senderName: NAME, senderIdNumber: IDNO, senderAddress: 'Tổ 9, Phường Pleiku', anonymous: false, title: 'Tố cáo', content: 'Tố cáo cán bộ nhận hối lộ khi làm thủ tục đất đai.', kindHint: 'denunciation', addressedUnitId: commune })).json()) as any;
    const id = (await api('demo.commune.head', `/petitions?q=hoi+lo`)).body.items[0].id;
    await api('demo.commune', `/petitions/${id}/classify`, { kind: 'denunciation', field: 'conduct', accusedUnitId: noiVu });
    const leaks: string[] = [];
    for (const user of Object.keys(tokens)) {
      for (const path of [`/petitions`, `/petitions/${id}`, `/petitions?q=${encodeURIComponent(NAME)}`, `/public/petitions/${r.trackingCode}?key=${r.accessKey}`]) {
        const s = JSON.stringify((await api(user, path)).body);
        if (s.includes(NAME) || s.includes(IDNO)) leaks.push(`${user} ${path}`);
      }
      const agent = await t.as(user);
      for (const p of ['/petitions', `/petitions/${id}`, '/notifications', '/audit']) {
        const html = await (await agent.get(p)).text();
        if (html.includes(NAME) || html.includes(IDNO)) leaks.push(`${user} page ${p}`);
      }
    }
    assert.deepEqual(leaks, []);
    const detail = await api('demo.commune', `/petitions/${id}`);
    assert.deepEqual(detail.body.sender, { sealed: true });
    const audit = await t.db.selectFrom('audit_events').select('changes').execute();
    assert.ok(audit.every((a) => !(a.changes ?? '').includes(NAME) && !(a.changes ?? '').includes(IDNO)));
    const raw = await t.db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(raw).includes(NAME) && !JSON.stringify(raw).includes(IDNO), 'encrypted at rest');
    assert.equal((await api('demo.coordinator', `/petitions/${id}/reveal`, { reason: 'x' })).status, 403);
    assert.equal((await api('demo.department', `/petitions/${id}/reveal`, { reason: 'x' })).status, 404);
    const ok = await api('demo.commune.head', `/petitions/${id}/reveal`, { reason: 'Xác minh' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.sender.name, NAME);
    const handler = await api('demo.commune', `/petitions/${id}/reveal`, { reason: 'Xác minh' });
    assert.equal(handler.status, 200, 'the assigned handler');
    const events = await t.db.selectFrom('audit_events').select('changes').where('action', '=', 'petitions.reveal').execute();
    assert.equal(events.length, 2);
    assert.ok(events.every((e) => !e.changes!.includes(NAME)));
  });

  test('a denunciation is forwarded at most once; the coordinator sees a 3-unit chain', async () => {
    await submit({ anonymous: true, title: 'Tố cáo nặc danh', content: 'Tố cáo nặc danh việc lấn chiếm đất công ở tổ 12 có ảnh kèm theo.', kindHint: 'denunciation', addressedUnitId: province });
    const id = (await api('demo.coordinator', `/petitions?q=lan+chiem`)).body.items[0].id;
    await api('demo.coordinator', `/petitions/${id}/classify`, { kind: 'denunciation', field: 'land', anonymousEvidence: true });
    assert.equal((await api('demo.coordinator', `/petitions/${id}/forward`, { toUnitId: noiVu, reason: 'a', forwardedOn: localToday() })).status, 200);
    assert.equal((await api('demo.coordinator', `/petitions/${id}/receive`, { receivedOn: localToday() })).status, 200);
    const again = await api('demo.coordinator', `/petitions/${id}/forward`, { toUnitId: commune, reason: 'b', forwardedOn: localToday() });
    assert.equal(again.body.error.code, 'forward_once');
    const page = await (await (await t.as('demo.coordinator')).get('/petitions')).text();
    assert.match(page, /id="risks"/);
  });
});
