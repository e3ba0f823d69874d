/** The coverage matrix page is paginated (national scale: 3,321 communes), its exports stay complete. */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';

/** Unit ids of the matrix rows on a page (each row links its unit). */
const rowUnits = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/units\/([^"]+)"/g)].map((m) => m[1]);

forEachDialect('plans: coverage matrix in pages', (dialect) => {
  let t: TestApp;
  let coord: Agent;
  let planId: string;
  before(async () => {
    t = await createTestApp(dialect);
    coord = await t.as('demo.coordinator');
    planId = (await t.db.selectFrom('plans').select('id').where('document_number', '=', '188/KH-UBND').where('parent_plan_id', 'is', null).executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  test('100 units per page, every unit once over the pages, the same units as the CSV export', async () => {
    const csv = await (await coord.get(`/plans/${planId}/coverage.csv`)).text();
    const exported = csv.trim().split('\n').length - 1;
    assert.ok(exported > 100, `${exported} units: more than one page in the demo`);
    const seen: string[] = [];
    let page = 1;
    let html = await (await coord.get(`/plans/${planId}/coverage`)).text();
    assert.match(html, new RegExp(`${exported} đơn vị × 12 nội dung`), 'the caption counts every unit, not the page');
    for (;;) {
      const units = rowUnits(html);
      assert.ok(units.length === 100 || !html.includes('rel="next"'), `page ${page}: ${units.length} rows`);
      seen.push(...units);
      if (!html.includes('rel="next"')) break;
      html = await (await coord.get(`/plans/${planId}/coverage?page=${++page}`)).text();
    }
    assert.equal(seen.length, exported);
    assert.equal(new Set(seen).size, exported, 'no unit twice');
    assert.ok(html.includes('rel="prev"'));
  });

  test('"only units without an issued plan" narrows the rows to them; a unit with an issued plan is not among them', async () => {
    const issued = await t.db.selectFrom('plans').select('unit_id').where('parent_plan_id', '=', planId).where('status', '=', 'issued').execute();
    assert.ok(issued.length > 0, 'the demo has units with an issued plan');
    const all = await (await coord.get(`/plans/${planId}/coverage`)).text();
    const n = Number(/Đơn vị chưa ban hành kế hoạch \((\d+)\)/.exec(all)?.[1]);
    assert.ok(all.includes(`/plans/${planId}/coverage?missing=1`));
    const missing: string[] = [];
    for (let page = 1; page < 50; page++) {
      const html = await (await coord.get(`/plans/${planId}/coverage?missing=1&page=${page}`)).text();
      missing.push(...rowUnits(html));
      if (!html.includes('rel="next"')) break;
    }
    assert.equal(missing.length, n);
    for (const p of issued) assert.ok(!missing.includes(p.unit_id), p.unit_id);
  });
});
