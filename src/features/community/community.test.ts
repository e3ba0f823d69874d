import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR, verifyChain } from '../../platform/audit/index.ts';
import { createUnit } from '../units/units.service.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { addDays } from '../../domain/democracy/index.ts';
import { currentVersion } from '../../../test/helpers/concurrency.ts';

type Json = Record<string, any>;

forEachDialect('community decisions', (dialect) => {
  let t: TestApp;
  let token: string;
  let villages: { id: string; fullName: string }[];
  const call = async (method: string, path: string, body?: unknown, bearer = token, type = 'application/json') => {
    // A client tallies what it has read: the decision's current version (concurrency itself: concurrency.test.ts).
    if (path.endsWith('/tally') && body && typeof body === 'object' && !('lockVersion' in body)) body = { ...body, lockVersion: await currentVersion(t.db, 'community_decisions', path.split('/')[2]) };
    const r = await t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': type }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Json };
  };
  const households = (n: number, addedOn = '2026-01-05') => Array.from({ length: n }, (_, i) => ({ representative: `Nguyễn Văn ${i + 1}`, addedOn }));
  const decision = async (villageId: string, matter: string, form: string, extra: Json = {}) => call('POST', '/community-decisions', { villageId, matter, form, question: `Thử ${matter} ${form}`, ...extra });

  before(async () => {
    t = await createTestApp(dialect);
    token = await t.token('demo.commune');
    const r = await t.app.request('/api/v1/units?q=to+dan+pho&kind=village', { headers: { authorization: `Bearer ${token}` } });
    villages = ((await r.json()) as { items: { id: string; fullName: string }[] }).items.filter((v) => /^Tổ dân phố [1-5]$/.test(v.fullName));
    assert.equal(villages.length, 5);
    const parentId = (await t.db.selectFrom('units').select('parent_id').where('id', '=', villages[0].id).executeTakeFirstOrThrow()).parent_id;
    const fresh = [];
    for (const name of ['Tổ dân phố Thử A', 'Tổ dân phố Thử B', 'Tổ dân phố Thử C']) {
      const r = await createUnit(t.db, SYSTEM_ACTOR, { name, fullName: name, kind: 'village', communeType: null, code: null, parentId, validFrom: '2025-07-01' });
      assert.ok(r.ok);
      fresh.push({ id: r.value, fullName: name });
    }
    villages = fresh;
  });
  after(() => t.close());

  test('households are added by JSON and CSV and counted on any date', async () => {
    const v = villages[0].id;
    const a = await call('POST', `/villages/${v}/households`, households(88));
    assert.equal(a.status, 201);
    assert.equal(a.body.count, 88);
    const csv = await call('POST', `/villages/${v}/households`, 'representative,address\r\n"Trần Thị B","Tổ 1, Pleiku"\r\nLê Văn C,\r\n', token, 'text/csv');
    assert.equal(csv.status, 201);
    assert.equal(csv.body.count, 90);
    assert.equal((await call('GET', `/villages/${v}/households/count?at=2026-01-04`)).body.count, 0);
    assert.equal((await call('GET', `/villages/${v}/households/count?at=2026-01-05`)).body.count, 88);
    const bad = await call('POST', `/villages/${v}/households`, [{ address: 'x' }]);
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.fields['0.representative'], /bắt buộc/);
    const badCsv = await call('POST', `/villages/${v}/households`, 'name\r\nA\r\n', token, 'text/csv');
    assert.equal(badCsv.status, 400);
    assert.match(badCsv.body.error.fields.representative, /representative/);
    assert.equal((await call('GET', `/villages/${v}/households/count?at=2026-13-01`)).status, 400);
  });

  test('in a village of 90 households a contribution passes with 60 yes and fails with 59 (Art. 21(1))', async () => {
    const v = villages[0].id;
    for (const [yes, passed] of [[60, true], [59, false]] as const) {
      const d = await decision(v, 'contribution', 'ballot');
      assert.equal(d.status, 201, JSON.stringify(d.body));
      assert.equal((await call('POST', `/community-decisions/${d.body.id}/tally`, { yes, no: 90 - yes, other: 0 })).status, 200);
      const c = await call('POST', `/community-decisions/${d.body.id}/close`);
      assert.equal(c.status, 200);
      assert.equal(c.body.passed, passed);
      assert.equal(c.body.totalHouseholds, 90);
      assert.equal(c.body.rule, 'ldc.21.1.a');
      assert.match(c.body.recordDue, /^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('an "other" decision fails with 45 and passes with 46', async () => {
    const v = villages[0].id;
    for (const [yes, passed] of [[45, false], [46, true]] as const) {
      const d = await decision(v, 'other', 'meeting');
      await call('POST', `/community-decisions/${d.body.id}/tally`, { householdsPresent: 80, yes, no: 80 - yes, other: 0 });
      const c = await call('POST', `/community-decisions/${d.body.id}/close`);
      assert.equal(c.body.passed, passed);
      assert.equal(c.body.ballotOffered, false);
    }
  });

  test('a village convention cannot be decided online; online "other" needs >50% opted in', async () => {
    const v = villages[0].id;
    const conv = await decision(v, 'convention', 'online');
    assert.equal(conv.status, 400);
    assert.match(conv.body.error.fields.form, /Điều 17 khoản 3/);
    const ballot = await decision(v, 'village-head', 'ballot');
    assert.match(ballot.body.error.fields.form, /Điều 17 khoản 2/);
    const online = await decision(v, 'other', 'online');
    assert.equal(online.status, 400);
    assert.match(online.body.error.fields.form, /Điều 5 khoản 2 Nghị định 59\/2023/);
    const bad = await call('POST', '/community-decisions', { villageId: v, matter: 'lottery', form: 'meeting' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.matter && bad.body.error.fields.question);
  });

  test('a meeting short of the threshold offers the household ballot (Art. 19(1)(b))', async () => {
    const d = await decision(villages[0].id, 'contribution', 'meeting');
    await call('POST', `/community-decisions/${d.body.id}/tally`, { householdsPresent: 50, yes: 50, no: 0, other: 0 });
    const c = await call('POST', `/community-decisions/${d.body.id}/close`);
    assert.equal(c.body.passed, false);
    assert.equal(c.body.ballotOffered, true);
    assert.equal(c.body.recordDue, null);
    const head = await t.as('demo.commune');
    const page = await (await head.get(`/community/decisions/${d.body.id}`)).text();
    assert.match(page, /phát phiếu lấy ý kiến hộ gia đình \(Điều 19 khoản 1 điểm b\)/);
    const r = await head.post(`/community/decisions/${d.body.id}/ballot`, { voteOn: '' });
    assert.equal(r.status, 303);
    const next = await t.db.selectFrom('community_decisions').selectAll().where('follows_id', '=', d.body.id).executeTakeFirstOrThrow();
    assert.equal(next.form, 'ballot');
  });

  test('a citizen initiative needs 10% of households; tally cannot exceed households', async () => {
    const v = villages[0].id;
    const few = await decision(v, 'other', 'meeting', { proposer: 'citizen-initiative', initiativeSupporters: 8, initiativeAgreedOn: addDays(localToday(), -10) });
    assert.equal(few.status, 400);
    assert.match(few.body.error.fields.initiativeSupporters, /Điều 16 khoản 2/);
    const ok = await decision(v, 'other', 'meeting', { proposer: 'citizen-initiative', initiativeSupporters: 9, initiativeAgreedOn: addDays(localToday(), -10) });
    assert.equal(ok.status, 201);
    const over = await call('POST', `/community-decisions/${ok.body.id}/tally`, { householdsPresent: 91, yes: 1, no: 0, other: 0 });
    assert.equal(over.status, 400);
    assert.ok(over.body.error.fields.householdsPresent);
  });

  test('pages: village head flow by form, printable record, commune recognition; others refused', async () => {
    const agent = await t.as('demo.commune');
    const v = villages[1].id;
    assert.equal((await agent.post(`/community/villages/${v}/import`, { csv: 'representative\nA\nB\nC\n' })).status, 303);
    assert.equal((await agent.post(`/community/villages/${v}/households`, { representative: '', address: '', addedOn: '' })).status, 400);
    const conv = { question: 'Hương ước tổ dân phố', matter: 'convention', form: 'meeting', proposer: 'village-head', initiativeSupporters: '', initiativeAgreedOn: '', noticeOn: '', voteOn: '' };
    const daysAgo = (n: number) => formatDate(addDays(localToday(), -n));
    const unposted = await agent.post(`/community/villages/${v}/decisions/new`, conv);
    assert.equal(unposted.status, 400, 'a draft convention is posted first (NĐ 61 Art. 9)');
    assert.match(await unposted.text(), /niêm yết ít nhất 30 ngày/);
    assert.equal((await agent.post(`/community/villages/${v}/decisions/new`, { ...conv, noticeOn: daysAgo(29) })).status, 400, '29 days of posting');
    const created = await agent.post(`/community/villages/${v}/decisions/new`, { ...conv, noticeOn: daysAgo(30) });
    assert.equal(created.status, 303);
    const id = created.headers.get('location')!.split('/').pop()!;
    const lockVersion = String(await currentVersion(t.db, 'community_decisions', id));
    assert.equal((await agent.post(`/community/decisions/${id}/tally`, { householdsPresent: '3', yes: '5', no: '0', other: '0', lockVersion })).status, 400);
    assert.equal((await agent.post(`/community/decisions/${id}/tally`, { householdsPresent: '3', yes: '2', no: '1', other: '0', lockVersion })).status, 303);
    assert.equal((await agent.post(`/community/decisions/${id}/close`, {})).status, 303);
    const page = await (await agent.get(`/community/decisions/${id}`)).text();
    assert.match(page, /Được thông qua: 2\/3 hộ đồng ý/);
    const minutes = await (await agent.get(`/community/decisions/${id}/minutes`)).text();
    assert.match(minutes, /Tổng số hộ gia đình: 3; số đại diện hộ tham dự: 3; số hộ vắng mặt: 0/);
    const head = await t.as('demo.commune.head');
    assert.equal((await head.post(`/community/decisions/${id}/recognition`, { decision: 'recognized', receivedOn: '', note: '' })).status, 303);
    assert.equal((await t.db.selectFrom('community_decisions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'recognized');
    const outsider = await t.as('demo.department');
    assert.equal((await outsider.get(`/community/villages/${v}`)).status, 403);
    assert.equal((await outsider.post(`/community/villages/${v}/households`, { representative: 'X' })).status, 403);
    assert.deepEqual((await verifyChain(t.db)).ok, true);
  });

  test('online voting for item 6 after more than half opted in: one vote per opted-in household', async () => {
    const v = villages[2].id;
    assert.equal((await call('POST', `/villages/${v}/households`, households(4, '2026-01-05'))).body.count, 4);
    const hs = await t.db.selectFrom('households').select('id').where('village_id', '=', v).orderBy('representative').execute();
    const agent = await t.as('demo.commune');
    assert.equal((await decision(v, 'other', 'online')).status, 400, 'nobody opted in yet');
    for (const h of hs.slice(0, 3)) assert.equal((await agent.post(`/community/households/${h.id}/opt-in`, {})).status, 303);
    const d = await decision(v, 'other', 'online');
    assert.equal(d.status, 201);
    for (const h of hs.slice(0, 3)) assert.equal((await call('POST', `/community-decisions/${d.body.id}/online-votes`, { householdId: h.id, choice: 'yes' })).status, 201);
    const again = await call('POST', `/community-decisions/${d.body.id}/online-votes`, { householdId: hs[0].id, choice: 'no' });
    assert.match(again.body.error.fields.householdId, /đã biểu quyết/);
    const notIn = await call('POST', `/community-decisions/${d.body.id}/online-votes`, { householdId: hs[3].id, choice: 'no' });
    assert.match(notIn.body.error.fields.householdId, /chưa đăng ký/);
    const c = await call('POST', `/community-decisions/${d.body.id}/close`);
    assert.deepEqual([c.body.passed, c.body.yes, c.body.totalHouseholds], [true, 3, 4]);
  });

  test('commune-wide items 1–2 pass with two-thirds of ALL villages (Art. 21(1)); a short meeting blocks the count until its ballot', async () => {
    const admin = await t.token('demo.admin');
    const province = (await t.db.selectFrom('units').select('parent_id').where('id', '=', (await t.db.selectFrom('units').select('parent_id').where('id', '=', villages[0].id).executeTakeFirstOrThrow()).parent_id!).executeTakeFirstOrThrow()).parent_id;
    const commune = await createUnit(t.db, SYSTEM_ACTOR, { name: 'Thử Nghiệm', fullName: 'Xã Thử Nghiệm', kind: 'commune-committee', communeType: 'xa', code: null, parentId: province, validFrom: '2025-07-01' });
    assert.ok(commune.ok);
    const vs: string[] = [];
    for (const [name, n] of [['Thôn Một', 9], ['Thôn Hai', 6], ['Thôn Ba', 3]] as const) {
      const r = await createUnit(t.db, SYSTEM_ACTOR, { name, fullName: name, kind: 'village', communeType: null, code: null, parentId: commune.value, validFrom: '2025-07-01' });
      assert.ok(r.ok);
      vs.push(r.value);
      assert.equal((await call('POST', `/villages/${r.value}/households`, households(n), admin)).status, 201);
    }
    const other = await call('POST', '/commune-decisions', { communeId: commune.value, matter: 'other', form: 'meeting', question: 'Giờ tắt loa' }, admin);
    assert.equal(other.status, 400);
    assert.match(other.body.error.fields.matter, /khoản 1, 2 Điều 15.*Điều 16 khoản 1/);
    const online = await call('POST', '/commune-decisions', { communeId: commune.value, matter: 'funds', form: 'online', question: 'Quỹ' }, admin);
    assert.match(online.body.error.fields.form, /Điều 19 khoản 1 điểm a/);
    assert.equal((await call('POST', '/commune-decisions', { communeId: commune.value, matter: 'contribution', form: 'meeting', question: 'x' })).status, 403, 'a ward officer has no grant on this commune');

    const open = async () => {
      const r = await call('POST', '/commune-decisions', { communeId: commune.value, matter: 'contribution', form: 'meeting', question: 'Đóng góp bê tông hóa đường liên thôn' }, admin);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.parts.length, 3);
      return { id: r.body.id as string, part: (v: string) => r.body.parts.find((p: Json) => p.villageId === v).decisionId as string };
    };
    const vote = async (id: string, present: number, yes: number) => {
      assert.equal((await call('POST', `/community-decisions/${id}/tally`, { householdsPresent: present, yes, no: present - yes, other: 0 }, admin)).status, 200);
      return (await call('POST', `/community-decisions/${id}/close`, undefined, admin)).body;
    };
    const a = await open();
    assert.equal((await vote(a.part(vs[0]), 9, 6)).passed, true, '6 of 9 households = 2/3');
    assert.equal((await vote(a.part(vs[1]), 6, 3)).passed, false);
    assert.equal((await vote(a.part(vs[2]), 3, 2)).passed, true);
    const failed = await call('POST', `/commune-decisions/${a.id}/close`, undefined, admin);
    assert.equal(failed.status, 200);
    assert.deepEqual([failed.body.passed, failed.body.villagesApproving, failed.body.totalVillages, failed.body.required, failed.body.rule], [true, 2, 3, 2, 'ldc.21.1.a.xa']);

    const b = await open();
    assert.equal((await vote(b.part(vs[0]), 9, 5)).passed, false, '5 of 9 < 2/3');
    assert.equal((await vote(b.part(vs[1]), 6, 4)).passed, true);
    const short = await vote(b.part(vs[2]), 1, 1);
    assert.equal(short.ballotOffered, true);
    const pending = await call('POST', `/commune-decisions/${b.id}/close`, {}, admin);
    assert.equal(pending.status, 400);
    assert.match(JSON.stringify(pending.body.error.fields), /chưa kết thúc biểu quyết/);
    const agent = await t.as('demo.admin');
    assert.equal((await agent.post(`/community/decisions/${b.part(vs[2])}/ballot`, { voteOn: '' })).status, 303);
    const ballot = await t.db.selectFrom('community_decisions').selectAll().where('follows_id', '=', b.part(vs[2])).executeTakeFirstOrThrow();
    assert.equal(ballot.parent_id, b.id);
    assert.equal((await call('POST', `/community-decisions/${ballot.id}/tally`, { yes: 2, no: 1, other: 0 }, admin)).status, 200);
    assert.equal((await call('POST', `/community-decisions/${ballot.id}/close`, undefined, admin)).body.passed, true);
    const page = await (await agent.get(`/community/commune-decisions/${b.id}`)).text();
    assert.match(page, /2\/3 thôn, tổ dân phố tán thành \(cần ít nhất 2\)/);
    assert.equal((await agent.post(`/community/commune-decisions/${b.id}/close`, { effectiveOn: '31/02/2026' })).status, 400);
    assert.equal((await agent.post(`/community/commune-decisions/${b.id}/close`, { effectiveOn: '' })).status, 303);
    const detail = await call('GET', `/commune-decisions/${b.id}`, undefined, admin);
    assert.deepEqual([detail.body.passed, detail.body.villagesPassed, detail.body.villagesTotal], [true, 2, 3]);
    assert.match(await (await agent.get(`/community/communes/${commune.value}`)).text(), /Đóng góp bê tông hóa đường liên thôn/);
    assert.match(await (await agent.get(`/community/decisions/${ballot.id}/ballot-sheet`)).text(), /ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM/);
    const numbers = await call('GET', '/grassroots-democracy/numbers?from=2020-01-01&to=2099-12-31', undefined, admin);
    assert.equal(numbers.status, 200);
    assert.ok(numbers.body.communeDecisionsTaken >= 2 && numbers.body.communeDecisionsPassed >= 2, JSON.stringify(numbers.body));
    assert.equal((await call('GET', '/grassroots-democracy/numbers?from=2027-01-01&to=2026-01-01', undefined, admin)).status, 400);
    assert.match(await (await agent.get('/community/numbers?from=01/01/2020&to=31/12/2099')).text(), /Nội dung phạm vi cấp xã đã tổng hợp kết quả/);
    assert.equal((await agent.get('/community/numbers?from=99/99/2020')).status, 400);
  });

  test('the ballot team (03–05) and its 2 household witnesses are recorded with the tally and printed on the count minutes (NĐ 59 Art. 4(3), 4(6))', async () => {
    const v = villages[0].id;
    const d = await decision(v, 'contribution', 'ballot');
    const two = await call('POST', `/community-decisions/${d.body.id}/tally`, { yes: 60, no: 20, other: 0, team: ['Lê A', 'Trần B'] });
    assert.equal(two.status, 400);
    assert.match(two.body.error.fields.team, /từ 03 đến 05.*Điều 4 khoản 3 Nghị định 59\/2023/);
    const oneWitness = await call('POST', `/community-decisions/${d.body.id}/tally`, { yes: 60, no: 20, other: 0, team: ['Lê A', 'Trần B', 'Rơ Mah C'], witnesses: ['Hộ D'] });
    assert.match(oneWitness.body.error.fields.witnesses, /02 đại diện hộ gia đình/);
    const ok = await call('POST', `/community-decisions/${d.body.id}/tally`, { yes: 60, no: 20, other: 0, team: ['Lê A', 'Trần B', 'Rơ Mah C'], witnesses: ['Hộ D', 'Hộ E'] });
    assert.equal(ok.status, 200);
    const agent = await t.as('demo.commune');
    const minutes = await (await agent.get(`/community/decisions/${d.body.id}/count-minutes`)).text();
    assert.match(minutes, /Mẫu số 04/);
    assert.match(minutes, /Rơ Mah C/);
    assert.match(minutes, /Số phiếu thu về: 80/);
    const meeting = await decision(v, 'other', 'meeting');
    const form = await agent.post(`/community/decisions/${meeting.body.id}/tally`, { householdsPresent: '70', yes: '50', no: '20', other: '0', secretBallot: '', team: 'A\nB\nC', witnesses: '', lockVersion: String(await currentVersion(t.db, 'community_decisions', meeting.body.id)) });
    assert.equal(form.status, 400, 'a show of hands has no vote-counting board');
    assert.match(await form.text(), /A\nB\nC<\/textarea>/);
    assert.equal((await agent.post(`/community/decisions/${meeting.body.id}/tally`, { householdsPresent: '70', yes: '50', no: '20', other: '0', secretBallot: '1', team: 'A\nB\nC', witnesses: 'D\nE', lockVersion: String(await currentVersion(t.db, 'community_decisions', meeting.body.id)) })).status, 303);
    assert.match(await (await agent.get(`/community/decisions/${meeting.body.id}`)).text(), /Ban kiểm phiếu/);
    assert.match(await (await agent.get(`/community/decisions/${meeting.body.id}/invitation`)).text(), /GIẤY MỜI HỌP CỘNG ĐỒNG DÂN CƯ/);
  });

  test('the commune records receipt of a village-head election record and sees the 5-working-day recognition clock (Art. 21(2))', async () => {
    const d = await decision(villages[0].id, 'village-head', 'meeting', { voteOn: '2026-11-20' });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    await call('POST', `/community-decisions/${d.body.id}/tally`, { householdsPresent: 80, yes: 50, no: 30, other: 0 });
    const closed = await call('POST', `/community-decisions/${d.body.id}/close`);
    assert.equal(closed.body.recordDue, '2026-11-30', '24/11 is a day off from 2026');
    const village = await call('POST', `/community-decisions/${d.body.id}/received`, { receivedOn: '2026-11-23' }, await t.token('demo.village.head'));
    assert.equal(village.status, 403);
    const r = await call('POST', `/community-decisions/${d.body.id}/received`, { receivedOn: '2026-11-23' }, await t.token('demo.commune.head'));
    assert.equal(r.status, 200);
    assert.equal(r.body.recognizeDue, '2026-12-01', 'Mon 23/11 + 5 working days, skipping 24/11');
    const head = await t.as('demo.commune.head');
    const candidates = await (await head.get(`/community/decisions/${d.body.id}/candidates`)).text();
    assert.match(candidates, /Mẫu số 05/);
    assert.match(candidates, /chậm nhất ngày 05\/11\/2026 \(ít nhất 15 ngày trước ngày bầu/);
    const early = await decision(villages[0].id, 'village-head', 'meeting', { noticeOn: '2026-12-14', voteOn: '2026-12-20' });
    assert.equal(early.status, 400);
    assert.match(early.body.error.fields.voteOn, /ít nhất 07 ngày/);
    const notice = await decision(villages[0].id, 'village-head', 'meeting', { noticeOn: '2026-12-13', voteOn: '2026-12-20' });
    assert.equal(notice.status, 201);
    assert.match(await (await head.get(`/community/decisions/${notice.body.id}`)).text(), /Danh sách người ứng cử.*chậm nhất ngày 05\/12\/2026/);
    const other = await decision(villages[0].id, 'other', 'meeting');
    assert.equal((await head.get(`/community/decisions/${other.body.id}/candidates`)).status, 404);
    const page = await (await head.get(`/community/decisions/${d.body.id}`)).text();
    assert.match(page, /chậm nhất ngày 01\/12\/2026 \(05 ngày làm việc, Điều 21 khoản 2\)/);
  });
});
