import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';
import { localToday } from '../../platform/clock.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { daysBetween } from '../../domain/calendar/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { currentVersion } from '../../../test/helpers/concurrency.ts';

/** The lines of "Việc của tôi" as text: one string per <li class="work …">. */
const lines = (html: string) => [...html.matchAll(/<li class="work work-[a-z]+" data-key="([^"]+)">([\s\S]*?)<\/li>/g)].map((m) => ({ key: m[1], text: m[2].replace(/<br\/?>/g, ' ').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() }));

forEachDialect('"Việc của tôi": each person\'s work on the home page', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('the ward officer sees the ward\'s overdue complaint, its unwritten report and the board\'s recommendation, by deadline', async () => {
    const today = localToday();
    const pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    const a = await t.as('demo.commune');
    const html = await (await a.get('/')).text();
    assert.match(html, /<h1 id="my-work">Việc của tôi<\/h1>/);
    const got = lines(html);
    // The demo's land-recovery complaint was accepted weeks ago: its 30-day clock (LKN Art. 28) has run out.
    const complaint = await t.db.selectFrom('petitions').select(['id', 'due_on']).where('title', '=', 'Khiếu nại quyết định thu hồi đất').executeTakeFirstOrThrow();
    const c = got.find((l) => l.key === `petition:${complaint.id}`);
    assert.ok(c, JSON.stringify(got));
    assert.ok(complaint.due_on! < today);
    assert.match(c.text, new RegExp(`Giải quyết đơn: .*Khiếu nại quyết định thu hồi đất Phường Pleiku · ${formatDate(complaint.due_on)} · quá hạn ${daysBetween(complaint.due_on!, today)} ngày`));
    // Phường Pleiku has not sent the report of the last closed period of the cycle.
    const period = (await t.db.selectFrom('report_periods').select(['id', 'title', 'due_date']).where('due_date', '<', today).orderBy('due_date', 'desc').executeTakeFirstOrThrow());
    const report = got.find((l) => l.key === `report:${period.id}:${pleiku}`);
    assert.ok(report && report.text.startsWith(`Viết báo cáo: ${period.title}`), JSON.stringify(got));
    const rec = await t.db.selectFrom('board_recommendations').select(['id', 'answer_due']).where('answered_on', 'is', null).executeTakeFirstOrThrow();
    assert.ok(got.some((l) => l.key === `board-rec:${rec.id}` && l.text.includes(formatDate(rec.answer_due))));
    const dues = got.map((l) => /(\d{2})\/(\d{2})\/(\d{4})/.exec(l.text)).filter((m) => !!m).map((m) => `${m![3]}-${m![2]}-${m![1]}`);
    assert.deepEqual(dues, [...dues].sort(), 'ordered by deadline');
    assert.match(html, /href="\/areas\/work"/, 'the work areas stay reachable');
  });

  test('scope: the department officer sees only the department\'s work; the leader has nothing to do; the coordinator reviews', async () => {
    const dept = lines(await (await (await t.as('demo.department')).get('/')).text());
    const tuPhap = (await getUnitByKey(t.db, 'body:52:tu-phap'))!.id;
    assert.ok(dept.length > 0);
    const tasks = await t.db.selectFrom('tasks').select(['id', 'unit_id']).execute();
    const unitOf = new Map(tasks.map((x) => [x.id, x.unit_id]));
    assert.ok(dept.filter((l) => l.key.startsWith('task:')).every((l) => unitOf.get(l.key.slice(5)) === tuPhap));
    assert.ok(!dept.some((l) => l.key.startsWith('petition:')), 'no ward petitions for a department officer');
    assert.match(await (await (await t.as('demo.leader')).get('/')).text(), /Không có việc nào đến hạn/);
    const coord = lines(await (await (await t.as('demo.coordinator')).get('/')).text());
    assert.ok(coord.some((l) => l.key.startsWith('report-review:') && /^Xem xét báo cáo đã gửi: .+ \(\d+\)/.test(l.text)), JSON.stringify(coord));
  });

  test('an item disappears when it is done, through the API; the API and CSV give the same list', async () => {
    const token = await t.token('demo.department');
    const api = async (p: string, init: RequestInit = {}) => t.app.request(`/api/v1${p}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    const before = (await (await api('/me/work')).json()) as { today: string; items: { key: string; state: string; due: string | null; workingDaysLeft: number | null; daysOverdue: number | null }[] };
    assert.equal(before.today, localToday());
    const task = before.items.find((i) => i.key.startsWith('task:'))!;
    assert.ok(task);
    assert.ok(task.state === 'overdue' ? task.daysOverdue! > 0 : task.workingDaysLeft! >= 0);
    const done = await api(`/tasks/${task.key.slice(5)}`, { method: 'PATCH', body: JSON.stringify({ status: 'done', progress: 100, lockVersion: await currentVersion(t.db, 'tasks', task.key.slice(5)) }) });
    assert.equal(done.status, 200, await done.clone().text());
    const afterList = (await (await api('/me/work')).json()) as { items: { key: string }[] };
    assert.ok(!afterList.items.some((i) => i.key === task.key), 'done tasks leave the list');
    assert.equal(afterList.items.length, before.items.length - 1);
    const csv = await (await (await t.as('demo.department')).get('/me/work.csv')).text();
    assert.equal(csv.trim().split('\r\n').length, afterList.items.length + 1, 'header + one row per item');
    assert.equal((await t.app.request('/api/v1/me/work')).status, 401);
  });

  test('English: the same list with English labels and dd/mm/yyyy dates', async () => {
    const a = await t.as('demo.commune');
    await a.get('/?lang=en');
    const page = await (await a.get('/')).text();
    assert.match(page, /<h1 id="my-work">My work<\/h1>/);
    assert.match(page, /<strong>Resolve the petition<\/strong>: /);
    assert.match(page, /\d{2}\/\d{2}\/\d{4} · \d+ days overdue/);
  });
});
