import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';
import { verifyChain } from '../../platform/audit/index.ts';
import { getUnitByKey, reorganize } from '../units/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { REGISTRATION_ITEMS } from '../../domain/exemplars/forms.ts';
import { nowIso } from '../../platform/clock.ts';

export const sheet = () => Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, `Nội dung mục ${k}`]));

forEachDialect('DVK exemplars: registration and workflow', (dialect) => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let pleiku: string, tuPhap: string, iaMo: string;
  const post = async (who: string, path: string, body: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tok[who]}` }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, any> };
  };
  const register = (who: string, extra: Record<string, unknown> = {}) => post(who, '/exemplars', { kind: 'model', subject: 'collective', field: 'culture-society', name: 'Mô hình thử nghiệm đèn đường tự quản', unitId: pleiku, communeCode: '23575', registration: sheet(), ...extra });

  before(async () => {
    t = await createTestApp(dialect);
    for (const u of ['demo.commune', 'demo.commune.head', 'demo.leader', 'demo.coordinator', 'demo.department', 'demo.observer']) tok[u] = await t.token(u);
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    iaMo = (await getUnitByKey(t.db, 'commune:23938:2025-07-01'))!.id;
    tuPhap = (await getUnitByKey(t.db, 'body:52:tu-phap'))!.id;
  });
  after(() => t.close());

  test('POST /api/v1/exemplars registers (201) and warns about a similar name in the same commune', async () => {
    const a = await register('demo.commune');
    assert.equal(a.status, 201, JSON.stringify(a.body));
    assert.equal(a.body.status, 'registered');
    assert.ok(a.body.id);
    const b = await register('demo.commune', { name: 'MÔ HÌNH THỬ NGHIỆM ĐÈN ĐƯỜNG TỰ QUẢN' });
    assert.equal(b.status, 201);
    assert.deepEqual(b.body.warnings.duplicates.map((d: { id: string }) => d.id), [a.body.id]);
  });

  test('a missing registration item gives 400 naming it in Vietnamese, never 500', async () => {
    const { situation: _s, ...rest } = sheet();
    const r = await register('demo.commune', { registration: { ...rest, outputs: '   ' } });
    assert.equal(r.status, 400);
    assert.match(r.body.error.fields['registration.situation'], /Thực trạng, lý do/);
    assert.match(r.body.error.fields['registration.outputs'], /Sản phẩm, kết quả đầu ra/);
    const none = await post('demo.commune', '/exemplars', { kind: 'model', subject: 'collective', field: 'economy', name: 'X', unitId: pleiku });
    assert.equal(none.status, 400);
    assert.equal(Object.keys(none.body.error.fields).filter((k) => k.startsWith('registration.')).length, 10);
    for (const bad of [null, [], 'x', { kind: 'planet' }, { ...(await Promise.resolve({})), registration: 5 }]) {
      const r2 = await post('demo.commune', '/exemplars', bad);
      assert.equal(r2.status, 400, JSON.stringify(bad));
    }
    assert.equal((await register('demo.commune', { communeCode: '99999' })).status, 400);
  });

  test('registering for a unit outside the scope is 403; read-only observer cannot register', async () => {
    assert.equal((await register('demo.commune', { unitId: tuPhap, communeCode: undefined })).status, 403);
    assert.equal((await register('demo.observer')).status, 403);
  });

  test('workflow: propose, recognise at commune then province; 403 and 409 where due', async () => {
    const { body } = await register('demo.commune', { name: 'Loa phát thanh tổ dân phố bằng tiếng Jrai' });
    const id = body.id as string;
    assert.equal((await post('demo.commune', `/exemplars/${id}/recognize`, { level: 'commune', decisionNumber: '1/QĐ', decisionOn: '2025-09-01' })).status, 403);
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/recognize`, { level: 'commune', decisionNumber: '1/QĐ', decisionOn: '2025-09-01' })).status, 409, 'not proposed yet');
    assert.equal((await post('demo.commune', `/exemplars/${id}/propose`, { resultsReport: 'x', reviewVote: { for: 5, total: 7 } })).status, 403, 'officers do not propose');
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/propose`, { resultsReport: 'x', reviewVote: { for: 8, total: 7 } })).status, 400);
    const p = await post('demo.commune.head', `/exemplars/${id}/propose`, { resultsReport: '12 loa, 3.000 hộ nghe', reviewVote: { for: 7, total: 9 } });
    assert.equal(p.status, 200, JSON.stringify(p.body));
    assert.equal(p.body.status, 'proposed');
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/propose`, { resultsReport: 'x', reviewVote: { for: 7, total: 9 } })).status, 409);
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/recognize`, { level: 'province', decisionNumber: '1/QĐ', decisionOn: '2025-09-01' })).status, 403);
    const rc = await post('demo.commune.head', `/exemplars/${id}/recognize`, { level: 'commune', decisionNumber: '15/QĐ-BCĐ', decisionOn: '01/09/2025' });
    assert.equal(rc.status, 200, JSON.stringify(rc.body));
    assert.deepEqual([rc.body.status, rc.body.level], ['recognised', 'commune']);
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/recognize`, { level: 'commune', decisionNumber: '2', decisionOn: '2025-09-02' })).status, 409);
    const rp = await post('demo.leader', `/exemplars/${id}/recognize`, { level: 'province', decisionNumber: '120-QĐ/BTGDVTU', decisionOn: '2025-10-15' });
    assert.deepEqual([rp.status, rp.body.level], [200, 'province']);
    assert.equal((await post('demo.leader', `/exemplars/${id}/commend`, { form: 'bang-khen', issuer: 'Chủ tịch UBND tỉnh', decisionNumber: '2100/QĐ-UBND', decisionOn: '2025-10-20' })).body.status, 'commended');
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/replicate`, { toUnitId: iaMo })).body.status, 'replicated');
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/replicate`, { toUnitId: 'nope' })).status, 400);
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/discontinue`, {})).status, 400);
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/discontinue`, { reason: 'Hết hiệu quả' })).body.status, 'discontinued');
    assert.equal((await post('demo.commune.head', `/exemplars/${id}/replicate`, { toUnitId: iaMo })).status, 409);
    assert.equal((await post('demo.commune.head', `/exemplars/nope/propose`, { resultsReport: 'x', reviewVote: { for: 1, total: 1 } })).status, 404);
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['exemplars.register', 'exemplars.propose', 'exemplars.recognize', 'exemplars.recognize', 'exemplars.commend', 'exemplars.replicate', 'exemplars.discontinue']);
    assert.deepEqual(await verifyChain(t.db), { ok: true, count: (await t.db.selectFrom('audit_events').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n });
  });

  test('who recognises at each level is configurable (settings)', async () => {
    const { body } = await register('demo.commune', { name: 'Cấu hình cấp công nhận' });
    await post('demo.commune.head', `/exemplars/${body.id}/propose`, { resultsReport: 'x', reviewVote: { for: 5, total: 5 } });
    await t.db.insertInto('settings').values({ key: 'exemplars.recognition', value: JSON.stringify({ commune: { roles: ['admin', 'coordinator'], scope: 'province', body: 'Sở Nội vụ' }, province: { roles: ['admin'], scope: 'province', body: 'BTV' } }), updated_at: nowIso() }).execute();
    try {
      assert.equal((await post('demo.commune.head', `/exemplars/${body.id}/recognize`, { level: 'commune', decisionNumber: '1', decisionOn: '2025-09-01' })).status, 403);
      assert.equal((await post('demo.coordinator', `/exemplars/${body.id}/recognize`, { level: 'commune', decisionNumber: '1', decisionOn: '2025-09-01' })).status, 200);
    } finally {
      await t.db.deleteFrom('settings').where('key', '=', 'exemplars.recognition').execute();
    }
  });

  test('pages: register through the form (400 keeps values, duplicate asks to confirm), then act on the entry', async () => {
    const officer = await t.as('demo.commune');
    const form = await officer.get('/exemplars/new');
    assert.equal(form.status, 200);
    const values: Record<string, string> = { kind: 'model', subject: 'collective', field: 'economy', track: 'residential', name: 'Vườn rau sạch khu dân cư', unitId: pleiku, communeCode: '23575', draft: '0' };
    const bad = await officer.post('/exemplars/new', values);
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /Vườn rau sạch khu dân cư/);
    assert.match(html, /Phiếu đăng ký thiếu mục «Thực trạng, lý do»/);
    for (const k of REGISTRATION_ITEMS) values[`registration.${k}`] = `Mục ${k}`;
    const ok = await officer.post('/exemplars/new', values);
    assert.equal(ok.status, 303, (await ok.clone().text()).slice(0, 2000));
    const dup = await officer.post('/exemplars/new', { ...values, name: 'vuon rau sach khu dan cu' });
    assert.equal(dup.status, 400);
    assert.match(await dup.text(), /Có thể trùng/);
    assert.equal((await officer.post('/exemplars/new', { ...values, name: 'vuon rau sach khu dan cu', confirmDuplicate: '1' })).status, 303);
    const draft = await officer.post('/exemplars/new', { kind: 'model', subject: 'collective', field: 'economy', name: 'Nháp chưa đủ mục', unitId: pleiku, communeCode: '23575', 'registration.situation': 'Có', draft: '1' });
    assert.equal(draft.status, 303);
    const draftId = draft.headers.get('location')!.split('/')[2].split('?')[0];
    const submit = await officer.post(`/exemplars/${draftId}/register`, {});
    assert.equal(submit.status, 400);
    assert.match(await submit.text(), /Phiếu đăng ký thiếu mục «Mục tiêu»/);
    const id = ok.headers.get('location')!.split('/')[2].split('?')[0];
    const head = await t.as('demo.commune.head');
    const page = await (await head.get(`/exemplars/${id}`)).text();
    assert.match(page, /Đề nghị công nhận/);
    const noVote = await head.post(`/exemplars/${id}/propose`, { resultsReport: 'Đạt' });
    assert.equal(noVote.status, 400);
    assert.equal((await head.post(`/exemplars/${id}/propose`, { resultsReport: 'Đạt', 'reviewVote.for': '5', 'reviewVote.total': '6' })).status, 303);
    assert.equal((await head.post(`/exemplars/${id}/recognize`, { level: 'commune', decisionNumber: '7/QĐ', decisionOn: '02/10/2025' })).status, 303);
    assert.equal((await head.post(`/exemplars/${id}/recognize`, { level: 'commune', decisionNumber: '7/QĐ', decisionOn: '02/10/2025' })).status, 409);
    assert.equal((await officer.get('/exemplars?q=vuon+rau')).status, 200);
    assert.match(await (await officer.get('/exemplars?q=vuon+rau')).text(), /Vườn rau sạch/);
    assert.equal((await (await t.as('demo.department')).get(`/exemplars/${id}`)).status, 403);
  });

  test('a restructuring moves the entries of the predecessor to the successor', async () => {
    const { body } = await register('demo.commune', { name: 'Mô hình trước sáp nhập' });
    const r = await reorganize(t.db, SYSTEM_ACTOR, { kind: 'merge', effectiveDate: '2026-01-01', legalBasis: 'NQ thử nghiệm', predecessorIds: [pleiku, iaMo], successorNames: ['Phường Pleiku Mới'], intoId: null, note: null });
    assert.ok(r.ok);
    const e = await t.db.selectFrom('exemplar_entries').select(['unit_id', 'commune_unit_id']).where('id', '=', body.id).executeTakeFirstOrThrow();
    assert.equal(e.unit_id, r.value.successorIds[0]);
    assert.equal(e.commune_unit_id, r.value.successorIds[0]);
  });
});
