import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';
import { listDatasets } from '../../platform/opendata/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { PUBLIC_STATUSES } from '../../domain/exemplars/workflow.ts';

type Page = { dataset: { id: string; columns: { name: string }[]; licence: { id: string } }; items: Record<string, unknown>[]; next: string | null };

forEachDialect('Open data (/open-data, /api/v1/public/datasets)', (dialect) => {
  let t: TestApp;
  const denouncer = { name: 'Rơ Châm Thị Kín Đáo', id: '052199001234', phone: '0912 345 678', address: 'Thôn Bí Mật Xa, xã Ia Mơ' };
  before(async () => {
    t = await createTestApp(dialect);
    const pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    const r = await t.app.request('/api/v1/public/petitions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({
      senderName: denouncer.name, senderIdNumber: denouncer.id, senderPhone: denouncer.phone, senderAddress: denouncer.address,
      addressedUnitId: pleiku, title: 'Tố cáo cán bộ thu tiền trái phép', content: 'Nội dung tố cáo có chứng cứ.', kindHint: 'denunciation' }) });
    assert.equal(r.status, 201, await r.clone().text());
  });
  after(() => t.close());

  /** Every row of a dataset through the API, following `next`. */
  async function readAll(id: string, limit = 37): Promise<{ rows: Record<string, unknown>[]; bodies: string[] }> {
    const rows: Record<string, unknown>[] = [];
    const bodies: string[] = [];
    let url: string | null = `/api/v1/public/datasets/${id}?limit=${limit}`;
    while (url) {
      const res = await t.app.request(url);
      assert.equal(res.status, 200, url);
      const text = await res.text();
      bodies.push(text);
      const page = JSON.parse(text) as Page;
      rows.push(...page.items);
      url = page.next ? `/api/v1/public/datasets/${id}?limit=${limit}&cursor=${page.next}` : null;
    }
    return { rows, bodies };
  }

  test('the catalogue lists every dataset, in HTML and DCAT, each with a licence, column descriptions, CSV and JSON', async () => {
    const ids = listDatasets().map((d) => d.id);
    assert.deepEqual(ids, ['consultations', 'disclosures', 'exemplars', 'petition-statistics', 'units']);
    const html = await (await t.app.request('/open-data')).text();
    for (const id of ids) {
      assert.match(html, new RegExp(`<section class="dataset" id="ds-${id}"`));
      assert.match(html, new RegExp(`href="/open-data/${id}.csv"`));
      assert.match(html, new RegExp(`href="/api/v1/public/datasets/${id}"`));
    }
    const cat = await (await t.app.request('/open-data/catalog.json')).json() as { '@type': string; 'dcat:dataset': { 'dct:identifier': string; 'dct:license': string; 'dcat:distribution': { 'dcat:mediaType': string }[] }[] };
    assert.equal(cat['@type'], 'dcat:Catalog');
    assert.deepEqual(cat['dcat:dataset'].map((d) => d['dct:identifier']), ids);
    for (const d of cat['dcat:dataset']) {
      assert.match(d['dct:license'], /^https:\/\//);
      assert.deepEqual(d['dcat:distribution'].map((x) => x['dcat:mediaType']), ['text/csv', 'application/json']);
    }
  });

  test('each dataset: the CSV and the paginated JSON hold the same rows, with the declared columns', async () => {
    for (const d of listDatasets()) {
      const res = await t.app.request(`/open-data/${d.id}.csv`);
      assert.equal(res.status, 200, d.id);
      const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], d.columns.map((c) => c.name).join(','), d.id);
      const { rows } = await readAll(d.id);
      assert.ok(rows.length > 0, `${d.id} has demo rows`);
      assert.equal(new Set(rows.map((r) => JSON.stringify(r))).size, rows.length, `${d.id}: pages do not overlap`);
      // Quoted CSV fields may hold line breaks; count records by the JSON instead when they do.
      if (!rows.some((r) => Object.values(r).some((v) => typeof v === 'string' && /[\r\n]/.test(v)))) assert.equal(lines.length - 1, rows.length, d.id);
      for (const r of rows) assert.deepEqual(Object.keys(r), d.columns.map((c) => c.name), d.id);
    }
  });

  test('nothing sealed, unpublished or personal: a denouncer\'s identity, open consultations and unrecognised models never appear', async () => {
    const everything: string[] = [await (await t.app.request('/open-data')).text(), await (await t.app.request('/open-data/catalog.json')).text()];
    for (const d of listDatasets()) {
      everything.push(await (await t.app.request(`/open-data/${d.id}.csv`)).text());
      everything.push(...(await readAll(d.id, 200)).bodies);
    }
    const all = everything.join('\n');
    for (const secret of Object.values(denouncer)) assert.ok(!all.includes(secret), `sealed identity leaked: ${secret}`);
    assert.ok(!all.includes('Tố cáo cán bộ thu tiền trái phép'), 'no petition content');
    const open = await t.db.selectFrom('consultations').select('id').where('status', '=', 'open').execute();
    assert.ok(open.length > 0);
    for (const c of open) assert.ok(!all.includes(c.id), 'an open consultation is not a result yet');
    const hidden = await t.db.selectFrom('exemplar_entries').select(['id', 'name']).where('status', 'not in', [...PUBLIC_STATUSES]).execute();
    assert.ok(hidden.length > 0, 'the demo has drafts and proposals');
    const exemplars = (await readAll('exemplars', 200)).rows;
    for (const h of hidden) assert.ok(!exemplars.some((e) => e.id === h.id), `unpublished model ${h.name}`);
    const stats = (await readAll('petition-statistics', 200)).rows;
    const received = stats.reduce((s, r) => s + Number(r.received), 0);
    const inDb = Number((await t.db.selectFrom('petitions').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(received, inDb, 'every petition counted once, by quarter received');
  });

  test('cacheable (ETag → 304) and bad queries answered with 400 or 404, never 500', async () => {
    const first = await t.app.request('/api/v1/public/datasets/units?limit=5');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.match(first.headers.get('cache-control') ?? '', /public/);
    assert.equal((await t.app.request('/api/v1/public/datasets/units?limit=5', { headers: { 'if-none-match': etag! } })).status, 304);
    const csv = await t.app.request('/open-data/units.csv');
    assert.equal((await t.app.request('/open-data/units.csv', { headers: { 'if-none-match': csv.headers.get('etag')! } })).status, 304);
    const bad = await t.app.request('/api/v1/public/datasets/units?limit=5000&cursor=xyz');
    assert.equal(bad.status, 400);
    const body = await bad.json() as { error: { fields: Record<string, string> } };
    assert.ok(body.error.fields.limit && body.error.fields.cursor, JSON.stringify(body));
    assert.equal((await t.app.request('/api/v1/public/datasets/nothing-here')).status, 404);
    assert.equal((await t.app.request('/open-data/nothing-here.csv')).status, 404);
  });
});
