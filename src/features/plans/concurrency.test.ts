import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { apiCaller, apiConflict, inputValue, pageConflict, type ApiCall } from '../../../test/helpers/concurrency.ts';
import { getUnitByKey } from '../units/index.ts';
import { localToday } from '../../platform/i18n/index.ts';

/** Issue 17 item 4: two staff members editing one task do not silently overwrite each other. */
forEachDialect('tasks: concurrent edits (optimistic concurrency)', (dialect) => {
  let t: TestApp;
  let call: ApiCall;
  let pleiku: string;
  const newTask = async (title: string) => {
    const r = await call('demo.commune', 'POST', '/tasks', { title, unitId: pleiku, startOn: localToday() });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  const row = (id: string) => t.db.selectFrom('tasks').select(['status', 'progress']).where('id', '=', id).executeTakeFirstOrThrow();
  before(async () => {
    t = await createTestApp(dialect);
    call = apiCaller(t.app, t.token);
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  });
  after(() => t.close());

  test('page: the second save is 409 with the first person’s values shown and its own input kept; a reload saves', async () => {
    const id = await newTask('Rà soát quy chế dân chủ');
    const mine = { a: { status: 'in-progress', manualProgress: '30' }, b: { status: 'blocked', manualProgress: '15' } };
    await pageConflict({
      a: await t.as('demo.commune'), b: await t.as('demo.commune.head'), url: `/tasks/${id}`, action: `/tasks/${id}`,
      submit: (html, who) => ({ ...mine[who], dueOn: inputValue(html, 'dueOn') ?? '', assigneeId: '', lockVersion: inputValue(html, 'lockVersion') ?? '' }),
      shows: ['Đang thực hiện', '30%', 'Công chức phường (demo)'],
      keeps: [/<option value="blocked" selected/, /name="manualProgress" type="number" value="15"/],
      unchanged: async () => assert.deepEqual({ ...(await row(id)), progress: Number((await row(id)).progress) }, { status: 'in-progress', progress: 30 }),
    });
    const after = await row(id);
    assert.deepEqual([after.status, Number(after.progress)], ['blocked', 15], 'the reloaded form saved B’s change');
    const audits = await t.db.selectFrom('audit_events').innerJoin('users', 'users.id', 'audit_events.actor_id').select('users.display_name').where('subject_id', '=', id).where('action', '=', 'tasks.update').orderBy('seq').execute();
    assert.deepEqual(audits.map((x) => x.display_name), ['Công chức phường (demo)', 'Chủ tịch UBND phường (demo)'], 'one audit event per saved edit, none for the refused one');
  });

  test('API: PATCH with a stale lockVersion is 409 with currentVersion and the task as it is; without it 400', async () => {
    const id = await newTask('Niêm yết kết quả');
    await apiConflict({
      call, users: ['demo.commune', 'demo.commune.head'], read: async () => (await call('demo.commune', 'GET', `/tasks/${id}`)).body.lockVersion,
      write: { method: 'PATCH', path: `/tasks/${id}`, ok: 200 },
      body: (who) => (who === 'a' ? { progress: 60 } : { status: 'blocked' }),
      current: (cur) => assert.deepEqual([cur.id, cur.progress, cur.status], [id, 60, 'in-progress']),
    });
    assert.equal((await row(id)).status, 'blocked');
  });

  test('a progress update in between also makes an open edit form stale', async () => {
    const id = await newTask('Cập nhật tiến độ');
    const a = await t.as('demo.commune');
    const form = await (await a.get(`/tasks/${id}`)).text();
    const up = new FormData();
    up.set('note', 'Đã họp'); up.set('progress', '50');
    const r = await t.app.request(`/api/v1/tasks/${id}/updates`, { method: 'POST', headers: { authorization: `Bearer ${await t.token('demo.commune.head')}` }, body: up });
    assert.equal(r.status, 201);
    const save = await a.post(`/tasks/${id}`, { status: 'not-started', manualProgress: '0', dueOn: '', assigneeId: '', lockVersion: inputValue(form, 'lockVersion')! });
    assert.equal(save.status, 409, 'the progress update moved the version on');
    assert.equal(Number((await row(id)).progress), 50);
  });
});
