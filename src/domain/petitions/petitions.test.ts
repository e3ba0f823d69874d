import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canStep, clockRules, complexityOf, COMPLEXITY_CRITERIA, DENUNCIATION_COMPLEXITY, extensionRefusal, forwardRefusal, isCircularRisk, isNearDuplicate, resolveVariant, similarity, trackingCode, triageOutcome } from './index.ts';

const allOk = { hasSenderIdentity: true, hasAddress: true, hasContent: true, notDuplicate: true, notAlreadyGuided: true };

test('TT 05/2021 Art. 14: "chỉ thực hiện một lần đối với đơn tố cáo có cùng nội dung" — a denunciation is forwarded once', () => {
  assert.equal(forwardRefusal('denunciation', ['A'], 'B', 0), null);
  assert.equal(forwardRefusal('denunciation', ['A', 'B'], 'C', 1), 'forward_once');
});

test('a forward back to a unit that already held the case is a loop; to itself is refused', () => {
  assert.equal(forwardRefusal('complaint', ['A', 'B'], 'A', 1), 'forward_loop');
  assert.equal(forwardRefusal('complaint', ['A', 'B'], 'B', 1), 'same_unit');
  assert.equal(forwardRefusal('complaint', ['A', 'B'], 'C', 1), null);
  assert.ok(isCircularRisk(['A', 'B', 'C']) && !isCircularRisk(['A', 'B']));
});

test('state machine: accept needs triage; extensions: denunciation twice (LTC Art. 30), complaint once, feedback never', () => {
  assert.equal(canStep('accept', 'received', 'complaint'), false);
  assert.equal(canStep('accept', 'triaged', 'mixed'), false);
  assert.equal(canStep('accept', 'triaged', 'complaint'), true);
  assert.equal(canStep('extend', 'accepted', 'denunciation', 1), true);
  assert.equal(canStep('extend', 'accepted', 'denunciation', 2), false);
  assert.equal(canStep('extend', 'accepted', 'complaint', 1), false);
  assert.equal(canStep('extend', 'accepted', 'feedback', 0), false);
  assert.equal(canStep('resolve', 'resolved', 'feedback'), false);
  assert.equal(canStep('forward', 'accepted', 'complaint'), false);
  assert.equal(resolveVariant('denunciation', { complex: false, extensions: 2 }), 'especially-complex');
  assert.equal(resolveVariant('complaint', { complex: true, extensions: 0 }), 'complex');
  assert.deepEqual(clockRules('denunciation').beforeAccept, ['denunciation.triage', 'denunciation.forward']);
});

test('triage: mixed → guidance to split; anonymous denunciation handled only with clear evidence (LTC Art. 25)', () => {
  assert.equal(triageOutcome('mixed', allOk, { anonymous: false }), 'guide-split');
  assert.equal(triageOutcome('denunciation', { ...allOk, hasSenderIdentity: false }, { anonymous: true }), 'file-anonymous');
  assert.equal(triageOutcome('denunciation', { ...allOk, hasSenderIdentity: false }, { anonymous: true, clearEvidence: true }), 'handle');
  assert.equal(triageOutcome('complaint', { ...allOk, hasAddress: false }, { anonymous: false }), 'guide-missing');
  assert.equal(triageOutcome('complaint', { ...allOk, notDuplicate: false }, { anonymous: false }), 'duplicate');
});

test('near-duplicates ignore diacritics and case', () => {
  const a = 'Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Nguyễn Văn A tại tổ 5';
  assert.ok(isNearDuplicate(a, a.normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D').toUpperCase()));
  assert.ok(similarity(a, 'Phản ánh đèn đường hỏng ở thôn 3') < 0.2);
  assert.match(trackingCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 31])), /^PA-[A-Z2-9]{8}$/);
});

test('answer templates: placeholders filled, missing values shown as "…", other braces kept', async () => {
  const { fillTemplate } = await import('./index.ts');
  assert.equal(fillTemplate('Đơn {code} của {unit}, hạn {due} {other}', { code: 'PA-1', unit: 'UBND phường', due: null }), 'Đơn PA-1 của UBND phường, hạn … {other}');
});

test('LTC Art. 24(1): "có thể kéo dài hơn nhưng không quá 10 ngày làm việc" — only a denunciation not yet accepted', () => {
  assert.equal(canStep('extend-triage', 'triaged', 'denunciation'), true);
  assert.equal(canStep('extend-triage', 'accepted', 'denunciation'), false);
  assert.equal(canStep('extend-triage', 'triaged', 'complaint'), false);
});

test('NĐ 31/2019 Art. 3(2)–(3) and LTC Art. 30: "vụ việc phức tạp" = one criterion (one extension), "đặc biệt phức tạp" = at least two (a second extension)', () => {
  assert.equal(COMPLEXITY_CRITERIA.length, 7);
  assert.match(DENUNCIATION_COMPLEXITY.extensions.quote, /gia hạn giải quyết tố cáo một lần nhưng không quá 30 ngày.*02 lần, mỗi lần không quá 30 ngày/);
  assert.equal(complexityOf([]), 'none');
  assert.equal(complexityOf(['several-places']), 'complex');
  assert.equal(complexityOf(['several-places', 'several-places']), 'complex', 'a criterion counts once');
  assert.equal(complexityOf(['several-places', 'conflicting-evidence']), 'especially-complex');
  assert.equal(complexityOf(['not-a-criterion', 'several-places']), 'complex');
  assert.equal(extensionRefusal('denunciation', 0, []), 'not_complex');
  assert.equal(extensionRefusal('denunciation', 0, ['foreign-element']), null);
  assert.equal(extensionRefusal('denunciation', 1, ['foreign-element']), 'not_especially_complex');
  assert.equal(extensionRefusal('denunciation', 1, ['foreign-element', 'many-people']), null);
  assert.equal(extensionRefusal('complaint', 0, []), null, 'complaints: LKN Art. 28 "phức tạp" is not checked against criteria here');
});
