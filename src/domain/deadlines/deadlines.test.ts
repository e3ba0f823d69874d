import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from '../calendar/calendar.ts';
import { computeDeadline, countsAsHeadDay, DEADLINE_RULES, DeadlineError, deputyRule, findRule, listRules, receptionFrequency, requiredReceptionDays } from './index.ts';

const cal = new Calendar();

// [rule id, variant, remote, start, expected due, article text]. Calendars: official 2025/2026, default 2027.
const CASES: [string, string | undefined, boolean, string, string, string][] = [
  ['reception.reply', undefined, false, '2025-04-24', '2025-05-12', 'LTCD Art. 28(1): "Trong thời hạn 10 ngày làm việc, kể từ ngày tiếp nhận nội dung khiếu nại, tố cáo, kiến nghị, phản ánh, người tiếp công dân có trách nhiệm trả lời" (Sat 26/04/2025 is worked; 30/04–04/05 off)'],
  ['denunciation.triage', undefined, false, '2025-01-24', '2025-02-11', 'LTC Art. 24(1): "Trong thời hạn 07 ngày làm việc kể từ ngày nhận được tố cáo" (Tết 25/01–02/02 skipped)'],
  ['denunciation.triage', 'extended', false, '2025-01-24', '2025-02-14', 'LTC Art. 24(1): "có thể kéo dài hơn nhưng không quá 10 ngày làm việc"'],
  ['denunciation.forward', undefined, false, '2025-08-28', '2025-09-08', 'LTC Art. 24(2): forward "trong thời hạn 05 ngày làm việc kể từ ngày nhận được tố cáo" (Quốc khánh 01–02/09 skipped)'],
  ['denunciation.notice', undefined, false, '2026-02-12', '2026-02-26', 'LTC Art. 29(3): "Trong thời hạn 05 ngày làm việc kể từ ngày ra quyết định thụ lý tố cáo … thông báo cho người tố cáo"'],
  ['denunciation.resolve', undefined, false, '2026-01-05', '2026-02-04', 'LTC Art. 30(1): "Thời hạn giải quyết tố cáo là không quá 30 ngày kể từ ngày thụ lý tố cáo"'],
  ['denunciation.resolve', 'complex', false, '2026-01-05', '2026-03-06', 'LTC Art. 30(2): "gia hạn giải quyết tố cáo một lần nhưng không quá 30 ngày"'],
  ['denunciation.resolve', 'especially-complex', false, '2026-01-05', '2026-04-06', 'LTC Art. 30(3): "gia hạn … 02 lần, mỗi lần không quá 30 ngày" (Sun 05/04 → Mon 06/04, Civil Code Art. 148(5))'],
  ['complaint.first.accept', undefined, false, '2026-06-30', '2026-07-14', 'TT 07/2013 Art. 5(1): "Trong thời hạn 10 ngày làm việc, kể từ ngày nhận được khiếu nại" (version until 30/06/2026)'],
  ['complaint.first.accept', undefined, false, '2026-07-01', '2026-07-10', 'NĐ 124/2020 Art. 16(1) as amended by NĐ 155/2026: "Trong thời hạn 07 ngày làm việc" (from 01/07/2026)'],
  ['complaint.second.accept', undefined, false, '2026-07-01', '2026-07-10', 'same rule for the second instance (LKN Art. 36)'],
  ['complaint.first.resolve', undefined, false, '2025-03-31', '2025-05-05', 'LKN Art. 28: "không quá 30 ngày, kể từ ngày thụ lý" (30/04 holiday → next working day Mon 05/05)'],
  ['complaint.first.resolve', 'complex', false, '2025-03-31', '2025-05-15', 'LKN Art. 28: "vụ việc phức tạp … không quá 45 ngày"'],
  ['complaint.first.resolve', undefined, true, '2025-03-31', '2025-05-15', 'LKN Art. 28: "Ở vùng sâu, vùng xa đi lại khó khăn … không quá 45 ngày"'],
  ['complaint.first.resolve', 'complex', true, '2025-03-31', '2025-05-30', 'LKN Art. 28: remote and complex "không quá 60 ngày"'],
  ['complaint.second.resolve', undefined, false, '2025-07-01', '2025-08-15', 'LKN Art. 37: "lần hai không quá 45 ngày, kể từ ngày thụ lý"'],
  ['complaint.second.resolve', 'complex', false, '2025-07-01', '2025-09-03', 'LKN Art. 37: complex "không quá 60 ngày" (Sat 30/08 → Wed 03/09 after Quốc khánh)'],
  ['complaint.second.resolve', 'complex', true, '2025-07-01', '2025-09-09', 'LKN Art. 37: remote and complex "không quá 70 ngày"'],
  ['complaint.limitation', undefined, false, '2025-10-03', '2026-01-05', 'LKN Art. 9: "Thời hiệu khiếu nại là 90 ngày" (01/01 holiday, 02/01 swapped, weekend → Mon 05/01/2026)'],
  ['complaint.second.file', undefined, false, '2025-06-02', '2025-07-02', 'LKN Art. 33: "Trong thời hạn 30 ngày"'],
  ['complaint.second.file', undefined, true, '2025-06-02', '2025-07-17', 'LKN Art. 33: "vùng sâu, vùng xa … không quá 45 ngày"'],
  ['disclosure.publish', undefined, false, '2025-04-25', '2025-05-06', 'LDC Art. 12(3): "chậm nhất là 05 ngày làm việc kể từ ngày văn bản được ban hành"'],
  ['disclosure.posting', undefined, false, '2025-04-29', '2025-05-29', 'LDC Art. 13(2): "ít nhất là 30 ngày liên tục kể từ ngày niêm yết" (a minimum: never rolled)'],
  ['disclosure.posting', 'radio', false, '2025-04-29', '2025-05-02', 'LDC Art. 13(3): "ít nhất là 03 ngày liên tục"'],
  ['consultation.period', undefined, false, '2026-02-10', '2026-03-02', 'LDC Art. 28: "ít nhất là 20 ngày kể từ ngày công khai nội dung lấy ý kiến"'],
  ['board.recommendation.reply', undefined, false, '2026-04-11', '2026-04-28', 'LDC Art. 40(1)(c): answer within 15 days (Sun 26/04 Giỗ Tổ, Mon 27/04 compensatory)'],
  ['board.recommendation.reply', 'investment', false, '2026-04-11', '2026-04-28', 'LDC Art. 45(2)(c): answer within 15 days'],
  ['community.decision.send', undefined, false, '2026-02-13', '2026-02-27', 'LDC Art. 20(3): sent "within 05 working days" of the vote (Tết 14–22/02 skipped)'],
  ['community.decision.recognize', undefined, false, '2026-12-28', '2027-01-05', 'LDC Art. 21(2): recognition "within 05 working days" (default 2027: 01/01 holiday)'],
  ['mediation.start', undefined, false, '2026-08-29', '2026-09-03', 'Law 35/2013 Art. 20(2): "Trong thời hạn 03 ngày, kể từ ngày được phân công, hòa giải viên bắt đầu tiến hành hòa giải"'],
  ['convention.posting', undefined, false, '2025-01-20', '2025-02-19', 'NĐ 61/2023 Art. 9: draft posted ≥30 days'],
  ['community.initiative.validity', undefined, false, '2025-11-30', '2026-02-28', 'LDC Art. 16: agreement valid 03 months (Civil Code Art. 148(3): last day of February)'],
  ['information.provide', 'electronic-simple', false, '2025-09-01', '2025-09-05', 'LTCTT Art. 30(3): ≤03 working days'],
];

for (const [id, variant, remote, start, due, basis] of CASES) {
  test(`${id}${variant ? ` [${variant}]` : ''}${remote ? ' [remote]' : ''} from ${start} → ${due}: ${basis}`, () => {
    const r = computeDeadline(id, { start, variant, remote }, cal);
    assert.equal(r.due, due);
    assert.equal(r.ruleId, id);
    assert.ok(r.legalBasis.law && r.legalBasis.article);
  });
}

test('the rule ids the API promises exist and are in force today-ish (2026-03-01)', () => {
  const ids = ['denunciation.triage', 'denunciation.forward', 'denunciation.resolve', 'complaint.first.accept', 'complaint.first.resolve', 'complaint.second.resolve', 'complaint.limitation', 'reception.reply', 'disclosure.publish', 'disclosure.posting', 'consultation.period', 'board.recommendation.reply', 'community.decision.send', 'community.decision.recognize', 'mediation.start', 'convention.posting', 'denunciation.notice'];
  for (const id of ids) assert.ok(findRule(id, '2026-03-01'), id);
});

test('rule data is consistent: dotted ids, cited, no overlapping versions, unique variants', () => {
  for (const r of DEADLINE_RULES) {
    assert.match(r.id, /^[a-z-]+(\.[a-z-]+)+$/, r.id);
    assert.ok(r.legalBasis.law && r.legalBasis.article && r.legalBasis.quote, `${r.id} cites its article`);
    assert.ok(r.days > 0 && Number.isInteger(r.days), r.id);
    assert.ok(r.validTo === null || r.validFrom <= r.validTo, r.id);
    assert.equal(new Set(r.variants.map((v) => v.id)).size, r.variants.length, r.id);
    if (r.reading?.startsWith('calendar-days')) assert.ok(r.openQuestion, `${r.id} records the open question of its reading`);
    const versions = DEADLINE_RULES.filter((x) => x.id === r.id && x !== r);
    for (const o of versions) assert.ok((r.validTo !== null && r.validTo < o.validFrom) || (o.validTo !== null && o.validTo < r.validFrom), `${r.id} versions overlap`);
  }
  assert.ok(listRules('2026-07-01').every((r) => r.validFrom <= '2026-07-01'));
  assert.ok(listRules().length > listRules('2026-07-01').length);
});

test('the province can switch an ambiguous "ngày" to working days (or back) in configuration', () => {
  const opts = { unitOverrides: { 'mediation.start': 'working-days' as const, 'complaint.first.accept': 'calendar-days' as const } };
  const m = computeDeadline('mediation.start', { start: '2026-08-29' }, cal, opts);
  assert.deepEqual([m.due, m.unit], ['2026-09-04', 'working-days']);
  // calendar reading of acceptance: 20/04 + 10 = Wed 30/04 (holiday) → rolled to Mon 05/05 (Art. 148(5))
  const a = computeDeadline('complaint.first.accept', { start: '2025-04-20' }, cal, opts);
  assert.deepEqual([a.due, a.rolledForward], ['2025-05-05', true]);
});

test('local target, excluded days (LKN Art. 9: time lost to illness is not counted)', () => {
  const r = computeDeadline('complaint.first.resolve', { start: '2025-03-31' }, cal, { localTargets: { 'complaint.first.resolve': 20 } });
  assert.equal(r.localTargetDue, '2025-04-21'); // Sun 20/04 → Mon 21/04
  assert.equal(computeDeadline('complaint.limitation', { start: '2025-01-01' }, cal).due, '2025-04-01');
  assert.equal(computeDeadline('complaint.limitation', { start: '2025-01-01', excludedDays: 10 }, cal).due, '2025-04-11');
});

test('refusals carry a code: unknown rule (404), not in force, unknown variant, bad date (400)', () => {
  const code = (f: () => unknown) => { try { f(); return 'none'; } catch (e) { return e instanceof DeadlineError ? e.code : 'other'; } };
  assert.equal(code(() => computeDeadline('no.such', { start: '2025-01-01' }, cal)), 'unknown-rule');
  assert.equal(code(() => computeDeadline('reception.refusal.notice', { start: '2026-06-30' }, cal)), 'not-in-force');
  assert.equal(code(() => computeDeadline('complaint.first.resolve', { start: '2025-01-01', variant: 'bogus' }, cal)), 'unknown-variant');
  assert.equal(code(() => computeDeadline('complaint.first.resolve', { start: '2025-13-01' }, cal)), 'invalid-date');
  // remote has no effect where the rule has no remote variant
  assert.equal(computeDeadline('denunciation.resolve', { start: '2026-01-05', remote: true }, cal).due, '2026-02-04');
});

test('reception frequency of heads: LTCD Art. 12(5), 18(2), 15(2)(d); commune from 01/07/2026 (Law 136/2025)', () => {
  // "Chủ tịch UBND cấp xã tiếp công dân ít nhất 01 ngày trong 01 tuần" → "ít nhất 02 ngày trong 01 tháng"
  assert.deepEqual([receptionFrequency('commune', '2026-06-30').count, receptionFrequency('commune', '2026-06-30').per], [1, 'week']);
  assert.deepEqual([receptionFrequency('commune', '2026-07-01').count, receptionFrequency('commune', '2026-07-01').per], [2, 'month']);
  assert.deepEqual([receptionFrequency('province', '2027-01-01').count, receptionFrequency('province', '2027-01-01').per], [1, 'month']);
  assert.equal(receptionFrequency('department', '2025-01-01').legalBasis.article, '18');
});

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('property: for every rule and variant, due ≥ start, and a later start never gives an earlier due (same version)', () => {
  const r = rng(42);
  const base = Date.UTC(2025, 0, 1) / 86_400_000;
  const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  for (const rule of DEADLINE_RULES) {
    for (const variant of [undefined, ...rule.variants.map((v) => v.id)]) {
      for (let i = 0; i < 150; i++) {
        const a = base + Math.floor(r() * 1000);
        const b = a + 1 + Math.floor(r() * 20);
        const da = computeDeadline(rule, { start: iso(a), variant }, cal).due;
        const db = computeDeadline(rule, { start: iso(b), variant }, cal).due;
        assert.ok(da > iso(a), `${rule.id} ${variant} ${iso(a)}`);
        assert.ok(da <= db, `${rule.id} ${variant} ${iso(a)} → ${da}, ${iso(b)} → ${db}`);
      }
    }
  }
});

test('LTCD Art. 15(2)(d) "ít nhất 01 ngày trong 01 tuần": a week with no working day (Tết) requires no reception day — Feb 2026 needs 3, Jan 2025 needs 3, Jun 2026 needs 5', () => {
  const open = (d: string) => cal.isWorkingDay(d);
  // Mondays of Feb 2026: 2, 9, 16, 23; the week 16–22/02 is Tết Bính Ngọ (off 14–22/02).
  assert.deepEqual((({ required, weeksWithoutWorkingDay }) => ({ required, weeksWithoutWorkingDay }))(requiredReceptionDays('commune', '2026-02', open)), { required: 3, weeksWithoutWorkingDay: 1 });
  // Mondays of Jan 2025: 6, 13, 20, 27; the week 27/01–02/02 is Tết Ất Tỵ (off 25/01–02/02).
  assert.equal(requiredReceptionDays('commune', '2025-01', open).required, 3);
  assert.equal(requiredReceptionDays('commune', '2026-06', open).required, 5, 'five Mondays, all weeks open');
  // Law 136/2025 (from 01/07/2026): "ít nhất 02 ngày trong 01 tháng".
  assert.equal(requiredReceptionDays('commune', '2026-07', open).required, 2);
  assert.equal(requiredReceptionDays('province', '2026-02', open).required, 1, 'LTCD Art. 12(5): per month, Tết or not');
});

test('Law 136/2025 (from 01/07/2026, DOMAIN 0.4 "no delegating reception to deputies"): a day held by a deputy no longer counts as the head\'s own', () => {
  assert.equal(countsAsHeadDay('2026-06-30', 'deputy'), true);
  assert.equal(countsAsHeadDay('2026-07-01', 'deputy'), false);
  assert.equal(countsAsHeadDay('2026-07-01', 'head'), true);
  assert.equal(deputyRule('2026-07-01').validFrom, '2026-07-01');
  assert.equal(deputyRule('2025-01-01').verified, false, 'the pre-2026 allowance is not in DOMAIN: configurable data, flagged');
});
