import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { subscribe, type UnitSucceededEvent } from '../../platform/events/index.ts';
import { verifyChain } from '../../platform/audit/index.ts';

type Item = { id: string; code: string | null; name: string; fullName: string; kind: string; parentId: string | null; validFrom: string; validTo: string | null; predecessorIds: string[]; successorIds: string[] };

const received: UnitSucceededEvent[] = [];
subscribe('unit.succeeded', async (_trx, e) => { received.push(e); });

forEachDialect('organisation registry', (dialect) => {
  let t: TestApp;
  let token: string;
  const api = async (path: string) => {
    const r = await t.app.request(path, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, body: (await r.json()) as { items: Item[] } & Record<string, unknown> };
  };
  /** Every page of a list, following `next` (200 a page). */
  const all = async (path: string) => {
    const items: Item[] = [];
    let url: string | null = `${path}${path.includes('?') ? '&' : '?'}limit=200`;
    while (url) {
      const r = await api(url);
      assert.equal(r.status, 200);
      items.push(...r.body.items);
      url = r.body.next ? `${path}${path.includes('?') ? '&' : '?'}limit=200&cursor=${r.body.next}` : null;
    }
    return { body: { items } };
  };
  before(async () => {
    t = await createTestApp(dialect);
    token = await t.token('demo.coordinator');
  });
  after(() => t.close());

  test('on 01/01/2025 the old Gia Lai has its 17 districts and 218 communes', async () => {
    const { body } = await all('/api/v1/units?at=2025-01-01');
    const oldProvince = body.items.find((u) => u.kind === 'province-committee' && u.code === '64')!;
    const districts = body.items.filter((u) => u.kind === 'district-committee' && u.parentId === oldProvince.id);
    assert.equal(districts.length, 17);
    const districtIds = new Set(districts.map((d) => d.id));
    const communes = body.items.filter((u) => u.kind === 'commune-committee' && districtIds.has(u.parentId!));
    assert.equal(communes.length, 218);
    assert.ok(communes.every((c) => c.successorIds.length >= 1), 'each old commune has a successor');
    assert.equal(body.items.filter((u) => u.validFrom === '2025-07-01').length, 0, 'no unit of the new province yet');
  });

  test('today Gia Lai has 135 communes and wards and no district', async () => {
    const { body } = await all('/api/v1/units');
    assert.equal(body.items.filter((u) => u.kind === 'commune-committee').length, 135);
    assert.equal(body.items.filter((u) => u.kind === 'district-committee').length, 0);
    const pleiku = body.items.find((u) => u.code === '23575')!;
    assert.equal(pleiku.fullName, 'Phường Pleiku');
    assert.ok(pleiku.predecessorIds.length > 0, 'Phường Pleiku was formed from old wards');
    assert.ok(body.items.some((u) => u.fullName.startsWith('Sở Nội vụ')));
  });

  test('the list comes in pages: 50 by default, at most 200, `next` until the last; bad paging values give 400 in Vietnamese', async () => {
    const first = await api('/api/v1/units');
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 50);
    assert.equal(typeof first.body.next, 'string');
    const second = await api(`/api/v1/units?cursor=${first.body.next}`);
    assert.equal(second.body.items.length, 50);
    const seen = new Set(first.body.items.map((u) => u.id));
    assert.ok(second.body.items.every((u) => !seen.has(u.id)), 'pages do not overlap');
    const everything = await all('/api/v1/units');
    assert.equal(new Set(everything.body.items.map((u) => u.id)).size, everything.body.items.length, 'no unit twice across pages');
    assert.deepEqual(everything.body.items.slice(0, 100).map((u) => u.id), [...first.body.items, ...second.body.items].map((u) => u.id));
    const last = await api('/api/v1/units?q=ia%20mo');
    assert.equal(last.body.next, null, 'one short page has no next');
    for (const [query, field] of [['limit=201', 'limit'], ['limit=0', 'limit'], ['limit=abc', 'limit'], ['cursor=xyz', 'cursor']]) {
      const r = await t.app.request(`/api/v1/units?${query}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(r.status, 400, query);
      const e = ((await r.json()) as { error: { fields: Record<string, string> } }).error.fields;
      assert.match(e[field], /[àáảãạăâđêôơư]|Giá trị|Số dòng|Con trỏ/i, `${query}: ${e[field]}`);
    }
  });

  test('search ignores diacritics and đ/Đ', async () => {
    const iaMo = await api('/api/v1/units?q=ia%20mo');
    assert.ok(iaMo.body.items.some((u) => u.fullName === 'Xã Ia Mơ' && u.code === '23938'));
    assert.ok(iaMo.body.items.every((u) => /Ia Mơ/i.test(u.fullName)), 'no unrelated unit matches');
    const dakDoa = await api('/api/v1/units?q=dak%20doa&at=2025-01-01');
    assert.ok(dakDoa.body.items.some((u) => u.fullName === 'Huyện Đăk Đoa'));
    const upper = await api('/api/v1/units?q=%C4%90%C4%82K%20%C4%90OA&at=2025-01-01');
    assert.deepEqual(upper.body.items.map((u) => u.id).sort(), dakDoa.body.items.map((u) => u.id).sort());
  });

  test('bad query values give 400 with the fields named, in Vietnamese', async () => {
    const r = await t.app.request('/api/v1/units?at=31/02/2025&kind=planet', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 400);
    const body = (await r.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    assert.ok(body.error.fields.at && body.error.fields.kind);
    assert.match(body.error.message, /không hợp lệ/);
  });

  test('the unit tree, a unit page with its lineage, and the CSV export work in the browser', async () => {
    const agent = await t.as('demo.coordinator');
    const tree = await agent.get('/units');
    assert.equal(tree.status, 200);
    const html = await tree.text();
    assert.match(html, /Phường Pleiku/);
    assert.match(html, /<!DOCTYPE html>/);
    const found = await (await agent.get('/units?q=ia+mo')).text();
    assert.match(found, /Xã Ia Mơ/);
    const { body } = await api('/api/v1/units?q=pleiku');
    const pleiku = body.items.find((u) => u.code === '23575')!;
    const page = await (await agent.get(`/units/${pleiku.id}`)).text();
    assert.match(page, /Nghị quyết 1664\/NQ-UBTVQH15/);
    assert.match(page, /Tổ dân phố 1/);
    const bad = await agent.get('/units?at=99/99/2025');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /ngày\/tháng\/năm/);
    const csv = await agent.get('/units.csv?q=ia+mo');
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(await csv.text(), /23938,Xã Ia Mơ/);
  });

  test('reorganize merges two villages at a date, records lineage and hands over open work', async () => {
    const admin = await t.as('demo.admin');
    const { body } = await api('/api/v1/units?q=to+dan+pho&kind=village');
    const [a, b] = body.items;
    const before = received.length;
    const r = await admin.post('/units/reorganize', {
      kind: 'merge', effectiveDate: '01/01/2027', legalBasis: 'Nghị quyết số 12/NQ-HĐND (thử nghiệm)',
      predecessorIds: `${a.id}, ${b.id}`, successorNames: 'Tổ dân phố Hợp Nhất', intoId: '', note: '',
    });
    assert.equal(r.status, 303);
    const evt = received.slice(before).find((e) => e.predecessorIds.includes(a.id))!;
    assert.ok(evt, 'unit.succeeded was published');
    assert.equal(evt.handover[a.id], evt.successorIds[0]);
    const after2026 = await api(`/api/v1/units/${a.id}`);
    assert.equal((after2026.body as unknown as Item).validTo, '2026-12-31');
    const successor = (await api(`/api/v1/units/${evt.successorIds[0]}`)).body as unknown as Item;
    assert.deepEqual(successor.predecessorIds.sort(), [a.id, b.id].sort());
    const audit = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'units.reorganize').execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(await verifyChain(t.db), { ok: true, count: (await t.db.selectFrom('audit_events').select('seq').execute()).length });
  });

  test('reorganize with the wrong shape is refused with a field message and nothing changes', async () => {
    const admin = await t.as('demo.admin');
    const { body } = await api('/api/v1/units?q=to+dan+pho+3');
    const r = await admin.post('/units/reorganize', { kind: 'merge', effectiveDate: '01/01/2027', legalBasis: 'X', predecessorIds: body.items[0].id, successorNames: 'Y', intoId: '', note: '' });
    assert.equal(r.status, 400);
    assert.match(await r.text(), /Sáp nhập cần ít nhất 2 đơn vị/);
    const still = (await api(`/api/v1/units/${body.items[0].id}`)).body as unknown as Item;
    assert.equal(still.validTo, null);
  });

  test('only admins may restructure; a commune officer is refused', async () => {
    const officer = await t.as('demo.commune');
    assert.equal((await officer.get('/units/reorganize')).status, 403);
  });
});
