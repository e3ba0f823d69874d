import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { forEachDialect } from '../../../test/helpers/app.ts';
import { aggregatePeriod } from './reports.aggregate.ts';
import { checkAggregate, generateProvince } from './reports.generate.ts';

forEachDialect('reports at the scale of a large province', (dialect) => {
  let tdb: TestDb;
  before(async () => { tdb = await createTestDb(dialect); });
  after(() => tdb.drop());

  test('3,321 generated units: the aggregate equals the sum (average, maximum) of the unit reports in every indicator' /* speed: bench/reports.bench.ts */, async () => {
    const { db } = tdb.handle;
    const g = await generateProvince(db);
    assert.equal(g.units, 3321);
    const agg = await aggregatePeriod(db, g.period, g.regime, { today: '2026-01-01' });
    assert.equal(agg.statuses.length, 3321);
    assert.equal(agg.submitted + agg.accepted + agg.missing.length + agg.statuses.filter((s) => s.status === 'returned').length, 3321);
    assert.deepEqual(await checkAggregate(db, g.period.id, agg), []);
    const sum = agg.indicators.find((i) => i.code === 'dv.directives')!;
    assert.equal(sum.total, Object.values(sum.byUnitKind).reduce((a, b) => a! + (b ?? 0), 0), 'a sum is the sum of its unit kinds');
  });
});
