import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compositionErrors, conferenceResult, decide, dialogueValid, extraordinaryRequested, formViolation, initiativeBacked, initiativeExpires, mediationGaps, meetingShort, noticeDays, requiredYes, RULES, byElectionAllowed, conferenceDue, defaultLegalTime, recordDue, replyDue, mediationStartDue, inspectionNoticeOk } from './index.ts';

const ON = '2026-11-25';

test('Art. 21(1)(a) "ít nhất 2/3 tổng số hộ gia đình": in a village of 90 households a contribution passes with 60 yes, fails with 59', () => {
  assert.equal(decide('contribution', 60, 90, ON).passed, true);
  assert.equal(decide('contribution', 59, 90, ON).passed, false);
  assert.equal(decide('funds', 60, 90, ON).rule.id, 'ldc.21.1.a');
  assert.equal(requiredYes('contribution', 91, ON), 61);
});

test('Art. 21(1)(b) "trên 50% tổng số hộ gia đình": "other" fails with 45 of 90 and passes with 46', () => {
  assert.equal(decide('other', 45, 90, ON).passed, false);
  assert.equal(decide('other', 46, 90, ON).passed, true);
  assert.equal(decide('convention', 46, 90, ON).rule.article, 'Điều 21 khoản 1 điểm b Luật 10/2022/QH15');
  assert.equal(decide('other', 0, 0, ON).passed, false);
});

test('Art. 17(2)–(3), NĐ 59 Art. 5(2): conventions cannot be online nor by ballot first; online needs >50% opted in', () => {
  assert.equal(formViolation('convention', 'online', { optedIn: 90, totalHouseholds: 90 })?.id, 'ldc.17.3');
  assert.equal(formViolation('village-head', 'ballot', { optedIn: 0, totalHouseholds: 90 })?.id, 'ldc.17.2');
  assert.equal(formViolation('village-head', 'ballot', { optedIn: 0, totalHouseholds: 90, afterShortMeeting: true }), null);
  assert.equal(formViolation('contribution', 'ballot', { optedIn: 0, totalHouseholds: 90 }), null);
  assert.equal(formViolation('other', 'online', { optedIn: 45, totalHouseholds: 90 })?.id, 'nd59.5.2');
  assert.equal(formViolation('other', 'online', { optedIn: 46, totalHouseholds: 90 }), null);
});

test('Art. 19(1)(b): a meeting whose households present cannot reach the threshold offers the household ballot', () => {
  assert.equal(meetingShort('contribution', 59, 90, ON), true);
  assert.equal(meetingShort('contribution', 60, 90, ON), false);
  assert.equal(meetingShort('other', 45, 90, ON), true);
});

test('Art. 16(2) "ít nhất 10% tổng số hộ", valid 03 months; NĐ 61 Art. 9 draft posted ≥30 days', () => {
  assert.equal(initiativeBacked(9, 90), true);
  assert.equal(initiativeBacked(8, 90), false);
  assert.equal(initiativeBacked(1, 90, true), true);
  assert.equal(initiativeExpires(defaultLegalTime(), '2026-11-30'), '2027-02-28');
  assert.equal(noticeDays('convention', 'meeting').days, 30);
  assert.equal(noticeDays('other', 'ballot').rule?.id, 'nd59.4.4');
});

test('Art. 36, 37, 41, 60: board composition rules name the broken rule', () => {
  const m = (role: 'head' | 'deputy' | 'member', extra = {}) => ({ role, ...extra });
  const villages = ['a', 'b', 'c', 'd', 'e', 'f'];
  const ok = villages.map((v, i) => m(i === 0 ? 'head' : i < 3 ? 'deputy' : 'member', { villageId: v }));
  assert.deepEqual(compositionErrors('inspection', 'commune', ok, { villageIds: villages }), []);
  const codes = (x: ReturnType<typeof compositionErrors>) => x.map((b) => b.code);
  assert.deepEqual(codes(compositionErrors('inspection', 'commune', ok.slice(0, 4), { villageIds: villages })), ['communeEqual', 'everyVillage']);
  assert.ok(codes(compositionErrors('inspection', 'commune', [...ok, m('deputy', { villageId: 'a' })], { villageIds: villages })).includes('deputies'));
  assert.ok(codes(compositionErrors('inspection', 'commune', [...ok.slice(0, 5), m('member', { villageId: 'f', isUnitOfficial: true })], { villageIds: villages })).includes('noOfficial'));
  assert.deepEqual(codes(compositionErrors('inspection', 'agency', [m('head'), m('member')], { staffCount: 6 })), ['agencyNone', 'agencySize']);
  assert.deepEqual(codes(compositionErrors('investment-supervision', 'commune', [m('head'), m('member'), m('member'), m('member')])), ['supervisionMin']);
  assert.equal(RULES.get('ldc.36.3')?.note, 'Không quá 02 Phó Trưởng ban');
  assert.equal(byElectionAllowed('2026-01-01', '2026-07-01'), true);
  assert.equal(byElectionAllowed('2026-01-02', '2026-07-01'), false);
});

test('Art. 50–51 "ít nhất 2/3 ... tham dự", "trên 50%"; NĐ 145 Art. 39 ">70%"; Mediation Law Art. 12(1)', () => {
  assert.deepEqual(conferenceResult(30, 20, 11), { quorum: true, passed: true });
  assert.deepEqual(conferenceResult(30, 19, 19), { quorum: false, passed: false });
  assert.deepEqual(conferenceResult(30, 20, 10), { quorum: true, passed: false });
  assert.equal(conferenceDue(2025), '2026-03-31');
  assert.equal(extraordinaryRequested(30, 10), true);
  assert.equal(dialogueValid(true, 10, 8), true);
  assert.equal(dialogueValid(true, 10, 7), false);
  assert.equal(dialogueValid(false, 10, 10), false);
  assert.deepEqual(mediationGaps([{ gender: 'male', ethnicMinority: false }], true), ['size', 'woman', 'ethnicMinority']);
  assert.deepEqual(mediationGaps([{ gender: 'female', ethnicMinority: true }, { gender: 'male', ethnicMinority: false }, { gender: 'male', ethnicMinority: false }], true), []);
});

test('clocks come from the legal time engine: Art. 20(3) "05 ngày làm việc", Art. 40(1)(c) "15 ngày", Mediation Law Art. 20(2) "03 ngày"', () => {
  const lt = defaultLegalTime();
  assert.equal(recordDue(lt, '2026-10-02'), '2026-10-09');
  assert.equal(recordDue(lt, '2026-11-20'), '2026-11-30', '24/11 is a day off from 2026 (NQ 28/2026/QH16)');
  assert.equal(replyDue(lt, '2026-11-20'), '2026-12-07', 'a last day on Saturday 05/12 rolls to Monday (Civil Code Art. 148(5))');
  assert.equal(mediationStartDue(lt, '2026-11-20'), '2026-11-23');
  assert.equal(inspectionNoticeOk(lt, '2026-10-02', '2026-10-09'), true);
  assert.equal(inspectionNoticeOk(lt, '2026-10-02', '2026-10-08'), false);
});

test('Art. 21(1) commune-wide "ít nhất 2/3 tổng số thôn, tổ dân phố": items 1–2 only, not online; 4 of 6 villages pass, 3 fail', async () => {
  const { communeViolation, decideCommune, requiredVillages } = await import('./index.ts');
  assert.equal(decideCommune(4, 6).passed, true);
  assert.equal(decideCommune(3, 6).passed, false);
  assert.equal(requiredVillages(7), 5);
  assert.equal(decideCommune(0, 0).passed, false);
  assert.equal(decideCommune(4, 6).rule.article, 'Điều 21 khoản 1 điểm a Luật 10/2022/QH15 (phạm vi cấp xã)');
  assert.equal(communeViolation('convention', 'meeting')?.id, 'ldc.16.1.xa');
  assert.equal(communeViolation('contribution', 'online')?.id, 'ldc.19.1.a');
  assert.equal(communeViolation('funds', 'ballot'), null);
});

test('NĐ 59 Art. 3(5)(c), 4(3), 4(6) "từ 03 đến 05", "02 đại diện hộ gia đình": count teams and witnesses', async () => {
  const { countTeamErrors, countTeamRule } = await import('./index.ts');
  const names = (n: number) => Array.from({ length: n }, (_, i) => `Người ${i + 1}`);
  assert.deepEqual(countTeamErrors('ballot', false, names(3), names(2)), {});
  assert.deepEqual(countTeamErrors('ballot', false, [], []), {}, 'not recorded yet');
  assert.equal(countTeamErrors('ballot', false, names(2), [])?.team?.id, 'nd59.4.3');
  assert.equal(countTeamErrors('ballot', false, names(6), [])?.team?.id, 'nd59.4.3');
  assert.equal(countTeamErrors('meeting', true, names(5), names(1))?.witnesses?.id, 'nd59.4.6');
  assert.equal(countTeamErrors('meeting', false, names(3), [])?.team?.id, 'nd59.3.5.c', 'a show of hands has no counting board');
  assert.equal(countTeamRule('online', false)?.id, 'nd59.5.2.team');
});

test('Mediation Law Art. 8 "trên 50% tổng số đại diện hộ gia đình": 46 of 90 elect, 45 do not', async () => {
  const { mediatorElected, RULES } = await import('./index.ts');
  assert.equal(mediatorElected(46, 90), true);
  assert.equal(mediatorElected(45, 90), false);
  assert.equal(RULES.get('lhg.8')?.article, 'Điều 8 Luật Hòa giải ở cơ sở 35/2013/QH13');
});

test('NĐ 59 Art. 6 "ít nhất 07 ngày", "15 ngày", "20 ngày": village-head election notice and its steps', async () => {
  const { electionSteps } = await import('./index.ts');
  assert.equal(noticeDays('village-head', 'meeting').days, 7);
  assert.equal(noticeDays('village-head', 'meeting').rule?.article, 'Điều 6 khoản 1 Nghị định 59/2023/NĐ-CP');
  assert.equal(noticeDays('other', 'meeting').days, 2);
  assert.deepEqual(electionSteps('2026-12-20').map((s) => [s.key, s.lastDay]), [['plan', '2026-11-30'], ['team', '2026-12-10'], ['candidates', '2026-12-05']]);
});

test('NĐ 59 Art. 14 "hằng quý": quarters for the inspection board\'s plans and reports', async () => {
  const { quarterOf, previousQuarter, RULES } = await import('./index.ts');
  assert.deepEqual(quarterOf('2026-11-25'), { year: 2026, quarter: 4, from: '2026-10-01', to: '2026-12-31' });
  assert.deepEqual(quarterOf('2028-02-10'), { year: 2028, quarter: 1, from: '2028-01-01', to: '2028-03-31' });
  assert.deepEqual(previousQuarter('2027-01-15'), { year: 2026, quarter: 4, from: '2026-10-01', to: '2026-12-31' });
  assert.equal(RULES.get('nd59.14')?.article, 'Điều 39 Luật 10/2022/QH15; Điều 14 Nghị định 59/2023/NĐ-CP');
});

test('NĐ 59/2023 Art. 13(2), LDC Art. 36(1): "số lượng thành viên … bằng số thôn, tổ dân phố" — with 6 villages exactly 6 members, not 7; under 05 villages exactly 05 ("không ít hơn 05", "tối đa 05")', () => {
  const m = (role: 'head' | 'deputy' | 'member', villageId: string) => ({ role, villageId });
  const board = (vs: string[], extra: string[] = []) => [...vs, ...extra].map((v, i) => m(i === 0 ? 'head' : i === 1 ? 'deputy' : 'member', v));
  const codes = (x: ReturnType<typeof compositionErrors>) => x.map((b) => b.code);
  const six = ['a', 'b', 'c', 'd', 'e', 'f'];
  assert.deepEqual(codes(compositionErrors('inspection', 'commune', board(six), { villageIds: six })), []);
  assert.deepEqual(codes(compositionErrors('inspection', 'commune', board(six, ['a']), { villageIds: six })), ['communeEqual'], 'one more than the villages is refused');
  assert.equal(compositionErrors('inspection', 'commune', board(six, ['a']), { villageIds: six })[0].rule.article, 'Điều 13 khoản 2 Nghị định 59/2023/NĐ-CP; Điều 36 khoản 1 Luật 10/2022/QH15');
  const three = ['a', 'b', 'c'];
  assert.deepEqual(codes(compositionErrors('inspection', 'commune', board(three, ['a', 'b']), { villageIds: three })), []);
  assert.deepEqual(codes(compositionErrors('inspection', 'commune', board(three, ['a']), { villageIds: three })), ['communeMin']);
  assert.deepEqual(codes(compositionErrors('inspection', 'commune', board(three, ['a', 'b', 'c']), { villageIds: three })), ['communeMax']);
});

test('every rule note has its English beside it (shown when English is chosen), e.g. Art. 36(3) "Không quá 02 Phó Trưởng ban"', () => {
  const missing = [...RULES.values()].filter((r) => r.note && !r.noteEn).map((r) => r.id);
  assert.deepEqual(missing, []);
  assert.equal(RULES.get('ldc.36.3')?.noteEn, 'No more than 02 deputy heads');
});
