import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { apiCaller, apiConflict, inputValue, pageConflict, type ApiCall } from '../../../test/helpers/concurrency.ts';
import { currentVersion } from '../../../test/helpers/concurrency.ts';
import { REGISTRATION_ITEMS } from '../../domain/exemplars/forms.ts';
import { getUnitByKey } from '../units/index.ts';

/** Issue 17 item 4: two registrars editing one "Dân vận khéo" entry do not silently overwrite each other. */
forEachDialect('exemplars: concurrent edits (optimistic concurrency)', (dialect) => {
  let t: TestApp;
  let call: ApiCall;
  let pleiku: string;
  const sheet = (prefix: string) => Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, `${prefix} ${k}`]));
  const entry = () => ({ kind: 'model', subject: 'collective', field: 'culture-society', track: 'residential', unitId: pleiku, communeCode: '23575' });
  const register = async (name: string) => {
    const r = await call('demo.commune', 'POST', '/exemplars', { ...entry(), name, registration: sheet('Mục') });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  const nameOf = async (id: string) => (await t.db.selectFrom('exemplar_entries').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
  before(async () => {
    t = await createTestApp(dialect);
    call = apiCaller(t.app, t.token);
    pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
  });
  after(() => t.close());

  test('page: the second save is 409 with the first person’s entry shown and its own input kept; a reload saves', async () => {
    const id = await register('Đèn đường tự quản');
    const mine = { a: { name: 'Đèn đường tự quản (A)', outputs: 'A: 40 bóng đèn' }, b: { name: 'Đèn đường (B)', outputs: 'B: 35 bóng đèn' } };
    await pageConflict({
      a: await t.as('demo.commune'), b: await t.as('demo.commune.head'), url: `/exemplars/${id}/edit`, action: `/exemplars/${id}/edit`,
      submit: (html, who) => ({
        ...entry(), village: '', draft: '0', name: mine[who].name, lockVersion: inputValue(html, 'lockVersion') ?? '',
        ...Object.fromEntries(Object.entries(sheet('Mục')).map(([k, v]) => [`registration.${k}`, k === 'outputs' ? mine[who].outputs : v])),
      }),
      shows: ['Đèn đường tự quản (A)', 'A: 40 bóng đèn', 'Công chức phường (demo)'],
      keeps: [/name="name" type="text" value="Đèn đường \(B\)"/, />B: 35 bóng đèn<\/textarea>/],
      unchanged: async () => assert.equal(await nameOf(id), 'Đèn đường tự quản (A)'),
    });
    assert.equal(await nameOf(id), 'Đèn đường (B)', 'the reloaded form saved the second edit');
    const audits = await t.db.selectFrom('audit_events').select('id').where('subject_id', '=', id).where('action', '=', 'exemplars.edit').execute();
    assert.equal(audits.length, 2, 'one audit event per saved edit, none for the refused one');
  });

  test('API: PUT with a stale lockVersion is 409 with currentVersion and the entry as it is; without it 400', async () => {
    const id = await register('Tủ sách cộng đồng');
    await apiConflict({
      call, users: ['demo.commune', 'demo.commune.head'], read: () => currentVersion(t.db, 'exemplar_entries', id),
      write: { method: 'PUT', path: `/exemplars/${id}`, ok: 200 },
      body: (who) => ({ ...entry(), name: who === 'a' ? 'Tủ sách cộng đồng thôn 2' : 'Tủ sách nhà văn hóa', registration: sheet(who) }),
      current: (cur) => assert.deepEqual([cur.id, cur.name, cur.registration.outputs], [id, 'Tủ sách cộng đồng thôn 2', 'a outputs']),
    });
    assert.equal(await nameOf(id), 'Tủ sách nhà văn hóa');
  });
});
