import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateValues, getIndicator, registerIndicator } from './index.ts';

test('a regime listing an indicator without a computation does not undo the computation a feature registered', async () => {
  const compute = async () => 4;
  registerIndicator({ code: 'test.computed', label: 'A', labelEn: 'A', definition: 'd', unit: 'x', aggregate: 'sum', compute });
  registerIndicator({ code: 'test.computed', label: 'B', labelEn: 'B', definition: 'd', unit: 'x', aggregate: 'sum' });
  assert.equal(getIndicator('test.computed')?.compute, compute);
  registerIndicator({ code: 'test.manual', label: 'M', labelEn: 'M', definition: 'd', unit: 'x', aggregate: 'sum' });
  registerIndicator({ code: 'test.manual', label: 'M2', labelEn: 'M2', definition: 'd', unit: 'x', aggregate: 'sum', compute });
  assert.equal(getIndicator('test.manual')?.label, 'M2', 'a computation may be added later');
  assert.throws(() => registerIndicator({ code: 'Bad Code', label: '', labelEn: '', definition: '', unit: '', aggregate: 'sum' }));
});

test('aggregation across units: sum, average and maximum ignore missing values', () => {
  assert.equal(aggregateValues('sum', [1, 2, null, 3]), 6);
  assert.equal(aggregateValues('avg', [50, 100, undefined]), 75);
  assert.equal(aggregateValues('max', [3, 9, null]), 9);
  assert.equal(aggregateValues('sum', [null, undefined]), null);
});
