import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALOGUE_RULES, dialogueNoticeBy, dialogueRequired, dialogueRule } from './index.ts';

test('LKN Art. 39(1) "người giải quyết khiếu nại lần hai tiến hành đối thoại": a dialogue is required at the second instance, before and after 01/07/2026', () => {
  assert.equal(dialogueRequired('second', false, '2026-03-02'), true);
  assert.equal(dialogueRequired('second', false, '2026-08-03'), true);
  assert.match(dialogueRule('second', '2026-08-03')!.legalBasis.quote!, /lần hai/);
});

test('LKN Art. 30(1) "nếu yêu cầu của người khiếu nại và kết quả xác minh … còn khác nhau thì … tổ chức đối thoại": at the first instance only when they differ', () => {
  assert.equal(dialogueRequired('first', false, '2026-08-03'), false);
  assert.equal(dialogueRequired('first', true, '2026-08-03'), true);
  assert.equal(dialogueRequired('first', true, '2010-01-04'), false, 'no rule before the Law took effect');
});

test('NĐ 124/2020 Art. 28 as amended by NĐ 155/2026: written notice "≥05 days before the dialogue"; every rule is marked unverified with its validity', () => {
  const r = dialogueRule('second', '2026-12-07')!;
  assert.equal(dialogueNoticeBy(r, '2026-12-15'), '2026-12-10');
  assert.equal(dialogueNoticeBy(r, '2027-01-03'), '2026-12-29', 'plain days across the year end');
  for (const x of DIALOGUE_RULES) {
    assert.equal(x.verified, false);
    assert.ok(x.validFrom && x.legalBasis.article, x.note);
  }
  const ids = DIALOGUE_RULES.map((x) => `${x.instance}:${x.validFrom}:${x.validTo}`);
  assert.equal(new Set(ids).size, ids.length);
});
