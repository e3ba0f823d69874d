import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp, type Agent } from '../../../test/helpers/app.ts';
import { docxParagraphs as docxText } from '../../platform/docx/read.ts';
import { plusDays } from '../../domain/calendar/index.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { getUnitByKey } from '../units/index.ts';

// Dates from the product clock: the dialogue lies ahead of today, the minutes and the decision are dated today.
forEachDialect('petitions: the complaint dialogue (issue 18 item 10)', (dialect) => {
  let t: TestApp;
  let coord: Agent;
  let token: string;
  const today = localToday();
  const api = async (path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: (await r.json()) as any };
  };
  /** A complaint received, classified at `instance` and accepted today at the provincial committee. */
  const accepted = async (title: string, instance: 'first' | 'second') => {
    const province = (await getUnitByKey(t.db, 'province:52:2025-07-01'))!.id;
    const r = await coord.post('/petitions/new', { senderName: 'Rơ Mah Thu', senderAddress: 'Làng Ia Mơ', title, content: `${title}: nội dung chi tiết.`, channel: 'letter', handlingUnitId: province, receivedOn: formatDate(today), kindHint: 'complaint' });
    const id = /\/petitions\/([^?#]+)/.exec(r.headers.get('location')!)![1];
    assert.equal((await api(`/petitions/${id}/classify`, { kind: 'complaint', field: 'land', instance })).status, 200);
    assert.equal((await api(`/petitions/${id}/accept`, { acceptedOn: formatDate(today), decisionNumber: '7/TB-UBND' })).status, 200);
    return id;
  };
  const decision = { outcome: 'rejected', documentNumber: '15/QĐ-UBND', summary: 'Giữ nguyên quyết định giải quyết lần đầu', resolvedOn: formatDate(today) };
  before(async () => {
    t = await createTestApp(dialect);
    coord = await t.as('demo.admin');
    token = await t.token('demo.admin');
  });
  after(() => t.close());

  test('LKN Art. 39 and NĐ 124/2020 Art. 28 as amended ("dialogue is mandatory at the 2nd instance", notice "≥05 days before"): scheduled on the case clock and work list, no resolution without minutes, minutes as DOCX', async () => {
    const id = await accepted('Khiếu nại lần hai về bồi thường', 'second');
    const blocked = await api(`/petitions/${id}/resolve`, decision);
    assert.equal(blocked.status, 409);
    assert.match(blocked.body.error.message, /chưa có biên bản đối thoại/);
    const soon = await api(`/petitions/${id}/dialogue`, { dialogueOn: formatDate(plusDays(today, 4)), time: '08:30', place: 'Hội trường UBND tỉnh', complainant: 'Rơ Mah Thu', respondent: 'Chủ tịch UBND xã Ia Mơ' });
    assert.equal(soon.status, 400);
    assert.match(soon.body.error.fields.dialogueOn, /ít nhất 05 ngày/);
    const on = plusDays(today, 9);
    const s = await api(`/petitions/${id}/dialogue`, { dialogueOn: formatDate(on), time: '8h30', place: 'Hội trường UBND tỉnh', complainant: 'Rơ Mah Thu', respondent: 'Chủ tịch UBND xã Ia Mơ', bodies: 'Sở Nông nghiệp và Môi trường; Thanh tra tỉnh' });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    assert.equal(s.body.deadlines.dialogue.due, on);
    assert.equal(s.body.deadlines['notice.dialogue'].due, plusDays(on, -5));
    assert.deepEqual(s.body.dialogue.participants.map((x: any) => x.role), ['complainant', 'respondent', 'body', 'body']);
    const officer = await t.token('demo.reception');
    const work = ((await (await t.app.request('/api/v1/me/work', { headers: { authorization: `Bearer ${officer}` } })).json()) as any).items as any[];
    assert.ok(work.some((w) => w.key === `petition:${id}:dialogue` && w.due === on), 'the dialogue in the work list');
    assert.ok(work.some((w) => w.key === `petition:${id}:notice:dialogue` && w.due === plusDays(on, -5)), 'its notice too');
    const invite = docxText(Buffer.from(await (await coord.get(`/petitions/${id}/notices/dialogue.docx`)).arrayBuffer())).join('\n');
    assert.match(invite, new RegExp(`08:30 ngày ${formatDate(on).replace(/\//g, '\\/')}`));
    const future = await api(`/petitions/${id}/dialogue-minutes`, { heldOn: formatDate(plusDays(today, 1)), content: 'x', opinions: 'y', outcome: 'z' });
    assert.equal(future.status, 400, 'minutes are not dated after today');
    const m = await api(`/petitions/${id}/dialogue-minutes`, { heldOn: formatDate(today), attendees: 'Đủ thành phần', content: 'Người khiếu nại trình bày yêu cầu bồi thường thêm.', opinions: 'Sở Nông nghiệp và Môi trường giải thích đơn giá.', outcome: 'Người khiếu nại giữ yêu cầu.' });
    assert.equal(m.status, 200);
    assert.deepEqual(m.body.clockHistory.filter((h: any) => h.clock === 'dialogue').map((h: any) => h.event), ['start', 'end']);
    const minutes = docxText(Buffer.from(await (await coord.get(`/petitions/${id}/dialogue.docx`)).arrayBuffer())).join('\n');
    for (const s of ['BIÊN BẢN', 'Thanh tra tỉnh', 'giải thích đơn giá', 'Người khiếu nại giữ yêu cầu', 'Điều 39']) assert.ok(minutes.includes(s), s);
    const done = await api(`/petitions/${id}/resolve`, decision);
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'resolved');
  });

  test('LKN Art. 30(1) "nếu yêu cầu của người khiếu nại và kết quả xác minh … còn khác nhau thì … tổ chức đối thoại": at the first instance only then; the case page says so without JavaScript', async () => {
    const plain = await accepted('Khiếu nại lần đầu, đồng thuận', 'first');
    assert.equal((await api(`/petitions/${plain}/resolve`, decision)).status, 200, 'no dialogue needed when they agree');
    const id = await accepted('Khiếu nại lần đầu, còn khác nhau', 'first');
    const page = await coord.post(`/petitions/${id}/resolve`, { ...decision, verificationDiffers: '1' });
    assert.equal(page.status, 409);
    assert.match(await page.text(), /phải đối thoại và có biên bản đối thoại trước/);
    assert.match(await (await coord.get(`/petitions/${id}`)).text(), /id="dialogue"/);
  });
});
