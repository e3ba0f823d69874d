import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { remindConferenceFollowUps, remindRegulationReviews } from './agency.service.ts';
import { localToday } from '../../platform/i18n/index.ts';

type Json = Record<string, any>;

forEachDialect('democracy in agencies', (dialect) => {
  let t: TestApp;
  let token: string;
  let dept: string;
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Json };
  };
  before(async () => {
    t = await createTestApp(dialect);
    token = await t.token('demo.department');
    dept = (await t.db.selectFrom('units').select('id').where('key', '=', 'body:52:tu-phap').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  test('staff conference: quorum two-thirds, resolution over half of attendees, by 31/03 (Art. 50–51)', async () => {
    const ok = await call('POST', '/staff-conferences', { unitId: dept, year: 2025, heldOn: '2026-01-20', staffTotal: 30, attendees: 20, resolutionYes: 11 });
    assert.equal(ok.status, 201);
    assert.deepEqual([ok.body.quorum, ok.body.passed, ok.body.onTime, ok.body.dueBy, ok.body.followUpDue], [true, true, true, '2026-03-31', '2026-07-20']);
    const short = await call('POST', '/staff-conferences', { unitId: dept, year: 2025, heldOn: '2026-04-02', staffTotal: 30, attendees: 19, resolutionYes: 19 });
    assert.deepEqual([short.body.quorum, short.body.passed, short.body.onTime], [false, false, false]);
    const early = await call('POST', '/staff-conferences', { unitId: dept, year: 2025, heldOn: '2025-12-20', staffTotal: 30, attendees: 30, resolutionYes: 30 });
    assert.equal(early.status, 400);
    assert.match(early.body.error.fields.heldOn, /Điều 50 khoản 1/);
    const bad = await call('POST', '/staff-conferences', { unitId: dept, year: 2025, heldOn: '2026-01-20', staffTotal: 10, attendees: 12, resolutionYes: 1 });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.attendees);
  });

  test('dialogue validity (>70% of worker representatives) and regulation review reminders', async () => {
    assert.equal((await call('POST', '/workplace-dialogues', { unitId: dept, heldOn: '2026-06-01', legalRepPresent: true, workerReps: 10, workerRepsPresent: 8 })).body.valid, true);
    assert.equal((await call('POST', '/workplace-dialogues', { unitId: dept, heldOn: '2026-06-01', legalRepPresent: true, workerReps: 10, workerRepsPresent: 7 })).body.valid, false);
    const reg = await call('POST', '/unit-regulations', { unitId: dept, kind: 'democracy', title: 'Quy chế thực hiện dân chủ', issuedOn: '2024-12-01' });
    assert.equal(reg.status, 201);
    assert.equal(reg.body.reviewDue, '2026-12-01');
    assert.ok((await remindRegulationReviews(t.db, '2026-11-25')) >= 1);
    assert.ok(await t.db.selectFrom('notifications').select('id').where('dedupe_key', '=', `regulation:${reg.body.id}:2026-12-01`).executeTakeFirst());
    assert.equal(await remindRegulationReviews(t.db, '2026-11-26'), 0, 'once per due date');
    const agent = await t.as('demo.department');
    const page = await (await agent.get('/agency-democracy')).text();
    assert.match(page, /Quy chế thực hiện dân chủ/);
    const year = localToday().slice(0, 4);
    const gaps = async () => ((await (await t.as('demo.admin')).get('/agency-democracy').then((r) => r.text())).match(new RegExp(`Chưa có đối thoại định kỳ hợp lệ năm ${year}`, 'g')) ?? []).length;
    const admin = await t.token('demo.admin');
    const other = (await t.db.selectFrom('units').select('id').where('key', '=', 'body:52:noi-vu').executeTakeFirstOrThrow()).id;
    const adminCall = (path: string, body: unknown) => t.app.request(`/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const before = await gaps();
    assert.equal((await adminCall('/unit-regulations', { unitId: other, kind: 'working', title: 'Quy chế làm việc', issuedOn: '2026-01-05' })).status, 201);
    assert.equal(await gaps(), before + 1, 'a unit on record without this year\'s dialogue is flagged (BLLĐ Art. 63(2))');
    assert.equal((await adminCall('/workplace-dialogues', { unitId: other, heldOn: localToday(), legalRepPresent: true, workerReps: 10, workerRepsPresent: 7 })).status, 201);
    assert.equal(await gaps(), before + 1, 'an invalid dialogue does not count');
    assert.equal((await adminCall('/workplace-dialogues', { unitId: other, heldOn: localToday(), legalRepPresent: true, workerReps: 10, workerRepsPresent: 8 })).status, 201);
    assert.equal(await gaps(), before);
    assert.equal((await agent.post('/agency-democracy/regulations', { unitId: dept, kind: 'spending', title: '', issuedOn: '' })).status, 400);
    assert.equal((await agent.post('/agency-democracy/regulations', { unitId: dept, kind: 'spending', title: 'Quy chế chi tiêu nội bộ', issuedOn: '01/01/2026' })).status, 303);
    assert.equal((await call('POST', `/unit-regulations/${reg.body.id}/review`, { reviewedOn: '2026-11-30' })).body.reviewDue, '2028-11-30');
  });

  test('an extraordinary conference needs the union, the head or at least a third of staff to ask (Art. 51(1))', async () => {
    const base = { unitId: dept, year: 2026, kind: 'extraordinary', heldOn: '2026-09-10', staffTotal: 30, attendees: 25, resolutionYes: 20 };
    const none = await call('POST', '/staff-conferences', base);
    assert.equal(none.status, 400);
    assert.match(none.body.error.fields.requestedBy, /1\/3.*Điều 51 khoản 1/);
    const nine = await call('POST', '/staff-conferences', { ...base, requestedBy: 'staff', requesting: 9 });
    assert.match(nine.body.error.fields.requesting, /Điều 51 khoản 1/);
    const ten = await call('POST', '/staff-conferences', { ...base, requestedBy: 'staff', requesting: 10 });
    assert.equal(ten.status, 201);
    assert.equal((await call('POST', '/staff-conferences', { ...base, requestedBy: 'union' })).status, 201);
    const row = await t.db.selectFrom('staff_conferences').selectAll().where('id', '=', ten.body.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.requested_by, row.requesting], ['staff', 10]);
    assert.equal(row.follow_up_due, '2027-03-10', 'the resolution is reviewed after 6 months (Art. 52(3))');
    assert.ok((await remindConferenceFollowUps(t.db, '2027-02-20')) >= 1);
    assert.ok(await t.db.selectFrom('notifications').select('id').where('dedupe_key', '=', `conference-follow-up:${ten.body.id}`).executeTakeFirst());
    assert.equal(await remindConferenceFollowUps(t.db, '2027-02-21'), 0, 'once per conference');
  });
});
