/**
 * Official documents of the reports capability: a unit report and the provincial aggregate as
 * DOCX in the Decree 30/2020 layout (built by src/platform/docx), the aggregate as XLSX (units ×
 * indicators) and CSV.
 */
import ExcelJS from 'exceljs';
import { buildDecree30, type Block } from '../../platform/docx/index.ts';
import { getIndicator } from '../../platform/indicators/index.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { formatNumber, localDateOf, localToday } from '../../platform/i18n/index.ts';
import type { Aggregation } from './reports.aggregate.ts';
import { compiledText, PROVINCIAL_SYMBOL, type Compilation } from './reports.compilation.ts';
import type { Period, Regime, ReportView } from './reports.repository.ts';

const PROVINCE_PLACE = 'Gia Lai';
const fmt = (n: number | null) => (n == null ? '' : formatNumber(n));

/** Upper-case initials of a department name for the symbol: "Sở Tư pháp" → "STP". */
function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).map((w) => w[0].toUpperCase()).join('').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/Đ/g, 'D').slice(0, 6);
}

/** Issuer lines and symbol of a unit: a commune's People's Committee, or a department under the provincial UBND. */
export function issuerOf(unit: { fullName: string; kind: string }) {
  if (unit.kind === 'commune-committee') {
    return { issuer: `Ủy ban nhân dân ${unit.fullName}`, symbol: 'BC-UBND', place: unit.fullName.replace(/^(Xã|Phường|Đặc khu)\s+/u, ''), signer: { authority: 'TM. Ủy ban nhân dân', position: 'Chủ tịch', name: '' } };
  }
  return { parentBody: 'UBND tỉnh Gia Lai', issuer: unit.fullName, symbol: `BC-${initials(unit.fullName)}`, place: PROVINCE_PLACE, signer: { position: 'Giám đốc', name: '' } };
}

function indicatorTable(rows: { code: string; value: number | null }[]): Block {
  return {
    kind: 'table', head: ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu'],
    rows: rows.map((r, i) => { const d = getIndicator(r.code); return [String(i + 1), d?.label ?? r.code, d?.unit ?? '', fmt(r.value)]; }),
  };
}

function outlineBlocks(regime: Regime, text: (key: string) => string[]): Block[] {
  const out: Block[] = [];
  let part = '';
  for (const s of regime.outline) {
    if (s.part !== part) { part = s.part; out.push({ kind: 'heading', text: part }); }
    if (s.part.replace(/^[IVX]+\.\s*/, '') !== s.title) out.push({ kind: 'subheading', text: s.title });
    const paras = text(s.key);
    out.push(...(paras.length ? paras.map((p): Block => ({ kind: 'paragraph', text: p })) : [{ kind: 'paragraph', text: '(Không có nội dung)', italic: true } as Block]));
  }
  return out;
}

const recipientsOf = (regime: Regime) => [`${regime.recipient} (báo cáo)`, ...regime.copyTo];

/** One unit's report as a Decree 30 "BÁO CÁO". */
export async function unitReportDocx(period: Period, regime: Regime, unit: { fullName: string; kind: string }, r: ReportView, date = localToday()): Promise<Buffer> {
  const iss = issuerOf(unit);
  const paragraphs = (key: string) => (r.sections.find((s) => s.key === key)?.text ?? '').split(/\r?\n+/).map((x) => x.trim()).filter(Boolean);
  return buildDecree30({
    ...iss, number: null, date: r.submittedAt ? localDateOf(new Date(r.submittedAt)) : date, type: 'Báo cáo',
    summary: `${regime.name.replace(/^Báo cáo\s+/i, '')} (${period.title.replace(/^Báo cáo\s+/i, '')})`,
    blocks: [
      { kind: 'paragraph', text: `Thực hiện ${regime.legalBasis}, ${unit.fullName} báo cáo kết quả thực hiện trong kỳ (số liệu từ ngày ${period.from.split('-').reverse().join('/')} đến ngày ${period.to.split('-').reverse().join('/')}) như sau:` },
      ...outlineBlocks(regime, paragraphs),
      { kind: 'heading', text: 'Phụ lục: Biểu số liệu' },
      indicatorTable(r.indicators),
    ],
    recipients: recipientsOf(regime), archive: 'VT', draft: r.status !== 'submitted' && r.status !== 'accepted',
  });
}

/**
 * The provincial report as a Decree 30 "BÁO CÁO" of the provincial People's Committee: the text the
 * coordinator edited (or, before any edit, the text compiled from the unit reports), the number
 * once issued (blank before), the signing date (today for a draft without one), and the figures.
 */
export async function aggregateDocx(period: Period, regime: Regime, agg: Aggregation, date = localToday(), compilation?: Compilation): Promise<Buffer> {
  const c = compilation ?? (() => { const x = compiledText(regime, agg); return { intro: x.intro, sections: regime.outline.map((o) => ({ key: o.key, text: x.sections[o.key] ?? '' })), status: 'none', number: null, signedOn: null, signerName: '' }; })();
  const text = (key: string) => (c.sections.find((s) => s.key === key)?.text ?? '').split(/\r?\n+/).map((x) => x.trim()).filter(Boolean);
  return buildDecree30({
    issuer: 'Ủy ban nhân dân tỉnh Gia Lai', symbol: PROVINCIAL_SYMBOL, number: c.status === 'issued' ? c.number : null, place: PROVINCE_PLACE, date: c.signedOn ?? date, type: 'Báo cáo',
    summary: `${regime.name.replace(/^Báo cáo\s+/i, '')} (${period.title.replace(/^Báo cáo\s+/i, '')})`,
    blocks: [
      ...c.intro.split(/\r?\n+/).map((x) => x.trim()).filter(Boolean).map((x): Block => ({ kind: 'paragraph', text: x })),
      ...outlineBlocks(regime, text),
      { kind: 'heading', text: 'Phụ lục: Biểu tổng hợp số liệu toàn tỉnh' },
      {
        kind: 'table', head: ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Cách tổng hợp', 'Toàn tỉnh', 'Sở, ban, ngành', 'Xã, phường'],
        rows: agg.indicators.map((i, n) => [String(n + 1), i.label, i.unit, { sum: 'Tổng', avg: 'Bình quân', max: 'Lớn nhất' }[i.aggregate], fmt(i.total), fmt(i.byUnitKind.department ?? null), fmt(i.byUnitKind['commune-committee'] ?? null)]),
      },
    ],
    signer: { authority: 'TM. Ủy ban nhân dân', position: 'Chủ tịch', name: c.signerName },
    recipients: ['Văn phòng Chính phủ (báo cáo)', 'Ban Dân vận Trung ương (báo cáo)', 'Bộ Nội vụ (báo cáo)', 'TT Tỉnh ủy (báo cáo)', 'TT HĐND tỉnh (báo cáo)', ...regime.copyTo, 'Sở Nội vụ'], archive: 'NC', draft: c.status !== 'issued',
  });
}

const STATUS_VI: Record<string, string> = { missing: 'Chưa gửi', draft: 'Đang soạn', submitted: 'Đã gửi', returned: 'Trả lại', accepted: 'Đã chấp nhận' };
const KIND_VI: Record<string, string> = { department: 'Sở, ban, ngành', 'commune-committee': 'Xã, phường, đặc khu' };

/** Units × indicators (every reporting unit; counted reports filled) and the province totals. */
export async function aggregateXlsx(period: Period, agg: Aggregation): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Coso';
  const sum = wb.addWorksheet('Tổng hợp');
  sum.addRow([period.title]).font = { bold: true };
  sum.addRow(['Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Cách tổng hợp', 'Toàn tỉnh', ...Object.keys(agg.indicators[0]?.byUnitKind ?? {}).map((k) => KIND_VI[k] ?? k), 'Số đơn vị có số liệu']).font = { bold: true };
  for (const i of agg.indicators) sum.addRow([i.code, i.label, i.unit, i.aggregate, i.total, ...Object.values(i.byUnitKind), i.reporting]);
  sum.getColumn(2).width = 60;
  const ws = wb.addWorksheet('Đơn vị × chỉ tiêu');
  ws.addRow(['Đơn vị', 'Loại', 'Trạng thái', 'Gửi trễ/quá hạn', ...agg.indicators.map((i) => i.label)]).font = { bold: true };
  ws.addRow(['', '', '', '', ...agg.indicators.map((i) => i.code)]);
  for (const s of agg.statuses) {
    const vals = agg.byUnit.get(s.unitId);
    ws.addRow([s.unitName, KIND_VI[s.kind] ?? s.kind, STATUS_VI[s.status], s.late ? 'x' : '', ...agg.indicators.map((i) => vals?.get(i.code) ?? null)]);
  }
  ws.getColumn(1).width = 40;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  // Inline strings (no shared-string table): a third faster for a province of thousands of units; Excel and LibreOffice read both.
  return Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: false }));
}

export function aggregateCsv(agg: Aggregation): string {
  return toCsv(['unitId', 'Đơn vị', 'Loại', 'Trạng thái', 'Trễ hạn', ...agg.indicators.map((i) => i.code)],
    agg.statuses.map((s) => [s.unitId, s.unitName, s.kind, s.status, s.late ? 1 : 0, ...agg.indicators.map((i) => agg.byUnit.get(s.unitId)?.get(i.code) ?? '')]));
}
