import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar, OFFICIAL_SCHEDULES } from '../calendar/index.ts';
import { CONFERENCE_RULES, PERIODIC_AGENDA, atYearEnd, attendanceShare, conferenceYear, noticeBy, noticeOnTime, reportDue } from './index.ts';

test('LDC Art. 32(1) "UBND–people dialogue conference: at least once a year; UBND with UBMTTQ" and Art. 33 "once a year, at year-end": one per calendar year, verified', () => {
  assert.equal(CONFERENCE_RULES.dialogue.perYear, 1);
  assert.match(CONFERENCE_RULES.dialogue.article, /^Điều 32 khoản 1 /);
  assert.match(CONFERENCE_RULES.dialogue.quote, /At least once a year/);
  assert.equal(CONFERENCE_RULES.periodic.perYear, 1);
  assert.match(CONFERENCE_RULES.periodic.quote, /Once a year, at year-end/);
  assert.equal(CONFERENCE_RULES.dialogue.verified && CONFERENCE_RULES.periodic.verified, true);
  assert.equal(conferenceYear('2026-12-28'), 2026);
  assert.equal(conferenceYear('2027-01-20'), 2027, 'a conference before Tết in January counts for its own year, not the one before');
});

test('LDC Art. 33 "at year-end": the window 01/11–31/12 is an unverified default', () => {
  assert.equal(CONFERENCE_RULES.yearEnd.verified, false);
  assert.equal(atYearEnd('2026-11-01'), true);
  assert.equal(atYearEnd('2026-12-31'), true);
  assert.equal(atYearEnd('2026-10-31'), false);
  assert.equal(atYearEnd('2027-01-15'), false);
});

test('NĐ59 Art. 11(1)(c) "notice delivered to households ≥05 days before": the last day is 5 full days before, across the year end', () => {
  assert.equal(CONFERENCE_RULES.notice.days, 5);
  assert.equal(noticeBy('2026-12-20'), '2026-12-15');
  assert.equal(noticeBy('2027-01-03'), '2026-12-29');
  assert.equal(noticeOnTime('2026-12-15', '2026-12-20'), true);
  assert.equal(noticeOnTime('2026-12-16', '2026-12-20'), false);
  assert.equal(noticeBy('2023-08-14'), null, 'no rule before NĐ 59/2023 took effect on 15/08/2023');
});

test('NĐ59 Art. 11(2) agenda "village head\'s report → Ban công tác Mặt trận report → Ban TTND member → discussion → explanation → adoption → commendation → conclusion; written report to UBND and UBMTTQ"', () => {
  assert.deepEqual([...PERIODIC_AGENDA], ['head-report', 'front-report', 'inspection-report', 'discussion', 'explanation', 'adoption', 'commendation', 'conclusion']);
  assert.equal(CONFERENCE_RULES.agenda.verified, true);
  assert.match(CONFERENCE_RULES.plan.quote, /Plan sent to the UBND, UBMTTQ and Ban TTND/);
  const cal = new Calendar(OFFICIAL_SCHEDULES);
  assert.equal(CONFERENCE_RULES.report.verified, false, 'the report period is a default');
  assert.equal(reportDue(cal, '2026-12-25'), '2027-01-04', '05 working days, skipping the weekend and New Year (01/01/2027)');
  assert.equal(attendanceShare(62, 90), 68.9);
  assert.equal(attendanceShare(3, 0), 0);
});
