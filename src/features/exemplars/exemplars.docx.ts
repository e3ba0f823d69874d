import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { localToday } from '../../platform/i18n/index.ts';

const FONT = 'Times New Roman';
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: (o.size ?? 13) * 2, bold: o.bold, italics: o.italics });
const para = (children: TextRun[], align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER, after = 0) => new Paragraph({ children, alignment: align, spacing: { after } });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

export interface Decree30Table {
  title: string;
  headings: string[];
  rows: string[][];
  intro?: string;
  issuer?: string;
  parentIssuer?: string;
  number?: string;
  place?: string;
  date?: string;
  signer?: { title: string; name: string };
  recipients?: string[];
}

/**
 * A landscape Decree 30/2020/NĐ-CP style document holding one table: issuer and national emblem
 * header ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"), number/symbol,
 * place and date, title, body (the table), recipients and signature block; Times New Roman 13.
 * Kept in this feature until a shared platform builder exists.
 */
export async function decree30Docx(o: Decree30Table): Promise<Buffer> {
  const [y, m, d] = (o.date ?? localToday()).split('-');
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders,
    rows: [new TableRow({ children: [
      new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, children: [para([run(o.parentIssuer ?? 'UBND TỈNH GIA LAI')]), para([run(o.issuer ?? 'BAN CHỈ ĐẠO PHONG TRÀO "DÂN VẬN KHÉO"', { bold: true })]), para([run(o.number ?? 'Số:      /BC-BCĐ')], AlignmentType.CENTER, 120)] }),
      new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, children: [para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true })]), para([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 })]), para([run(`${o.place ?? 'Gia Lai'}, ngày ${d} tháng ${m} năm ${y}`, { italics: true, size: 14 })], AlignmentType.CENTER, 120)] }),
    ] })],
  });
  const cell = (text: string, bold = false) => new TableCell({ children: [para([run(text, { bold, size: 11 })], AlignmentType.CENTER)] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: o.headings.map((h) => cell(h, true)) }), ...o.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
  const recipients = o.recipients ?? ['Ban Tuyên giáo và Dân vận Tỉnh ủy;', 'Sở Nội vụ;', 'Lưu: VT.'];
  const signer = o.signer ?? { title: 'TRƯỞNG BAN', name: '' };
  const footer = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders,
    rows: [new TableRow({ children: [
      new TableCell({ children: [para([run('Nơi nhận:', { bold: true, italics: true, size: 12 })], AlignmentType.LEFT), ...recipients.map((r) => para([run(`- ${r}`, { size: 11 })], AlignmentType.LEFT))] }),
      new TableCell({ children: [para([run(signer.title, { bold: true })]), para([run('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true })], AlignmentType.CENTER, 1200), para([run(signer.name, { bold: true })])] }),
    ] })],
  });
  const doc = new Document({
    creator: 'Coso', title: o.title,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [{
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
      children: [header, para([run(o.title, { bold: true, size: 14 })], AlignmentType.CENTER, 120), ...(o.intro ? [para([run(o.intro, { italics: true, size: 12 })], AlignmentType.CENTER, 120)] : []), table, para([run('')]), footer],
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
