import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from '../calendar/calendar.ts';
import { BEFORE_READING, cutoffBefore, cutoffProblem, DEFAULT_CUTOFFS, lastDayToSubmit, PLAN188_DUE } from './index.ts';

const cal = new Calendar();

test('Plan 188 III.5 "báo cáo định kỳ 06 tháng (trước ngày 10/5/2025) và 01 năm (trước ngày 15/10/2025)": the last days are 09/05 and 14/10/2025', () => {
  assert.match(PLAN188_DUE.legalBasis.quote, /trước ngày 10\/5\/2025.*trước ngày 15\/10\/2025/);
  assert.equal(lastDayToSubmit(PLAN188_DUE.semiannual, 'before', cal), '2025-05-09');
  assert.equal(lastDayToSubmit(PLAN188_DUE.annual, 'before', cal), '2025-10-14');
  assert.equal(lastDayToSubmit('2025-05-10', 'by', cal), '2025-05-10', '"đến hết ngày" keeps the day itself');
});

test('"trước ngày 10/5/2026" with Sat 09/05 a day off: last working day Fri 08/05 (reading on, default); Sat 09/05 with the reading off', () => {
  assert.equal(BEFORE_READING.defaultOn, true);
  assert.equal(lastDayToSubmit('2026-05-10', 'before', cal), '2026-05-08');
  assert.equal(lastDayToSubmit('2026-05-10', 'before', cal, false), '2026-05-09');
  // "trước ngày 04/05/2026": Sun 03/05 and the 30/04–03/05 holidays → Wed 29/04.
  assert.equal(lastDayToSubmit('2026-05-04', 'before', cal), '2026-04-29');
});

test('NĐ 09/2019 Art. 12 cut-off must end on or before the due date: 15/12 → 14/06 becomes 15/12 → 14/04 for a report before 10/05; 15/12 → 14/12 becomes 15/12 → 14/09 before 15/10', () => {
  assert.deepEqual(DEFAULT_CUTOFFS.semiannual(2025), { from: '2024-12-15', to: '2025-06-14' });
  assert.deepEqual(cutoffBefore(DEFAULT_CUTOFFS.semiannual(2025), '2025-05-09'), { from: '2024-12-15', to: '2025-04-14' });
  assert.deepEqual(cutoffBefore(DEFAULT_CUTOFFS.annual(2025), '2025-10-14'), { from: '2024-12-15', to: '2025-09-14' });
  assert.deepEqual(cutoffBefore(DEFAULT_CUTOFFS.annual(2025), '2026-01-10'), DEFAULT_CUTOFFS.annual(2025), 'a default that ends in time is kept');
  assert.equal(cutoffProblem({ from: '2024-12-15', to: '2025-06-14' }, '2025-05-09'), 'after-due');
  assert.equal(cutoffProblem({ from: '2024-12-15', to: '2025-05-09' }, '2025-05-09'), null);
  assert.equal(cutoffProblem({ from: '2025-05-01', to: '2025-04-30' }, '2025-05-09'), 'order');
});
