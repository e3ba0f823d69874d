import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';

forEachDialect('legal time engine in the product', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());
  const get = async (path: string) => { const r = await t.app.request(path); return { status: r.status, body: (await r.json()) as any }; };

  test('the public calendar of 2026 lists Tết Bính Ngọ (14/02–22/02 for civil servants) and no plain weekends', async () => {
    const { status, body } = await get('/api/v1/public/calendar/2026');
    assert.equal(status, 200);
    assert.equal(body.year, 2026);
    const dates = body.days.map((d: { date: string }) => d.date);
    // 16/02–20/02/2026 are weekdays off for Tết (congan.com.vn, DOMAIN.md §11)
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) assert.ok(dates.includes(d), d);
    assert.ok(!dates.includes('2026-02-14'), 'a plain Saturday is not listed');
    for (const d of body.days) assert.ok(['holiday', 'compensatory', 'official-break', 'working-weekend'].includes(d.kind));
  });

  test('working-day answers with a reason; bad dates are 400 with the field named', async () => {
    assert.deepEqual((await get('/api/v1/public/calendar/working-day?date=2026-02-17')).body.working, false);
    const monday = await get('/api/v1/public/calendar/working-day?date=2026-03-02');
    assert.deepEqual(monday.body, { date: '2026-03-02', working: true, reason: 'Ngày làm việc' });
    const bad = await get('/api/v1/public/calendar/working-day?date=2026-02-30');
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.date);
  });

  test('deadline rules are listed and computed with their legal basis; unknown rule is 404', async () => {
    const list = await get('/api/v1/public/deadlines');
    const ids = list.body.items.map((r: { id: string }) => r.id);
    for (const id of ['denunciation.triage', 'complaint.first.resolve', 'reception.reply', 'disclosure.posting', 'mediation.start']) assert.ok(ids.includes(id), id);
    // LTC 2018 Art. 24(1): 7 working days to log and classify a denunciation. From Friday 13/02/2026 the
    // Tết break (16–20/02) is skipped: 23, 24, 25, 26, 27/02, 02, 03/03 → 03/03/2026.
    const triage = await get('/api/v1/public/deadlines/denunciation.triage?start=2026-02-13');
    assert.equal(triage.status, 200);
    assert.equal(triage.body.due, '2026-03-03');
    assert.equal(triage.body.unit, 'working-days');
    assert.equal(triage.body.days, 7);
    assert.ok(triage.body.legalBasis.law);
    assert.equal((await get('/api/v1/public/deadlines/no.such.rule?start=2026-02-13')).status, 404);
    const bad = await get('/api/v1/public/deadlines/denunciation.triage?start=13-02-2026');
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.start);
  });

  test('the calculator page works without JavaScript and explains the result in Vietnamese', async () => {
    const agent = await t.agent();
    const page = await agent.get('/public/deadlines?rule=denunciation.triage&start=13%2F02%2F2026');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Hạn cuối: 03\/03\/2026/);
    assert.match(html, /7 ngày làm việc/);
    const bad = await agent.get('/public/deadlines?rule=denunciation.triage&start=31%2F02%2F2026');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /ngày\/tháng\/năm/);
  });

  test('a coordinator corrects a year: the override wins, is audited, changes deadlines, and can be removed', async () => {
    const coord = await t.as('demo.coordinator');
    const before = await get('/api/v1/public/calendar/working-day?date=2027-03-01');
    assert.equal(before.body.working, true);
    const bad = await coord.post('/calendar/2027', { source: 'Thông báo thử', text: '01/03/2027; holiday; Ngày thử\n06/03/2027; holiday; Thứ Bảy' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /ngày nghỉ phải là ngày trong tuần/);
    const saved = await coord.post('/calendar/2027', { source: 'Thông báo thử nghiệm 1/TB', text: '01/03/2027; holiday; Ngày nghỉ thử nghiệm\n06/03/2027; working-weekend; Làm bù' });
    assert.equal(saved.status, 303);
    assert.equal((await get('/api/v1/public/calendar/working-day?date=2027-03-01')).body.working, false);
    assert.equal((await get('/api/v1/public/calendar/working-day?date=2027-03-06')).body.working, true);
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'calendar').execute();
    assert.deepEqual(audit.map((a) => a.action), ['calendar.schedule.save', 'calendar.clocks.recompute']);
    const reset = await coord.post('/calendar/2027/reset', {});
    assert.equal(reset.status, 303);
    assert.equal((await get('/api/v1/public/calendar/working-day?date=2027-03-01')).body.working, true);
  });

  test('a commune officer may read the calendar but not change it', async () => {
    const officer = await t.as('demo.commune');
    assert.equal((await officer.get('/calendar/2026')).status, 200);
    assert.equal((await officer.post('/calendar/2026', { source: 'x', text: '' })).status, 403);
  });
});

forEachDialect('province reading of plain "ngày"', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('switching complaint.first.resolve to working days changes the computed due date, audited', async () => {
    const url = '/api/v1/public/deadlines/complaint.first.resolve?start=2026-03-02';
    const before = (await (await t.app.request(url)).json()) as { due: string; unit: string };
    assert.equal(before.unit, 'calendar-days');
    const coord = await t.as('demo.coordinator');
    assert.equal((await coord.get('/deadlines/settings')).status, 200);
    assert.equal((await coord.post('/deadlines/settings/complaint.first.resolve', { unit: 'working-days' })).status, 303);
    const after = (await (await t.app.request(url)).json()) as { due: string; unit: string };
    assert.equal(after.unit, 'working-days');
    assert.ok(after.due > before.due, `${after.due} > ${before.due}`);
    // A tampered value, an unknown rule or year: a Vietnamese error page, not a bare line (found by the fuzz).
    const weeks = await coord.post('/deadlines/settings/complaint.first.resolve', { unit: 'weeks' });
    assert.equal(weeks.status, 400);
    assert.match(await weeks.text(), /<h1>Dữ liệu gửi lên không hợp lệ<\/h1>[\s\S]*unit: Lựa chọn không hợp lệ/);
    assert.equal((await coord.post('/deadlines/settings/khong.co', { unit: 'working-days' })).status, 404);
    assert.equal((await coord.post('/calendar/..%2F..%2Fetc', {})).status, 404);
    const ev = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'deadlines.unit.set').execute();
    assert.equal(ev.length, 1);
  });
});
