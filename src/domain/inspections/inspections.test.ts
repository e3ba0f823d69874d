import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar, OFFICIAL_SCHEDULES } from '../calendar/index.ts';
import {
  appraise, autoScore, classify, conclusionDue, CONCLUSION_RULE, indicatorCodes, isLate, noticeDue, NOTICE_RULE, pointsFor, recommendationDue,
  RECOMMENDATION_RULE, schemeProblems, scoreCard, selfReportDue, SELF_REPORT_RULE, STARTER_SCHEME, type SchemeDef,
} from './index.ts';

const cal = new Calendar(OFFICIAL_SCHEDULES);
const p = (r: { days: number; unit: 'calendar-days' | 'working-days' }) => ({ days: r.days, unit: r.unit });

test('defaults quote NQLT 403/2017 Art. 7(3) and 9(1) and are marked unverified for Home Affairs inspections (§3.6 "a proposal")', () => {
  assert.equal(NOTICE_RULE.days, 15);
  assert.match(NOTICE_RULE.legalBasis.quote!, /15 ngày trước/);
  assert.equal(SELF_REPORT_RULE.days, 7);
  assert.match(SELF_REPORT_RULE.legalBasis.quote!, /07 ngày trước/);
  assert.equal(CONCLUSION_RULE.days, 15);
  assert.equal(CONCLUSION_RULE.legalBasis.article, '9');
  for (const r of [NOTICE_RULE, SELF_REPORT_RULE, CONCLUSION_RULE, RECOMMENDATION_RULE]) assert.equal(r.verified, false, r.id);
});

test('"at least 15 days before the visit": the last day to send is visit − 15, moved back when it falls in Tết 2026 (16–20/02)', () => {
  assert.equal(noticeDue(cal, '2026-05-20', p(NOTICE_RULE)), '2026-05-05');
  // 03/03/2026 − 15 = 16/02/2026 (Tết): the office is closed, the notice must go out on Friday 13/02.
  assert.equal(noticeDue(cal, '2026-03-03', p(NOTICE_RULE)), '2026-02-13');
  // A Sunday moves back to Friday.
  assert.equal(noticeDue(cal, '2026-06-22', p(NOTICE_RULE)), '2026-06-05');
});

test('self-report due 7 days before the visit, across Tết; a working-day reading counts back working days', () => {
  assert.equal(selfReportDue(cal, '2026-02-24', p(SELF_REPORT_RULE)), '2026-02-13', '17/02 is Tết');
  assert.equal(selfReportDue(cal, '2026-04-15', p(SELF_REPORT_RULE)), '2026-04-08');
  assert.equal(selfReportDue(cal, '2026-02-24', { days: 7, unit: 'working-days' }), '2026-02-06', '7 working days back skip the whole break 14–22/02');
});

test('conclusion within 15 days after the visit and recommendation due dates roll forward out of Tết (Civil Code Art. 148(5))', () => {
  assert.equal(conclusionDue(cal, '2026-02-05', p(CONCLUSION_RULE)), '2026-02-23', '20/02 is Tết, 21–22/02 a weekend');
  assert.equal(conclusionDue(cal, '2026-06-01', p(CONCLUSION_RULE)), '2026-06-16');
  assert.equal(recommendationDue(cal, '2026-01-21', p(RECOMMENDATION_RULE)), '2026-02-23');
  const tet2027 = recommendationDue(cal, '2027-01-06', p(RECOMMENDATION_RULE));
  assert.ok(tet2027 > '2027-02-05' && cal.isWorkingDay(tet2027), `06/01/2027 + 30 = 05/02/2027 (Tết) rolls to a working day, got ${tet2027}`);
});

test('late: filed after the due day, or not filed once the day has passed', () => {
  assert.equal(isLate('2026-04-09', '2026-04-08', '2026-04-20'), true);
  assert.equal(isLate('2026-04-08', '2026-04-08', '2026-04-20'), false);
  assert.equal(isLate(null, '2026-04-08', '2026-04-08'), false);
  assert.equal(isLate(null, '2026-04-08', '2026-04-09'), true);
});

const scheme: SchemeDef = {
  ...STARTER_SCHEME, criticalCodes: ['TC6'],
  criteria: [
    { code: 'A', group: '1', text: 'a', maxPoints: 40 }, { code: 'B', group: '2', text: 'b', maxPoints: 40 }, { code: 'TC6', group: '3', text: 'c', maxPoints: 20 },
  ],
};

test('class bands as data (unverified common practice §3.3: HTXS ≥90, HTT 70–<90, HT 50–<70, KHT <50)', () => {
  const bands = STARTER_SCHEME.classBands;
  assert.equal(classify(90, bands), 'HTXS');
  assert.equal(classify(89.99, bands), 'HTT');
  assert.equal(classify(70, bands), 'HTT');
  assert.equal(classify(69, bands), 'HT');
  assert.equal(classify(49.5, bands), 'KHT');
  assert.equal(classify(95, [{ cls: 'HTXS', min: 96 }, { cls: 'HT', min: 0 }]), 'HT', 'another province, other bands');
});

test('scorecard: bonus capped, penalty subtracted ("10 criteria on a 100-point scale, plus bonus points", Quảng Nam 1094/QĐ-UBND)', () => {
  const f = [{ code: 'A', result: 'met' as const, points: 40 }, { code: 'B', result: 'partly' as const, points: 30 }, { code: 'TC6', result: 'met' as const, points: 18 }];
  const s = scoreCard(scheme, f, { bonus: [{ code: 'B1', points: 3 }, { code: 'B2', points: 2 }, { code: 'B2', points: 9 }], penalties: ['P2'], hasSelfScore: true });
  assert.equal(s.base, 88);
  assert.equal(s.bonus, 5, 'cap 5 and each bonus at most its maximum');
  assert.equal(s.penalty, 2);
  assert.equal(s.total, 91);
  assert.equal(s.cls, 'HTXS');
});

test('not applicable criteria are rescaled to the full maximum; not eligible when a critical criterion is not met or no self-score (Ngân Sơn 2020)', () => {
  const na = scoreCard(scheme, [{ code: 'A', result: 'met', points: 40 }, { code: 'B', result: 'na', points: null }, { code: 'TC6', result: 'met', points: 10 }], { hasSelfScore: true });
  assert.equal(na.applicableMax, 60);
  assert.equal(na.base, 83.33);
  assert.equal(na.cls, 'HTT');
  const crit = scoreCard(scheme, [{ code: 'A', result: 'met', points: 40 }, { code: 'B', result: 'met', points: 40 }, { code: 'TC6', result: 'not_met', points: 0 }], { hasSelfScore: true });
  assert.equal(crit.cls, 'NOT_ELIGIBLE');
  assert.deepEqual(crit.reasons, ['critical:TC6']);
  assert.equal(scoreCard(scheme, [], { hasSelfScore: false }).cls, 'NOT_ELIGIBLE');
});

test('points per result, and the appraisal adjusts the self-score only with a reason (87 → 78, Ngân Sơn 2020)', () => {
  assert.equal(pointsFor('met', 10), 10);
  assert.equal(pointsFor('not_met', 10), 0);
  assert.equal(pointsFor('na', 10), null);
  assert.equal(pointsFor('partly', 10), 5);
  assert.equal(pointsFor('partly', 10, 12), 10);
  assert.deepEqual(appraise(87, [{ points: -9, reason: 'Chưa tổ chức đối thoại' }]), { ok: true, score: 78 });
  assert.deepEqual(appraise(87, [{ points: -5, reason: 'x' }, { points: -4, reason: ' ' }]), { ok: false, index: 1 });
});

test('auto-filled criteria from indicators, with the figures used; percentage bands ≥90% full (QĐ 25/2021 score-sheet pattern)', () => {
  const c = (code: string) => STARTER_SCHEME.criteria.find((x) => x.code === code)!;
  const v = new Map<string, number | null>([['don.overdue', 2], ['dvk.models', 0], ['tcd.days', 9], ['nv.ontime', 17], ['nv.overdue', 3], ['yk.unanswered', null]]);
  assert.deepEqual(autoScore(c('TC4'), v), { points: 6, figures: [{ code: 'don.overdue', value: 2 }] });
  assert.equal(autoScore(c('TC7'), v)!.points, 0);
  assert.equal(autoScore(c('TC8'), v), null, 'a missing figure leaves the criterion to the inspector');
  const rec = autoScore(c('TC9'), v, { requiredReceptionDays: 12 })!;
  assert.equal(rec.points, 7.5);
  assert.equal(rec.target, 12);
  const ratio = autoScore(c('TC10'), v)!;
  assert.equal(ratio.pct, 85);
  assert.equal(ratio.points, 7.5);
  assert.equal(autoScore(c('TC10'), new Map([['nv.ontime', 0], ['nv.overdue', 0]])), null, 'nothing to measure: scored by hand');
  assert.deepEqual(indicatorCodes(STARTER_SCHEME).sort(), ['don.overdue', 'dvk.models', 'nv.ontime', 'nv.overdue', 'tcd.days', 'yk.unanswered']);
});

test('a scheme version is checked before use', () => {
  assert.deepEqual(schemeProblems(STARTER_SCHEME), {});
  assert.equal(STARTER_SCHEME.criteria.reduce((s, c) => s + c.maxPoints, 0), 100);
  assert.ok(schemeProblems({ ...STARTER_SCHEME, criteria: [...STARTER_SCHEME.criteria, STARTER_SCHEME.criteria[0]] }).criteria);
  assert.ok(schemeProblems({ ...STARTER_SCHEME, classBands: [{ cls: 'HT', min: 0 }] }).classBands);
  assert.ok(schemeProblems({ ...STARTER_SCHEME, criticalCodes: ['ZZ'] }).criticalCodes);
});
