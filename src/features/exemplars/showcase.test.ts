import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';

type Item = { id: string; name: string; field: string; kind: string; subject: string; unitName: string; communeCode: string | null; year: number; recognitions: { level: string; decisionNumber: string; decisionOn: string }[] };

forEachDialect('DVK public showcase', (dialect) => {
  let t: TestApp;
  const pub = async (qs = '') => {
    const r = await t.app.request(`/api/v1/public/exemplars${qs}`);
    return { status: r.status, items: r.status === 200 ? ((await r.json()) as { items: Item[] }).items : [] };
  };
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('GET /api/v1/public/exemplars lists recognised entries only, without an account', async () => {
    const { status, items } = await pub();
    assert.equal(status, 200);
    const visible = await t.db.selectFrom('exemplar_entries').select(['id', 'status']).where('status', 'in', ['recognised', 'typical', 'commended', 'replicated']).execute();
    assert.deepEqual(items.map((i) => i.id).sort(), visible.map((v) => v.id).sort());
    assert.ok(items.length >= 8);
    for (const i of items) {
      assert.ok(i.recognitions.length >= 1, i.name);
      assert.deepEqual(Object.keys(i).sort(), ['communeCode', 'field', 'id', 'kind', 'name', 'recognitions', 'subject', 'unitName', 'url', 'year'].sort());
    }
    const hidden = await t.db.selectFrom('exemplar_entries').select('id').where('status', 'in', ['draft', 'registered', 'proposed', 'rejected', 'discontinued', 'returned']).execute();
    assert.ok(hidden.every((h) => !items.some((i) => i.id === h.id)));
  });

  test('filters by field, commune and year; bad filters give 400', async () => {
    const eco = await pub('?field=economy');
    assert.ok(eco.items.length > 0 && eco.items.every((i) => i.field === 'economy'));
    const pleiku = await pub('?communeCode=23575');
    assert.ok(pleiku.items.length > 0 && pleiku.items.every((i) => i.communeCode === '23575'));
    assert.equal((await pub('?year=2019')).items.length, 0);
    assert.ok((await pub('?year=2025')).items.length > 0);
    assert.equal((await pub('?field=weather')).status, 400);
    assert.equal((await pub('?communeCode=abc')).status, 400);
  });

  test('the gallery and map work without JavaScript and show the attribution; drafts never appear', async () => {
    const res = await t.app.request('/showcase/exemplars');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /thanglequoc/);
    assert.match(html, /Bản đồ tham chiếu đơn vị hành chính Việt Nam/);
    assert.doesNotMatch(html, /<script/);
    // The map is a separate cacheable image; the communes with entries are links beside it.
    assert.match(html, /<img src="\/showcase\/exemplars\/map\.svg" width="\d+" height="\d+" alt="[^"]+"/);
    assert.match(html, /<li><a href="\/showcase\/exemplars\?communeCode=23575">Phường Pleiku<\/a> \([1-9]\d*\)<\/li>/);
    const img = await t.app.request('/showcase/exemplars/map.svg');
    assert.equal(img.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
    assert.match(img.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    const svg = await img.text();
    assert.equal((svg.match(/<path /g) ?? []).length, 135);
    assert.match(svg, /data-code="23575" data-count="[1-9]/);
    assert.equal((await t.app.request('/showcase/exemplars/map.svg', { headers: { 'if-none-match': img.headers.get('etag')! } })).status, 304);
    assert.match(await (await t.app.request('/showcase/exemplars/map.svg?communeCode=23575')).text(), /stroke="#0b0c0c" stroke-width="2" data-code="23575"/, 'the chosen commune is outlined');
    const n = (await pub()).items.length;
    assert.match(html, new RegExp(`${n} mô hình, điển hình được công nhận`));
    const draft = await t.db.selectFrom('exemplar_entries').select(['id', 'name']).where('status', '=', 'draft').executeTakeFirstOrThrow();
    assert.ok(!html.includes(draft.name));
    assert.equal((await t.app.request(`/showcase/exemplars/${draft.id}`)).status, 404);
    const filtered = await (await t.app.request('/showcase/exemplars?communeCode=23575&field=bogus&year=x')).text();
    assert.match(filtered, /Đang lọc theo Phường Pleiku/);
  });

  test('a story page per recognised entry with share links, and the Atom feed', async () => {
    const { items } = await pub();
    const r = await t.app.request(`/showcase/exemplars/${items[0].id}`);
    assert.equal(r.status, 200);
    const html = await r.text();
    assert.ok(html.includes(items[0].name.replace(/"/g, '&quot;')));
    assert.match(html, /facebook\.com\/sharer/);
    assert.match(html, /Quyết định số/);
    assert.doesNotMatch(html, /Chưa có số liệu kiểm chứng/, 'no internal notes');
    const feed = await t.app.request('/showcase/exemplars/feed.atom');
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type')!, /atom\+xml/);
    const xml = await feed.text();
    assert.equal((xml.match(/<entry>/g) ?? []).length, items.length);
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?><feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  });

  test('English showcase has the same structure', async () => {
    const html = await (await t.app.request('/showcase/exemplars?lang=en')).text();
    assert.match(html, /Vietnam Administrative Units Reference Map/);
  });
});
