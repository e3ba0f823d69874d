import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDecree30, numberLine, placeDate } from './index.ts';
import { documentXml } from './read.ts';

test('Decree 30 (Phụ lục I): "ngày 05 tháng 01 năm 2026"; "Số: 07/BC-UBND"', () => {
  assert.equal(placeDate('Pleiku', '2026-01-05'), 'Pleiku, ngày 05 tháng 01 năm 2026');
  assert.equal(placeDate('Pleiku', '2026-11-25'), 'Pleiku, ngày 25 tháng 11 năm 2026');
  assert.equal(numberLine(7, 'BC-UBND'), 'Số: 07/BC-UBND');
});

test('a Decree 30 document has the national title, motto, type, A4 margins and recipients', async () => {
  const buf = await buildDecree30({ issuer: 'Ủy ban nhân dân phường Pleiku', symbol: 'BC-UBND', place: 'Pleiku', date: '2026-11-25', type: 'Báo cáo', summary: 'Tiếp thu, giải trình ý kiến', blocks: [{ kind: 'heading', text: 'I. Kết quả' }, { kind: 'table', head: ['A', 'B'], rows: [['1', '2']] }], signer: { authority: 'TM. Ủy ban nhân dân', position: 'Chủ tịch', name: 'Nguyễn Văn A' }, recipients: ['HĐND phường'] });
  const xml = documentXml(buf);
  for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN PHƯỜNG PLEIKU', 'BÁO CÁO', 'Nơi nhận:', 'Lưu: VT.', 'Times New Roman', 'I. KẾT QUẢ']) assert.ok(xml.includes(s), s);
  assert.match(xml, /w:pgSz w:w="11906" w:h="16838"/);
  assert.match(xml, /w:left="1701"/);
});

test('table columns: explicit widths are honoured, otherwise a label column is wider than a number column; all fit the A4 text width', async () => {
  const { columnTwips } = await import('./index.ts');
  const given = columnTwips({ head: ['Chỉ tiêu', 'Số'], rows: [], widths: [3, 1] });
  assert.ok(Math.abs(given[0] - 3 * given[1]) <= 3, `${given}`);
  const auto = columnTwips({ head: ['Chỉ tiêu', 'Số'], rows: [['Cuộc tiếp xúc, đối thoại trực tiếp với Nhân dân', '12']] });
  assert.ok(auto[0] > 3 * auto[1], `${auto}`);
  assert.ok(auto.reduce((a, w) => a + w, 0) <= 9355, 'within 165 mm');
  const xml = documentXml(await buildDecree30({ issuer: 'Ủy ban nhân dân phường Pleiku', symbol: 'BC-UBND', place: 'Pleiku', date: '2026-11-25', type: 'Báo cáo', summary: 'x', blocks: [{ kind: 'table', head: ['Chỉ tiêu', 'Số'], rows: [['Đối thoại', '2']], widths: [4, 1] }], signer: { authority: 'TM', position: 'Chủ tịch', name: 'A' }, recipients: [] }));
  assert.match(xml, /<w:gridCol w:w="7483"\/><w:gridCol w:w="1870"\/>/, '4:1 of the 165-mm text width');
});

test('a document not yet issued is marked "DỰ THẢO"; an issued one is not', async () => {
  const base = { issuer: 'Ủy ban nhân dân tỉnh Gia Lai', symbol: 'BC-UBND', place: 'Gia Lai', date: '2026-11-25', type: 'Báo cáo', summary: 'x', blocks: [], signer: { position: 'Chủ tịch', name: 'A' }, recipients: [] };
  assert.ok(documentXml(await buildDecree30({ ...base, draft: true })).includes('DỰ THẢO'));
  assert.ok(!documentXml(await buildDecree30({ ...base, number: 145 })).includes('DỰ THẢO'));
});
