import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from '../calendar/index.ts';
import { findRule } from '../deadlines/index.ts';
import { competenceFor, dueAfterSuspension, excludedDayCount, legalDateRefusal, suspensionRule, TIME_BAR, timeBar } from './index.ts';

const cal = new Calendar();

test('LKN Art. 9 "thời gian có trở ngại đó không tính vào thời hiệu khiếu nại": overlapping excluded periods count once, both ends included', () => {
  assert.match(TIME_BAR.first.legalBasis.quote, /90 ngày/);
  assert.equal(excludedDayCount([{ from: '2026-07-10', to: '2026-07-19', reason: 'illness', evidence: 'a' }, { from: '2026-07-15', to: '2026-07-24', reason: 'travel', evidence: 'b' }]), 15);
  const r = timeBar({ instance: 'first', knewOn: '2026-07-01', receivedOn: '2026-09-30', remote: false, excluded: [] }, cal);
  assert.deepEqual([r.due, r.late], ['2026-09-29', true]);
  const second = timeBar({ instance: 'second', knewOn: '2026-10-01', receivedOn: '2026-11-10', remote: true, excluded: [] }, cal);
  assert.deepEqual([second.days, second.due, second.late], [45, '2026-11-16', false], 'LKN Art. 33: 45 days in remote areas; Sun 15/11 rolls to Mon 16/11');
});

test('Issue 18 item 7: a document date may not be after today nor before the previous step', () => {
  assert.equal(legalDateRefusal('2026-11-05', '2026-11-04', null), 'after_today');
  assert.equal(legalDateRefusal('2026-11-01', '2026-11-04', '2026-11-02'), 'before_previous');
  assert.equal(legalDateRefusal('2026-11-02', '2026-11-04', '2026-11-02'), null);
});

test('LKN Art. 11a (Law 136/2025, from 01/07/2026), NĐ 124/2020 Art. 28a–28b: suspended days are not counted; the rules are unverified data with validity dates', () => {
  const r = suspensionRule('complaint', '2026-07-01')!;
  assert.equal(r.verified, false);
  assert.equal(r.legalBasis.article, '11a; 28a–28b');
  assert.equal(suspensionRule('complaint', '2026-06-30')!.validTo, '2026-06-30');
  assert.equal(findRule(r.noticeRule, '2026-07-01')!.days, 3);
  assert.equal(dueAfterSuspension('complaint.first.resolve', '2026-11-05', undefined, false, 10, cal), '2026-12-15');
  assert.equal(suspensionRule('denunciation', '2026-07-01')!.legalBasis.article, '31');
});

test('LKN Art. 21(2) with two-level government from 01/07/2025: commune decisions go to the provincial chairman at the second instance; before the reform this was the district (not derivable)', () => {
  assert.equal(competenceFor('commune-committee', 'first', '2026-01-01')!.resolver, 'issuer-head');
  assert.equal(competenceFor('commune-committee', 'second', '2026-01-01')!.resolver, 'province-chairman');
  assert.equal(competenceFor('department', 'second', '2026-01-01')!.resolverUnit, 'province');
  assert.equal(competenceFor('province-committee', 'second', '2026-01-01')!.resolverUnit, 'outside');
  assert.equal(competenceFor('commune-committee', 'second', '2025-06-30'), null);
  assert.equal(competenceFor('village', 'first', '2026-01-01'), null);
});
