import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';
import { getUnitByKey } from '../units/index.ts';
import { REGISTRATION_ITEMS } from '../../domain/exemplars/forms.ts';
import { currentVersion } from '../../../test/helpers/concurrency.ts';

/** Editing drafts and returned entries, the commendation dossier, re-proposal years, and the 360-px map legend. */
forEachDialect('DVK editing, commendation and re-proposal checks', (dialect) => {
  let t: TestApp;
  let pleiku: string;
  const sheet = (prefix: string) => Object.fromEntries(REGISTRATION_ITEMS.map((k) => [`registration.${k}`, `${prefix} ${k}`]));
  const idOf = (res: Response) => res.headers.get('location')!.split('/')[2].split('?')[0];
  const auditOf = async (id: string) => (await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', id).orderBy('seq').execute()).map((a) => a.action);

  before(async () => {
    t = await createTestApp(dialect);
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  });
  after(() => t.close());

  test('a draft saved with empty items is completed through the edit form and then registered; audited', async () => {
    const officer = await t.as('demo.commune');
    const base = { kind: 'model', subject: 'collective', field: 'economy', track: 'residential', unitId: pleiku, communeCode: '23575' };
    const saved = await officer.post('/exemplars/new', { ...base, name: 'Vườn rau sạch của tổ phụ nữ', draft: '1' });
    assert.equal(saved.status, 303);
    const id = idOf(saved);
    const detail = await (await officer.get(`/exemplars/${id}`)).text();
    assert.match(detail, new RegExp(`href="/exemplars/${id}/edit"`), 'the draft page links to the edit form');
    const form = await officer.get(`/exemplars/${id}/edit`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /value="Vườn rau sạch của tổ phụ nữ"/);

    const missing = await officer.post(`/exemplars/${id}/edit`, { ...base, lockVersion: String(await currentVersion(t.db, 'exemplar_entries', id)), name: 'Vườn rau sạch của tổ phụ nữ', draft: '0', ...sheet('Mục'), 'registration.outputs': '' });
    assert.equal(missing.status, 400);
    const html = await missing.text();
    assert.match(html, /Phiếu đăng ký thiếu mục «Sản phẩm, kết quả đầu ra»/);
    assert.match(html, /Mục situation/, 'values kept on 400');
    assert.equal((await t.db.selectFrom('exemplar_entries').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'draft');

    const ok = await officer.post(`/exemplars/${id}/edit`, { ...base, lockVersion: String(await currentVersion(t.db, 'exemplar_entries', id)), name: 'Vườn rau sạch của tổ phụ nữ', draft: '0', ...sheet('Mục') });
    assert.equal(ok.status, 303, (await ok.clone().text()).slice(0, 300));
    const row = await t.db.selectFrom('exemplar_entries').select(['status', 'registration']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'registered');
    assert.equal(JSON.parse(row.registration).outputs, 'Mục outputs');
    assert.deepEqual(await auditOf(id), ['exemplars.draft', 'exemplars.register']);

    const again = await officer.post(`/exemplars/${id}/edit`, { ...base, lockVersion: String(await currentVersion(t.db, 'exemplar_entries', id)), name: 'Vườn rau sạch của tổ phụ nữ', draft: '0', ...sheet('Sửa') });
    assert.equal(again.status, 303);
    assert.deepEqual(await auditOf(id), ['exemplars.draft', 'exemplars.register', 'exemplars.edit']);
    assert.equal((await t.db.selectFrom('exemplar_entries').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'registered', 'editing keeps the status');

    const outsider = await t.as('demo.department');
    assert.equal((await outsider.get(`/exemplars/${id}/edit`)).status, 403);
    const head = await t.as('demo.commune.head');
    assert.equal((await head.post(`/exemplars/${id}/propose`, { resultsReport: 'Thu 3 tấn rau', 'reviewVote.for': '6', 'reviewVote.total': '7' })).status, 303);
    assert.equal((await officer.get(`/exemplars/${id}/edit`)).status, 409, 'a proposed entry is no longer editable');
    assert.equal((await officer.post(`/exemplars/${id}/edit`, { ...base, lockVersion: String(await currentVersion(t.db, 'exemplar_entries', id)), name: 'Đổi tên', draft: '0', ...sheet('Mục') })).status, 409);
    assert.equal((await head.post(`/exemplars/${id}/return`, { note: 'Thiếu số liệu' })).status, 403, 'returning needs a reviewer');
    const leader = await t.as('demo.leader');
    assert.equal((await leader.post(`/exemplars/${id}/return`, { note: 'Thiếu số liệu' })).status, 303);
    assert.equal((await officer.get(`/exemplars/${id}/edit`)).status, 200, 'a returned entry can be completed');
  });

  test('a commendation needs its form, issuer and decision; re-proposal years are checked (400, never 500)', async () => {
    const tok: Record<string, string> = {};
    for (const u of ['demo.commune', 'demo.commune.head', 'demo.leader']) tok[u] = await t.token(u);
    const as = (who: string) => (path: string, body: unknown) => t.app.request(`/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tok[who]}` }, body: JSON.stringify(body) });
    const api = as('demo.leader');
    const reg = Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, `Nội dung ${k}`]));
    const created = await as('demo.commune')('/exemplars', { kind: 'model', subject: 'collective', field: 'culture-society', name: 'Thư viện sách ở nhà văn hóa thôn', unitId: pleiku, communeCode: '23575', registration: reg });
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    assert.equal((await as('demo.commune.head')(`/exemplars/${id}/propose`, { resultsReport: '500 lượt mượn sách', reviewVote: { for: 5, total: 5 } })).status, 200);
    assert.equal((await api(`/exemplars/${id}/recognize`, { level: 'province', decisionNumber: '77-QĐ/BTGDVTU', decisionOn: '2025-11-01' })).status, 200);
    const empty = await api(`/exemplars/${id}/commend`, {});
    assert.equal(empty.status, 400);
    const fields = ((await empty.json()) as { error: { fields: Record<string, string> } }).error.fields;
    assert.deepEqual(Object.keys(fields).sort(), ['decisionNumber', 'decisionOn', 'form', 'issuer']);
    assert.equal((await t.db.selectFrom('exemplar_commendations').select('id').where('entry_id', '=', id).execute()).length, 0);
    const done = await api(`/exemplars/${id}/commend`, { form: 'bang-khen', issuer: 'Chủ tịch UBND tỉnh', decisionNumber: '3001/QĐ-UBND', decisionOn: '20/11/2025' });
    assert.equal(done.status, 200);
    assert.equal((await t.db.selectFrom('exemplar_commendations').select('decision_on').where('entry_id', '=', id).executeTakeFirstOrThrow()).decision_on, '2025-11-20');

    const head = await t.as('demo.commune.head');
    const year = Number((await t.db.selectFrom('exemplar_entries').select('year').where('id', '=', id).executeTakeFirstOrThrow()).year);
    for (const bad of ['abc', '', String(year), '99999999999']) {
      const r = await head.post(`/exemplars/${id}/carry-over`, { year: bad });
      assert.equal(r.status, 400, bad);
      assert.match(await r.text(), /Năm đề nghị lại phải sau năm đăng ký/);
    }
    assert.equal((await t.db.selectFrom('exemplar_entries').select('id').where('previous_entry_id', '=', id).execute()).length, 0);
  });

  test('the gallery legend is outside the stretched map box (swatches stay 16 px at 360 px)', async () => {
    const html = await (await t.app.request('/showcase/exemplars')).text();
    const box = html.match(/<div class="dvk-map">([\s\S]*?)<\/div>/);
    assert.ok(box, 'the map box is there');
    assert.equal((box[1].match(/<img [^>]*src="\/showcase\/exemplars\/map\.svg[^"]*"/g) ?? []).length, 1, 'only the map (a cacheable SVG image) inside .dvk-map');
    assert.equal((box[1].match(/<svg/g) ?? []).length, 0, 'the legend is not inside the stretched box');
    assert.match(html, /<svg width="16" height="16"[^>]*aria-hidden="true"/);
    assert.ok(!/<figure[^>]*>/.test(html), 'no <figure> (its default 40 px side margins shrink the map on phones)');
  });
  test('admins configure who recognises at each level (400 naming the fields, audited) and the rule applies', async () => {
    const admin = await t.as('demo.admin');
    assert.equal((await (await t.as('demo.coordinator')).get('/exemplars/settings')).status, 403);
    const page = await admin.get('/exemplars/settings');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /name="commune.role.unit-head" value="1" checked/);
    const bad = await admin.post('/exemplars/settings', { 'commune.scope': 'unit', 'commune.body': '', 'province.role.admin': '1', 'province.scope': 'moon', 'province.body': 'Ban Tuyên giáo và Dân vận Tỉnh ủy' });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /Chọn ít nhất một vai trò được công nhận ở cấp này/);
    assert.match(html, /value="Ban Tuyên giáo và Dân vận Tỉnh ủy"/, 'values kept');
    const saved = await admin.post('/exemplars/settings', {
      'commune.role.coordinator': '1', 'commune.scope': 'province', 'commune.body': 'Sở Nội vụ',
      'province.role.admin': '1', 'province.role.leader': '1', 'province.scope': 'province', 'province.body': 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    });
    assert.equal(saved.status, 303);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'changes']).where('subject_id', '=', 'exemplars.recognition').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'exemplars.recognition.set');
    try {
      const tok: Record<string, string> = {};
      for (const u of ['demo.commune', 'demo.commune.head', 'demo.coordinator']) tok[u] = await t.token(u);
      const as = (who: string) => (path: string, body: unknown) => t.app.request(`/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tok[who]}` }, body: JSON.stringify(body) });
      const reg = Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, `Nội dung ${k}`]));
      const { id } = (await (await as('demo.commune')('/exemplars', { kind: 'model', subject: 'collective', field: 'economy', name: 'Tổ hợp tác nuôi bò vỗ béo', unitId: pleiku, communeCode: '23575', registration: reg })).json()) as { id: string };
      assert.equal((await as('demo.commune.head')(`/exemplars/${id}/propose`, { resultsReport: '40 con bò', reviewVote: { for: 4, total: 5 } })).status, 200);
      const decision = { level: 'commune', decisionNumber: '5/QĐ-SNV', decisionOn: '2025-11-10' };
      assert.equal((await as('demo.commune.head')(`/exemplars/${id}/recognize`, decision)).status, 403, 'the ward head no longer recognises');
      assert.equal((await as('demo.coordinator')(`/exemplars/${id}/recognize`, decision)).status, 200);
      assert.equal((await t.db.selectFrom('exemplar_recognitions').select('body').where('entry_id', '=', id).executeTakeFirstOrThrow()).body, 'Sở Nội vụ');
    } finally {
      await t.db.deleteFrom('settings').where('key', '=', 'exemplars.recognition').execute();
    }
  });
  test('a revised criteria set is a new version; earlier versions are kept and each entry shows the set it was registered under', async () => {
    const campaign = await t.db.selectFrom('exemplar_campaigns').select(['id', 'criteria_version']).where('year', '=', 2025).executeTakeFirstOrThrow();
    const v1 = Number(campaign.criteria_version);
    const officer = await t.as('demo.commune');
    const base = { kind: 'model', subject: 'collective', field: 'economy', track: 'residential', unitId: pleiku, communeCode: '23575', campaignId: campaign.id, draft: '0', ...sheet('Mục') };
    const first = idOf(await officer.post('/exemplars/new', { ...base, name: 'Bếp ăn tình thương cho học sinh bán trú' }));
    const coordinator = await t.as('demo.coordinator');
    assert.equal((await coordinator.post(`/exemplars/campaigns/${campaign.id}/criteria`, { criteria: 'Tiêu chí mới A\nTiêu chí mới B' })).status, 303);
    const second = idOf(await officer.post('/exemplars/new', { ...base, name: 'Quỹ khuyến học dòng họ' }));
    const versions = await t.db.selectFrom('exemplar_entries').select(['id', 'criteria_version']).where('id', 'in', [first, second]).execute();
    assert.equal(Number(versions.find((v) => v.id === first)!.criteria_version), v1);
    assert.equal(Number(versions.find((v) => v.id === second)!.criteria_version), v1 + 1);
    const kept = await t.db.selectFrom('exemplar_campaign_criteria').select(['version', 'criteria']).where('campaign_id', '=', campaign.id).orderBy('version').execute();
    assert.deepEqual(kept.map((k) => Number(k.version)), [v1, v1 + 1]);
    assert.deepEqual(JSON.parse(kept[1].criteria), ['Tiêu chí mới A', 'Tiêu chí mới B']);
    const oldPage = await (await officer.get(`/exemplars/${first}`)).text();
    assert.match(oldPage, new RegExp(`phiên bản ${v1}<`));
    assert.ok(!oldPage.includes('Tiêu chí mới A'), 'the earlier entry keeps the earlier set');
    assert.match(await (await officer.get(`/exemplars/${second}`)).text(), /Tiêu chí mới A/);
  });
});
