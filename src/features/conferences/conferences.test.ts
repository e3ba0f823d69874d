import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp, type Agent } from '../../../test/helpers/app.ts';
import { docxParagraphs } from '../../platform/docx/read.ts';
import { computeIndicators } from '../../platform/indicators/index.ts';
import { plusDays } from '../../domain/calendar/index.ts';
import { PERIODIC_AGENDA } from '../../domain/democracy/index.ts';
import { formatDate, localToday } from '../../platform/i18n/index.ts';

// Dates from the product clock: planned conferences lie ahead of today; recorded ones in December of last year (the demo has last year's story).
forEachDialect('conferences: commune democracy events (issue 18 item 12)', (dialect) => {
  let t: TestApp;
  let officer: Agent;
  const today = localToday();
  const last = Number(today.slice(0, 4)) - 1;
  const group = async (n: number) => (await t.db.selectFrom('units').select(['id', 'parent_id']).where('kind', '=', 'village').where('full_name', '=', `Tổ dân phố ${n}`).executeTakeFirstOrThrow());
  const api = async (token: string, path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: (await r.json()) as any };
  };
  before(async () => {
    t = await createTestApp(dialect);
    officer = await t.as('demo.commune');
  });
  after(() => t.close());

  test('NĐ59 Art. 11(1)(c) "notice delivered to households ≥05 days before": a conference still ahead without time for the notice is refused (400, Vietnamese); the village head acts for his own village only; the province reads', async () => {
    const head = await t.token('demo.village.head');
    const g1 = await group(1);
    const plan = (heldOn: string, noticeSentOn?: string) => ({ unitId: g1.id, heldOn: formatDate(heldOn), place: 'Nhà văn hóa', convener: 'Tổ trưởng', ...(noticeSentOn ? { noticeSentOn: formatDate(noticeSentOn) } : {}) });
    const soon = await api(head, '/conferences', plan(plusDays(today, 3)));
    assert.equal(soon.status, 400);
    assert.match(soon.body.error.fields.heldOn, new RegExp(`Không còn đủ 05 ngày.*${formatDate(plusDays(today, 5)).replace(/\//g, '\\/')}`));
    const late = await api(head, '/conferences', plan(plusDays(today, 4), today));
    assert.equal(late.status, 400);
    assert.match(late.body.error.fields.noticeSentOn, /ít nhất 05 ngày trước ngày họp/);
    const ok = await api(head, '/conferences', plan(plusDays(today, 5), today));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.kind, 'village-periodic');
    assert.equal((await api(head, '/conferences', { ...plan(plusDays(today, 9)), unitId: (await group(2)).id })).status, 403, 'another village');
    assert.equal((await api(head, '/conferences', { ...plan(plusDays(today, 9)), unitId: g1.parent_id })).status, 403, 'the commune dialogue is the commune\'s');
    const ahead = await api(head, '/conferences', plan(plusDays(today, 12)));
    assert.equal(ahead.status, 201, 'no notice yet, still time to send it');
    const work = (await api(head, '/me/work')).body.items as any[];
    assert.ok(work.some((w) => w.key === `conference:${ahead.body.id}:notice` && w.due === plusDays(today, 7)), 'the notice is due 5 days before, in the village head\'s work list');
    const noticed = await api(head, `/conferences/${ahead.body.id}/notice`, { noticeSentOn: formatDate(today) });
    assert.equal(noticed.body.noticeSentOn, today);
    assert.ok(!((await api(head, '/me/work')).body.items as any[]).some((w) => w.key === `conference:${ahead.body.id}:notice`), 'done once recorded');
    const leader = await t.token('demo.leader');
    assert.equal((await api(leader, '/conferences', plan(plusDays(today, 9)))).status, 403, 'province oversight is read-only');
    assert.equal((await api(leader, `/conferences/${ok.body.id}`)).body.noticeSentOn, today);
  });

  test('LDC Art. 33 and NĐ59 Art. 11(2) (agenda; "written report to UBND and UBMTTQ"): year-end minutes through the forms without JavaScript, attendance from the household register, Decree 30 DOCX', async () => {
    const g4 = await group(4);
    const s = await officer.post('/conferences', { unitId: g4.id, heldOn: `20/12/${last}`, place: 'Nhà văn hóa Tổ dân phố 4', convener: 'Tổ trưởng Tổ dân phố 4', planSentOn: `08/12/${last}`, noticeSentOn: `12/12/${last}` });
    assert.equal(s.status, 303, await s.text());
    const path = s.headers.get('location')!;
    const form = new URLSearchParams({ _csrf: await officer.csrf(), heldOn: `20/12/${last}`, householdsPresent: '35', householdsTotal: '', conclusions: 'Thống nhất kế hoạch năm tới.', reportSentOn: `22/12/${last}`, q1: 'Đề nghị làm mương thoát nước', a1: 'Đưa vào kế hoạch năm sau' });
    for (const a of PERIODIC_AGENDA) form.append('agenda', a);
    const tooMany = new URLSearchParams(form);
    tooMany.set('householdsPresent', '41');
    const bad = await officer.request(`${path}/minutes`, { method: 'POST', body: tooMany, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Số hộ tham dự không được lớn hơn tổng số hộ gia đình/);
    const m = await officer.request(`${path}/minutes`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(m.status, 303, await m.text());
    const page = await (await officer.get(path)).text();
    assert.match(page, /35\/40 hộ \(87,5%\)|35\/40 hộ \(87.5%\)/);
    assert.match(page, new RegExp(`ngày 22\\/12\\/${last}`));
    const docx = docxParagraphs(Buffer.from(await (await officer.get(`${path}/minutes.docx`)).arrayBuffer())).join('\n');
    for (const x of ['BIÊN BẢN', 'Điều 33', 'Điều 11 khoản 2', '35/40', 'Đề nghị làm mương thoát nước', 'Thành viên Ban Thanh tra nhân dân báo cáo', `22/12/${last}`]) assert.ok(docx.includes(x), x);
  });

  test('LDC Art. 32(1) "at least once a year" and Art. 33 "once a year, at year-end": compliance of last calendar year (notice and report on time), in the disclosure overview and as indicators', async () => {
    const token = await t.token('demo.admin');
    const c = await api(token, `/conferences/compliance?year=${last}`);
    assert.equal(c.status, 200);
    const g1 = await group(1);
    const ward = c.body.communes.find((x: any) => x.id === g1.parent_id);
    assert.equal(ward.dialogue.heldOn, `${last}-09-15`);
    const v = Object.fromEntries(ward.villages.map((x: any) => [x.name, x.periodic]));
    assert.deepEqual([v['Tổ dân phố 1'].noticeOnTime, v['Tổ dân phố 1'].reportOnTime, v['Tổ dân phố 1'].atYearEnd], [true, true, true]);
    assert.deepEqual([v['Tổ dân phố 3'].noticeOnTime, v['Tổ dân phố 3'].reportOnTime], [false, false], 'noticed 2 days before, no report');
    assert.equal(v['Tổ dân phố 5'], null);
    // The page tells a report never sent (with its due day) from one sent late.
    const page = await (await officer.get(`/conferences/compliance?year=${last}`)).text();
    const row3 = page.split('<tr').find((r) => r.includes('Tổ dân phố 3'))!;
    assert.match(row3, new RegExp(`Chưa gửi, quá hạn ${v['Tổ dân phố 3'].reportDue.split('-').reverse().join('/')}`));
    assert.match(page.split('<tr').find((r) => r.includes('Tổ dân phố 1'))!, /Đúng hạn \(\d{2}\/\d{2}\/\d{4}\)/);
    const villages = c.body.communes.flatMap((x: any) => x.villages);
    const held = villages.filter((x: any) => x.periodic).length;
    const overview = await (await officer.get(`/disclosures/overview?year=${last}&quarter=4`)).text();
    const wardHeld = ward.villages.filter((x: any) => x.periodic).length;
    assert.match(overview, new RegExp(`id="conferences".*1/1 xã, phường đã đối thoại với Nhân dân; ${wardHeld}/5 thôn`), 'the officer\'s ward in the disclosure overview');
    const ind = await computeIndicators(t.db, ['hn.dialogue', 'hn.periodic'], { unitId: g1.parent_id!, from: `${last}-01-01`, to: `${last}-12-31` });
    assert.equal(ind.get('hn.dialogue'), 1);
    assert.equal(ind.get('hn.periodic'), ward.villages.filter((x: any) => x.periodic).length);
    assert.ok(held >= 3);
  });
});
