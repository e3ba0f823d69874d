import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { apiCaller, apiConflict, pageConflict, type ApiCall } from '../../../test/helpers/concurrency.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { addDays } from '../../domain/democracy/index.ts';
import { createUnit } from '../units/units.service.ts';
import { getUnitByKey } from '../units/index.ts';

/** Issue 17 item 4: two people entering the tally of one community decision do not silently overwrite each other. */
forEachDialect('community decisions: concurrent tallies (optimistic concurrency)', (dialect) => {
  let t: TestApp;
  let call: ApiCall;
  let village: string;
  const open = async (question: string) => {
    const r = await call('demo.commune', 'POST', '/community-decisions', { villageId: village, matter: 'contribution', form: 'ballot', question });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  const yes = async (id: string) => Number((await t.db.selectFrom('community_decisions').select('yes').where('id', '=', id).executeTakeFirstOrThrow()).yes);
  before(async () => {
    t = await createTestApp(dialect);
    call = apiCaller(t.app, t.token);
    const pleiku = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    const v = await createUnit(t.db, SYSTEM_ACTOR, { name: 'Tổ dân phố Đồng thời', fullName: 'Tổ dân phố Đồng thời', kind: 'village', communeType: null, code: null, parentId: pleiku, validFrom: '2025-07-01' });
    assert.ok(v.ok);
    village = v.value;
    const addedOn = addDays(localToday(), -30);
    const h = await call('demo.commune', 'POST', `/villages/${village}/households`, Array.from({ length: 20 }, (_, i) => ({ representative: `Hộ ${i + 1}`, addedOn })));
    assert.equal(h.status, 201, JSON.stringify(h.body));
  });
  after(() => t.close());

  test('page: the second tally is 409 with the first count shown and its own count kept; a reload saves', async () => {
    const id = await open('Đóng góp làm đường bê tông');
    const counts = { a: { yes: '12', no: '5', other: '0' }, b: { yes: '9', no: '9', other: '2' } };
    await pageConflict({
      a: await t.as('demo.commune'), b: await t.as('demo.commune.head'), url: `/community/decisions/${id}`, action: `/community/decisions/${id}/tally`,
      submit: (html, who) => ({ ...counts[who], team: '', witnesses: '', lockVersion: /name="lockVersion" value="(\d+)"/.exec(html)?.[1] ?? '' }),
      shows: ['<dd>12</dd>', '<dd>5</dd>', 'Công chức phường (demo)'],
      keeps: [/name="yes" type="number" value="9"/, /name="other" type="number" value="2"/],
      unchanged: async () => assert.equal(await yes(id), 12),
    });
    assert.equal(await yes(id), 9, 'the reloaded form saved the second count');
    const audits = await t.db.selectFrom('audit_events').select('id').where('subject_id', '=', id).where('action', '=', 'community.decision.tally').execute();
    assert.equal(audits.length, 2, 'one audit event per saved tally, none for the refused one');
  });

  test('API: a stale tally is 409 with currentVersion and the decision as it is; without lockVersion 400', async () => {
    const id = await open('Đóng góp lắp đèn đường');
    await apiConflict({
      call, users: ['demo.commune', 'demo.commune.head'], read: async () => (await call('demo.commune', 'GET', `/community-decisions/${id}`)).body.lockVersion,
      write: { method: 'POST', path: `/community-decisions/${id}/tally`, ok: 200 },
      body: (who) => (who === 'a' ? { yes: 15, no: 3, other: 0 } : { yes: 4, no: 14, other: 0 }),
      current: (cur) => assert.deepEqual([cur.id, cur.yes, cur.no], [id, 15, 3]),
    });
    assert.equal(await yes(id), 4);
  });
});
