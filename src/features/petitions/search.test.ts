/**
 * Staff search without diacritics reads an index (FTS5 on SQLite, trigrams on PostgreSQL) with the
 * rule of the folded search column: every typed word, folded, must start a word of the case.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { CompiledQuery, sql } from 'kysely';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { createPetition } from './petitions.service.ts';
import { listPetitions, petitionsQuery, type ListFilter } from './petitions.repository.ts';

forEachDialect('petitions: search without diacritics by index', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const found = async (q: string) => (await listPetitions(t.db, { q, units: 'all' })).map((r) => r.id).filter((id) => Object.values(ids).includes(id)).sort();
  before(async () => {
    t = await createTestApp(dialect);
    const unit = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    const cases = {
      bridge: ['Sửa cầu treo làng Đăk Rơwang', 'Cầu treo ở làng Đăk Rơwang hư hỏng, đi lại nguy hiểm.'],
      water: ['Ô nhiễm nguồn nước khu Xađăk Rơwang', 'Nước giếng đục từ tháng trước.'],
    } as const;
    for (const [k, [title, content]] of Object.entries(cases)) {
      ids[k] = (await createPetition(t.db, SYSTEM_ACTOR, { anonymous: false, senderName: 'Nguyễn Văn Tìm', senderAddress: 'Phường Pleiku', title, content, addressedUnitId: unit, channel: 'letter', handlingUnitId: unit } as never)).id;
    }
  });
  after(() => t.close());

  test('typed without or with marks, every word must start a word: "dak rowang" finds the bridge, not "Xađăk"', async () => {
    assert.deepEqual(await found('dak rowang'), [ids.bridge]);
    assert.deepEqual(await found('Đăk Rơ'), [ids.bridge], 'prefixes, marks folded');
    assert.deepEqual(await found('ROWANG'), [ids.bridge, ids.water].sort());
    assert.deepEqual(await found('wang'), [], 'not inside a word');
    assert.deepEqual(await found('rowang giếng'), [ids.water]);
  });

  test('words that are search operators or quotes are searched as words (no error)', async () => {
    const both = [ids.bridge, ids.water].sort();
    const expected: [string, string[]][] = [['rowang OR cau', []], ['rowang "', both], ['NEAR(rowang', []], ['rowang AND', []], ['*', both], ['rowang -cau', [ids.bridge]]];
    for (const [q, want] of expected) assert.deepEqual(await found(q), want, q);
    const coord = await t.token('demo.coordinator');
    const r = await t.app.request(`/api/v1/petitions?q=${encodeURIComponent('"rowang" NOT')}`, { headers: { authorization: `Bearer ${coord}` } });
    assert.equal(r.status, 200);
  });

  test('a changed search text is searched at once (the index follows the column)', async () => {
    const old = (await t.db.selectFrom('petitions').select('search_text').where('id', '=', ids.water).executeTakeFirstOrThrow()).search_text;
    await t.db.updateTable('petitions').set({ search_text: old.replace('rowang', 'krongpa') }).where('id', '=', ids.water).execute();
    assert.deepEqual(await found('krong'), [ids.water]);
    assert.deepEqual(await found('rowang'), [ids.bridge]);
  });

  test('the search is answered from its index, not by reading every case', async () => {
    const f: ListFilter = { q: 'dak rowang', units: 'all' };
    const c = petitionsQuery(t.db, f).compile();
    const plan = await t.db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
      if (dialect === 'postgres') await sql`set local enable_indexscan = off`.execute(trx);
      const r = await trx.executeQuery(CompiledQuery.raw(`${dialect === 'postgres' ? 'explain' : 'explain query plan'} ${c.sql}`, [...c.parameters]));
      return JSON.stringify(r.rows);
    });
    if (dialect === 'postgres') assert.match(plan, /Bitmap Index Scan on petitions_search_trgm/, plan);
    else assert.match(plan, /petitions_fts VIRTUAL TABLE INDEX/, plan);
  });

  test('the staff list shows 50 cases a page with a link to the next page that keeps the filters; the pages together hold every match once', async () => {
    const unit = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    await t.db.transaction().execute(async (trx) => {
      for (let i = 1; i <= 53; i++) await createPetition(t.db, SYSTEM_ACTOR, { anonymous: true, title: `Đèn đường tổ ${i} hỏng`, content: `Đèn đường ở tổ ${i} không sáng.`, addressedUnitId: unit, channel: 'letter', handlingUnitId: unit, trx } as never);
    });
    const all = (await listPetitions(t.db, { q: 'den duong', unitId: unit, units: 'all', limit: 1000 })).map((r) => r.id);
    assert.ok(all.length > 50 && all.length <= 100, `${all.length} matches`);
    const coord = await t.as('demo.coordinator');
    const cases = (html: string) => [...html.matchAll(/<tr><td><a href="\/petitions\/([0-9a-f-]{36})">PA-/g)].map((m) => m[1]);
    const one = (await (await coord.get(`/petitions?q=den+duong&unitId=${unit}`)).text()).replaceAll('&amp;', '&');
    assert.equal(cases(one).length, 50);
    const next = /<a href="([^"]+)" rel="next"/.exec(one)?.[1];
    assert.equal(next, `?unitId=${unit}&q=den+duong&page=2`, 'the filters kept in the link');
    assert.ok(one.includes(`/petitions/export.csv?unitId=${unit}&q=den+duong"`), 'the export stays complete (no page in its link)');
    const two = (await (await coord.get(`/petitions${next}`)).text()).replaceAll('&amp;', '&');
    assert.deepEqual([...cases(one), ...cases(two)], all, 'newest first, each case once');
    assert.ok(two.includes('rel="prev"') && !two.includes('rel="next"'));
  });
});
