/**
 * Documents in the format of Decree 30/2020/NĐ-CP (Phụ lục I; shared/DOMAIN.md §9): A4 portrait,
 * margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman; the issuing body top-left and
 * the national title and motto top-right, number and symbol, place and date in italics, the type
 * name and summary centred in bold, the body justified (13 pt, first line 1 cm, 6 pt after), the
 * signature block, and "Nơi nhận:" (12 pt bold italic, list 11 pt). Page numbers in the header,
 * centred, not on page 1. Reusable by every feature.
 */
import { AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, convertMillimetersToTwip } from 'docx';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  | { kind: 'table'; head: string[]; rows: string[][]; widths?: number[] };

export interface Decree30Doc {
  /** Parent body, e.g. "UBND TỈNH GIA LAI" (upper case, regular); omitted for a People's Committee. */
  parentBody?: string;
  /** Issuing body, e.g. "ỦY BAN NHÂN DÂN PHƯỜNG PLEIKU" (upper case, bold). */
  issuer: string;
  /** "Số: {number}/{symbol}"; number left blank ("    ") until registered (Art. 15). */
  number?: number | null;
  symbol: string;
  place: string;
  /** YYYY-MM-DD. */
  date: string;
  /** "BÁO CÁO", "KẾ HOẠCH", … */
  type: string;
  summary: string;
  blocks: Block[];
  signer: { authority?: string; position: string; name: string };
  recipients: string[];
  /** Marks a document not yet issued: "DỰ THẢO" at the top right of the first page. */
  draft?: boolean;
  /** Ends the recipients list: "- Lưu: VT, {archive}." */
  archive?: string;
}

const FONT = 'Times New Roman';
const pt = (n: number) => n * 2;
const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean } = {}) => new TextRun({ text, font: FONT, size: pt(o.size ?? 13), bold: o.bold, italics: o.italics });
const centred = (children: TextRun[], after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
const line = (len: number) => centred([run('_'.repeat(len), { size: 8 })]);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** "Gia Lai, ngày 05 tháng 01 năm 2026": days < 10 and months 1–2 get a leading 0. */
export function placeDate(place: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/** "Số: 07/BC-UBND" (numbers below 10 with a leading 0). */
export const numberLine = (n: number | null | undefined, symbol: string) => `Số: ${n ? String(n).padStart(2, '0') : '      '}/${symbol}`;

function headerTable(doc: Decree30Doc): Table {
  const left = [
    ...(doc.parentBody ? [centred([run(doc.parentBody.toUpperCase())])] : []),
    centred([run(doc.issuer.toUpperCase(), { bold: true })]), line(12),
    centred([run(numberLine(doc.number, doc.symbol))]),
  ];
  const right = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true })]), line(24),
    centred([run(placeDate(doc.place, doc.date), { italics: true })]),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders,
    rows: [new TableRow({ children: [new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, borders: noBorders, children: left }), new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, borders: noBorders, children: right })] })],
  });
}

/** Text width of an A4 page with the Decree 30 margins (left 30 mm, right 15 mm). */
const TEXT_WIDTH = convertMillimetersToTwip(165);

/**
 * Column widths in twips: the block's `widths` (relative numbers, e.g. percentages), or else in
 * proportion to the longest text of each column (between 6 and 40 characters), so a label column is
 * wide and a number column narrow.
 */
export function columnTwips(b: { head: string[]; rows: string[][]; widths?: number[] }): number[] {
  const n = b.head.length;
  const rel = b.widths && b.widths.length === n && b.widths.every((w) => w > 0)
    ? b.widths
    : b.head.map((h, i) => Math.min(40, Math.max(6, h.length, ...b.rows.map((r) => Math.min((r[i] ?? '').length, 40)))));
  const sum = rel.reduce((a, w) => a + w, 0);
  return rel.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
}

function block(b: Block): (Paragraph | Table)[] {
  const body = { alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 312 }, indent: { firstLine: convertMillimetersToTwip(10) } };
  if (b.kind === 'heading') return [new Paragraph({ ...body, indent: undefined, keepNext: true, children: [run(b.text.toUpperCase(), { bold: true })] })];
  if (b.kind === 'subheading') return [new Paragraph({ ...body, keepNext: true, children: [run(b.text, { bold: true })] })];
  if (b.kind === 'paragraph') return [new Paragraph({ ...body, children: [run(b.text, { italics: b.italic })] })];
  const twips = columnTwips(b);
  const cell = (text: string, i: number, bold = false) => new TableCell({ width: { size: twips[i], type: WidthType.DXA }, children: [new Paragraph({ children: [run(text, { size: 12, bold })] })] });
  return [new Table({
    width: { size: twips.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    columnWidths: twips,
    rows: [new TableRow({ tableHeader: true, children: b.head.map((h, i) => cell(h, i, true)) }), ...b.rows.map((r) => new TableRow({ children: r.map((x, i) => cell(x, i)) }))],
  }), new Paragraph({ children: [] })];
}

function closing(doc: Decree30Doc): Table {
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
    ...[...doc.recipients, `Lưu: VT${doc.archive ? `, ${doc.archive}` : ''}.`].map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 11 })] })),
  ];
  const sign = [
    ...(doc.signer.authority ? [centred([run(doc.signer.authority.toUpperCase(), { bold: true })])] : []),
    centred([run(doc.signer.position.toUpperCase(), { bold: true })], 1400),
    centred([run(doc.signer.name, { bold: true })]),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders,
    rows: [new TableRow({ children: [new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: noBorders, children: recipients }), new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: noBorders, children: sign })] })],
  });
}

const box = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 };

/** Builds the DOCX bytes of a Decree 30 document. */
export async function buildDecree30(doc: Decree30Doc): Promise<Buffer> {
  const d = new Document({
    creator: 'Coso', title: `${doc.type} ${doc.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    sections: [{
      properties: {
        titlePage: true,
        // A4 in twips (1 mm = 56.7 twips), margins 20 / 20 / 30 / 15 mm rounded up.
        page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 851 } },
      },
      headers: { default: new Header({ children: [centred([new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })])] }), first: new Header({ children: [] }) },
      children: [
        ...(doc.draft ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 120 }, border: { top: box, bottom: box, left: box, right: box }, children: [run('DỰ THẢO', { bold: true })] })] : []),
        headerTable(doc),
        new Paragraph({ spacing: { before: 240 }, children: [] }),
        centred([run(doc.type.toUpperCase(), { size: 14, bold: true })]),
        centred([run(doc.summary, { size: 14, bold: true })]), line(20),
        new Paragraph({ children: [] }),
        ...doc.blocks.flatMap(block),
        new Paragraph({ children: [] }),
        closing(doc),
      ],
    }],
  });
  return Packer.toBuffer(d);
}
