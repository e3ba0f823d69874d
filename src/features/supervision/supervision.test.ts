import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';
import { getUnitByKey } from '../units/index.ts';

forEachDialect('supervision areas (plan II.11): tasks and petitions on one area', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('the leader sees every area with counts that match the tagged tasks and petitions; a denunciation shows its code, not its content', async () => {
    const leader = await t.as('demo.leader');
    const overview = await leader.get('/supervision');
    assert.equal(overview.status, 200);
    const html = await overview.text();
    for (const label of ['Đất đai, môi trường', 'Phòng, chống tham nhũng, lãng phí, tiêu cực', 'Các khoản đóng góp của Nhân dân']) assert.ok(html.includes(label), label);
    const tagged = await t.db.selectFrom('petitions').select(['tracking_code', 'title', 'kind', 'status']).where('areas', 'like', '%"anti-corruption"%').execute();
    assert.ok(tagged.length > 0, 'the demo data tags petitions');
    const open = tagged.filter((p) => ['received', 'triaged', 'accepted'].includes(p.status)).length;
    const row = html.split('href="/supervision/anti-corruption"')[1].split('</tr>')[0];
    const cells = [...row.matchAll(/<td[^>]*>(?:<strong>)?(\d+)/g)].map((m) => Number(m[1]));
    assert.equal(cells[2], open, 'open petitions counted');
    const page = await (await leader.get('/supervision/anti-corruption')).text();
    for (const p of tagged) {
      assert.ok(page.includes(p.tracking_code), p.tracking_code);
      if (p.kind === 'denunciation') assert.ok(!page.includes(p.title), 'a denunciation’s content stays in the case file');
    }
    const csv = await leader.get('/supervision/anti-corruption.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.ok((await csv.text()).includes(tagged[0].tracking_code));
    assert.equal((await leader.get('/supervision/no-such-area')).status, 404);
  });

  test('a commune head sees only their units; an officer without the role is refused', async () => {
    const pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    const head = await t.as('demo.commune.head');
    const page = await (await head.get('/supervision/land-environment')).text();
    const all = await t.db.selectFrom('petitions').select(['tracking_code', 'handling_unit_id']).where('areas', 'like', '%"land-environment"%').execute();
    for (const p of all) assert.equal(page.includes(p.tracking_code), p.handling_unit_id === pleiku, p.tracking_code);
    assert.equal((await (await t.as('demo.department')).get('/supervision')).status, 403);
    const anon = await t.app.request('/supervision');
    assert.equal(anon.status, 303, 'anonymous visitors are sent to sign in');
    assert.match(anon.headers.get('location') ?? '', /^\/login/);
  });
});
