import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { allPages } from '../../../test/helpers/pages.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { getUnitByKey, reorganize } from '../units/index.ts';
import { remindTasks } from './plans.jobs.ts';
import { verifyChain } from '../../platform/audit/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { currentVersion } from '../../../test/helpers/concurrency.ts';

type Json = Record<string, any>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

forEachDialect('tasks: scope, progress, evidence, reminders, restructuring', (dialect) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const api = async (user: string, p: string, init: { method?: string; body?: unknown; form?: FormData } = {}) => {
    tokens[user] ??= await t.token(user);
    // A client edits what it has read: PATCH carries the task's current version (concurrency itself: concurrency.test.ts).
    if (init.method === 'PATCH' && init.body && typeof init.body === 'object' && !('lockVersion' in init.body)) init = { ...init, body: { ...init.body, lockVersion: await currentVersion(t.db, 'tasks', p.split('/')[2]) } };
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[user]}` };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const r = await t.app.request(`/api/v1${p}`, { method: init.method ?? 'GET', headers, body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
    return { status: r.status, body: (await r.json()) as Json };
  };
  let pleiku: string, tuPhap: string, taskId: string;
  const filesStored = () => (fs.existsSync(path.join(t.config.dataDir, 'files')) ? fs.readdirSync(path.join(t.config.dataDir, 'files'), { recursive: true }).length : 0);
  before(async () => {
    t = await createTestApp(dialect);
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    tuPhap = (await getUnitByKey(t.db, 'body:52:tu-phap'))!.id;
  });
  after(() => t.close());

  test('commune officer creates a task for their unit; a relative due date uses working days (Tết skipped)', async () => {
    const r = await api('demo.commune', '/tasks', { method: 'POST', body: { title: 'Ban hành quy chế dân chủ', unitId: pleiku, startOn: '2025-01-24', dueInWorkingDays: 5, areas: ['admin-reform'] } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    taskId = r.body.id;
    assert.equal(r.body.status, 'overdue', 'open past its due date');
    assert.ok(r.body.dueOn > '2025-02-03', `Tết 2025 holidays pushed the due date: ${r.body.dueOn}`);
    assert.equal((await api('demo.commune', '/tasks', { method: 'POST', body: { title: 'x', unitId: tuPhap } })).status, 403);
    assert.equal((await api('demo.observer', '/tasks', { method: 'POST', body: { title: 'x', unitId: pleiku } })).status, 403);
    const bad = await api('demo.commune', '/tasks', { method: 'POST', body: { title: '', unitId: pleiku, dueOn: '31/02/2025' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.fields.title, 'Trường này là bắt buộc');
    assert.ok(bad.body.error.fields.dueOn);
  });

  test('scope: the commune sees only its tasks; the coordinator sees all; other unit’s task is 403', async () => {
    const mine = await api('demo.commune', '/tasks');
    assert.ok(mine.body.items.length > 0 && mine.body.items.every((x: Json) => x.unitId === pleiku));
    const all = await api('demo.coordinator', '/tasks');
    assert.ok(all.body.items.some((x: Json) => x.unitId === tuPhap));
    const foreign = all.body.items.find((x: Json) => x.unitId === tuPhap);
    assert.equal((await api('demo.commune', `/tasks/${foreign.id}`, { method: 'PATCH', body: { progress: 10 } })).status, 403);
    assert.equal((await api('demo.commune', `/tasks?unitId=${tuPhap}`)).status, 403);
    const overdue = await api('demo.coordinator', '/tasks?overdue=true');
    assert.ok(overdue.body.items.length > 0 && overdue.body.items.every((x: Json) => x.status === 'overdue'));
  });

  test('the task list page filters by a closed status (done, blocked) on both databases (found by the fuzz: was 500 on SQLite)', async () => {
    for (const user of ['demo.commune', 'demo.coordinator']) {
      const a = await t.as(user);
      for (const status of ['done', 'blocked']) {
        const r = await a.get(`/tasks?status=${status}`);
        assert.equal(r.status, 200, `${user} ${status}`);
        assert.doesNotMatch(await r.text(), /Ban hành quy chế dân chủ/, 'the open task is not listed');
      }
    }
  });

  test('the API list comes in pages: limit, `next` as the cursor of the following page, 400 past 200', async () => {
    const one = await api('demo.coordinator', '/tasks?limit=1');
    assert.equal(one.body.items.length, 1);
    assert.equal(typeof one.body.next, 'string');
    const two = await api('demo.coordinator', `/tasks?limit=1&cursor=${one.body.next}`);
    assert.equal(two.body.items.length, 1);
    assert.notEqual(two.body.items[0].id, one.body.items[0].id);
    const both = await api('demo.coordinator', '/tasks?limit=2');
    assert.deepEqual(both.body.items.map((x: Json) => x.id), [one.body.items[0].id, two.body.items[0].id]);
    const big = await api('demo.coordinator', '/tasks?limit=500');
    assert.equal(big.status, 400);
    assert.match(big.body.error.fields.limit, /200/);
  });

  test('PATCH sets progress by hand (marked manual); bad values are 400, never 500', async () => {
    const r = await api('demo.commune', `/tasks/${taskId}`, { method: 'PATCH', body: { progress: 30, dueOn: '31/12/2099' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.progress, 30);
    assert.equal(r.body.progressManual, true);
    assert.equal(r.body.status, 'in-progress');
    for (const body of [{ progress: 130 }, { status: 'finished' }, { dueOn: 'hôm qua' }, { colour: 'red' }]) assert.equal((await api('demo.commune', `/tasks/${taskId}`, { method: 'PATCH', body })).status, 400, JSON.stringify(body));
  });

  test('evidence upload: a PDF is stored; an executable, HTML renamed .pdf, or an oversized file is refused in Vietnamese and nothing stored', async () => {
    const form = (file: Blob, name: string) => { const f = new FormData(); f.set('note', 'Đã tổ chức hội nghị'); f.set('progress', '60'); f.set('file', file, name); return f; };
    const good = await api('demo.commune', `/tasks/${taskId}/updates`, { method: 'POST', form: form(new Blob([PDF]), 'bien-ban.pdf') });
    assert.equal(good.status, 201);
    const stored = filesStored();
    for (const [blob, name] of [[new Blob([Buffer.from('MZ\x90\x00\x03')]), 'setup.exe'], [new Blob(['<html><script>alert(1)</script></html>']), 'bao-cao.pdf']] as const) {
      const r = await api('demo.commune', `/tasks/${taskId}/updates`, { method: 'POST', form: form(blob, name) });
      assert.equal(r.status, 400, name);
      assert.match(r.body.error.fields.file, /Chỉ nhận tệp PDF/);
    }
    const big = await api('demo.commune', `/tasks/${taskId}/updates`, { method: 'POST', form: form(new Blob([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'lon.pdf') });
    assert.ok([400, 413].includes(big.status), String(big.status));
    assert.equal(filesStored(), stored, 'nothing stored for refused files');
    const task = (await api('demo.coordinator', `/tasks?unitId=${pleiku}`)).body.items.find((x: Json) => x.id === taskId);
    assert.equal(task.progress, 60);
    const page = await (await (await t.as('demo.coordinator')).get(`/tasks/${taskId}`)).text();
    assert.ok(page.includes('bien-ban.pdf') && page.includes('Cập nhật trạng thái, tiến độ'), 'the coordinator sees the update and its history');
  });

  test('subtasks: the parent’s progress is derived by weight unless set by hand', async () => {
    const parent = (await api('demo.commune', '/tasks', { method: 'POST', body: { title: 'Cha', unitId: pleiku } })).body.id;
    const a = (await api('demo.commune', '/tasks', { method: 'POST', body: { title: 'A', unitId: pleiku, parentTaskId: parent, weight: 3 } })).body.id;
    await api('demo.commune', '/tasks', { method: 'POST', body: { title: 'B', unitId: pleiku, parentTaskId: parent, weight: 1 } });
    await api('demo.commune', `/tasks/${a}`, { method: 'PATCH', body: { progress: 100 } });
    const p = (await api('demo.commune', `/tasks?unitId=${pleiku}`)).body.items.find((x: Json) => x.id === parent);
    assert.equal(p.progress, 75);
    assert.equal(p.progressManual, false);
  });

  test('reminders: overdue and due-soon tasks notify once (idempotent)', async () => {
    const first = await remindTasks(t.db);
    assert.ok(first > 0);
    assert.equal(await remindTasks(t.db), 0);
  });

  test('task page form: status, due date, person in charge, co-operating units; 400 keeps values in Vietnamese; "overdue" cannot be set', async () => {
    const officer = await t.as('demo.commune');
    const head = (await t.db.selectFrom('users').select('id').where('username', '=', 'demo.commune.head').executeTakeFirstOrThrow()).id;
    const stranger = (await t.db.selectFrom('users').select('id').where('username', '=', 'demo.department').executeTakeFirstOrThrow()).id;
    const page = await (await officer.get(`/tasks/${taskId}`)).text();
    assert.ok(page.includes(`action="/tasks/${taskId}"`) && page.includes('name="assigneeId"') && page.includes('name="coUnitIds"'));
    const post = (form: Record<string, string>, extra = '') => officer.request(`/tasks/${taskId}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() + extra });
    const csrf = await officer.csrf();
    const lockVersion = String(await currentVersion(t.db, 'tasks', taskId));
    const bad = await post({ _csrf: csrf, lockVersion, status: 'in-progress', manualProgress: '30', dueOn: '30/02/2026', assigneeId: stranger }, `&coUnitIds=${tuPhap}&areas=admin-reform`);
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.ok(html.includes('error-summary') && html.includes('ngày/tháng/năm') && html.includes('value="30/02/2026"'), 'the date error is named and the value kept');
    const wrongPerson = await post({ _csrf: csrf, lockVersion, status: 'in-progress', manualProgress: '30', dueOn: '15/12/2099', assigneeId: stranger });
    assert.equal(wrongPerson.status, 400);
    assert.ok((await wrongPerson.text()).includes('Chọn người của đơn vị chủ trì'));
    const self = await post({ _csrf: csrf, lockVersion, status: 'in-progress', manualProgress: '30', dueOn: '15/12/2099' }, `&coUnitIds=${pleiku}`);
    assert.ok((await self.text()).includes('Đơn vị chủ trì không đồng thời là đơn vị phối hợp'));
    const okr = await post({ _csrf: csrf, lockVersion, status: 'blocked', manualProgress: '60', dueOn: '15/12/2099', assigneeId: head }, `&coUnitIds=${tuPhap}&areas=admin-reform&areas=people-funds`);
    assert.equal(okr.status, 303);
    const row = await t.db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.due_on, row.assignee_id, JSON.parse(row.co_unit_ids), JSON.parse(row.areas), Number(row.progress)], ['blocked', '2099-12-15', head, [tuPhap], ['admin-reform', 'people-funds'], 60]);
    const api1 = await api('demo.commune', `/tasks/${taskId}`, { method: 'PATCH', body: { status: 'overdue' } });
    assert.equal(api1.status, 400);
    assert.match(api1.body.error.fields.status, /Quá hạn/);
    assert.equal((await api('demo.commune', `/tasks/${taskId}`, { method: 'PATCH', body: { assigneeId: stranger } })).status, 400);
    assert.equal((await api('demo.commune', `/tasks/${taskId}`, { method: 'PATCH', body: { dueOn: '01/01/2020' } })).body.error.fields.dueOn, 'Hạn hoàn thành phải sau ngày bắt đầu');
  });

  test('a note-only update keeps the progress (a blank progress is not 0)', async () => {
    const f = new FormData();
    f.set('note', 'Đang chuẩn bị tài liệu');
    f.set('progress', '');
    assert.equal((await api('demo.commune', `/tasks/${taskId}/updates`, { method: 'POST', form: f })).status, 201);
    const officer = await t.as('demo.commune');
    assert.equal((await officer.post(`/tasks/${taskId}/updates`, { note: 'Thêm ghi chú', progress: '' })).status, 303);
    assert.equal(Number((await t.db.selectFrom('tasks').select('progress').where('id', '=', taskId).executeTakeFirstOrThrow()).progress), 60);
  });

  test('co-operating unit sees the task and comments, cannot edit; comments are listed and audited; others 403', async () => {
    const dept = await t.as('demo.department');
    const page = await dept.get(`/tasks/${taskId}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes(`action="/tasks/${taskId}/comments"`) && !html.includes(`action="/tasks/${taskId}/updates"`));
    assert.ok((await (await dept.get('/tasks')).text()).includes('Nhiệm vụ đơn vị phối hợp'));
    assert.equal((await dept.post(`/tasks/${taskId}/comments`, { comment: '' })).status, 400);
    assert.equal((await dept.post(`/tasks/${taskId}/comments`, { comment: 'Sở Tư pháp sẽ cử báo cáo viên' })).status, 303);
    assert.equal((await dept.post(`/tasks/${taskId}/updates`, { note: 'x', progress: '90' })).status, 403);
    assert.equal((await api('demo.department', `/tasks/${taskId}`, { method: 'PATCH', body: { progress: 90 } })).status, 403);
    const c = await api('demo.leader', `/tasks/${taskId}/comments`, { method: 'POST', body: { note: 'Đề nghị hoàn thành trước Tết' } });
    assert.equal(c.status, 201);
    assert.equal((await api('demo.observer', `/tasks/${taskId}/comments`, { method: 'POST', body: { note: 'x' } })).status, 403);
    const other = await api('demo.commune', '/tasks', { method: 'GET' });
    const foreign = (await api('demo.coordinator', '/tasks')).body.items.find((x: Json) => x.unitId !== pleiku);
    assert.ok(other.body.items.every((x: Json) => x.unitId === pleiku));
    assert.equal((await (await t.as('demo.commune')).get(`/tasks/${foreign.id}`)).status, 403);
    const detail = await api('demo.department', `/tasks/${taskId}`);
    assert.equal(detail.status, 200, 'a co-operating unit reads the task by API');
    assert.deepEqual(detail.body.coUnitIds, [tuPhap]);
    assert.ok(detail.body.updates.some((u: Json) => u.kind === 'comment' && u.note === 'Đề nghị hoàn thành trước Tết'));
    assert.ok(detail.body.updates.some((u: Json) => u.kind === 'update' && u.fileId));
    assert.equal((await api('demo.commune', `/tasks/${foreign.id}`)).status, 403);
    const seen = await (await (await t.as('demo.coordinator')).get(`/tasks/${taskId}`)).text();
    assert.ok(seen.includes('Sở Tư pháp sẽ cử báo cáo viên') && seen.includes('Đề nghị hoàn thành trước Tết') && seen.includes('Ý kiến'));
  });

  test('subtasks from the task page; a grandparent’s progress follows by weight; back to derived from the form', async () => {
    const officer = await t.as('demo.commune');
    const top = (await api('demo.commune', '/tasks', { method: 'POST', body: { title: 'Ông', unitId: pleiku } })).body.id;
    const mid = (await api('demo.commune', '/tasks', { method: 'POST', body: { title: 'Cha', unitId: pleiku, parentTaskId: top } })).body.id;
    assert.ok((await (await officer.get(`/tasks/${mid}`)).text()).includes(`/tasks/${mid}/subtasks/new`));
    assert.equal((await officer.get(`/tasks/${mid}/subtasks/new`)).status, 200);
    const empty = await officer.post('/tasks', { title: '', unitId: pleiku, parentTaskId: mid, weight: '2' });
    assert.equal(empty.status, 400);
    const emptyHtml = await empty.text();
    assert.ok(emptyHtml.includes('Trường này là bắt buộc') && emptyHtml.includes('value="2"'), 'the subtask form again, values kept');
    assert.equal((await officer.post('/tasks', { title: 'Con', unitId: pleiku, parentTaskId: mid, weight: '2' })).status, 303);
    const child = (await t.db.selectFrom('tasks').select('id').where('parent_task_id', '=', mid).executeTakeFirstOrThrow()).id;
    await api('demo.commune', `/tasks/${child}`, { method: 'PATCH', body: { progress: 50 } });
    const prog = async (id: string) => (await api('demo.commune', `/tasks?unitId=${pleiku}`)).body.items.find((x: Json) => x.id === id);
    assert.equal((await prog(top)).progress, 50, 'two levels up');
    const csrf = await officer.csrf();
    const manual = await officer.request(`/tasks/${mid}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, lockVersion: String(await currentVersion(t.db, 'tasks', mid)), status: 'in-progress', progressMode: 'manual', manualProgress: '80', dueOn: '' }) });
    assert.equal(manual.status, 303);
    assert.deepEqual([(await prog(mid)).progress, (await prog(mid)).progressManual, (await prog(top)).progress], [80, true, 80]);
    const derived = await officer.request(`/tasks/${mid}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, lockVersion: String(await currentVersion(t.db, 'tasks', mid)), status: 'in-progress', progressMode: 'derived', manualProgress: '80', dueOn: '' }) });
    assert.equal(derived.status, 303);
    assert.deepEqual([(await prog(mid)).progress, (await prog(mid)).progressManual, (await prog(top)).progress], [50, false, 50]);
  });

  test('restructuring moves open tasks and plans to the successor with a note', async () => {
    const open = await t.db.selectFrom('tasks').select('id').where('unit_id', '=', pleiku).where('status', '!=', 'done').execute();
    const r = await reorganize(t.db, SYSTEM_ACTOR, { kind: 'rename', effectiveDate: '2026-01-01', legalBasis: 'Nghị quyết thử nghiệm', predecessorIds: [pleiku], successorNames: ['Phường Pleiku Mới'], intoId: null, note: null });
    assert.ok(r.ok);
    const succ = r.ok ? r.value.successorIds[0] : '';
    const moved = await t.db.selectFrom('tasks').select(['id', 'note']).where('unit_id', '=', succ).execute();
    assert.equal(moved.length, open.length);
    assert.ok(moved.every((m) => /sắp xếp/.test(m.note ?? '')));
    const page = await (await (await t.as('demo.coordinator')).get(`/tasks/${taskId}`)).text();
    assert.ok(page.includes('Chuyển sang đơn vị kế thừa khi sắp xếp') && page.includes('Phường Pleiku Mới'), 'the task page shows the move');
    const co = await t.db.selectFrom('tasks').select('co_unit_ids').where('id', '=', taskId).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(co.co_unit_ids), [tuPhap]);
  });

  test('merging two communes that both have a plan: one plan for the successor, open tasks on the same items, nothing lost or duplicated', async () => {
    const a = (await getUnitByKey(t.db, 'commune:21859:2025-07-01'))!.id;
    const b = (await getUnitByKey(t.db, 'commune:23938:2025-07-01'))!.id;
    const provincial = (await t.db.selectFrom('plans').select('id').where('document_number', '=', '188/KH-UBND').executeTakeFirstOrThrow()).id;
    const plansOf = (u: string) => t.db.selectFrom('plans').select(['id', 'note']).where('unit_id', '=', u).where('parent_plan_id', '=', provincial).execute();
    const [pa] = await plansOf(a);
    const [pb] = await plansOf(b);
    const openBefore = await t.db.selectFrom('tasks').select(['id', 'plan_item_id']).where('unit_id', 'in', [a, b]).where('status', '!=', 'done').execute();
    const updatesBefore = await t.db.selectFrom('task_updates').select('id').where('task_id', 'in', openBefore.map((x) => x.id)).execute();
    assert.ok(pa && pb && openBefore.length >= 4);
    const today = localToday();
    const r = await reorganize(t.db, SYSTEM_ACTOR, { kind: 'merge', effectiveDate: today, legalBasis: 'Nghị quyết thử nghiệm sáp nhập', predecessorIds: [a, b], successorNames: ['Xã Hợp Nhất'], intoId: null, note: null });
    assert.ok(r.ok);
    const succ = r.ok ? r.value.successorIds[0] : '';
    const succPlans = await plansOf(succ);
    assert.equal(succPlans.length, 1, 'one plan for the successor');
    const items = await t.db.selectFrom('plan_items').select(['id', 'source_item_id']).where('plan_id', '=', succPlans[0].id).execute();
    assert.equal(new Set(items.map((i) => i.source_item_id)).size, items.length, 'no item twice');
    const moved = await t.db.selectFrom('tasks').select(['id', 'plan_id', 'plan_item_id']).where('id', 'in', openBefore.map((x) => x.id)).execute();
    assert.ok(moved.every((m) => m.plan_id === succPlans[0].id && items.some((i) => i.id === m.plan_item_id)), 'every open task on the successor’s plan, on an item of it');
    assert.equal((await t.db.selectFrom('tasks').select('id').where('unit_id', '=', succ).execute()).length, openBefore.length);
    assert.equal((await t.db.selectFrom('task_updates').select('id').where('task_id', 'in', openBefore.map((x) => x.id)).execute()).length, updatesBefore.length, 'updates kept');
    const left = [...(await plansOf(a)), ...(await plansOf(b))];
    assert.equal(left.length, 1, 'the other plan stays as a record');
    assert.match(left[0].note ?? '', /Xã Hợp Nhất/);
    const moved1 = await (await (await t.as('demo.coordinator')).get(`/plans/${succPlans[0].id}`)).text();
    assert.ok(moved1.includes('khi sắp xếp đơn vị'), 'the moved plan shows its note');
    const cov = await allPages((p) => api('demo.coordinator', p), `/plans/${provincial}/coverage`);
    const rows = cov.items.filter((u: Json) => [a, b, succ].includes(u.unitId));
    assert.deepEqual(rows.map((u: Json) => [u.unitId, u.unitPlanId]), [[succ, succPlans[0].id]]);
    assert.equal((await verifyChain(t.db)).ok, true);
  });
});
