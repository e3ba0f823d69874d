import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { plusDays } from '../../domain/calendar/index.ts';
import { reorganize } from '../units/index.ts';
import { communityStats, householdCount } from './index.ts';
import { boardStats } from '../boards/index.ts';
import { mediationStats } from '../mediation/index.ts';
import { agencyStats } from '../agency-democracy/index.ts';

forEachDialect('grassroots democracy: numbers for reports and restructuring', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('the demo data gives decisions taken and passed, boards, recommendations, mediation success and conferences', async () => {
    // The demo seed places all of this within the year before today (src/features/*/…seed.ts).
    const period = { from: plusDays(localToday(), -365), to: localToday() };
    const c = await communityStats(t.db, period);
    assert.ok(c.decisionsTaken >= 4 && c.decisionsPassed >= 2 && c.decisionsPassed < c.decisionsTaken, JSON.stringify(c));
    assert.equal(c.decisionsRecognised, 1, 'the convention of Làng Bồ, recognised by the commune');
    assert.deepEqual([c.communeDecisionsTaken, c.communeDecisionsPassed], [1, 1], 'the rural xã: 2 of 3 villages approve the commune-wide contribution');
    const xa = await t.db.selectFrom('commune_decisions').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([xa.villages_passed, xa.villages_total, xa.rule], [2, 3, 'ldc.21.1.a.xa']);
    const b = await boardStats(t.db, period);
    assert.equal(b.inspectionBoards, 1);
    assert.equal(b.supervisionBoards, 1);
    assert.ok(b.recommendations >= 1 && b.boardsActive >= 1);
    const m = await mediationStats(t.db, period);
    assert.equal(m.mediationClosed, 2);
    assert.equal(m.mediationSuccessRate, 50);
    const a = await agencyStats(t.db, period);
    assert.deepEqual([a.conferencesHeld, a.conferencesWithQuorum, a.dialoguesValid], [1, 1, 1]);
  });

  test('merging two residential groups moves their households and open decisions to the successor', async () => {
    const [a, b] = await t.db.selectFrom('units').select('id').where('kind', '=', 'village').where('full_name', 'in', ['Tổ dân phố 4', 'Tổ dân phố 5']).orderBy('full_name').execute();
    const today = localToday();
    const before = (await householdCount(t.db, a.id, today)) + (await householdCount(t.db, b.id, today));
    const r = await reorganize(t.db, SYSTEM_ACTOR, { kind: 'merge', effectiveDate: today, legalBasis: 'Nghị quyết thử nghiệm', predecessorIds: [a.id, b.id], successorNames: ['Tổ dân phố 4-5'], intoId: null, note: null });
    assert.ok(r.ok);
    const successor = r.value.successorIds[0];
    assert.equal(await householdCount(t.db, successor, today), before);
    assert.ok(await t.db.selectFrom('audit_events').select('id').where('action', '=', 'community.handover').executeTakeFirst());
  });
});
