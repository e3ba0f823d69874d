import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { allPages } from '../../../test/helpers/pages.ts';
import { verifyChain } from '../../platform/audit/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import type { DbHandle } from '../../platform/db/index.ts';
import { plansCommands } from './plans.cli.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Json = Record<string, any>;

forEachDialect('plans: 188/KH-UBND and the cascade', (dialect) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const api = async (user: string, path: string, init: { method?: string; body?: unknown } = {}) => {
    tokens[user] ??= await t.token(user);
    const r = await t.app.request(`/api/v1${path}`, { method: init.method ?? 'GET', headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    return { status: r.status, body: (await r.json()) as Json };
  };
  let planId: string;
  before(async () => {
    t = await createTestApp(dialect);
    planId = (await api('demo.coordinator', '/plans')).body.items.find((p: Json) => p.documentNumber === '188/KH-UBND').id;
  });
  after(() => t.close());

  test('GET /plans lists 188/KH-UBND with the contract fields', async () => {
    const { status, body } = await api('demo.observer', '/plans');
    assert.equal(status, 200);
    const p = body.items.find((x: Json) => x.id === planId);
    assert.deepEqual(Object.keys(p).sort(), ['documentNumber', 'id', 'issuedOn', 'issuerUnitId', 'parentPlanId', 'title']);
    assert.equal(p.issuedOn, '2025-01-22');
    assert.equal(p.parentPlanId, null);
  });

  test('GET /plans/{id}: items I.1–3 and II.1–12 nested, duties per unit or kind', async () => {
    const { body } = await api('demo.commune', `/plans/${planId}`);
    assert.deepEqual(body.items.map((i: Json) => i.number), ['I', 'II']);
    assert.equal(body.items[0].children.length, 3);
    assert.equal(body.items[1].children.length, 12);
    assert.match(body.items[1].children[2].title, /văn bản/);
    assert.deepEqual(body.items[1].children[6].supervisionAreas, ['anti-corruption'], 'II.7 names its supervision area');
    assert.ok(body.items[1].children[10].supervisionAreas.includes('land-environment'));
    const noiVu = await getUnitByKey(t.db, 'body:52:noi-vu');
    assert.ok(body.duties.some((d: Json) => d.unitId === noiVu!.id && /theo dõi, đôn đốc/.test(d.text)));
    assert.ok(body.duties.some((d: Json) => d.unitKind === 'commune-committee'));
  });

  test('the plan page reads like the document, footnotes and recipients included', async () => {
    const a = await t.as('demo.commune');
    const html = await (await a.get(`/plans/${planId}`)).text();
    for (const s of ['Số: 188/KH-UBND', 'Gia Lai, ngày 22 tháng 01 năm 2025', 'II. NỘI DUNG', '12. ', 'Nghị định số 59/2023/NĐ-CP', 'Nơi nhận:', 'Rah Lan Chung', 'Lập kế hoạch của đơn vị']) assert.ok(html.includes(s), s);
  });

  test('coverage: every department and commune, none issued yet for Pleiku; demo units at different stages', async () => {
    const { items: units, first } = await allPages((p) => api('demo.coordinator', p), `/plans/${planId}/coverage`);
    assert.ok(units.length >= 135);
    const pleiku = await getUnitByKey(t.db, 'commune:23575:2025-07-01');
    const row = units.find((u: Json) => u.unitId === pleiku!.id);
    assert.deepEqual(row, { unitId: pleiku!.id, unitPlanId: null, issuedOn: null, overdue: true });
    assert.ok(units.some((u: Json) => u.issuedOn === '2025-02-20' && !u.overdue));
    assert.deepEqual(first.summary, { units: units.length, issued: units.filter((u) => u.issuedOn).length, overdue: units.filter((u) => u.overdue).length }, 'the totals of all pages');
    assert.equal((await api('demo.commune', `/plans/${planId}/coverage`)).status, 403);
    const page = await (await (await t.as('demo.coordinator')).get(`/plans/${planId}/coverage`)).text();
    assert.ok(page.includes('Phường Pleiku') && page.includes('Đơn vị chưa ban hành kế hoạch'));
  });

  test('coverage API: 50 units a page by default with `next`; missing=true keeps the units without an issued plan; a bad limit is a 400', async () => {
    const one = await api('demo.coordinator', `/plans/${planId}/coverage`);
    assert.equal(one.body.items.length, 50);
    const two = await api('demo.coordinator', `/plans/${planId}/coverage?cursor=${one.body.next}`);
    assert.ok(two.body.items.length > 0 && !two.body.items.some((u: Json) => one.body.items.some((v: Json) => v.unitId === u.unitId)), 'page 2 holds other units');
    const missing = await allPages((p) => api('demo.coordinator', p), `/plans/${planId}/coverage?missing=true`);
    assert.equal(missing.items.length, missing.first.summary.units - missing.first.summary.issued);
    assert.ok(missing.items.every((u: Json) => u.issuedOn === null));
    const bad = await api('demo.coordinator', `/plans/${planId}/coverage?limit=500`);
    assert.equal(bad.status, 400);
    assert.ok(JSON.stringify(bad.body).includes('limit'));
  });

  test('coordinator reminds units without an issued plan (in-app notices, audited)', async () => {
    const c = await t.as('demo.coordinator');
    const r = await c.post(`/plans/${planId}/remind`, {});
    assert.equal(r.status, 303);
    const commune = (await t.db.selectFrom('users').select('id').where('username', '=', 'demo.commune').executeTakeFirst())!.id;
    const n = await t.db.selectFrom('notifications').select(['id', 'title']).where('user_id', '=', commune).where('dedupe_key', 'like', `plan:${planId}:remind:%`).execute();
    assert.equal(n.length, 1);
    assert.match(n[0].title, /Nhắc ban hành kế hoạch/);
    assert.equal((await c.post(`/plans/${planId}/remind`, {})).status, 303);
    assert.equal((await t.db.selectFrom('notifications').select('id').where('user_id', '=', commune).where('dedupe_key', 'like', `plan:${planId}:remind:%`).execute()).length, 1, 'once a day');
    assert.equal((await verifyChain(t.db)).ok, true);
  });

  let unitPlanId: string;
  test('commune officer creates the commune plan: items carried over; other unit 403; twice 409; bad input 400 in Vietnamese', async () => {
    const pleiku = await getUnitByKey(t.db, 'commune:23575:2025-07-01');
    const tuPhap = await getUnitByKey(t.db, 'body:52:tu-phap');
    assert.equal((await api('demo.commune', `/plans/${planId}/unit-plans`, { method: 'POST', body: { unitId: tuPhap!.id } })).status, 403);
    const bad = await api('demo.commune', `/plans/${planId}/unit-plans`, { method: 'POST', body: { unitId: '' } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.fields.unitId, /Bắt buộc|bắt buộc|Vui lòng/);
    const r = await api('demo.commune', `/plans/${planId}/unit-plans`, { method: 'POST', body: { unitId: pleiku!.id } });
    assert.equal(r.status, 201);
    unitPlanId = r.body.id;
    assert.equal(r.body.parentPlanId, planId);
    assert.equal(r.body.items.length, 12);
    const source = (await api('demo.commune', `/plans/${planId}`)).body.items[1].children[0].id;
    assert.equal(r.body.items[0].sourceItemId, source);
    assert.ok(r.body.items[10].supervisionAreas.includes('public-investment'), 'carried items keep their areas');
    const task = await api('demo.commune', '/tasks', { method: 'POST', body: { title: 'Giám sát đầu tư công', unitId: pleiku!.id, planId: unitPlanId, planItemId: r.body.items[10].id } });
    assert.equal(task.status, 201);
    assert.ok(task.body.areas.includes('public-investment'), 'a task on II.11 carries its areas');
    const byArea = await (await (await t.as('demo.leader')).get('/tasks?area=public-investment')).text();
    assert.ok(byArea.includes('Giám sát đầu tư công'), 'leaders see it on the area');
    assert.equal((await api('demo.commune', `/plans/${planId}/unit-plans`, { method: 'POST', body: { unitId: pleiku!.id } })).status, 409);
    assert.equal((await api('demo.observer', `/plans/${planId}/unit-plans`, { method: 'POST', body: { unitId: pleiku!.id } })).status, 403);
  });

  test('the unit plan links each carried item back to the provincial item; the coordinator’s /plans shows everything at a glance', async () => {
    const html = await (await (await t.as('demo.commune')).get(`/plans/${unitPlanId}`)).text();
    const source = (await api('demo.commune', `/plans/${planId}`)).body.items[1].children[2].id;
    assert.ok(html.includes(`href="/plans/${planId}#item-${source}"`) && html.includes('theo nội dung của kế hoạch tỉnh'));
    const glance = await (await (await t.as('demo.coordinator')).get('/plans')).text();
    assert.match(glance, /\d+\/\d+ đơn vị đã ban hành kế hoạch, \d+ đang dự thảo, \d+ chưa lập; \d+ đơn vị quá hạn/);
    assert.match(glance, /[1-9]\d* nhiệm vụ quá hạn/);
    assert.match(glance, /[1-9]\d* đơn vị chưa có văn bản phân công hợp lệ/);
    assert.ok(!(await (await (await t.as('demo.commune')).get('/plans')).text()).includes('Tổng quan'));
  });

  test('the head issues the plan with number and date (form), coverage shows it', async () => {
    const officer = await t.as('demo.commune');
    assert.equal((await officer.post(`/plans/${unitPlanId}/issue`, { documentNumber: '01/KH-UBND', issuedOn: '01/03/2025' })).status, 403);
    const head = await t.as('demo.commune.head');
    const bad = await head.post(`/plans/${unitPlanId}/issue`, { documentNumber: '', issuedOn: '31/02/2025' });
    assert.equal(bad.status, 400);
    assert.ok((await bad.text()).includes('error-summary'));
    assert.equal((await head.post(`/plans/${unitPlanId}/issue`, { documentNumber: '01/KH-UBND', issuedOn: '01/03/2025' })).status, 303);
    const pleiku = await getUnitByKey(t.db, 'commune:23575:2025-07-01');
    const row = (await allPages((p) => api('demo.coordinator', p), `/plans/${planId}/coverage`)).items.find((u: Json) => u.unitId === pleiku!.id);
    assert.deepEqual(row, { unitId: pleiku!.id, unitPlanId, issuedOn: '2025-03-01', overdue: false });
  });

  test('written assignments: missing list names units without one and those whose holder lost the role; a head records one', async () => {
    const { status, body } = await api('demo.coordinator', '/assignments/missing');
    assert.equal(status, 200);
    const noiVu = (await getUnitByKey(t.db, 'body:52:noi-vu'))!.id;
    const tuPhap = (await getUnitByKey(t.db, 'body:52:tu-phap'))!.id;
    const yTe = (await getUnitByKey(t.db, 'body:52:y-te'))!.id;
    assert.deepEqual(body.items.find((i: Json) => i.unitId === noiVu), { unitId: noiVu, reason: 'holder-lost-role' });
    assert.deepEqual(body.items.find((i: Json) => i.unitId === yTe), { unitId: yTe, reason: 'none' });
    assert.ok(!body.items.some((i: Json) => i.unitId === tuPhap));
    assert.equal((await api('demo.commune', '/assignments/missing')).status, 403);
    const page = await (await (await t.as('demo.coordinator')).get('/assignments')).text();
    assert.ok(page.includes('Người được phân công không còn giữ vai trò'));
    const dept = await t.as('demo.department');
    const me = (await t.db.selectFrom('users').select('id').where('username', '=', 'demo.department').executeTakeFirst())!.id;
    const bad = await dept.post(`/assignments/${tuPhap}`, { headUserId: '', focalUserId: me, documentNumber: '', documentDate: '30/02/2025' });
    assert.equal(bad.status, 400);
    assert.ok((await bad.text()).includes('Trường này là bắt buộc'));
    assert.equal((await dept.post(`/assignments/${yTe}`, { headUserId: me, focalUserId: me, documentNumber: '1/QĐ', documentDate: '01/03/2025' })).status, 403);
    assert.equal((await dept.post(`/assignments/${tuPhap}`, { headUserId: me, focalUserId: me, documentNumber: '40/QĐ-STP', documentDate: '01/03/2025' })).status, 303);
  });

  test('the assigning document is uploaded (checked by content) and downloadable by the unit and the coordinator only', async () => {
    const tuPhap = (await getUnitByKey(t.db, 'body:52:tu-phap'))!.id;
    const me = (await t.db.selectFrom('users').select('id').where('username', '=', 'demo.department').executeTakeFirst())!.id;
    const dept = await t.as('demo.department');
    const send = async (file: Blob, name: string) => {
      const f = new FormData();
      f.set('_csrf', await dept.csrf());
      for (const [k, v] of Object.entries({ headUserId: me, focalUserId: me, documentNumber: '41/QĐ-STP', documentDate: '02/03/2025' })) f.set(k, v);
      f.set('file', file, name);
      return dept.request(`/assignments/${tuPhap}`, { method: 'POST', body: f });
    };
    const bad = await send(new Blob(['<html>x</html>']), 'quyet-dinh.pdf');
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.ok(html.includes('Chỉ nhận tệp PDF') && html.includes('value="41/QĐ-STP"'));
    assert.equal((await t.db.selectFrom('plan_assignments').select('id').where('document_number', '=', '41/QĐ-STP').execute()).length, 0);
    assert.equal((await send(new Blob(['%PDF-1.4\n%%EOF\n']), 'quyet-dinh.pdf')).status, 303);
    const got = await dept.get(`/assignments/${tuPhap}/file`);
    assert.equal(got.status, 200);
    assert.match(got.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal((await (await t.as('demo.coordinator')).get(`/assignments/${tuPhap}/file`)).status, 200);
    assert.equal((await (await t.as('demo.commune')).get(`/assignments/${tuPhap}/file`)).status, 403);
    assert.ok((await (await t.as('demo.coordinator')).get('/assignments').then((r) => r.text())).includes(`/assignments/${tuPhap}/file`));
  });

  test('CLI plans import: refuses a second import and a malformed file (exit 1), imports a new plan (exit 0)', async () => {
    const cmd = plansCommands(SYSTEM_ACTOR)['plans import'];
    const h = { db: t.db, dialect } as unknown as DbHandle;
    const file = new URL('../../data/plans/188-KH-UBND-2025.json', import.meta.url).pathname;
    const quiet = console.error;
    console.error = () => {};
    try {
      assert.equal(await cmd.run(h, [file]), 1, 'already imported');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-plan-'));
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...doc, items: [] }));
      assert.equal(await cmd.run(h, [path.join(dir, 'bad.json')]), 1);
      fs.writeFileSync(path.join(dir, 'new.json'), JSON.stringify({ ...doc, documentNumber: '200/KH-UBND', issuedOn: '2026-01-15' }));
      const log = console.log; console.log = () => {};
      try { assert.equal(await cmd.run(h, [path.join(dir, 'new.json')]), 0); } finally { console.log = log; }
    } finally { console.error = quiet; }
    assert.ok((await api('demo.observer', '/plans')).body.items.some((p: Json) => p.documentNumber === '200/KH-UBND'));
  });
});
