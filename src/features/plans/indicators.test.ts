import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { getIndicator } from '../../platform/indicators/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { currentVersion } from '../../../test/helpers/concurrency.ts';

forEachDialect('tasks done on time (report indicator nv.ontime)', (dialect) => {
  let t: TestApp;
  let token: string;
  const api = async (p: string, method: string, body: Record<string, unknown>) => {
    if (method === 'PATCH') body = { ...body, lockVersion: await currentVersion(t.db, 'tasks', p.split('/')[2]) };
    const r = await t.app.request(`/api/v1${p}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, any> };
  };
  before(async () => { t = await createTestApp(dialect); token = await t.token('demo.commune'); });
  after(() => t.close());

  test('a task marked done records the day; done by the due date counts, late or reopened does not', async () => {
    const pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    const today = localToday();
    const year = today.slice(0, 4);
    const def = getIndicator('nv.ontime')!;
    assert.ok(def.compute, 'computed from tasks');
    const count = () => def.compute!(t.db, { unitId: pleiku, from: `${year}-01-01`, to: `${year}-12-31` });
    const start = (await count()) ?? 0;
    const onTime = await api('/tasks', 'POST', { title: 'Niêm yết quy chế', unitId: pleiku, dueOn: `${Number(year) + 1}-01-31` });
    const late = await api('/tasks', 'POST', { title: 'Họp tổ dân phố', unitId: pleiku, startOn: `${year}-01-01`, dueOn: `${year}-01-02` });
    assert.equal(onTime.status, 201, JSON.stringify(onTime.body));
    assert.equal(late.status, 201, JSON.stringify(late.body));
    for (const id of [onTime.body.id, late.body.id]) assert.equal((await api(`/tasks/${id}`, 'PATCH', { status: 'done' })).status, 200);
    const row = await t.db.selectFrom('tasks').select(['done_on']).where('id', '=', onTime.body.id).executeTakeFirstOrThrow();
    assert.equal(row.done_on, today);
    assert.equal(await count(), start + (today <= `${year}-01-02` ? 2 : 1), 'only the task done by its due date');
    assert.equal((await api(`/tasks/${onTime.body.id}`, 'PATCH', { status: 'in-progress' })).status, 200);
    assert.equal((await t.db.selectFrom('tasks').select(['done_on']).where('id', '=', onTime.body.id).executeTakeFirstOrThrow()).done_on, null, 'reopened: no longer done');
    assert.equal(await count(), start + (today <= `${year}-01-02` ? 1 : 0));
  });
});
