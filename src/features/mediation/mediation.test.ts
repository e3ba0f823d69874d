import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';

type Json = Record<string, any>;

forEachDialect('grassroots mediation', (dialect) => {
  let t: TestApp;
  let token: string;
  let village: string;
  const call = async (method: string, path: string, body?: unknown, bearer = token) => {
    const r = await t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Json };
  };
  before(async () => {
    t = await createTestApp(dialect);
    token = await t.token('demo.commune');
    village = (await t.db.selectFrom('units').select('id').where('full_name', '=', 'Tổ dân phố 4').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  test('a team without a woman or an ethnic-minority mediator is flagged (Art. 12(1))', async () => {
    const r = await call('POST', '/mediation-teams', { villageId: village, name: 'Tổ hòa giải TDP 4', ethnicMinorityArea: true, mediators: [{ name: 'Rơ Châm A', gender: 'male' }, { name: 'Nguyễn B', gender: 'male' }] });
    assert.equal(r.status, 201);
    assert.deepEqual(r.body.gaps, ['size', 'woman', 'ethnicMinority']);
    const bad = await call('POST', '/mediation-teams', { villageId: village, name: '', mediators: [{ name: 'X', gender: 'other' }] });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.fields['mediators.0.gender'], /không hợp lệ/);
    const noName = await call('POST', '/mediation-teams', { villageId: village, name: ' ' });
    assert.match(noName.body.error.fields.name, /bắt buộc/);
  });

  test('a case starts within 3 days of assignment; outcome with the settlement record; logbook page', async () => {
    const team = await call('POST', '/mediation-teams', { villageId: village, name: 'Tổ hòa giải số 2', mediators: [{ name: 'Lê Thị C', gender: 'female' }, { name: 'A', gender: 'male' }, { name: 'B', gender: 'male', isLeader: true }] });
    assert.deepEqual(team.body.gaps, []);
    const c = await call('POST', '/mediation-cases', { teamId: team.body.id, assignedOn: '2026-11-20', parties: ['Hộ ông D', { name: 'Hộ bà E' }], summary: 'Tranh chấp lối đi chung' });
    assert.equal(c.status, 201);
    assert.equal(c.body.startDue, '2026-11-23');
    assert.equal((await call('POST', `/mediation-cases/${c.body.id}/sessions`, { heldOn: '2026-11-22', note: 'Hai bên trình bày' })).status, 201);
    const out = await call('POST', `/mediation-cases/${c.body.id}/outcome`, { result: 'settled', record: { agreement: 'Mở lối đi rộng 1,5 m', performance: 'Trước 31/12/2026' } });
    assert.equal(out.status, 200);
    assert.equal((await call('POST', `/mediation-cases/${c.body.id}/outcome`, { result: 'stopped' })).status, 400);
    const wrong = await call('POST', '/mediation-cases', { teamId: team.body.id, assignedOn: '31/02/2026', parties: [], summary: 'x' });
    assert.equal(wrong.status, 400);
    assert.ok(wrong.body.error.fields.assignedOn && wrong.body.error.fields.parties);
    const agent = await t.as('demo.commune');
    const page = await (await agent.get(`/mediation/cases/${c.body.id}`)).text();
    assert.match(page, /Mở lối đi rộng 1,5 m/);
    assert.match(await (await agent.get('/mediation')).text(), /Sổ theo dõi hoạt động hòa giải ở cơ sở/);
    const opened = await agent.post(`/mediation/teams/${team.body.id}/cases`, { parties: 'Ông F, Bà G', summary: 'Tiếng ồn', assignedOn: '24/11/2026' });
    assert.equal(opened.status, 303);
    assert.equal((await agent.post(`/mediation/teams/${team.body.id}/cases`, { parties: '', summary: '', assignedOn: 'x' })).status, 400);
    assert.equal((await (await t.as('demo.department')).get(`/mediation/teams/${team.body.id}`)).status, 403);
  });

  test('mediators are elected with more than half of ALL households (Art. 8); the settlement record of Art. 24(2) prints', async () => {
    const r = await call('POST', '/mediation-teams', { villageId: village, name: 'Tổ hòa giải số 3', mediators: [{ name: 'Lê Thị H', gender: 'female', electionVotes: 20, electionHouseholds: 40 }] });
    assert.equal(r.status, 400);
    assert.match(r.body.error.fields['mediators.0.electionVotes'], /trên 50% tổng số đại diện hộ gia đình.*Điều 8/);
    const half = await call('POST', '/mediation-teams', { villageId: village, name: 'Tổ hòa giải số 3', mediators: [{ name: 'Lê Thị H', gender: 'female', electionVotes: 20 }] });
    assert.ok(half.body.error.fields.electionHouseholds || half.body.error.fields['mediators.0.electionHouseholds']);
    const team = await call('POST', '/mediation-teams', { villageId: village, name: 'Tổ hòa giải số 3', mediators: [{ name: 'Lê Thị H', gender: 'female', isLeader: true, electionVotes: 21, electionHouseholds: 40 }] });
    assert.equal(team.status, 201);
    const agent = await t.as('demo.commune');
    const refused = await agent.post(`/mediation/teams/${team.body.id}/mediators`, { name: 'Nguyễn K', gender: 'male', ethnicMinority: '', recognizedOn: '', electionVotes: '20', electionHouseholds: '40' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /value="20"/);
    assert.equal((await agent.post(`/mediation/teams/${team.body.id}/mediators`, { name: 'Nguyễn K', gender: 'male', ethnicMinority: '', recognizedOn: '', electionVotes: '21', electionHouseholds: '40' })).status, 303);
    assert.match(await (await agent.get(`/mediation/teams/${team.body.id}`)).text(), /21\/40 hộ đồng ý/);
    const c = await call('POST', '/mediation-cases', { teamId: team.body.id, assignedOn: '2026-11-20', parties: ['Ông M', 'Bà N'], summary: 'Tranh chấp cây ranh giới' });
    assert.equal((await agent.post(`/mediation/cases/${c.body.id}/outcome`, { result: 'not-settled', basis: '', facts: '', course: '', agreement: 'x', obligations: '', performance: '' })).status, 400);
    assert.equal((await agent.post(`/mediation/cases/${c.body.id}/outcome`, { result: 'settled', basis: 'Yêu cầu của hai bên', facts: '', course: 'Một buổi hòa giải', agreement: 'Chặt bỏ cây, chia đôi gỗ', obligations: 'Ông M chịu chi phí', performance: 'Trong 15 ngày' })).status, 303);
    const rec = await (await agent.get(`/mediation/cases/${c.body.id}/record`)).text();
    assert.match(rec, /VĂN BẢN HÒA GIẢI THÀNH/);
    assert.match(rec, /Ông M; Bà N/);
    assert.match(rec, /Ông M chịu chi phí/);
    assert.match(rec, /Hòa giải viên: Lê Thị H/);
  });
});
