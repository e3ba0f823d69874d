import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { getUnitByKey } from '../units/index.ts';
import { hasEspeak } from './bulletin.ts';
import { readWav, toOggFlac } from './ogg.ts';
import { oggPages } from '../../../test/helpers/ogg-check.ts';

test('the loudspeaker bulletin is encoded as Ogg FLAC: valid pages, header packets, granule = sample count', () => {
  const n = 10000;
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) data.writeInt16LE(Math.round(8000 * Math.sin(i / 7)), i * 2);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii'); head.writeUInt32LE(0x7fffffff, 4); head.write('WAVEfmt ', 8, 'ascii'); head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); head.writeUInt16LE(1, 22); head.writeUInt32LE(22050, 24); head.writeUInt32LE(44100, 28); head.writeUInt16LE(2, 32); head.writeUInt16LE(16, 34);
  head.write('data', 36, 'ascii'); head.writeUInt32LE(0x7fffffff, 40); // sizes as espeak-ng streams them
  const pcm = readWav(Buffer.concat([head, data]))!;
  assert.deepEqual([pcm.sampleRate, pcm.channels, pcm.samples.length, pcm.samples[7]], [22050, 1, n, Math.round(8000 * Math.sin(1))]);
  const ogg = toOggFlac(pcm);
  const pages = oggPages(ogg);
  assert.equal(pages.length, 2 + Math.ceil(n / 4096));
  assert.equal(pages[0].flags, 2, 'beginning of stream');
  assert.equal(pages.at(-1)!.flags, 4, 'end of stream');
  assert.equal(pages.at(-1)!.granule, BigInt(n));
  assert.equal(pages[0].body.toString('latin1', 0, 5), '\x7fFLAC');
  assert.equal(pages[0].body.toString('ascii', 9, 13), 'fLaC');
  const info = pages[0].body.subarray(17);
  assert.equal((info[10] << 12) | (info[11] << 4) | (info[12] >> 4), 22050, 'STREAMINFO sample rate');
  assert.equal(info.readUInt32BE(14), n, 'STREAMINFO total samples (low 32 bits)');
  assert.equal(pages[1].body[0], 0x84, 'the last metadata block is a VORBIS_COMMENT');
  for (const p of pages.slice(2)) assert.deepEqual([p.body[0], p.body[1]], [0xff, 0xf8], 'FLAC frame sync');
  assert.ok(ogg.length < n * 2, 'smaller than the PCM it carries');
});

type Json = Record<string, any>;

forEachDialect('disclosures', (dialect) => {
  let t: TestApp;
  let token: string;
  let commune: string;
  const call = async (method: string, path: string, body?: unknown, bearer: string | null = token) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const r = await t.app.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Json };
  };
  const post = (extra: Json = {}) => call('POST', '/disclosures', { unitId: commune, itemCode: 'c07', title: 'Danh sách hộ nghèo được hỗ trợ nhà ở năm 2026', decisionOn: '2026-11-06', postedOn: '2026-11-10', forms: ['posting', 'radio'], ...extra });

  before(async () => {
    t = await createTestApp(dialect);
    token = await t.token('demo.commune');
    commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  });
  after(() => t.close());

  test('demo data: a complete commune, a partial one and one with late and early-removed postings', async () => {
    const { localToday } = await import('../../platform/i18n/index.ts');
    const { addDays } = await import('../../domain/disclosure/clock.ts');
    const coord = await t.token('demo.coordinator');
    const iaMo = (await getUnitByKey(t.db, 'commune:23938:2025-07-01'))!.id;
    const range = `from=${addDays(localToday(), -40)}&to=${localToday()}`;
    const full = await call('GET', `/disclosures/compliance?unitId=${iaMo}&${range}`, undefined, coord);
    assert.deepEqual(full.body, { missing: [], late: [], tooShort: [], outdated: [] });
    const part = await call('GET', `/disclosures/compliance?unitId=${commune}&${range}`, undefined, coord);
    assert.ok(part.body.missing.length > 5 && part.body.late.length === 0);
    const rows = await t.db.selectFrom('disclosures').select(['unit_id', 'late', 'removed_on']).execute();
    assert.ok(rows.some((r) => Number(r.late) === 1) && rows.some((r) => r.removed_on));
    assert.equal((await t.db.selectFrom('consultations').select('status').execute()).map((r) => r.status).sort().join(), 'closed,open');
  });

  test('the public catalogue lists 14 commune items (Art. 11) and 12 agency items (Art. 46)', async () => {
    const c = await call('GET', '/public/disclosure-items?scope=commune', undefined, null);
    assert.equal(c.status, 200);
    assert.equal(c.body.items.length, 14);
    const c4 = c.body.items.find((i: Json) => i.code === 'c04');
    assert.deepEqual([c4.permanent, c4.postingDays, c4.radioDays], [true, null, null]);
    assert.deepEqual(Object.keys(c.body.items[6]).sort(), ['code', 'legalBasis', 'permanent', 'postingDays', 'radioDays', 'title']);
    assert.equal(c.body.items[6].radioDays, 3);
    const a = await call('GET', '/public/disclosure-items?scope=agency', undefined, null);
    assert.equal(a.body.items.length, 12);
    assert.ok(a.body.items.every((i: Json) => i.postingDays === 20));
    assert.equal((await call('GET', '/public/disclosure-items?scope=village', undefined, null)).status, 400);
  });

  test('a posting gets its deadline and end date; late and unknown items are handled', async () => {
    const r = await post();
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(r.body, { id: r.body.id, publishDue: '2026-11-13', postedUntil: '2026-12-10', late: false });
    const late = await post({ postedOn: '2026-11-16', title: 'Niêm yết muộn' });
    assert.equal(late.body.late, true);
    const perm = await post({ itemCode: 'c13', title: 'Bộ thủ tục hành chính cấp xã', forms: ['posting'] });
    assert.equal(perm.body.postedUntil, null);
    const unknown = await post({ itemCode: 'c99' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.fields.itemCode, /danh mục/);
    const agencyItem = await post({ itemCode: 'a01' });
    assert.equal(agencyItem.status, 400);
    const bad = await post({ decisionOn: '31/02/2026', title: '' });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.decisionOn && bad.body.error.fields.title);
    const badUrl = await post({ forms: [{ form: 'posting', url: 'không phải địa chỉ' }] });
    assert.equal(badUrl.status, 400);
    assert.match(badUrl.body.error.fields['forms.0.url'], /Địa chỉ web không hợp lệ/, 'a message, not the key (found by the fuzz)');
    const other = await t.token('demo.department');
    assert.equal((await call('POST', '/disclosures', { unitId: commune, itemCode: 'c01', title: 'x', decisionOn: '2026-11-06', postedOn: '2026-11-06', forms: ['posting'] }, other)).status, 403);
  });

  test('compliance: missing items, late and too short (early removal, radio fewer than 3 days)', async () => {
    const ok = await post({ title: 'Phát đủ 3 ngày', forms: [{ form: 'radio', broadcastDays: ['2026-11-10', '2026-11-11', '2026-11-12'] }, 'posting'] });
    const removed = await post({ itemCode: 'c02', title: 'Dự toán ngân sách 2027', forms: ['posting'] });
    assert.equal((await call('POST', `/disclosures/${removed.body.id}/removal`, { removedOn: '2026-11-20' })).status, 200);
    const short = await post({ itemCode: 'c08', title: 'Hỗ trợ thiên tai', forms: ['radio'] });
    assert.equal((await call('POST', `/disclosures/${short.body.id}/broadcasts`, { broadcastOn: '2026-11-10' })).status, 200);
    const c = await call('GET', `/disclosures/compliance?unitId=${commune}&from=2026-10-01&to=2026-12-31`);
    assert.equal(c.status, 200, JSON.stringify(c.body));
    assert.deepEqual(Object.keys(c.body).sort(), ['late', 'missing', 'outdated', 'tooShort']);
    assert.ok(c.body.missing.includes('c01') && c.body.missing.includes('c04'));
    assert.ok(!c.body.missing.includes('c07') && !c.body.missing.includes('c13') && !c.body.missing.includes('c14'));
    assert.ok(c.body.tooShort.includes(removed.body.id));
    assert.ok(!c.body.tooShort.includes(ok.body.id));
    assert.equal(c.body.late.length, 1);
    assert.equal((await call('GET', `/disclosures/compliance?unitId=${commune}&from=2026-13-01&to=2026-12-31`)).status, 400);
  });

  test('numbers for reports: disclosures on time and late, consultations held, comments received and accepted', async () => {
    const { localToday } = await import('../../platform/i18n/index.ts');
    const { addDays } = await import('../../domain/disclosure/clock.ts');
    const today = localToday();
    const range = `from=${addDays(today, -100)}&to=${today}`;
    const coord = await t.token('demo.coordinator');
    const all = await call('GET', `/disclosures/stats?${range}`, undefined, coord);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    const d = all.body.disclosures;
    assert.ok(d.posted >= 20 && d.late >= 2 && d.onTime + d.late === d.posted && d.tooShort >= 1, JSON.stringify(d));
    // Demo: Pleiku's open consultation (3 comments) and closed one (4 comments, 3 accepted fully or partly).
    assert.deepEqual(all.body.consultations, { held: 2, closed: 1, commentsReceived: 7, commentsAccepted: 3 });
    const mine = await call('GET', `/disclosures/stats?unitId=${commune}&${range}`);
    assert.equal(mine.status, 200);
    assert.ok(mine.body.disclosures.posted < d.posted && mine.body.consultations.held === 2, JSON.stringify(mine.body));
    const bad = await call('GET', `/disclosures/stats?from=2026-12-31&to=2026-01-01`);
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.fields.to, /sau ngày bắt đầu/);
    assert.equal((await call('GET', `/disclosures/stats?${range}`, undefined, null)).status, 401);
  });

  test('the public board finds postings without diacritics, with an Atom feed and no account', async () => {
    const r = await call('GET', `/public/disclosures?unitId=${commune}&q=ho ngheo nha o`, undefined, null);
    assert.equal(r.status, 200);
    assert.ok(r.body.items.length >= 1);
    assert.deepEqual(Object.keys(r.body.items[0]).sort(), ['id', 'itemCode', 'postedOn', 'postedUntil', 'title', 'unitId']);
    const anon = t.agent();
    const page = await anon.get(`/board/${commune}?q=ho+ngheo`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Danh sách hộ nghèo/);
    const feed = await anon.get(`/board/${commune}/feed.atom`);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /atom/);
    assert.match(await feed.text(), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  });

  test('staff pages: form with evidence, errors in Vietnamese, detail, quarterly list, overview', async () => {
    const a = await t.as('demo.commune');
    assert.equal((await a.get('/disclosures/new')).status, 200);
    const csrf = await a.csrf();
    const form = new FormData();
    for (const [k, v] of Object.entries({ _csrf: csrf, unitId: commune, itemCode: 'c09', title: 'Danh sách công dân gọi nhập ngũ 2027', decisionOn: '02/11/2026', postedOn: '03/11/2026', portalUrl: 'https://pleiku.gialai.gov.vn/cong-khai/1', informedOn: '04/11/2026', broadcastDays: '03/11/2026, 04/11/2026, 05/11/2026' })) form.append(k, v);
    for (const f of ['posting', 'portal', 'radio', 'village_heads']) form.append('forms', f);
    form.append('photo', new File([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], 'bang-tin.png', { type: 'image/png' }));
    const res = await a.request('/disclosures/new', { method: 'POST', body: form });
    assert.equal(res.status, 303, (await res.clone().text()).slice(0, 500));
    const detail = await (await a.get(res.headers.get('location')!)).text();
    assert.match(detail, /Ảnh chụp bảng niêm yết/);
    assert.match(detail, /04\/11\/2026/);
    assert.match(detail, /espeak-ng|OGG/);
    const id = res.headers.get('location')!.match(/[0-9a-f-]{36}/)![0];
    const audio = await a.get(`/disclosures/${id}/bulletin.ogg`);
    if (hasEspeak()) {
      assert.equal(audio.status, 200);
      assert.equal(audio.headers.get('content-type'), 'audio/ogg');
      const ogg = Buffer.from(await audio.arrayBuffer());
      assert.equal(ogg.toString('ascii', 0, 4), 'OggS');
      assert.ok(ogg.includes(Buffer.from('fLaC')) && ogg.length > 10000);
    } else {
      assert.equal(audio.status, 404);
      assert.match(detail, /chưa cài chương trình đọc văn bản espeak-ng/);
    }
    const bad = new FormData();
    bad.append('_csrf', csrf); bad.append('unitId', commune); bad.append('itemCode', 'c01'); bad.append('title', ''); bad.append('decisionOn', 'hôm qua'); bad.append('postedOn', '03/11/2026');
    const e = await a.request('/disclosures/new', { method: 'POST', body: bad });
    assert.equal(e.status, 400);
    const html = await e.text();
    assert.match(html, /Chọn ít nhất một hình thức công khai/);
    assert.match(html, /ngày\/tháng\/năm/);
    const q = await a.get(`/disclosures/quarterly?unitId=${commune}&year=2026&quarter=4`);
    assert.equal(q.status, 200);
    assert.match(await q.text(), /DANH MỤC CÁC NỘI DUNG ĐÃ CÔNG KHAI QUÝ 4 NĂM 2026/);
    const coord = await t.as('demo.coordinator');
    const o = await coord.get('/disclosures/overview?year=2026&quarter=4');
    assert.equal(o.status, 200);
    const overview = await o.text();
    assert.match(overview, /Pleiku/);
    assert.match(overview, /Trong quý: \d+ nội dung đã công khai \(\d+ đúng hạn, [1-9]\d* chậm\)/);
  });
});
