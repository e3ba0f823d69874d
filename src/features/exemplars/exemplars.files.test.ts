import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';
import { getUnitByKey } from '../units/index.ts';
import { REGISTRATION_ITEMS } from '../../domain/exemplars/forms.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = new TextEncoder().encode('%PDF-1.4\n% thử nghiệm\n');

forEachDialect('DVK evidence, photos and re-proposal', (dialect) => {
  let t: TestApp;
  let pleiku: string;
  before(async () => {
    t = await createTestApp(dialect);
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  });
  after(() => t.close());

  test('evidence and photos upload with the registration; only photos of recognised entries are public', async () => {
    const officer = await t.as('demo.commune');
    const fd = new FormData();
    const fields: Record<string, string> = { _csrf: await officer.csrf(), kind: 'exemplar', subject: 'individual', personName: 'Ksor H’Bia', field: 'economy', track: 'residential', name: 'Người phụ nữ Jrai làm kinh tế giỏi', unitId: pleiku, communeCode: '23575', draft: '0', pressLinks: 'Báo Gia Lai | https://baogialai.com.vn/bai-viet' };
    for (const k of REGISTRATION_ITEMS) fields[`registration.${k}`] = `Mục ${k}`;
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    fd.append('evidence', new File([PDF], 'bien-ban.pdf'));
    fd.append('photos', new File([PNG], 'anh.png'));
    const res = await officer.request('/exemplars/new', { method: 'POST', body: fd });
    assert.equal(res.status, 303, (await res.clone().text()).slice(0, 500));
    const id = res.headers.get('location')!.split('/')[2].split('?')[0];
    const files = await t.db.selectFrom('exemplar_files').selectAll().where('entry_id', '=', id).execute();
    assert.deepEqual(files.map((f) => [f.purpose, Number(f.public)]).sort(), [['evidence', 0], ['photo', 1]]);
    const evidence = files.find((f) => f.purpose === 'evidence')!;
    const photo = files.find((f) => f.purpose === 'photo')!;
    assert.equal((await officer.get(`/exemplars/${id}/files/${evidence.file_id}`)).status, 200);
    assert.equal((await t.app.request(`/showcase/exemplars/${id}/photos/${photo.file_id}`)).status, 404, 'not public before recognition');
    const head = await t.as('demo.commune.head');
    await head.post(`/exemplars/${id}/propose`, { resultsReport: 'Thu nhập 200 triệu/năm', 'reviewVote.for': '5', 'reviewVote.total': '5' });
    assert.equal((await head.post(`/exemplars/${id}/recognize`, { level: 'commune', decisionNumber: '9/QĐ', decisionOn: '2025-10-01' })).status, 303);
    const story = await (await t.app.request(`/showcase/exemplars/${id}`)).text();
    assert.match(story, new RegExp(`/showcase/exemplars/${id}/photos/${photo.file_id}`));
    assert.ok(!story.includes(evidence.file_id), 'evidence is never public');
    assert.match(story, /baogialai\.com\.vn\/bai-viet/);
    assert.equal((await t.app.request(`/showcase/exemplars/${id}/photos/${photo.file_id}`)).status, 200);
    assert.equal((await t.app.request(`/showcase/exemplars/${id}/photos/${evidence.file_id}`)).status, 404);

    const bad = new FormData();
    for (const [k, v] of Object.entries({ ...fields, name: 'Tệp giả mạo', _csrf: await officer.csrf() })) bad.append(k, v);
    bad.append('evidence', new File([new TextEncoder().encode('<html>not a pdf')], 'x.pdf'));
    const refused = await officer.request('/exemplars/new', { method: 'POST', body: bad });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Chỉ nhận tệp PDF/);
    assert.equal((await t.db.selectFrom('exemplar_entries').select('id').where('name', '=', 'Tệp giả mạo').execute()).length, 0, 'rolled back');

    const year = Number((await t.db.selectFrom('exemplar_entries').select('year').where('id', '=', id).executeTakeFirstOrThrow()).year);
    const again = await head.post(`/exemplars/${id}/carry-over`, { year: String(year + 1) });
    assert.equal(again.status, 303);
    const newId = again.headers.get('location')!.split('/')[2].split('?')[0];
    const row = await t.db.selectFrom('exemplar_entries').select(['previous_entry_id', 'year', 'status']).where('id', '=', newId).executeTakeFirstOrThrow();
    assert.deepEqual([row.previous_entry_id, Number(row.year), row.status], [id, year + 1, 'registered']);
    assert.equal((await head.post(`/exemplars/${newId}/carry-over`, { year: String(year + 2) })).status, 409, 'only recognised entries are carried over');
  });
});
