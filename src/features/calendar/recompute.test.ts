import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { loadCalendar } from './calendar.service.ts';

// Dates derived from the product clock: a denunciation received today, its triage clock running.
forEachDialect('calendar changes recompute open clocks (issue 18 item 13)', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('BLLĐ 2019 Art. 112(3) "Thủ tướng Chính phủ quyết định cụ thể ngày nghỉ": this year and the next say whether the official schedule is in or the defaults apply', async () => {
    const year = Number(localToday().slice(0, 4));
    const cal = await loadCalendar(t.db);
    const html = await (await (await t.as('demo.commune')).get(`/calendar/${year}`)).text();
    const status = /<section id="years-status">([\s\S]*?)<\/section>/.exec(html)![1];
    for (const y of [year, year + 1]) {
      const row = new RegExp(`>${y}</a></td><td>(.*?)</td>`).exec(status)![1];
      assert.match(row, cal.year(y).origin === 'default' ? /chưa được xác nhận/ : /Đã có lịch chính thức/, `${y}: ${row}`);
    }
  });

  test('LTC 2018 Art. 24(1) "07 ngày làm việc": entering an official day off inside a running clock moves its due date, lists it after saving and audits it', async () => {
    const coord = await t.as('demo.coordinator');
    const today = localToday();
    const r = await coord.post('/petitions/new', { senderName: 'Ksor H\'Bia', senderAddress: 'Thôn 1', title: 'Tố cáo cán bộ thu tiền sai', content: 'Nội dung tố cáo chi tiết.', channel: 'letter', handlingUnitId: (await getUnitByKey(t.db, 'province:52:2025-07-01'))!.id, receivedOn: formatDate(today), kindHint: 'denunciation' });
    assert.equal(r.status, 303, await r.text());
    const id = /\/petitions\/([^?#]+)/.exec(r.headers.get('location')!)![1];
    const token = await t.token('demo.admin');
    const cls = await t.app.request(`/api/v1/petitions/${id}/classify`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'denunciation', field: 'land' }) });
    const body = await cls.text();
    assert.equal(cls.status, 200, body);
    const before = JSON.parse(body).deadlines.triage.due as string;
    const cal = await loadCalendar(t.db);
    assert.equal(before, cal.addWorkingDays(today, 7));
    const dayOff = cal.addWorkingDays(today, 1);
    const year = Number(dayOff.slice(0, 4));
    const lines = cal.year(year).entries.map((e) => `${formatDate(e.date)}; ${e.kind}; ${e.name}`);
    const saved = await coord.post(`/calendar/${year}`, { source: 'Thông báo thử nghiệm 2/TB-BNV', text: [...lines, `${formatDate(dayOff)}; official-break; Nghỉ theo thông báo thử`].join('\n') });
    assert.equal(saved.status, 303, await saved.text());
    const after = (await loadCalendar(t.db)).addWorkingDays(today, 7);
    assert.ok(after > before, `${after} > ${before}`);
    const page = await (await coord.get(saved.headers.get('location')!)).text();
    const moved = /<section id="moved-deadlines">([\s\S]*?)<\/section>/.exec(page)![1];
    assert.match(moved, new RegExp(`href="/petitions/${id}">[^<]+</a></td><td>[^<]+</td><td>${formatDate(before)}</td><td>${formatDate(after)}</td>`));
    const p = await t.db.selectFrom('petitions').select(['deadlines', 'due_on', 'clock_history']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(p.deadlines).triage.due, after);
    assert.equal(p.due_on, after);
    const h = (JSON.parse(p.clock_history) as any[]).filter((e) => e.event === 'recompute').map((e) => `${e.clock}:${e.previousDue}→${e.due}`);
    assert.ok(h.includes(`triage:${before}→${after}`), h.join(', '));
    const ev = await t.db.selectFrom('audit_events').select('changes').where('action', '=', 'calendar.clocks.recompute').executeTakeFirstOrThrow();
    assert.ok((JSON.parse(ev.changes!).moved as { href: string }[]).some((m) => m.href === `/petitions/${id}`));
    // Removing the entry brings the clock back and lists it again.
    assert.equal((await coord.post(`/calendar/${year}/reset`, {})).status, 303);
    assert.equal(JSON.parse((await t.db.selectFrom('petitions').select('deadlines').where('id', '=', id).executeTakeFirstOrThrow()).deadlines).triage.due, before);
  });
});
