import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from '../calendar/index.ts';
import { answerDue, DEFAULT_ANSWER_TERMS, halfYearOf, registerState, REGISTER_SOURCES, termFor, type AnswerTerm } from './index.ts';

const cal = new Calendar();

test('board terms are the law\'s 15 days (LDC Art. 40(1)(c) "trong thời hạn 15 ngày", Art. 45(2)(c)); Front and rule-124 terms are unverified defaults', () => {
  const board = termFor('inspection-board', '2026-11-20')!;
  assert.deepEqual([board.days, board.unit, board.verified], [15, 'calendar-days', true]);
  assert.match(board.legalBasis, /Điều 40 khoản 1 điểm c/);
  assert.match(termFor('investment-board', '2026-11-20')!.legalBasis, /Điều 45 khoản 2 điểm c/);
  for (const s of ['front-supervision', 'front-critique', 'party-124'] as const) assert.equal(termFor(s, '2026-11-20')!.verified, false, s);
  assert.equal(new Set(DEFAULT_ANSWER_TERMS.map((t) => t.source)).size, REGISTER_SOURCES.length, 'one bundled term per source');
  assert.equal(termFor('inspection-board', '2023-06-30'), undefined, 'no term before the law was in force (01/07/2023)');
});

test('the received day is not counted and a last day off moves to the next working day, across Tết 2027 and New Year (Civil Code Art. 147(2), 148(5))', () => {
  const t15 = termFor('front-supervision', '2026-11-20')!;
  assert.equal(answerDue(cal, t15, '2026-11-20'), '2026-12-07', '05/12 is a Saturday');
  assert.equal(answerDue(cal, t15, '2027-01-25'), '2027-02-12', '09/02/2027 is in the Tết break (05–11/02)');
  assert.equal(answerDue(cal, t15, '2026-12-17'), '2027-01-04', '01/01/2027 is New Year, then a weekend');
  assert.equal(answerDue(cal, { days: 10, unit: 'working-days' }, '2027-01-28'), '2027-02-18', 'working days skip the whole break');
});

test('a province term replaces the bundled default from its start date only', () => {
  const own: AnswerTerm[] = [{ source: 'front-supervision', days: 30, unit: 'calendar-days', legalBasis: 'Quy chế phối hợp 01/QCPH, Điều 8', verified: false, validFrom: '2027-01-01', validTo: null }];
  assert.equal(termFor('front-supervision', '2026-12-31', own)!.days, 15);
  assert.equal(termFor('front-supervision', '2027-01-01', own)!.days, 30);
  assert.equal(termFor('inspection-board', '2027-01-01', own)!.days, 15, 'other sources keep their term');
});

test('states and half-years', () => {
  assert.equal(registerState({ answerDue: '2026-12-07', answeredOn: null }, '2026-12-07'), 'open', 'the due day itself is still on time');
  assert.equal(registerState({ answerDue: '2026-12-07', answeredOn: null }, '2026-12-08'), 'overdue');
  assert.equal(registerState({ answerDue: '2026-12-07', answeredOn: '2026-12-09' }, '2026-12-10'), 'answered-late');
  assert.equal(registerState({ answerDue: '2026-12-07', answeredOn: '2026-12-01', closedOn: '2026-12-02' }, '2026-12-10'), 'closed');
  assert.deepEqual(halfYearOf('2026-06-30'), { year: 2026, half: 1, from: '2026-01-01', to: '2026-06-30' });
  assert.deepEqual(halfYearOf('2026-07-01'), { year: 2026, half: 2, from: '2026-07-01', to: '2026-12-31' });
});
