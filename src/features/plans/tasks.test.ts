import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { getUnitByKey, reorganize } from '../units/index.ts';
import { remindTasks } from './plans.jobs.ts';

type Json = Record<string, any>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

forEachDialect('tasks: scope, progress, evidence, reminders, restructuring', (dialect) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const api = async (user: string, p: string, init: { method?: string; body?: unknown; form?: FormData } = {}) => {
    tokens[user] ??= await t.token(user);
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

  test('restructuring moves open tasks and plans to the successor with a note', async () => {
    const open = await t.db.selectFrom('tasks').select('id').where('unit_id', '=', pleiku).where('status', '!=', 'done').execute();
    const r = await reorganize(t.db, SYSTEM_ACTOR, { kind: 'rename', effectiveDate: '2026-01-01', legalBasis: 'Nghị quyết thử nghiệm', predecessorIds: [pleiku], successorNames: ['Phường Pleiku Mới'], intoId: null, note: null });
    assert.ok(r.ok);
    const succ = r.ok ? r.value.successorIds[0] : '';
    const moved = await t.db.selectFrom('tasks').select(['id', 'note']).where('unit_id', '=', succ).execute();
    assert.equal(moved.length, open.length);
    assert.ok(moved.every((m) => /sắp xếp/.test(m.note ?? '')));
  });
});
