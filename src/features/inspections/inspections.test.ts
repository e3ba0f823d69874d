import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { createUser, grantRole } from '../admin/users.service.ts';
import { localToday } from '../../platform/i18n/index.ts';

type Json = Record<string, any>;

forEachDialect('inspections by the Department of Home Affairs', (dialect) => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let pleiku: string, tuPhap: string, noiVu: string;
  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${tok[who]}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Json, text };
  };
  const unitKey = async (key: string) => (await t.db.selectFrom('units').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;

  before(async () => {
    t = await createTestApp(dialect);
    pleiku = await unitKey('commune:23575:2025-07-01');
    tuPhap = await unitKey('body:52:tu-phap');
    noiVu = await unitKey('body:52:noi-vu');
    for (const [u, role] of [['test.inspector', 'unit-officer'], ['test.other.inspector', 'unit-officer']] as const) {
      const r = await createUser(t.db, SYSTEM_ACTOR, { username: u, displayName: u, password: TEST_PASSWORD });
      assert.ok(r.ok);
      await grantRole(t.db, SYSTEM_ACTOR, { userId: r.value, role, unitId: noiVu, includeDescendants: false });
    }
    for (const u of ['demo.coordinator', 'demo.leader', 'demo.observer', 'demo.commune', 'demo.department', 'test.inspector', 'test.other.inspector']) tok[u] = await t.token(u);
  });
  after(() => t.close());

  test('demo: this year\'s plan, two teams, six targets (three communes, three departments), one concluded with three recommendations, one overdue', async () => {
    const plans = await call('demo.coordinator', 'GET', '/inspection-plans');
    const plan = plans.body.items.find((p: Json) => p.year === Number(localToday().slice(0, 4)));
    assert.ok(plan, JSON.stringify(plans.body));
    const detail = await call('demo.coordinator', 'GET', `/inspection-plans/${plan.id}`);
    assert.equal(detail.body.teams.length, 2);
    assert.equal(detail.body.targets.length, 6);
    const kinds = await t.db.selectFrom('inspection_targets as x').innerJoin('units as u', 'u.id', 'x.unit_id').select('u.kind').where('x.plan_id', '=', plan.id).execute();
    assert.equal(kinds.filter((k) => k.kind === 'commune-committee').length, 3);
    const concluded = detail.body.targets.find((x: Json) => x.unitId === pleiku);
    const target = await call('demo.coordinator', 'GET', `/inspection-targets/${concluded.id}`);
    assert.equal(target.body.conclusion.status, 'issued');
    assert.equal(target.body.recommendations.length, 3);
    assert.equal(target.body.recommendations.filter((r: Json) => r.overdue).length, 1);
    assert.ok(target.body.findings.length >= 10);
    const work = await call('demo.commune', 'GET', '/me/work');
    assert.ok(work.body.items.some((i: Json) => i.kind === 'inspection.remediate'), 'the overdue recommendation is on the commune\'s list');
    const dept = await call('demo.department', 'GET', '/me/work');
    assert.ok(dept.body.items.some((i: Json) => i.kind === 'inspection.self-report'), 'Sở Tư pháp owes its self-report');
    const assessments = await call('demo.coordinator', 'GET', `/inspection-assessments?year=${localToday().slice(0, 4)}`);
    assert.ok(assessments.body.items.some((a: Json) => a.status === 'appraised') && assessments.body.items.some((a: Json) => a.status === 'self-assessed'));
    const portal = await (await t.agent().get('/public/inspections')).text();
    assert.match(portal, /Hoàn thành/);
    assert.match(portal, /Ngày thứ Bảy lắng nghe dân nói/);
  });

  test('the whole path by API: deadlines across Tết 2026, auto-filled criterion with override and reason, access before and after issue', async () => {
    const schemeId = (await call('demo.coordinator', 'GET', '/inspection-schemes')).body.items[0].id;
    const bad = await call('demo.coordinator', 'POST', '/inspection-plans', { year: 'x', title: '' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.title && bad.body.error.fields.reviewFrom, JSON.stringify(bad.body));
    assert.match(JSON.stringify(bad.body.error.fields), /[ắạảãơư]|Bắt buộc|bắt buộc/i);
    const plan = await call('demo.coordinator', 'POST', '/inspection-plans', { year: 2026, title: 'Kế hoạch kiểm tra thử', scope: 'both', mode: 'planned', reviewFrom: '2025-01-01', reviewTo: '2025-12-31', windowFrom: '2026-01-15', windowTo: '2026-03-31', objectives: 'Thử', contentItems: 'Nội dung 1', schemeId });
    assert.equal(plan.status, 201, plan.text);
    const planId = plan.body.value;
    const inspector = (await t.db.selectFrom('users').select('id').where('username', '=', 'test.inspector').executeTakeFirstOrThrow()).id;
    const team = await call('demo.coordinator', 'POST', `/inspection-plans/${planId}/teams`, { name: 'Đoàn A', decisionNumber: '01/QĐ-SNV', decisionDate: '2026-01-10', members: [{ name: 'Trưởng đoàn', body: 'Sở Nội vụ', role: 'leader', userId: inspector }, { name: 'Thành viên', body: 'Ủy ban MTTQ tỉnh', role: 'member' }] });
    assert.equal(team.status, 201, team.text);
    const teamB = await call('demo.coordinator', 'POST', `/inspection-plans/${planId}/teams`, { name: 'Đoàn B', decisionNumber: '02/QĐ-SNV', decisionDate: '2026-01-10', members: [{ name: 'Trưởng đoàn B', body: 'Sở Nội vụ', role: 'leader', userId: null }] });
    assert.equal((await call('demo.coordinator', 'POST', `/inspection-plans/${planId}/targets`, { unitId: pleiku, teamId: team.body.value, visitDate: '2026-04-30' })).status, 400, 'outside the window');
    const a = await call('demo.coordinator', 'POST', `/inspection-plans/${planId}/targets`, { unitId: pleiku, teamId: team.body.value, visitDate: '2026-02-05' });
    const b = await call('demo.coordinator', 'POST', `/inspection-plans/${planId}/targets`, { unitId: tuPhap, teamId: teamB.body.value, visitDate: '2026-02-24' });
    assert.equal(a.status, 201, a.text);
    // Draft plan: the unit cannot see it yet.
    assert.equal((await call('demo.commune', 'GET', `/inspection-targets/${a.body.value}`)).status, 403);
    assert.equal((await call('demo.coordinator', 'POST', `/inspection-plans/${planId}/approve`, {})).status, 403, 'the leader approves');
    assert.equal((await call('demo.coordinator', 'POST', `/inspection-plans/${planId}/submit`, {})).status, 200);
    assert.equal((await call('demo.leader', 'POST', `/inspection-plans/${planId}/approve`, {})).status, 200);
    const bView = await call('demo.department', 'GET', `/inspection-targets/${b.body.value}`);
    assert.equal(bView.status, 200, bView.text + b.text);
    assert.equal(bView.body.dates.selfReportDue, '2026-02-13', '24/02 − 7 = 17/02 is Tết: the last working day before the break');
    assert.equal(bView.body.dates.noticeDue, '2026-02-09');
    const late = await call('demo.coordinator', 'POST', `/inspection-targets/${a.body.value}/notice`, { sentOn: '2026-01-22' });
    assert.equal(late.status, 400);
    assert.match(late.body.error.fields.sentOn, /thông báo/);
    assert.equal((await call('demo.coordinator', 'POST', `/inspection-targets/${a.body.value}/notice`, { sentOn: '2026-01-20' })).status, 200);
    const sr = await call('demo.commune', 'POST', `/inspection-targets/${a.body.value}/self-report`, { report: 'Báo cáo tự kiểm tra', selfScore: 90, filedOn: '2026-01-30' });
    assert.equal(sr.status, 200);
    assert.equal(sr.body.value.late, true, 'due 29/01 (visit − 7)');
    assert.equal((await call('demo.commune', 'POST', `/inspection-targets/${b.body.value}/self-report`, { report: 'x', selfScore: 1 })).status, 403, 'another unit cannot file');
    // Findings: an auto-filled criterion shows its figures; another score needs a reason.
    const view = await call('test.inspector', 'GET', `/inspection-targets/${a.body.value}`);
    assert.equal(view.status, 200);
    const tc10 = view.body.autoFill.TC9;
    assert.ok(tc10 && tc10.figures[0].code === 'tcd.days' && tc10.target > 40 && tc10.from === '2025-01-01' && tc10.to === '2025-12-31', JSON.stringify(view.body.autoFill.TC9));
    const page = await (await t.as('test.inspector')).get(`/inspection-targets/${a.body.value}`);
    assert.match(await page.text(), /data-testid="auto-TC9"[^>]*>Số liệu Coso từ 01\/01\/2025 đến 31\/12\/2025: Ngày tiếp công dân định kỳ của người đứng đầu = \d+; chỉ tiêu \d+/);
    const other = tc10.points >= 10 ? 5 : 10;
    const items = [{ code: 'TC9', result: 'partly', points: other }, { code: 'TC1', result: 'met' }, { code: 'TC6', result: 'not_met', note: 'Chưa niêm yết' }];
    const noReason = await call('test.inspector', 'POST', `/inspection-targets/${a.body.value}/findings`, { visitedOn: '2026-02-05', items });
    assert.equal(noReason.status, 400);
    assert.match(noReason.body.error.fields['overrideReason.TC9'], /lý do/);
    assert.equal((await call('test.other.inspector', 'POST', `/inspection-targets/${a.body.value}/findings`, { visitedOn: '2026-02-05', items })).status, 403, 'not on this team');
    items[0] = { ...items[0], overrideReason: 'Báo cáo quý III gửi muộn ngoài hệ thống' } as never;
    assert.equal((await call('test.inspector', 'POST', `/inspection-targets/${a.body.value}/findings`, { visitedOn: '2026-02-05', items })).status, 200);
    const saved = (await call('demo.coordinator', 'GET', `/inspection-targets/${a.body.value}`)).body;
    const f10 = saved.findings.find((f: Json) => f.code === 'TC9');
    assert.equal(f10.points, other);
    assert.equal(f10.autoPoints, tc10.points, 'both the computed and the given points are kept');
    assert.equal(f10.overrideReason, 'Báo cáo quý III gửi muộn ngoài hệ thống');
    assert.equal(saved.dates.conclusionDue, '2026-02-23', '05/02 + 15 = 20/02 (Tết) rolls to Monday 23/02');
    // Before the conclusion is issued: another unit and observers do not see the findings (page, API, export).
    const dept = await t.as('demo.department');
    assert.equal((await dept.get(`/inspection-targets/${a.body.value}`)).status, 403);
    assert.equal((await call('demo.department', 'GET', `/inspection-targets/${a.body.value}`)).status, 403);
    assert.equal((await dept.get(`/inspection-targets/${a.body.value}/minutes.docx`)).status, 403);
    assert.equal((await call('demo.department', 'GET', `/inspection-targets/${a.body.value}/minutes.docx`)).status, 403);
    const obs = await call('demo.observer', 'GET', `/inspection-targets/${a.body.value}`);
    assert.equal(obs.status, 200);
    assert.equal(obs.body.findings, null);
    assert.equal((await call('demo.observer', 'GET', `/inspection-targets/${a.body.value}/minutes.docx`)).status, 403);
    const obsPage = await (await (await t.as('demo.observer')).get(`/inspection-targets/${a.body.value}`)).text();
    assert.doesNotMatch(obsPage, /Chưa niêm yết/);
    // The unit reads its own findings and downloads the minutes.
    const minutes = await (await t.as('demo.commune')).get(`/inspection-targets/${a.body.value}/minutes.docx`);
    assert.equal(minutes.status, 200);
    assert.match(minutes.headers.get('content-type') ?? '', /wordprocessingml/);
    assert.equal(Buffer.from(await minutes.arrayBuffer()).subarray(0, 2).toString(), 'PK');
    assert.equal((await call('demo.commune', 'POST', `/inspection-targets/${a.body.value}/explanation`, { explanation: 'Đã niêm yết bổ sung' })).status, 200);
    assert.equal((await call('demo.coordinator', 'POST', `/inspection-targets/${a.body.value}/conclusion`, { strengths: 'Ưu điểm riêng', limitations: 'Hạn chế riêng', goodModels: 'Mô hình thử' })).status, 200);
    const rec = await call('demo.coordinator', 'POST', `/inspection-targets/${a.body.value}/recommendations`, { text: 'Niêm yết lại', dueOn: '2026-03-20' });
    assert.equal(rec.status, 201);
    assert.doesNotMatch(await (await t.agent().get('/public/inspections')).text(), /Ưu điểm riêng/, 'drafts never on the portal');
    const issued = await call('demo.coordinator', 'POST', `/inspection-targets/${a.body.value}/issue`, { issuedOn: '2026-02-24' });
    assert.equal(issued.status, 200);
    assert.deepEqual(issued.body.value, { late: true, due: '2026-02-23' });
    assert.match(await (await t.agent().get('/public/inspections')).text(), /Ưu điểm riêng/);
    assert.notEqual((await call('demo.observer', 'GET', `/inspection-targets/${a.body.value}`)).body.findings, null, 'observers read what is issued');
    // Closing from the page before the remediation is reported: 400 with the reason (was an unaudited redirect, a 500; found by the fuzz).
    const early = await (await t.as('demo.coordinator')).post(`/inspection-recommendations/${rec.body.value.id}/close`, {});
    assert.equal(early.status, 400);
    assert.match(await early.text(), /class="error-summary"[\s\S]*khắc phục/);
    assert.equal((await call('demo.department', 'POST', `/inspection-recommendations/${rec.body.value.id}/remediation`, { report: 'x' })).status, 403);
    assert.equal((await call('demo.commune', 'POST', `/inspection-recommendations/${rec.body.value.id}/remediation`, { report: 'Đã niêm yết lại đủ 30 ngày', on: '2026-03-10' })).status, 200);
    assert.equal((await call('demo.coordinator', 'POST', `/inspection-recommendations/${rec.body.value.id}/close`, {})).status, 200);
    const events = await t.db.selectFrom('audit_events').select('action').where('action', 'like', 'inspections.%').execute();
    for (const a2 of ['inspections.plan.approve', 'inspections.notice', 'inspections.self-report', 'inspections.findings', 'inspections.conclusion.issue', 'inspections.remediation', 'inspections.recommendation.close']) assert.ok(events.some((e) => e.action === a2), a2);
  });

  test('scheme versions are data (audited); yearly appraisal needs reasons; the leader publishes the classification', async () => {
    const current = (await call('demo.coordinator', 'GET', '/inspection-schemes')).body.items[0];
    // The demo scheme is valid from 1 January of the clock's year; the new version starts the year after and is applied three years later.
    const from = Number(String(current.validFrom).slice(0, 4)) + 1;
    const year = from + 3;
    assert.equal((await call('demo.commune', 'POST', '/inspection-schemes', { code: current.code, name: 'x', validFrom: `${from}-01-01`, definition: '{}' })).status, 403);
    const broken = await call('demo.coordinator', 'POST', '/inspection-schemes', { code: current.code, name: 'Bộ mới', validFrom: `${from}-01-01`, definition: '{"criteria": [' });
    assert.equal(broken.status, 400);
    assert.ok(broken.body.error.fields.definition);
    const def = { ...current.definition, provisional: false, classBands: [{ cls: 'HTXS', min: 95 }, { cls: 'HTT', min: 80 }, { cls: 'HT', min: 60 }, { cls: 'KHT', min: 0 }] };
    const v2 = await call('demo.coordinator', 'POST', '/inspection-schemes', { code: current.code, name: `Bộ tiêu chí ${from}`, decisionNo: '99/QĐ-UBND', validFrom: `${from}-01-01`, definition: JSON.stringify(def) });
    assert.equal(v2.status, 201, v2.text);
    const versions = (await call('demo.coordinator', 'GET', '/inspection-schemes')).body.items.filter((s: Json) => s.code === current.code);
    assert.deepEqual(versions.map((s: Json) => s.version).sort(), [1, 2]);
    assert.ok(await t.db.selectFrom('audit_events').select('id').where('action', '=', 'inspections.scheme.create').where('subject_id', '=', v2.body.value).executeTakeFirst());
    const self = await call('demo.commune', 'POST', '/inspection-assessments', { year, unitId: pleiku, selfScore: 87 });
    assert.equal(self.status, 201);
    assert.equal((await call('demo.commune', 'POST', '/inspection-assessments', { year, unitId: tuPhap, selfScore: 87 })).status, 403);
    const noReason = await call('demo.coordinator', 'POST', `/inspection-assessments/${self.body.value}/appraisal`, { adjustments: [{ points: -9, reason: '' }] });
    assert.equal(noReason.status, 400);
    const ok = await call('demo.coordinator', 'POST', `/inspection-assessments/${self.body.value}/appraisal`, { adjustments: [{ points: -9, reason: 'Chưa tổ chức đối thoại' }] });
    assert.deepEqual(ok.body.value, { finalScore: 78, cls: 'HT' }, `version 2 (valid from ${from}) applies to ${year}: HTT needs 80`);
    assert.equal((await call('demo.observer', 'GET', `/inspection-assessments?year=${year}`)).body.items.length, 0, 'not published yet');
    assert.equal((await call('demo.commune', 'POST', '/inspection-assessments/publication', { year, decisionNumber: '1/QĐ-UBND', publishedOn: `${year}-12-20` })).status, 403);
    assert.equal((await call('demo.leader', 'POST', '/inspection-assessments/publication', { year, decisionNumber: '1/QĐ-UBND', publishedOn: `${year}-12-20` })).status, 200);
    assert.equal((await call('demo.observer', 'GET', `/inspection-assessments?year=${year}`)).body.items.length, 1);
    assert.match(await (await t.agent().get('/public/inspections')).text(), /1\/QĐ-UBND/);
  });

  test('forms: a bad plan comes back 400 with the Vietnamese error summary and the values kept; pages without JavaScript', async () => {
    const coord = await t.as('demo.coordinator');
    assert.equal((await coord.get('/inspections')).status, 200);
    const res = await coord.post('/inspections/new', { year: '2026', title: 'Kế hoạch giữ lại', scope: 'both', mode: 'planned', reviewFrom: '31/02/2026', reviewTo: '01/03/2026', windowFrom: '', windowTo: '', objectives: '', contentItems: '', schemeId: '' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /error-summary/);
    assert.match(html, /value="Kế hoạch giữ lại"/);
    assert.match(html, /href="#f-reviewFrom"/);
    const commune = await t.as('demo.commune');
    assert.equal((await commune.get('/inspections/new')).status, 403);
    const plans = await commune.get('/inspections');
    assert.equal(plans.status, 200);
  });

  test('pages render for each role, and the findings form works without JavaScript (400 keeps the entered values)', async () => {
    const coord = await t.as('demo.coordinator');
    const planId = (await call('demo.coordinator', 'GET', '/inspection-plans')).body.items.find((p: Json) => p.year === Number(localToday().slice(0, 4))).id;
    const targets = (await call('demo.coordinator', 'GET', `/inspection-plans/${planId}`)).body.targets as Json[];
    const concluded = targets.find((x) => x.unitId === pleiku)!;
    const open = targets.find((x) => x.unitId === tuPhap)!;
    for (const p of [`/inspections/${planId}`, `/inspection-targets/${concluded.id}`, `/inspection-targets/${open.id}`, '/inspection-schemes', '/inspection-assessments', '/inspections/new']) assert.equal((await coord.get(p)).status, 200, p);
    const scheme = (await call('demo.coordinator', 'GET', '/inspection-schemes')).body.items[0];
    assert.equal((await coord.get(`/inspection-schemes/${scheme.id}`)).status, 200);
    assert.equal((await coord.get(`/inspection-schemes/${scheme.id}/new-version`)).status, 200);
    const xlsx = await coord.get(`/inspection-assessments/summary.xlsx?year=${localToday().slice(0, 4)}`);
    assert.equal(xlsx.status, 200);
    const docx = await coord.get(`/inspection-targets/${concluded.id}/conclusion.docx`);
    assert.equal(docx.status, 200);
    // Observers read the issued conclusion of Pleiku, not Sở Tư pháp's unvisited target's findings.
    const obs = await t.as('demo.observer');
    assert.equal((await obs.get(`/inspection-targets/${concluded.id}/conclusion.docx`)).status, 200);
    const leader = await t.as('demo.leader');
    assert.equal((await leader.get(`/inspection-targets/${concluded.id}`)).status, 200);
    // The findings form, typed by the coordinator for Sở Tư pháp: points above the maximum keep the typed values.
    const form: Record<string, string> = { visitedOn: '12/05/2026', visitPlace: 'Phòng họp Sở' };
    for (const c of scheme.definition.criteria) { form[`code.${c.code}`] = c.code; form[`result.${c.code}`] = 'met'; }
    form['points.TC1'] = '99';
    form['note.TC2'] = 'Ghi chú giữ lại';
    const bad = await coord.post(`/inspection-targets/${open.id}/findings`, form);
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /Ghi chú giữ lại/);
    assert.match(html, /href="#f-points.TC1"/);
    form['points.TC1'] = '8';
    for (const c of scheme.definition.criteria) if (c.auto) form[`overrideReason.${c.code}`] = 'Đối chiếu hồ sơ';
    const good = await coord.post(`/inspection-targets/${open.id}/findings`, form);
    assert.equal(good.status, 303, (await good.text()).slice(0, 2000));
    const other = await t.as('demo.commune');
    assert.equal((await other.get(`/inspection-targets/${open.id}`)).status, 403, 'Pleiku cannot read Sở Tư pháp\'s findings');
  });
});
