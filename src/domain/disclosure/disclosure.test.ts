import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSULTATION_DISCLOSURE_ITEM, DIALOGUE_MATTERS, DISCLOSURE_ITEMS, findItem, itemsOf } from './catalogue.ts';
import { consultationEarliestClose, consultationWindowEnd, postingEnd, publishDue } from './clock.ts';

test('Art. 11: the commune discloses 14 items; Art. 46: an agency 12', () => {
  assert.equal(itemsOf('commune').length, 14);
  assert.equal(itemsOf('agency').length, 12);
  assert.equal(new Set(DISCLOSURE_ITEMS.map((i) => i.code)).size, 26);
  for (const i of DISCLOSURE_ITEMS) assert.match(i.legalBasis, /Điều (11|46) khoản \d+.*Luật 10\/2022\/QH15/);
  assert.equal(itemsOf('commune', '2023-06-30').length, 0, 'the law is in force from 01/07/2023');
});

test('Art. 13(2): "các nội dung quy định tại khoản 4 và khoản 13 Điều 11 … được niêm yết thường xuyên"; others "ít nhất là 30 ngày liên tục"', () => {
  for (const i of itemsOf('commune')) {
    if (i.no === 4 || i.no === 13) assert.deepEqual([i.permanent, i.postingDays], [true, null]);
    else if (i.no !== 14) assert.deepEqual([i.permanent, i.postingDays], [false, 30]);
  }
});

test('Art. 13(3): items 7–12 "trên hệ thống truyền thanh cấp xã … ít nhất là 03 ngày liên tục"', () => {
  assert.deepEqual(itemsOf('commune').filter((i) => i.radioDays === 3).map((i) => i.no), [7, 8, 9, 10, 11, 12]);
  assert.equal(findItem('c07')?.villageHeads, true);
});

test('Art. 48: agencies post "ít nhất là 20 ngày liên tục"; Art. 12(3)/47(2): "chậm nhất là 05 ngày làm việc"', () => {
  assert.ok(itemsOf('agency').every((i) => i.postingDays === 20 && !i.permanent));
  // Decision on Friday 06/11/2026: five working days later is Friday 13/11/2026.
  assert.equal(publishDue('commune', '2026-11-06'), '2026-11-13');
  assert.equal(publishDue('agency', '2026-11-06'), '2026-11-13');
  // Decision on Wednesday 29/04/2026: 30/04 and 01/05 are holidays, so the 5th working day is 08/05/2026.
  assert.equal(publishDue('commune', '2026-04-29'), '2026-05-08');
  // 30 consecutive days run from the day after posting (Civil Code Art. 147(2)): 01/12 → 31/12/2026.
  assert.equal(postingEnd('commune', '2026-12-01'), '2026-12-31');
  assert.equal(postingEnd('agency', '2026-12-01'), '2026-12-21');
});

test('Art. 28: consultation "ít nhất là 20 ngày kể từ ngày công khai"', () => {
  assert.equal(consultationEarliestClose('2026-11-01'), '2026-11-21');
});

test('Civil Code Art. 148(5) "ngày cuối cùng của thời hạn là ngày nghỉ … kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo": a consultation ending Sat 21/11/2026 stays open to Mon 23/11 (default), to 21/11 with the reading off', () => {
  assert.equal(consultationWindowEnd('2026-11-21'), '2026-11-23');
  assert.equal(consultationWindowEnd('2026-11-20'), '2026-11-20', 'a working day is its own end');
  // Last day Tue 17/02/2026 (Tết Bính Ngọ, off 14–22/02): citizens may comment until Mon 23/02.
  assert.equal(consultationWindowEnd('2026-02-17'), '2026-02-23');
  assert.equal(consultationWindowEnd('2026-11-21', undefined, { readings: { 'consultation.window.next-working-day': false } }), '2026-11-21');
});

test('Art. 11(11) and 46(10): consultation results are disclosed under commune item 11 and agency item 10', () => {
  assert.match(findItem(CONSULTATION_DISCLOSURE_ITEM.commune)!.title, /kết quả tổng hợp và giải trình, tiếp thu ý kiến/i);
  assert.match(findItem(CONSULTATION_DISCLOSURE_ITEM.agency)!.title, /Kết quả lấy ý kiến.*Điều 53/);
  assert.equal(findItem('c11')!.radioDays, 3, 'item 11 also goes on the commune radio (Art. 13(3))');
});

test('Art. 27: "trước khi ban hành quyết định hành chính quy định tại khoản 8 Điều 25" the affected are informed and heard', () => {
  assert.deepEqual([...DIALOGUE_MATTERS], ['ldc25.8']);
});
