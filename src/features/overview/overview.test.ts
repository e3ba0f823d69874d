import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';
import { localToday } from '../../platform/clock.ts';
import { computeIndicators } from '../../platform/indicators/index.ts';
import { formatNumber } from '../../platform/i18n/index.ts';
import { findUnits } from '../units/index.ts';
import { listPeriods, reportTimeliness } from '../reports/index.ts';
import { lastQuarters, OVERVIEW_FIGURES, previousOf } from './overview.service.ts';

/** The text of one headline figure (<li class="figure" id="fig-…">), tags stripped. */
const figure = (html: string, id: string) => {
  const m = new RegExp(`<li class="figure" id="fig-${id.replace(/\./g, '\\.')}">([\\s\\S]*?)</li>`).exec(html);
  assert.ok(m, `figure ${id} on the page`);
  return m[1].replace(/<details[\s\S]*?<\/details>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
};
/** The rows of the table after the heading with that id: cell texts. */
const tableAfter = (html: string, id: string) => {
  const from = html.indexOf(`id="${id}"`);
  const part = html.slice(from, html.indexOf('</table>', html.indexOf('<div class="no-print"><div class="table-wrap">', from)));
  const body = part.slice(part.lastIndexOf('<tbody>'));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').trim()));
};

forEachDialect('Province overview for leaders (/overview)', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('each headline figure is the report indicator for the province this year so far, beside the same days a year earlier', async () => {
    const today = localToday();
    const year = Number(today.slice(0, 4));
    const lastYear = `${year - 1}${today.slice(4) === '-02-29' ? '-02-28' : today.slice(4)}`;
    const periods = await listPeriods(t.db);
    const province = (await findUnits(t.db, { at: today, kind: 'province-committee' }))[0];
    const codes = OVERVIEW_FIGURES.map((f) => f.code);
    const now = await computeIndicators(t.db, codes, { unitId: province.id, from: `${year}-01-01`, to: today });
    const then = await computeIndicators(t.db, codes, { unitId: province.id, from: `${year - 1}-01-01`, to: lastYear });
    const html = await (await (await t.as('demo.leader')).get('/overview')).text();
    assert.match(html, new RegExp(`Kỳ Năm ${year} đến nay: số liệu từ 01/01/${year}`));
    for (const code of codes) {
      const text = figure(html, code);
      const v = now.get(code)!;
      assert.ok(text.includes(`${formatNumber(v)} `), `${code}: ${text} shows ${v}`);
      const d = Math.round((v - then.get(code)!) * 100) / 100;
      assert.ok(text.includes(d === 0 ? 'không đổi so với kỳ trước' : `${d > 0 ? 'tăng' : 'giảm'} ${Math.abs(d)} so với kỳ trước`), `${code}: ${text}`);
    }
    // The report figure is the last period whose last day to send has passed.
    const closed = periods.filter((p) => p.lastDay < today).sort((a, b) => (a.lastDay < b.lastDay ? 1 : -1))[0];
    const rt = await reportTimeliness(t.db, closed, today);
    const rp = await reportTimeliness(t.db, previousOf(periods, closed)!, today);
    assert.match(figure(html, 'reports'), new RegExp(`^${closed.title}: báo cáo gửi đúng hạn ${rt.onTime}/${rt.units} đơn vị ${rt.late} gửi muộn, ${rt.missing} chưa gửi kỳ trước: ${rp.onTime}/${rp.units} đơn vị`));
    assert.ok(rt.units > 100, 'every commune and department reports');
  });

  test('a report period: its cut-off, beside the previous period of the same kind', async () => {
    const today = localToday();
    const periods = await listPeriods(t.db);
    const period = periods.find((p) => p.to < today && previousOf(periods, p))!;
    const previous = previousOf(periods, period)!;
    const province = (await findUnits(t.db, { at: today, kind: 'province-committee' }))[0];
    const now = await computeIndicators(t.db, ['don.received'], { unitId: province.id, from: period.from, to: period.to });
    const then = await computeIndicators(t.db, ['don.received'], { unitId: province.id, from: previous.from, to: previous.to });
    const html = await (await (await t.as('demo.coordinator')).get(`/overview?period=${period.id}`)).text();
    assert.match(html, new RegExp(`So sánh với ${previous.title}`));
    const d = now.get('don.received')! - then.get('don.received')!;
    assert.ok(figure(html, 'don.received').startsWith(`Đơn khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận ${formatNumber(now.get('don.received')!)} đơn ${d === 0 ? 'không đổi' : d > 0 ? `tăng ${d}` : `giảm ${-d}`}`), figure(html, 'don.received'));
  });

  test('the ranking of communes puts the worst first, by the figure chosen; CSV and API carry the same rows', async () => {
    const leader = await t.as('demo.leader');
    const communes = (await findUnits(t.db, { at: localToday(), kind: 'commune-committee' })).length;
    const html = await (await leader.get('/overview?sort=don.overdue')).text();
    const rows = tableAfter(html, 'communes');
    assert.equal(rows.length, communes);
    const col = 3 + OVERVIEW_FIGURES.findIndex((f) => f.code === 'don.overdue');
    const overdue = rows.map((r) => Number(r[col]));
    assert.ok(overdue[0] > 0, 'the demo has a commune with overdue petitions');
    assert.deepEqual(overdue, [...overdue].sort((a, b) => b - a), 'most overdue first');
    const byDays = tableAfter(await (await leader.get('/overview?sort=tcd.days')).text(), 'communes').map((r) => Number(r[3 + OVERVIEW_FIGURES.findIndex((f) => f.code === 'tcd.days')]));
    assert.deepEqual(byDays, [...byDays].sort((a, b) => a - b), 'fewest reception days first');

    const csv = await leader.get('/overview.csv?sort=don.overdue');
    assert.equal(csv.status, 200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(lines[0], /^TT,Đơn vị,Báo cáo kỳ này,Đơn quá hạn,/);
    const departments = (await findUnits(t.db, { at: localToday(), kind: 'department' })).length;
    assert.equal(lines.length, 1 + communes + departments);
    assert.ok(lines[1].includes(rows[0][1]), 'the same unit first');
    const xlsx = await leader.get('/overview.xlsx');
    assert.equal(xlsx.status, 200);
    assert.equal((await xlsx.arrayBuffer()).byteLength > 2000, true);

    const token = await t.token('demo.coordinator');
    const api = await t.app.request('/api/v1/overview', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(api.status, 200);
    const j = await api.json() as { figures: { code: string; value: number }[]; units: { name: string; kind: string; values: Record<string, number> }[] };
    const top = j.units.find((u) => u.name === rows[0][1])!;
    assert.equal(top.values['don.overdue'], overdue[0]);
    assert.equal(j.figures.length, OVERVIEW_FIGURES.length);
  });

  test('leaders, the coordinator and observers may look; a commune officer, a department officer and anonymous may not', async () => {
    for (const u of ['demo.coordinator', 'demo.observer']) assert.equal((await (await t.as(u)).get('/overview')).status, 200, u);
    for (const u of ['demo.commune', 'demo.department']) {
      const a = await t.as(u);
      for (const p of ['/overview', '/overview.csv', '/overview.xlsx']) assert.equal((await a.get(p)).status, 403, `${u} ${p}`);
      const token = await t.token(u);
      assert.equal((await t.app.request('/api/v1/overview', { headers: { authorization: `Bearer ${token}` } })).status, 403);
    }
    assert.equal((await t.app.request('/api/v1/overview')).status, 401);
    const anon = await t.app.request('/overview');
    assert.ok([302, 303, 401].includes(anon.status), String(anon.status));
  });

  test('English, and the previous period can be chosen without JavaScript', async () => {
    const a = await t.as('demo.leader');
    const periods = await listPeriods(t.db);
    const older = periods[periods.length - 1];
    const html = await (await a.get(`/overview?period=${older.id}&lang=en`)).text();
    assert.match(html, /The province on one page/);
    assert.match(html, new RegExp(`<option value="${older.id}" selected(="")?>`));
    assert.match(html, /Petitions overdue/);
  });

  test('the map colours the 135 communes by the figure chosen, with the same numbers as the table, each linking to its unit', async () => {
    const today = localToday();
    const year = today.slice(0, 4);
    const pleiku = (await findUnits(t.db, { at: today, q: 'Pleiku', kind: 'commune-committee' }))[0];
    const want = (await computeIndicators(t.db, ['yk.unanswered'], { unitId: pleiku.id, from: `${year}-01-01`, to: today })).get('yk.unanswered')!;
    assert.ok(want > 0, 'the demo ward has unanswered comments');
    const html = await (await (await t.as('demo.coordinator')).get('/overview/map?figure=yk.unanswered')).text();
    assert.equal((html.match(/<path /g) ?? []).length, 135);
    assert.match(html, new RegExp(`<a href="/units/${pleiku.id}" aria-label="[^"]*"><path d="[^"]+" fill="(?!#f3f2f1)[^"]+" [^>]*data-code="${pleiku.code}" data-count="${want}">`));
    assert.match(html, new RegExp(`<td><a href="/units/${pleiku.id}">${pleiku.fullName}</a></td><td>${want}</td>`), 'the table beside the map');
    assert.match(html, /<option value="yk.unanswered" selected/);
    assert.equal((await (await t.as('demo.commune')).get('/overview/map')).status, 403);
  });

  test('the public map shows counts the law makes public, to anyone, and links to each board', async () => {
    const today = localToday();
    const year = today.slice(0, 4);
    const res = await t.app.request('/public/map?figure=ontime');
    assert.equal(res.status, 200);
    const html = await res.text();
    const rows = await t.db.selectFrom('petitions').innerJoin('units', 'units.id', 'petitions.handling_unit_id').select(['units.id', 'units.code', 'petitions.resolved_on', 'petitions.due_on'])
      .where('units.kind', '=', 'commune-committee').where('petitions.resolved_on', '>=', `${year}-01-01`).where('petitions.resolved_on', '<=', today).execute();
    assert.ok(rows.length > 0, 'the demo has petitions resolved this year');
    const u = rows[0];
    const mine = rows.filter((r) => r.id === u.id);
    const pct = Math.round((mine.filter((r) => !r.due_on || r.resolved_on! <= r.due_on).length / mine.length) * 100);
    assert.match(html, /<img src="\/public\/map\.svg\?figure=ontime" width="\d+" height="\d+" alt="[^"]+"/, 'the map is a separate cacheable image');
    assert.match(html, new RegExp(`<td><a href="/board/${u.id}">[^<]+</a></td><td>${pct}</td>`), 'the table beside it links to each board');
    const svg = await (await t.app.request('/public/map.svg?figure=ontime')).text();
    assert.match(svg, new RegExp(`<path [^>]*data-code="${u.code}" data-count="${pct}">`));
    assert.equal((svg.match(/<path /g) ?? []).length, 135);
    for (const f of ['disclosures', 'answered']) assert.equal((await t.app.request(`/public/map?figure=${f}`)).status, 200);
    assert.equal((await t.app.request('/public/map?figure=<script>')).status, 200, 'a bad figure falls back, never fails');
  });

  test('trends: each figure over the last six quarters, as bars whose values are the indicator of each quarter, with a table equivalent', async () => {
    const today = localToday();
    const quarters = lastQuarters(today);
    assert.equal(quarters.length, 6);
    assert.equal(quarters[5].to, today);
    assert.ok(quarters.every((q, i) => i === 0 || q.from > quarters[i - 1].to), 'consecutive quarters');
    const province = (await findUnits(t.db, { at: today, kind: 'province-committee' }))[0];
    const want: (number | null)[] = [];
    for (const q of quarters) want.push((await computeIndicators(t.db, ['don.received'], { unitId: province.id, from: q.from, to: q.to })).get('don.received') ?? null);
    const html = await (await (await t.as('demo.leader')).get('/overview')).text();
    const chart = /<figure class="chart" id="trend-don-received">([\s\S]*?)<\/figure>/.exec(html);
    assert.ok(chart, 'the chart is on the page');
    assert.deepEqual([...chart[1].matchAll(/data-value="([^"]*)"/g)].map((m) => (m[1] === '' ? null : Number(m[1]))), want);
    assert.deepEqual([...chart[1].matchAll(/<tr><th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]), quarters.map((q) => q.label), 'one table row per quarter');
    assert.ok(want.some((v) => (v ?? 0) > 0), 'the demo has petitions in recent quarters');
  });
});
