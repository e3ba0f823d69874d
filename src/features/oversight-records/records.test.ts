import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { computeIndicators } from '../../platform/indicators/index.ts';
import { getUnitByKey } from '../units/index.ts';

type Json = Record<string, any>;

forEachDialect('commendation, discipline and training records', (dialect) => {
  let t: TestApp;
  let pleiku: string;
  let other: string;
  let otherName: string;
  const api = async (who: string, method: string, path: string, body?: unknown) => {
    const r = await t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${await t.token(who)}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Json };
  };
  const discipline = (unitId: string, over: Json = {}) => ({ unitId, personName: 'Phạm Văn Kỷ', personPosition: 'Công chức địa chính', personCategory: 'cong-chuc', violation: 'Không công khai phương án bồi thường', legalBasis: 'Luật 10/2022/QH15, Điều 11', measure: 'khien-trach', decisionNumber: '7/QĐ-UBND', decisionOn: '2026-11-10', decidedBy: 'Chủ tịch UBND', ...over });

  before(async () => {
    t = await createTestApp(dialect);
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    const o = await t.db.selectFrom('units').select(['id', 'full_name']).where('kind', '=', 'commune-committee').where('valid_to', 'is', null).where('code', '!=', '23575').orderBy('code').executeTakeFirstOrThrow();
    other = o.id;
    otherName = o.full_name;
  });
  after(() => t.close());

  test('the demo holds commendations (a unit, a person, a model), two disciplinary cases and three courses', async () => {
    const c = (await api('demo.coordinator', 'GET', '/records/commendations')).body.items as Json[];
    assert.ok(c.length >= 2);
    assert.ok(['unit', 'person'].every((k) => c.some((x) => x.recipientKind === k)));
    assert.equal(c.filter((x) => x.recipientKind === 'exemplar' && x.exemplarId).length, c.some((x) => x.recipientKind === 'exemplar') ? 1 : 0);
    assert.equal(((await api('demo.coordinator', 'GET', '/records/discipline')).body.items as Json[]).length, 2);
    assert.equal(((await api('demo.coordinator', 'GET', '/records/training')).body.items as Json[]).length, 3);
  });

  test('a commune records a disciplinary case for its own unit only; it cannot read another commune\'s case by page, API or export', async () => {
    assert.equal((await api('demo.commune', 'POST', '/records/discipline', discipline(other))).status, 403);
    const mine = await api('demo.commune', 'POST', '/records/discipline', discipline(pleiku, { personName: 'Nguyễn Riêng Tư PQW' }));
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    const theirs = await api('demo.coordinator', 'POST', '/records/discipline', discipline(other, { personName: 'Người Xã Khác KJH' }));
    assert.equal(theirs.status, 201);
    const list = (await api('demo.commune', 'GET', '/records/discipline')).body.items as Json[];
    assert.ok(list.some((x) => x.personName === 'Nguyễn Riêng Tư PQW'));
    assert.ok(list.every((x) => x.unitId === pleiku));
    const commune = await t.as('demo.commune');
    assert.doesNotMatch(await (await commune.get('/records/discipline')).text(), /KJH/);
    assert.doesNotMatch(await (await commune.get(`/records/discipline?unitId=${other}`)).text(), /KJH/);
    const csv = await (await commune.get('/records/discipline/export/csv')).text();
    assert.match(csv, /Nguyễn Riêng Tư PQW/);
    assert.doesNotMatch(csv, /KJH/);
    assert.ok(!csv.includes(otherName));
    assert.match(await (await (await t.as('demo.coordinator')).get('/records/discipline/export/csv')).text(), /KJH/);
    assert.equal((await t.agent().get('/records/discipline')).status === 200, false, 'never public');
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', mine.body.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['records.discipline']);
  });

  test('bad input: 400 with Vietnamese field messages and the values kept (page and API)', async () => {
    const commune = await t.as('demo.commune');
    const res = await commune.post('/records/commendations', { form: 'bang-khen', level: 'province', issuer: '', decisionNumber: 'GIU-LAI-123', decisionOn: '30/02/2026', recipientKind: 'person', unitId: pleiku, personName: '', exemplarId: '', reason: '' });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /GIU-LAI-123/);
    assert.match(html, /Trường này là bắt buộc/);
    assert.match(html, /Nhập ngày theo dạng ngày\/tháng\/năm/);
    const noPerson = await commune.post('/records/commendations', { form: 'giay-khen', level: 'commune', issuer: 'Chủ tịch UBND phường', decisionNumber: '9/QĐ', decisionOn: '15/11/2026', recipientKind: 'person', unitId: pleiku, personName: '', exemplarId: '', reason: 'Tích cực' });
    assert.equal(noPerson.status, 400);
    assert.match(await noPerson.text(), /Nhập họ và tên người được khen/);
    assert.match(html, /error-summary/);
    const tr = await commune.post('/records/training', { unitId: pleiku, organiser: 'UBND phường', topic: 'Kỹ năng dân vận', startsOn: '10/11/2026', endsOn: '09/11/2026', hours: '8', participants: 'Đơn vị không có: 5' });
    assert.equal(tr.status, 400);
    const trHtml = await tr.text();
    assert.match(trHtml, /Không đọc được dòng/);
    assert.match(trHtml, /Kỹ năng dân vận/);
    const j = await api('demo.commune', 'POST', '/records/training', { unitId: pleiku, organiser: 'UBND', topic: '', startsOn: '2026-13-01', endsOn: '2026-11-01', hours: -1, participants: [] });
    assert.equal(j.status, 400);
    assert.ok(j.body.error.fields.topic && j.body.error.fields.hours && j.body.error.fields.startsOn, JSON.stringify(j.body));
    assert.equal((await api('demo.commune', 'POST', '/records/commendations', { form: 'huy-chuong' })).status, 400);
  });

  test('training participants by unit feed dt.trained, discipline feeds kl.disciplined, commendations kt.commended (computed, not typed)', async () => {
    const commune = await t.as('demo.commune');
    const res = await commune.post('/records/training', { unitId: pleiku, organiser: 'UBND phường Pleiku', topic: 'Dân chủ ở cơ sở cho tổ trưởng', startsOn: '02/03/2029', endsOn: '03/03/2029', hours: '8', participants: `Phường Pleiku: 7\n${otherName}: 3` });
    assert.equal(res.status, 303, (await res.clone().text()).slice(0, 500));
    const scope = { unitId: pleiku, from: '2029-03-01', to: '2029-03-31' };
    const before = await computeIndicators(t.db, ['dt.trained', 'kl.disciplined', 'kt.commended'], scope);
    assert.equal(before.get('dt.trained'), 7, 'only Pleiku\'s participants of courses ending in the period');
    assert.equal((await computeIndicators(t.db, ['dt.trained'], { ...scope, unitId: other })).get('dt.trained'), 3);
    assert.equal((await computeIndicators(t.db, ['kl.disciplined'], { unitId: pleiku, from: '2026-11-01', to: '2026-11-30' })).get('kl.disciplined'), 1, 'the case decided 10/11/2026');
    assert.equal(before.get('kl.disciplined'), 0);
    assert.equal((await api('demo.commune', 'POST', '/records/commendations', { form: 'giay-khen', level: 'commune', issuer: 'Chủ tịch UBND phường', decisionNumber: '3/QĐ-UBND', decisionOn: '2029-03-15', recipientKind: 'person', unitId: pleiku, personName: 'Lê Thị Khen', reason: 'Tích cực vận động' })).status, 201);
    assert.equal((await computeIndicators(t.db, ['kt.commended'], scope)).get('kt.commended'), (before.get('kt.commended') ?? 0) + 1);
    const csv = await (await commune.get('/records/training/export/csv?from=01/03/2029&to=31/03/2029')).text();
    assert.match(csv, /Dân chủ ở cơ sở cho tổ trưởng,UBND phường Pleiku,Phường Pleiku,02\/03\/2029,03\/03\/2029,8,Phường Pleiku,7/);
    assert.ok(csv.includes(`${otherName},3`), 'the organiser sees every unit it trained');
    const xlsx = await commune.get('/records/commendations/export/xlsx');
    assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  });

  test('every page renders without JavaScript in Vietnamese and English for the roles that read it; others are refused', async () => {
    const pages = ['/recommendations', '/recommendations/new', '/recommendations/digest', '/recommendations/terms', '/records/commendations', '/records/discipline', '/records/training'];
    for (const who of ['demo.coordinator', 'demo.front', 'demo.commune', 'demo.leader']) {
      const a = await t.as(who);
      for (const p of pages) {
        for (const lang of ['vi', 'en']) {
          const r = await a.get(`${p}?lang=${lang}`);
          assert.ok(r.status === 200 || (p.endsWith('/new') && r.status === 403), `${who} ${p} ${lang}: ${r.status}`);
          if (r.status === 200) assert.doesNotMatch(await r.text(), /<script(?! src="\/static)/, 'no inline script');
        }
      }
    }
    assert.equal((await (await t.as('demo.reception')).get('/records/discipline')).status, 403);
    assert.equal((await (await t.as('demo.board')).get('/recommendations')).status, 403);
    assert.match(await (await (await t.as('demo.coordinator')).get('/records/training?lang=en')).text(), /Participants by unit/);
  });
});
