import { buildDecree30 } from '../../platform/docx/index.ts';
import { formatDate, type T } from '../../platform/i18n/index.ts';
import { REGISTER_SOURCES, type RegisterSource } from '../../domain/oversight/index.ts';
import type { RegisterRow } from './register.repository.ts';
import type { SheetTable } from './oversight.export.ts';

export interface DigestLine { source: RegisterSource; received: number; answeredOnTime: number; answeredLate: number; overdue: number; open: number; accepted: number; partly: number; explained: number }

/** Counts per source for the half-year digest (LMTTQ Art. 30(1)): received, answered on time / late, overdue, still open, by outcome. */
export function digestLines(rows: RegisterRow[]): { lines: DigestLine[]; total: DigestLine } {
  const zero = (source: RegisterSource): DigestLine => ({ source, received: 0, answeredOnTime: 0, answeredLate: 0, overdue: 0, open: 0, accepted: 0, partly: 0, explained: 0 });
  const lines = REGISTER_SOURCES.map(zero);
  for (const r of rows) {
    const l = lines.find((x) => x.source === r.source)!;
    l.received++;
    if (r.answeredOn && r.answeredOn <= r.answerDue) l.answeredOnTime++;
    else if (r.answeredOn) l.answeredLate++;
    else if (r.state === 'overdue') l.overdue++;
    else l.open++;
    if (r.outcome === 'accepted' || r.outcome === 'partly' || r.outcome === 'explained') l[r.outcome]++;
  }
  const total = lines.reduce((a, l) => ({ ...a, received: a.received + l.received, answeredOnTime: a.answeredOnTime + l.answeredOnTime, answeredLate: a.answeredLate + l.answeredLate, overdue: a.overdue + l.overdue, open: a.open + l.open, accepted: a.accepted + l.accepted, partly: a.partly + l.partly, explained: a.explained + l.explained }), zero('front-supervision'));
  return { lines, total };
}

const COUNT_KEYS = ['received', 'answeredOnTime', 'answeredLate', 'overdue', 'open', 'accepted', 'partly', 'explained'] as const;

/** The summary table (one row per source and a total row). */
export function digestSummaryTable(t: T, d: ReturnType<typeof digestLines>): SheetTable {
  return {
    head: [t('register.source'), ...COUNT_KEYS.map((k) => t(`register.digest.${k}`))],
    rows: [...d.lines.map((l) => [t(`register.src.${l.source}`), ...COUNT_KEYS.map((k) => l[k])]), [t('register.digest.total'), ...COUNT_KEYS.map((k) => d.total[k])]],
  };
}

/** The register as a table (list exports and the digest's annex). */
export function registerTable(t: T, rows: RegisterRow[]): SheetTable {
  return {
    head: ['register.source', 'register.issuer', 'register.documentNumber', 'register.documentDate', 'register.receivedOn', 'register.subject', 'register.assignee', 'register.answerDue', 'register.termBasis', 'register.stateLabel', 'register.answeredOn', 'register.outcome', 'register.answerDocument'].map((k) => t(k)),
    rows: rows.map((r) => [t(`register.src.${r.source}`), r.issuer, r.documentNumber ?? '', formatDate(r.documentDate), formatDate(r.receivedOn), r.subject, r.unitName, formatDate(r.answerDue),
      `${r.termBasis ?? ''}${r.termVerified === false ? ` (${t('register.unverified')})` : ''}`, t(`register.state.${r.state}`), formatDate(r.answeredOn), r.outcome ? t(`register.outcome.${r.outcome}`) : '', r.answerDocument ?? '']),
  };
}

/** The digest as a Decree 30 "BÁO CÁO" of the Department of Home Affairs for the People's Committee meeting that hears the Front. */
export function digestDocx(o: { t: T; issuer: string; place: string; date: string; year: number; half: 1 | 2; from: string; to: string; rows: RegisterRow[] }): Promise<Buffer> {
  const d = digestLines(o.rows);
  const sum = digestSummaryTable(o.t, d);
  const list = registerTable(o.t, o.rows);
  const pick = [0, 1, 4, 5, 6, 7, 9, 11];
  const halfText = o.half === 1 ? `06 tháng đầu năm ${o.year}` : `06 tháng cuối năm ${o.year}`;
  return buildDecree30({
    parentBody: 'UBND TỈNH', issuer: o.issuer, symbol: 'BC-SNV', number: null, place: o.place, date: o.date, type: 'Báo cáo',
    summary: `Tình hình tiếp nhận, giải quyết, trả lời kiến nghị của Mặt trận Tổ quốc Việt Nam, Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng ${halfText}`,
    blocks: [
      { kind: 'paragraph', text: `Phục vụ phiên họp của Ủy ban nhân dân nghe Ủy ban Mặt trận Tổ quốc Việt Nam thông báo kết quả giám sát 6 tháng (Điều 30 khoản 1 Luật Mặt trận Tổ quốc Việt Nam), Sở Nội vụ tổng hợp các kiến nghị tiếp nhận từ ngày ${formatDate(o.from)} đến ngày ${formatDate(o.to)} như sau:` },
      { kind: 'heading', text: 'I. Số liệu tổng hợp' },
      { kind: 'table', head: sum.head, rows: sum.rows.map((r) => r.map((c) => String(c ?? ''))) },
      { kind: 'heading', text: 'II. Danh sách kiến nghị' },
      o.rows.length ? { kind: 'table', head: pick.map((i) => list.head[i]), rows: list.rows.map((r) => pick.map((i) => String(r[i] ?? ''))) } : { kind: 'paragraph', text: '(Không có kiến nghị trong kỳ)', italic: true },
      { kind: 'heading', text: 'III. Kiến nghị quá hạn chưa trả lời' },
      { kind: 'paragraph', text: d.total.overdue ? `Có ${d.total.overdue} kiến nghị quá hạn chưa trả lời; đề nghị Ủy ban nhân dân chỉ đạo các đơn vị trả lời ngay.` : 'Không có kiến nghị quá hạn.' },
    ],
    signer: { authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: '' }, recipients: ['Ủy ban nhân dân tỉnh (báo cáo)', 'Ủy ban MTTQ Việt Nam tỉnh', 'Ban Tuyên giáo và Dân vận Tỉnh ủy'], archive: 'VT', draft: true,
  });
}
