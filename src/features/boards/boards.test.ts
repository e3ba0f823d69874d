import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { createUser, grantRole } from '../admin/users.service.ts';
import { localToday } from '../../platform/i18n/index.ts';

type Json = Record<string, any>;

forEachDialect('inspection and supervision boards', (dialect) => {
  let t: TestApp;
  let token: string;
  let pleiku: string;
  let villages: string[];
  const call = async (method: string, path: string, body?: unknown, bearer = token) => {
    const r = await t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Json };
  };
  const members = () => villages.map((v, i) => ({ name: `Thành viên ${i + 1}`, role: i === 0 ? 'head' : i < 3 ? 'deputy' : 'member', villageId: v }));

  before(async () => {
    t = await createTestApp(dialect);
    token = await t.token('demo.commune');
    const units = (await (await t.app.request('/api/v1/units?q=pleiku', { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string; code: string }[] };
    pleiku = units.items.find((u) => u.code === '23575')!.id;
    villages = (await t.db.selectFrom('units').select('id').where('parent_id', '=', pleiku).where('kind', '=', 'village').orderBy('full_name').execute()).map((v) => v.id).slice(0, 5);
    const u = await createUser(t.db, SYSTEM_ACTOR, { username: 'test.board', displayName: 'Thành viên Ban TTND', password: TEST_PASSWORD });
    assert.ok(u.ok);
    await grantRole(t.db, SYSTEM_ACTOR, { userId: u.value, role: 'board-member', unitId: pleiku, includeDescendants: false });
  });
  after(() => t.close());

  test('composition rules are enforced and named (LDC Art. 36, 37, 41; NĐ 59/2023 Art. 13(2) "bằng số thôn, tổ dân phố")', async () => {
    const few = await call('POST', '/boards', { kind: 'inspection', unitId: pleiku, termStart: '2026-01-01', members: members().slice(0, 4) });
    assert.equal(few.status, 400);
    assert.match(few.body.error.fields.members, /bằng số thôn, tổ dân phố.*Điều 13 khoản 2 Nghị định 59\/2023\/NĐ-CP/);
    // NĐ 59/2023 Art. 13(2): with 05 villages the board has exactly 05 members, not 06.
    const many = await call('POST', '/boards', { kind: 'inspection', unitId: pleiku, termStart: '2026-01-01', members: [...members(), { name: 'Thành viên thêm', role: 'member', villageId: villages[0] }] });
    assert.equal(many.status, 400);
    assert.match(many.body.error.fields.members, /bằng số thôn, tổ dân phố/);
    const deputies = await call('POST', '/boards', { kind: 'inspection', unitId: pleiku, termStart: '2026-01-01', members: members().map((m, i) => ({ ...m, role: i === 0 ? 'head' : 'deputy' })) });
    assert.match(JSON.stringify(deputies.body.error.fields), /Không quá 02 Phó Trưởng ban/);
    const official = await call('POST', '/boards', { kind: 'inspection', unitId: pleiku, termStart: '2026-01-01', members: members().map((m, i) => ({ ...m, isUnitOfficial: i === 4 })) });
    assert.match(official.body.error.fields.members, /Điều 37/);
    const supervision = await call('POST', '/boards', { kind: 'investment-supervision', unitId: pleiku, projectTitle: 'Đường tổ 3', termStart: '2026-01-01', members: members().slice(0, 4) });
    assert.match(supervision.body.error.fields.members, /Ít nhất 05 thành viên/);
    const bad = await call('POST', '/boards', { kind: 'club', unitId: pleiku, members: [] });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.kind && bad.body.error.fields.termStart);
  });

  test('a board member logs a recommendation; the answer is due in 15 days and the commune is notified and sees the clock', async () => {
    const board = await call('POST', '/boards', { kind: 'inspection', unitId: pleiku, termStart: '2026-01-01', members: members() });
    assert.equal(board.status, 201, JSON.stringify(board.body));
    const member = await t.token('test.board');
    const rec = await call('POST', `/boards/${board.body.id}/recommendations`, { to: 'Chủ tịch UBND phường', text: 'Công khai dự toán chợ', sentOn: '2026-11-20' }, member);
    assert.equal(rec.status, 201);
    assert.equal(rec.body.answerDue, '2026-12-07', '15 days end on Saturday 05/12 and roll to Monday');
    const head = await t.db.selectFrom('users').select('id').where('username', '=', 'demo.commune.head').executeTakeFirstOrThrow();
    const notes = await t.db.selectFrom('notifications').select(['title', 'link']).where('user_id', '=', head.id).execute();
    assert.ok(notes.some((n) => n.link === `/boards/${board.body.id}` && /07\/12\/2026/.test(n.title)));
    const page = await (await (await t.as('demo.commune')).get(`/boards/${board.body.id}`)).text();
    assert.match(page, /07\/12\/2026/);
    const detail = await call('GET', `/boards/${board.body.id}`);
    assert.equal(detail.body.recommendations[0].answerDue, '2026-12-07');
    const answered = await call('POST', `/board-recommendations/${rec.body.id}/answer`, { answeredOn: '2026-12-01', answer: 'Đã niêm yết' });
    assert.equal(answered.status, 200);
    assert.equal((await call('POST', `/boards/${board.body.id}/recommendations`, { to: 'X', text: 'Y', sentOn: '2026-11-20' }, await t.token('demo.department'))).status, 403);
    const inspection = await call('POST', `/boards/${board.body.id}/activities`, { kind: 'inspection', heldOn: '2026-11-27', noticeOn: '2026-11-25', text: 'Kiểm tra chợ' }, member);
    assert.equal(inspection.status, 400);
    assert.match(inspection.body.error.fields.noticeOn, /05 ngày làm việc/);
  });

  test('a supervision board: 45-day investor notice before visits, suspension request, dissolution', async () => {
    const b = await call('POST', '/boards', { kind: 'investment-supervision', unitId: pleiku, projectTitle: 'Nhà văn hóa tổ 2', termStart: '2026-01-01', investorNotifiedOn: '2026-10-01', members: members() });
    assert.equal(b.status, 201, JSON.stringify(b.body));
    assert.equal((await call('POST', `/boards/${b.body.id}/activities`, { kind: 'visit', heldOn: '2026-11-01', text: 'Giám sát' })).status, 400);
    assert.equal((await call('POST', `/boards/${b.body.id}/activities`, { kind: 'visit', heldOn: '2026-11-15', text: 'Giám sát móng' })).status, 201);
    assert.equal((await call('POST', `/boards/${b.body.id}/recommendations`, { to: 'Chủ đầu tư', text: 'Tạm dừng đổ bê tông', sentOn: '2026-11-16', kind: 'suspension' })).status, 201);
    assert.equal((await call('POST', `/boards/${b.body.id}/dissolution`, { on: '2026-12-31' })).status, 200);
    assert.equal((await call('POST', `/boards/${b.body.id}/activities`, { kind: 'finding', heldOn: '2027-01-02', text: 'x' })).status, 400);
    const agent = await t.as('demo.commune');
    assert.equal((await agent.get('/boards')).status, 200);
    const form = await agent.post('/boards/new', { kind: 'inspection', unitId: pleiku, termStart: '01/01/2026', projectTitle: '', investorNotifiedOn: '', members: 'Nguyễn A; trưởng ban; Tổ dân phố 1\nTrần B; phó; Tổ dân phố 2' });
    assert.equal(form.status, 400);
    assert.match(await form.text(), /Điều 36 khoản 1/);
  });

  test('a supervision visit carries photos (JPG/PNG by content); a by-election seats the member elected in the vacant seat (Art. 36(2))', async () => {
    const b = await call('POST', '/boards', { kind: 'investment-supervision', unitId: pleiku, projectTitle: 'Mương thoát nước tổ 5', termStart: '2026-01-01', investorNotifiedOn: '2026-09-01', members: members() });
    assert.equal(b.status, 201);
    const agent = await t.as('demo.commune');
    const csrf = await agent.csrf();
    const form = (photo: File) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries({ _csrf: csrf, kind: 'visit', heldOn: '20/11/2026', noticeOn: '', text: 'Giám sát đổ bê tông mương' })) fd.append(k, v);
      fd.append('photos', photo);
      return fd;
    };
    const png = new File([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], 'hien-truong.png', { type: 'image/png' });
    const fake = new File([Buffer.from('not an image')], 'anh.jpg', { type: 'image/jpeg' });
    const bad = await agent.request(`/boards/${b.body.id}/activities`, { method: 'POST', body: form(fake) });
    assert.equal(bad.status, 400);
    assert.equal((await t.db.selectFrom('board_activities').select('id').where('board_id', '=', b.body.id).execute()).length, 0, 'nothing kept when a photo is refused');
    const res = await agent.request(`/boards/${b.body.id}/activities`, { method: 'POST', body: form(png) });
    assert.equal(res.status, 303, (await res.clone().text()).slice(0, 300));
    const page = await (await agent.get(`/boards/${b.body.id}`)).text();
    const link = /href="(\/boards\/[^"]+\/photos\/[^"]+)"/.exec(page);
    assert.ok(link, 'the photo is linked from the activity');
    const photo = await agent.get(link![1]);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get('content-type'), 'image/png');
    assert.equal((await (await t.as('demo.department')).get(link![1])).status, 403);

    const board = await call('POST', '/boards', { kind: 'inspection', unitId: pleiku, termStart: '2026-01-01', members: members() });
    const leaving = await t.db.selectFrom('board_members').select(['id', 'village_id']).where('board_id', '=', board.body.id).where('role', '=', 'member').orderBy('name').executeTakeFirstOrThrow();
    const noName = await call('POST', `/boards/${board.body.id}/activities`, { kind: 'by-election', heldOn: '2026-11-20', text: 'Bầu bổ sung' });
    assert.equal(noName.status, 400);
    assert.ok(noName.body.error.fields.memberName);
    const late = await call('POST', `/boards/${board.body.id}/activities`, { kind: 'by-election', heldOn: '2030-08-01', text: 'Bầu bổ sung', memberName: 'Ksor H\'Bia', replacesMemberId: leaving.id });
    assert.match(late.body.error.fields.heldOn, /ít nhất 06 tháng/);
    const ok = await call('POST', `/boards/${board.body.id}/activities`, { kind: 'by-election', heldOn: '2026-11-20', text: 'Bầu bổ sung', memberName: 'Ksor H\'Bia', replacesMemberId: leaving.id });
    assert.equal(ok.status, 201);
    const before = await (await agent.get(`/boards/${board.body.id}`)).text();
    assert.match(before, /Chưa có kế hoạch quý/);
    assert.equal((await call('POST', `/boards/${board.body.id}/activities`, { kind: 'plan', heldOn: localToday(), text: 'Kế hoạch kiểm tra quý này' })).status, 201);
    assert.match(await (await agent.get(`/boards/${board.body.id}`)).text(), /Có kế hoạch quý/);
    const seats = await t.db.selectFrom('board_members').selectAll().where('board_id', '=', board.body.id).execute();
    assert.equal(seats.find((m) => m.id === leaving.id)?.to_on, '2026-11-20');
    const seated = seats.find((m) => m.name === 'Ksor H\'Bia');
    assert.deepEqual([seated?.from_on, seated?.village_id], ['2026-11-20', leaving.village_id]);
  });
});
