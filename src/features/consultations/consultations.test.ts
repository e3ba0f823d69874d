import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { verifyChain } from '../../platform/audit/index.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { docxParagraphs } from '../../platform/docx/read.ts';
import { buildDecree30 } from '../../platform/docx/index.ts';
import { addDays } from '../../domain/disclosure/clock.ts';
import { getUnitByKey } from '../units/index.ts';
import { atInstant } from '../../platform/clock.ts';
import { consultationStats } from './index.ts';

type Json = Record<string, any>;

forEachDialect('consultations', (dialect) => {
  let t: TestApp;
  let token: string;
  let commune: string;
  const today = localToday();
  const call = async (method: string, path: string, body?: unknown, bearer: string | null = token) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const r = await t.app.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? ((await r.json()) as Json) : {}, res: r };
  };
  const sections = [{ key: 'd1', title: 'Điều 1. Phạm vi', text: 'Quy chế này quy định…' }, { key: 'd2', title: 'Điều 2. Đóng góp', text: 'Mức đóng góp…' }];
  const open = (extra: Json = {}) => call('POST', '/consultations', { unitId: commune, title: 'Dự thảo Quy chế thực hiện dân chủ phường Pleiku', matter: 'ldc25.7', opensOn: today, closesOn: addDays(today, 20), sections, ...extra });

  before(async () => {
    t = await createTestApp(dialect);
    token = await t.token('demo.commune');
    commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  });
  after(() => t.close());

  test('Art. 28: a period shorter than 20 days is refused unless a specific law is cited', async () => {
    const short = await open({ closesOn: addDays(today, 19) });
    assert.equal(short.status, 400);
    assert.match(short.body.error.fields.closesOn, /20 ngày.*Điều 28/);
    assert.equal((await open({ closesOn: addDays(today, 10), specificLaw: 'Khoản 3 Điều 69 Luật Đất đai 31/2024/QH15' })).status, 201);
    const ok = await open();
    assert.equal(ok.status, 201);
    assert.equal(ok.body.earliestClose, addDays(today, 20));
    const bad = await open({ matter: 'ldc25.99', opensOn: '2026-02-30', sections: [{ key: 'a', title: '' }] });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.matter && bad.body.error.fields.opensOn);
  });

  test('comments from citizens, staff and the Fatherland Front; dispositions; close refused until all answered', async () => {
    const c = (await open()).body.id as string;
    const pub = await call('POST', `/public/consultations/${c}/comments`, { text: 'Đề nghị giảm mức đóng góp cho hộ nghèo', sectionKey: 'd2' }, null);
    assert.equal(pub.status, 201);
    const named = await call('POST', `/public/consultations/${c}/comments`, { text: 'Đồng ý với phạm vi', sectionKey: 'd1', name: 'Nguyễn Thị Lan' }, null);
    assert.equal(named.status, 201);
    assert.equal((await call('POST', `/public/consultations/${c}/comments`, { text: 'x', sectionKey: 'zz' }, null)).status, 400);
    assert.equal((await call('POST', `/public/consultations/${c}/comments`, { text: '' }, null)).status, 400);
    const front = await call('POST', `/consultations/${c}/comments`, { text: 'Phản biện: cần quy định công khai quỹ', channel: 'organization', organization: 'Ủy ban MTTQ Việt Nam phường Pleiku' });
    assert.equal(front.status, 201);
    const box = await call('POST', `/consultations/${c}/comments`, { text: 'Ý kiến từ hòm thư', channel: 'box', receivedOn: today });
    assert.equal(box.status, 201);
    assert.equal((await call('POST', `/consultations/${c}/comments`, { text: 'x', channel: 'organization' })).status, 400);
    const refused = await call('POST', `/consultations/${c}/close`, {});
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'undisposed_comments');
    for (const [id, decision] of [[pub.body.id, 'partly'], [named.body.id, 'accepted'], [front.body.id, 'accepted'], [box.body.id, 'rejected']]) {
      const d = await call('POST', `/consultations/${c}/comments/${id}/disposition`, { decision, explanation: `Giải trình cho ${decision}` });
      assert.equal(d.status, 200, JSON.stringify(d.body));
    }
    assert.equal((await call('POST', `/consultations/${c}/comments/${box.body.id}/disposition`, { decision: 'maybe', explanation: '' })).status, 400);
    const departs = await call('POST', `/consultations/${c}/close`, { departsFromMajority: true });
    assert.equal(departs.status, 400);
    assert.match(departs.body.error.fields.departureReason, /Điều 28/);
    const closed = await call('POST', `/consultations/${c}/close`);
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal((await call('POST', `/public/consultations/${c}/comments`, { text: 'muộn' }, null)).status, 409);
    const docx = await call('GET', `/consultations/${c}/explanation-report.docx`);
    assert.equal(docx.status, 200);
    const lines = docxParagraphs(Buffer.from(await docx.res.arrayBuffer()));
    const i1 = lines.findIndex((l) => l.startsWith('1. Điều 1. Phạm vi'));
    const i2 = lines.findIndex((l) => l.startsWith('2. Điều 2. Đóng góp'));
    const iGeneral = lines.findIndex((l) => /Ý kiến chung/.test(l));
    assert.ok(i1 > 0 && i2 > i1 && iGeneral > i2, lines.join('\n'));
    assert.ok(lines.slice(i1, i2).includes('Đồng ý với phạm vi'));
    assert.ok(lines.slice(i2, iGeneral).includes('Đề nghị giảm mức đóng góp cho hộ nghèo'));
    assert.ok(lines.slice(i2, iGeneral).includes('Tiếp thu một phần'));
    assert.ok(lines.slice(iGeneral).some((l) => /MTTQ.*phản biện xã hội/.test(l)));
    assert.ok(lines.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    const page = await t.agent().get(`/consult/${c}/report`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Báo cáo tiếp thu, giải trình/);
    assert.match(html, /Người dân \(ẩn danh\)/);
    assert.ok(html.indexOf('Điều 1. Phạm vi') < html.indexOf('Điều 2. Đóng góp'));
    const stats = await consultationStats(t.db, [commune], '2000-01-01', '2100-01-01');
    assert.ok(stats.commentsReceived >= 4 && stats.commentsAccepted >= 3 && stats.closed >= 1);
    assert.deepEqual(await verifyChain(t.db), { ok: true, count: (await verifyChain(t.db)).count });
  });

  test('Art. 11(11): the plan is disclosed when a commune opens a consultation, the result and explanation when it closes', async () => {
    const o = await open({ title: 'Dự thảo phương án thu gom rác thải sinh hoạt' });
    assert.equal(o.status, 201);
    const id = o.body.id as string;
    const board = async () => (await call('GET', `/public/disclosures?unitId=${commune}&q=thu gom rac thai`, undefined, null)).body.items as Json[];
    const atOpen = await board();
    assert.deepEqual(atOpen.map((d) => [d.itemCode, d.postedOn]), [['c11', today]]);
    assert.match(atOpen[0].title, /^Kế hoạch, nội dung lấy ý kiến: /);
    const comment = await call('POST', `/public/consultations/${id}/comments`, { text: 'Đề nghị thu gom hai lần mỗi tuần' }, null);
    await call('POST', `/consultations/${id}/comments/${comment.body.id}/disposition`, { decision: 'accepted', explanation: 'Tiếp thu' });
    const closed = await call('POST', `/consultations/${id}/close`, { decision: 'Ban hành phương án' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const atClose = await board();
    const result = atClose.find((d) => d.id === closed.body.disclosureId);
    assert.ok(result, JSON.stringify(atClose));
    assert.deepEqual([result.itemCode, result.postedOn, result.postedUntil], ['c11', today, addDays(today, 30)]);
    assert.match(result.title, /^Kết quả tổng hợp, tiếp thu, giải trình ý kiến: /);
    const detail = await (await t.agent().get(`/board/d/${result.id}`)).text();
    assert.ok(detail.includes(`href="/consult/${id}/report"`), 'the board links to the public explanation report');
    const report = await (await t.agent().get(`/consult/${id}/report`)).text();
    assert.match(report, /đã được công khai từ ngày/);
    const comp = await call('GET', `/disclosures/compliance?unitId=${commune}&from=${addDays(today, -1)}&to=${addDays(today, 1)}`);
    assert.ok(!comp.body.missing.includes('c11') && comp.body.missing.includes('c01'), JSON.stringify(comp.body));
  });

  test('Art. 27: an Art. 25(8) draft cannot close until informing or dialogue with affected citizens is recorded; it is filed in the report', async () => {
    const o = await open({ title: 'Dự thảo quyết định giải tỏa hành lang lộ giới đường Trần Phú', matter: 'ldc25.8' });
    const id = o.body.id as string;
    const m = await call('POST', `/public/consultations/${id}/comments`, { text: 'Đề nghị hỗ trợ chi phí di dời', sectionKey: 'd2' }, null);
    await call('POST', `/consultations/${id}/comments/${m.body.id}/disposition`, { decision: 'partly', explanation: 'Hỗ trợ theo quy định' });
    const refused = await call('POST', `/consultations/${id}/close`, {});
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.fields.dialogues, /Điều 27/);
    const bad = await call('POST', `/consultations/${id}/dialogues`, { kind: 'party', heldOn: '31/02/2026', affected: '', opinions: '' });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['affected', 'heldOn', 'kind', 'opinions']);
    const d = await call('POST', `/consultations/${id}/dialogues`, { kind: 'meeting', heldOn: today, place: 'Hội trường tổ dân phố 4', participants: 'UBND phường, Ủy ban MTTQ phường, Ban Thanh tra nhân dân', affected: '12 hộ dọc đường Trần Phú', opinions: 'Các hộ đề nghị gia hạn tháo dỡ đến sau Tết', answers: 'Tiếp thu: gia hạn đến 28/02/2027' });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    assert.equal((await call('POST', `/consultations/${id}/dialogues`, { kind: 'meeting', heldOn: today, affected: 'x', opinions: 'y' }, null)).status, 401);
    assert.equal((await call('POST', `/consultations/${id}/close`, {})).status, 200);
    assert.equal((await call('POST', `/consultations/${id}/dialogues`, { kind: 'notice', heldOn: today, affected: 'x', opinions: 'y' })).status, 409);
    const docx = await call('GET', `/consultations/${id}/explanation-report.docx`);
    const lines = docxParagraphs(Buffer.from(await docx.res.arrayBuffer()));
    const h = lines.findIndex((l) => /^III\. THÔNG TIN, ĐỐI THOẠI VỚI NGƯỜI DÂN CHỊU TÁC ĐỘNG \(ĐIỀU 27\)$/.test(l));
    assert.ok(h > 0, lines.join('\n'));
    assert.ok(lines.slice(h).some((l) => l.includes('Các hộ đề nghị gia hạn tháo dỡ đến sau Tết')));
    assert.ok(lines.slice(h).some((l) => l.includes('Tiếp thu: gia hạn đến 28/02/2027')));
    const page = await (await t.agent().get(`/consult/${id}/report`)).text();
    assert.match(page, /12 hộ dọc đường Trần Phú/);
    const officer = await t.as('demo.commune');
    const c2 = (await open({ title: 'Dự thảo quyết định cấm đỗ xe', matter: 'ldc25.8' })).body.id as string;
    const detail = await (await officer.get(`/consultations/${c2}`)).text();
    assert.match(detail, /phải thông tin cho người dân chịu tác động/);
    const empty = await officer.post(`/consultations/${c2}/dialogues`, { kind: 'meeting', heldOn: 'hôm nay', affected: 'Các hộ kinh doanh', opinions: '' });
    assert.equal(empty.status, 400);
    const html = await empty.text();
    assert.match(html, /ngày\/tháng\/năm/);
    assert.match(html, /value="Các hộ kinh doanh"|>Các hộ kinh doanh</);
    const closeEarly = await officer.post(`/consultations/${c2}/close`, {});
    assert.equal(closeEarly.status, 400);
    assert.match(await closeEarly.text(), /Điều 27/);
    assert.equal((await officer.post(`/consultations/${c2}/dialogues`, { kind: 'notice', heldOn: formatDate(today), affected: 'Các hộ kinh doanh', opinions: 'Đồng ý' })).status, 303);
    assert.equal((await officer.post(`/consultations/${c2}/close`, {})).status, 303);
  });

  test('a comment after the last day is refused with 409', async () => {
    const past = await open({ opensOn: '2026-01-05', closesOn: '2026-01-30' });
    assert.equal(past.status, 201);
    assert.equal((await call('POST', `/public/consultations/${past.body.id}/comments`, { text: 'muộn' }, null)).status, 409);
  });

  test('Civil Code Art. 148(5) "ngày cuối cùng của thời hạn là ngày nghỉ … kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo": a consultation ending Sat 21/11/2026 takes comments on Mon 23/11, not on Tue 24/11; the reading is a province setting', async () => {
    const c = await open({ title: 'Dự thảo quy chế quản lý chợ', opensOn: '2026-11-01', closesOn: '2026-11-21' });
    assert.equal(c.status, 201);
    const comment = (day: string) => atInstant(`${day}T10:00:00+07:00`, () => call('POST', `/public/consultations/${c.body.id}/comments`, { text: `Ý kiến ngày ${day}` }, null));
    assert.equal((await comment('2026-11-23')).status, 201, 'the window runs to the next working day');
    assert.equal((await comment('2026-11-24')).status, 409);
    const page = await atInstant('2026-11-22T10:00:00+07:00', async () => (await t.app.request(`/consult/${c.body.id}`)).text());
    assert.match(page, /id="window-end"[^>]*>[^<]*23\/11\/2026/);
    const coord = await t.as('demo.coordinator');
    assert.equal((await coord.post('/deadlines/settings/readings/consultation.window.next-working-day', { value: 'off' })).status, 303);
    assert.equal((await comment('2026-11-23')).status, 409, 'reading off: the window ends on the day written');
    assert.equal((await coord.post('/deadlines/settings/readings/consultation.window.next-working-day', { value: '' })).status, 303);
    assert.equal((await coord.post('/deadlines/settings/readings/no-such-reading', { value: 'on' })).status, 400);
    const ev = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'deadlines.reading.set').execute();
    assert.equal(ev.length, 2);
  });

  test('pages: a citizen comments without an account; the officer disposes and closes with forms', async () => {
    const c = (await open({ title: 'Dự thảo phương án đặt tên đường' })).body.id as string;
    const citizen = t.agent();
    assert.equal((await citizen.get(`/consult/${c}`)).status, 200);
    const empty = await citizen.post(`/public/consult/${c}/comments`, { text: '' });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /bắt buộc/);
    assert.equal((await citizen.post(`/public/consult/${c}/comments`, { text: 'Nên đặt tên theo danh nhân địa phương', sectionKey: 'd1' })).status, 303);
    const officer = await t.as('demo.commune');
    const detail = await (await officer.get(`/consultations/${c}`)).text();
    const id = detail.match(/comments\/([0-9a-f-]{36})\/disposition/)![1];
    assert.equal((await officer.post(`/consultations/${c}/close`, {})).status, 409);
    assert.equal((await officer.post(`/consultations/${c}/comments/${id}/disposition`, { decision: 'accepted', explanation: 'Sẽ lấy tên danh nhân' })).status, 303);
    assert.equal((await officer.post(`/consultations/${c}/close`, { decision: 'Thông qua phương án' })).status, 303);
    assert.match(await (await citizen.get(`/consult/${c}/report`)).text(), /Sẽ lấy tên danh nhân/);
    const csrf = await officer.csrf();
    const multipart = (file: File) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ _csrf: csrf, unitId: commune, title: 'Dự thảo quy định giờ hoạt động chợ đêm', matter: 'ldc25.5', opensOn: formatDate(today), closesOn: formatDate(addDays(today, 21)), sections: 'Điều 1. Giờ mở cửa\nTừ 17 giờ đến 23 giờ' })) f.append(k, v);
      f.append('forms', 'portal');
      f.append('file', file);
      return officer.request('/consultations/new', { method: 'POST', body: f });
    };
    const png = await multipart(new File([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], 'anh.png', { type: 'image/png' }));
    assert.equal(png.status, 400);
    const pngHtml = await png.text();
    assert.match(pngHtml, /href="#f-file"/);
    assert.match(pngHtml, /value="Dự thảo quy định giờ hoạt động chợ đêm"/);
    const draft = await buildDecree30({ issuer: 'Ủy ban nhân dân phường Pleiku', symbol: 'QĐ-UBND', place: 'Pleiku', date: today, type: 'Quyết định', summary: 'Dự thảo quy định giờ hoạt động chợ đêm', blocks: [{ kind: 'paragraph', text: 'Điều 1.' }], signer: { position: 'Chủ tịch', name: '' }, recipients: [] });
    const withDoc = await multipart(new File([new Uint8Array(draft)], 'du-thao.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    assert.equal(withDoc.status, 303, (await withDoc.clone().text()).slice(0, 300));
    const cid = withDoc.headers.get('location')!.match(/[0-9a-f-]{36}/)![0];
    const publicPage = await (await citizen.get(`/consult/${cid}`)).text();
    const fileUrl = publicPage.match(/href="(\/board\/files\/[0-9a-f-]{36})"/)?.[1];
    assert.ok(fileUrl, 'the draft is downloadable from the public page');
    const dl = await citizen.get(fileUrl);
    assert.equal(dl.status, 200);
    assert.deepEqual(Buffer.from(await dl.arrayBuffer()), Buffer.from(draft));
    const newForm = await officer.post('/consultations/new', { unitId: commune, title: 'X', matter: 'ldc25.9', opensOn: '01/12/2026', closesOn: '05/12/2026', sections: 'Phần 1\nNội dung' });
    assert.equal(newForm.status, 400);
    assert.match(await newForm.text(), /ít nhất 20 ngày/);
  });
});
