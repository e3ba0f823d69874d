import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { getUnitByKey, reorganize } from '../units/index.ts';
import { requiredDays } from './reception.service.ts';
import { createSealer, DEV_SEAL_KEY, newSealKey, parseSealKeys, useSealer } from '../../platform/crypto/index.ts';
import { resealAll } from './petitions.keys.ts';
import { localToday } from '../../platform/clock.ts';
import { Calendar, plusDays } from '../../domain/calendar/index.ts';

test('LTCD Art. 15(2)(d): "ít nhất 01 ngày trong 01 tuần" until 30/06/2026 (a Tết week with no working day requires none), then 2 days a month (Law 136/2025)', () => {
  const cal = new Calendar();
  assert.equal(requiredDays('commune', '2026-06', cal).required, 5, 'five Mondays in June 2026');
  assert.equal(requiredDays('commune', '2026-02', cal).required, 3, 'the week 16–22/02/2026 is Tết: 3 of 4 weeks');
  assert.equal(requiredDays('commune', '2026-07', cal).required, 2);
  assert.equal(requiredDays('province', '2026-07', cal).required, 1);
});

forEachDialect('citizen reception and pages', (dialect) => {
  let t: TestApp;
  let commune: string;
  before(async () => {
    t = await createTestApp(dialect);
    commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  });
  after(() => t.close());

  test('the public form without JavaScript: errors in Vietnamese, check your answers, receipt with QR code, tracking', async () => {
    const a = t.agent();
    await a.get('/public/petitions/new');
    const bad = await a.post('/public/petitions/check', { title: '', content: '' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Nhập họ và tên, hoặc chọn gửi đơn nặc danh/);
    const form = { senderName: 'Phạm Thị Dân', senderAddress: 'Thôn 2, Xã Ia Mơ', title: 'Nước sạch', content: 'Đề nghị kéo đường ống nước sạch về thôn 2.', addressedUnitId: commune, kindHint: 'recommendation' };
    const check = await a.post('/public/petitions/check', form);
    assert.equal(check.status, 200);
    assert.match(await check.text(), /Kiểm tra lại thông tin/);
    const sent = await a.post('/public/petitions', form);
    assert.equal(sent.status, 303);
    const receipt = await (await a.get(sent.headers.get('location')!)).text();
    assert.match(receipt, /<svg/);
    const code = /id="tracking-code">([^<]+)</.exec(receipt)![1];
    const key = /id="access-key">([^<]+)</.exec(receipt)![1];
    const track = await (await a.get(`/public/petitions/track?code=${code}&key=${key}`)).text();
    assert.match(track, /Đã tiếp nhận/);
    assert.match(track, /Phường Pleiku/);
    assert.equal((await a.get(`/public/petitions/track?code=${code}&key=wrong`)).status, 404);
  });

  test('a reception officer logs an in-person group visit that becomes a case with the 10-working-day answer clock; a refusal needs the Art. 9 reason', async () => {
    const officer = await t.as('demo.reception.commune');
    const base = { unitId: commune, receivedOn: '25/11/2026', visitorName: 'Hồ Văn Đến', visitorIdNumber: '', visitorAddress: 'Tổ 4', peopleCount: '6', kind: 'complaint', summary: 'Khiếu nại việc cấp phép xây dựng sai quy hoạch ở tổ 4.', handling: '' };
    const refusedNoReason = await officer.post('/reception/visits', { ...base, refused: '1', refusalReason: '' });
    assert.equal(refusedNoReason.status, 400);
    assert.match(await refusedNoReason.text(), /Điều 9/);
    const r = await officer.post('/reception/visits', base);
    assert.equal(r.status, 303);
    const caseUrl = r.headers.get('location')!;
    assert.match(caseUrl, /^\/petitions\//);
    const log = await t.db.selectFrom('reception_logs').selectAll().where('petition_id', '=', caseUrl.split('/')[2]).executeTakeFirstOrThrow();
    assert.equal(log.reply_due, '2026-12-09');
    assert.ok(!log.visitor_sealed.includes('Hồ Văn Đến'));
    const page = await (await officer.get('/reception?month=2026-11')).text();
    assert.match(page, /đông người/);
    assert.equal((await officer.post('/reception/days', { unitId: commune, onDate: '24/11/2026', headName: 'Chủ tịch', held: '1', note: '' })).status, 303);
    const other = (await getUnitByKey(t.db, 'body:52:noi-vu'))!.id;
    assert.equal((await officer.post('/reception/days', { unitId: other, onDate: '24/11/2026', headName: 'X', held: '1', note: '' })).status, 403);
  });

  test('a province-wide user naming a unit that does not exist gets 400 on unitId, not 500 (found by the fuzz)', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: [string, string, Record<string, unknown>][] = [
      ['demo.coordinator', '/api/v1/reception/days', { unitId: unknown, onDate: '24/11/2026', headName: 'Chủ tịch', held: true, heldBy: 'head' }],
      ['demo.coordinator', '/api/v1/reception/visits', { unitId: unknown, receivedOn: '25/11/2026', visitorName: 'Hồ Văn Đến', visitorAddress: 'Tổ 4', peopleCount: 1, kind: 'complaint', summary: 'Khiếu nại' }],
      ['demo.admin', '/api/v1/petitions/templates', { unitId: unknown, status: 'resolved', body: 'Văn bản' }],
    ];
    for (const [user, path, body] of cases) {
      const r = await t.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${await t.token(user)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await r.json()) as { error: { fields?: Record<string, string> } };
      assert.equal(r.status, 400, `${path}: ${JSON.stringify(json)}`);
      assert.match(json.error.fields?.unitId ?? '', /đơn vị/i, path);
    }
  });

  test('Law 136/2025 (from 01/07/2026): a day held by an authorised deputy is recorded but not counted as the head\'s own (compliance and tcd.days); before, it counts; a Tết week needs no day (LTCD Art. 15)', async () => {
    const officer = await t.as('demo.reception.commune');
    const day = (onDate: string, heldBy: string, headName: string) => officer.post('/reception/days', { unitId: commune, onDate, headName, held: '1', heldBy, note: '' });
    assert.equal((await day('07/07/2026', 'head', 'Chủ tịch UBND phường')).status, 303);
    assert.equal((await day('14/07/2026', 'deputy', 'Phó Chủ tịch UBND phường')).status, 303);
    assert.equal((await day('09/06/2026', 'deputy', 'Phó Chủ tịch UBND phường')).status, 303);
    assert.equal((await officer.post('/reception/days', { unitId: commune, onDate: '21/07/2026', headName: 'X', held: '1', heldBy: 'nobody', note: '' })).status, 400);
    const token = await t.token('demo.reception.commune');
    const get = async (p: string) => (await (await t.app.request(`/api/v1${p}`, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
    const july = (await get('/reception/compliance?month=2026-07')).items.find((i: { unitId: string }) => i.unitId === commune);
    assert.deepEqual({ required: july.required, held: july.held, byDeputy: july.byDeputy, deputyNotCounted: july.deputyNotCounted, ok: july.ok }, { required: 2, held: 1, byDeputy: 1, deputyNotCounted: 1, ok: false });
    const june = (await get('/reception/compliance?month=2026-06')).items.find((i: { unitId: string }) => i.unitId === commune);
    assert.equal(june.deputyNotCounted, 0, 'before 01/07/2026 a deputy\'s day counts');
    assert.ok(june.held >= 1 && june.byDeputy >= 1);
    const feb = (await get('/reception/compliance?month=2026-02')).items.find((i: { unitId: string }) => i.unitId === commune);
    assert.equal(feb.required, 3, 'Tết Bính Ngọ week 16–22/02/2026');
    const days = (await get('/reception/days?month=2026-07')).items.filter((d: { unitId: string }) => d.unitId === commune);
    assert.deepEqual(days.map((d: { heldBy: string; countsAsHead: boolean }) => [d.heldBy, d.countsAsHead]), [['head', true], ['deputy', false]]);
    const { getIndicator } = await import('../../platform/indicators/index.ts');
    assert.equal(await getIndicator('tcd.days')!.compute!(t.db, { unitId: commune, from: '2026-07-01', to: '2026-07-31' }), 1);
    assert.equal(await getIndicator('tcd.days')!.compute!(t.db, { unitId: commune, from: '2026-06-01', to: '2026-06-30' }), june.held);
    const page = await (await officer.get('/reception?month=2026-07')).text();
    assert.match(page, /1 ngày không tính từ 01\/07\/2026/);
  });

  test('staff entry of a letter with a scan; the dashboard and indicators count it', async () => {
    const officer = await t.as('demo.reception.commune');
    const body = new FormData();
    for (const [k, v] of Object.entries({ _csrf: await officer.csrf(), channel: 'forwarded', sourceBody: 'Đoàn đại biểu Quốc hội tỉnh', handlingUnitId: commune, receivedOn: '20/11/2026', senderName: 'Vũ Văn Thư', senderAddress: 'Tổ 2', title: 'Đơn chuyển đến', content: 'Đơn do Đoàn ĐBQH chuyển về việc cấp sổ đỏ.' })) body.set(k, v);
    body.set('scans', new File([Buffer.from('%PDF-1.4 test')], 'don.pdf', { type: 'application/pdf' }));
    const r = await officer.request('/petitions/new', { method: 'POST', body });
    assert.equal(r.status, 303);
    const id = r.headers.get('location')!.split('/')[2].split('?')[0];
    const row = await t.db.selectFrom('petitions').select(['files', 'channel']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(row.files).length, 1);
    const scan = await officer.get(`/petitions/${id}/files/${JSON.parse(row.files)[0]}`);
    assert.equal(scan.status, 200);
    assert.match(Buffer.from(await scan.arrayBuffer()).toString('latin1'), /^%PDF/);
    assert.equal((await officer.get(`/petitions/${id}/files/not-a-file`)).status, 404);
    // A sealed case: the scans are the denouncer's handwriting (LTC Art. 9): only who may reveal, audited.
    const sealed = new FormData();
    for (const [k, v] of Object.entries({ _csrf: await officer.csrf(), channel: 'letter', handlingUnitId: commune, receivedOn: '21/11/2026', senderName: 'Người Tố Cáo Thư', senderAddress: 'Tổ 2', kindHint: 'denunciation', title: 'Tố cáo bằng thư', content: 'Tố cáo cán bộ thu tiền trái phép khi cấp giấy phép.' })) sealed.set(k, v);
    sealed.set('scans', new File([Buffer.from('%PDF-1.4 chu viet tay')], 'thu-to-cao.pdf', { type: 'application/pdf' }));
    const s = await officer.request('/petitions/new', { method: 'POST', body: sealed });
    const sid = s.headers.get('location')!.split('/')[2].split('?')[0];
    const sfile = JSON.parse((await t.db.selectFrom('petitions').select('files').where('id', '=', sid).executeTakeFirstOrThrow()).files)[0];
    assert.equal((await officer.get(`/petitions/${sid}/files/${sfile}`)).status, 403, 'a reception officer who is neither assigned nor head');
    assert.doesNotMatch(await (await officer.get(`/petitions/${sid}`)).text(), new RegExp(`files/${sfile}`));
    const head = await t.as('demo.commune.head');
    assert.equal((await head.get(`/petitions/${sid}/files/${sfile}`)).status, 200);
    const audited = await t.db.selectFrom('audit_events').select('changes').where('action', '=', 'petitions.reveal').where('subject_id', '=', sid).execute();
    assert.equal(audited.length, 1);
    const dash = await (await (await t.as('demo.leader')).get('/petitions/dashboard')).text();
    assert.match(dash, /Quá hạn/);
    const { petitionIndicators } = await import('./index.ts');
    // The demo seed places its reception days and the answered feedback within the 90 days before today.
    const today = localToday();
    const ind = await petitionIndicators(t.db, { from: plusDays(today, -90), to: today, units: 'all' });
    assert.ok(ind.receptionDaysHeld >= 3 && ind.byKind.feedback.resolved >= 1);
  });

  test('restructuring moves open cases to the successor with their clocks and history', async () => {
    const before = await t.db.selectFrom('petitions').select(['id', 'due_on']).where('handling_unit_id', '=', commune).where('status', '=', 'accepted').execute();
    assert.ok(before.length > 0);
    const r = await reorganize(t.db, SYSTEM_ACTOR, { kind: 'rename', effectiveDate: '2027-01-01', legalBasis: 'NQ thử nghiệm', predecessorIds: [commune], successorNames: ['Phường Pleiku Mới'], intoId: null, note: null });
    assert.ok(r.ok);
    const moved = await t.db.selectFrom('petitions').select(['id', 'due_on', 'handling_unit_id']).where('id', 'in', before.map((b) => b.id)).execute();
    assert.ok(moved.every((m) => m.handling_unit_id === (r.ok && r.value.successorIds[0]) && m.due_on === before.find((b) => b.id === m.id)!.due_on));
    const ev = await t.db.selectFrom('petition_events').select('event').where('petition_id', '=', before[0].id).where('event', '=', 'moved').execute();
    assert.equal(ev.length, 1);
  });

  test('key rotation re-seals every identity with the new key; old values stay readable meanwhile', async () => {
    const v2 = parseSealKeys(newSealKey('v2'));
    const next = createSealer([...v2, DEV_SEAL_KEY]);
    useSealer(next);
    try {
      const r = await resealAll(t.db);
      assert.ok(r.petitions > 0 && r.receptionLogs > 0);
      const rows = await t.db.selectFrom('petitions').select('sender_sealed').where('sender_sealed', 'is not', null).execute();
      assert.ok(rows.every((x) => x.sender_sealed!.startsWith('seal:v2:')));
      assert.equal((await resealAll(t.db)).petitions, 0);
    } finally {
      useSealer(createSealer([DEV_SEAL_KEY, ...v2]));
    }
  });
});
