/** The minutes of the visit (biên bản làm việc) and the conclusion notice as Decree 30 DOCX (src/platform/docx). */
import { buildDecree30, type Block } from '../../platform/docx/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { getIndicator } from '../../platform/indicators/index.ts';
import type { Scorecard } from '../../domain/inspections/index.ts';
import type { Scheme } from './inspections.repository.ts';
import type { InspectionConclusionsTable, InspectionFindingsTable, InspectionPlansTable, InspectionTargetsTable } from './inspections.tables.ts';

const ISSUER = { parentBody: 'UBND tỉnh Gia Lai', issuer: 'Sở Nội vụ', place: 'Gia Lai' };
const dd = (d: string | null | undefined) => (d ? d.split('-').reverse().join('/') : '');
const RESULT_VI: Record<string, string> = { met: 'Đạt', partly: 'Đạt một phần', not_met: 'Không đạt', na: 'Không áp dụng' };
const lines = (s: string | null | undefined): Block[] => (s ?? '').split(/\r?\n+/).map((x) => x.trim()).filter(Boolean).map((text) => ({ kind: 'paragraph', text }));
const orNone = (b: Block[]): Block[] => (b.length ? b : [{ kind: 'paragraph', text: '(Không có)', italic: true }]);

interface Ctx { plan: InspectionPlansTable; target: InspectionTargetsTable; unitName: string; team: { name: string; decision_number: string; decision_date: string; members: { name: string; body: string; role: string }[] }; scheme: Scheme; findings: InspectionFindingsTable[]; score: Scorecard; evidence?: { code: string; name: string }[] }

function findingsTable(x: Ctx): Block {
  const by = new Map(x.findings.map((f) => [f.criterion_code, f]));
  return {
    kind: 'table', head: ['Tiêu chí', 'Nội dung', 'Điểm tối đa', 'Căn cứ (số liệu)', 'Tài liệu kiểm chứng', 'Kết quả', 'Điểm đoàn chấm', 'Lý do điều chỉnh, ghi chú'], widths: [7, 26, 7, 17, 12, 9, 7, 15],
    rows: x.scheme.def.criteria.map((c) => {
      const f = by.get(c.code);
      const src = f?.auto_source ? (JSON.parse(f.auto_source) as { figures: { code: string; value: number }[]; target?: number; pct?: number; from?: string; to?: string }) : null;
      const basis = src ? `${src.figures.map((g) => `${getIndicator(g.code)?.label ?? g.code} = ${g.value}`).join('; ')}${src.target != null ? `; chỉ tiêu ${src.target}` : ''}${src.pct != null ? `; ${src.pct}%` : ''}${f?.auto_points != null ? `; tự tính ${f.auto_points} điểm (từ ${src.from ? src.from.split('-').reverse().join('/') : ''} đến ${src.to ? src.to.split('-').reverse().join('/') : ''})` : ''}` : '';
      const files = (x.evidence ?? []).filter((e) => e.code === c.code).map((e) => e.name).join('; ');
      return [c.code, c.text, String(c.maxPoints), basis, files, f ? RESULT_VI[f.result] ?? f.result : '', f?.points == null ? '' : String(f.points), [f?.override_reason, f?.note].filter(Boolean).join('; ')];
    }),
  };
}

/** Biên bản làm việc of the visit, generated from the findings, for both sides to sign. */
export function minutesDocx(x: Ctx): Promise<Buffer> {
  const roleVi: Record<string, string> = { leader: 'Trưởng đoàn', deputy: 'Phó Trưởng đoàn', member: 'Thành viên', secretary: 'Thư ký' };
  return buildDecree30({
    ...ISSUER, number: null, symbol: 'BB-SNV', date: x.target.visited_on ?? x.target.visit_date, type: 'Biên bản làm việc',
    summary: `Kiểm tra công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở tại ${x.unitName}`,
    blocks: [
      { kind: 'paragraph', text: `Thực hiện ${x.plan.title}${x.plan.document_number ? ` (số ${x.plan.document_number})` : ''} và Quyết định số ${x.team.decision_number} ngày ${dd(x.team.decision_date)} thành lập ${x.team.name}, hôm nay, ngày ${dd(x.target.visited_on ?? x.target.visit_date)}, tại ${x.target.visit_place ?? x.unitName}, đoàn kiểm tra làm việc với ${x.unitName}.` },
      { kind: 'heading', text: 'I. Thành phần' },
      ...x.team.members.map((m): Block => ({ kind: 'paragraph', text: `${m.name}, ${m.body}: ${roleVi[m.role] ?? m.role}` })),
      { kind: 'paragraph', text: `Đại diện ${x.unitName}: người đứng đầu và công chức phụ trách.` },
      { kind: 'heading', text: 'II. Kết quả kiểm tra theo tiêu chí' },
      { kind: 'paragraph', text: `Kỳ kiểm tra từ ngày ${dd(x.plan.review_from)} đến ngày ${dd(x.plan.review_to)}. Bộ tiêu chí: ${x.scheme.name} (phiên bản ${x.scheme.version}). Điểm tự chấm của đơn vị: ${x.target.self_score ?? 'chưa có'}.` },
      findingsTable(x),
      { kind: 'paragraph', text: `Tổng điểm đoàn chấm: ${x.score.total} (điểm tiêu chí ${x.score.base}, cộng ${x.score.bonus}, trừ ${x.score.penalty}).` },
      { kind: 'heading', text: 'III. Ý kiến giải trình của đơn vị' },
      ...orNone(lines(x.target.explanation)),
      { kind: 'paragraph', text: 'Biên bản được lập thành 02 bản, đoàn kiểm tra giữ 01 bản, đơn vị được kiểm tra giữ 01 bản; các bên thống nhất ký tên.', italic: true },
    ],
    signer: { authority: 'Đại diện đoàn kiểm tra', position: 'Trưởng đoàn', name: x.team.members.find((m) => m.role === 'leader')?.name ?? '' },
    recipients: [x.unitName, 'Đoàn kiểm tra'], archive: 'Phòng Dân vận',
  });
}

/** Thông báo kết luận kiểm tra: strengths, limitations, causes, recommendations with addressee and due date, good models. */
export function conclusionDocx(x: Ctx & { conclusion: InspectionConclusionsTable; recommendations: { text: string; due_on: string; addresseeName: string }[] }): Promise<Buffer> {
  const c = x.conclusion;
  return buildDecree30({
    ...ISSUER, number: null, symbol: `TB-SNV${c.document_number ? ` (${c.document_number})` : ''}`, date: c.issued_on ?? localToday(), type: 'Thông báo', draft: c.status !== 'issued',
    summary: `Kết luận kiểm tra công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở tại ${x.unitName}`,
    blocks: [
      { kind: 'paragraph', text: `Thực hiện ${x.plan.title}, ngày ${dd(x.target.visited_on ?? x.target.visit_date)} ${x.team.name} đã kiểm tra tại ${x.unitName}. Sở Nội vụ thông báo kết luận như sau:` },
      { kind: 'heading', text: '1. Ưu điểm' }, ...orNone(lines(c.strengths)),
      { kind: 'heading', text: '2. Hạn chế' }, ...orNone(lines(c.limitations)),
      { kind: 'heading', text: '3. Nguyên nhân' }, ...orNone(lines(c.causes)),
      { kind: 'heading', text: '4. Kết quả chấm điểm' },
      { kind: 'paragraph', text: `Tổng điểm đoàn chấm: ${x.score.total}/${x.score.fullMax} (kèm cộng ${x.score.bonus}, trừ ${x.score.penalty}).` },
      { kind: 'heading', text: '5. Kiến nghị' },
      x.recommendations.length ? { kind: 'table', head: ['TT', 'Nội dung kiến nghị', 'Đơn vị thực hiện', 'Hạn khắc phục'], widths: [6, 54, 25, 15], rows: x.recommendations.map((r, i) => [String(i + 1), r.text, r.addresseeName, dd(r.due_on)]) } : { kind: 'paragraph', text: '(Không có)', italic: true },
      { kind: 'heading', text: '6. Mô hình, cách làm hay' }, ...orNone(lines(c.good_models)),
      { kind: 'paragraph', text: 'Đề nghị đơn vị tổ chức khắc phục và gửi báo cáo kết quả khắc phục về Sở Nội vụ đúng hạn.' },
    ],
    signer: { authority: 'KT. Giám đốc', position: 'Phó Giám đốc', name: '' },
    recipients: [x.unitName, 'UBND tỉnh (báo cáo)', 'Ban Tuyên giáo và Dân vận Tỉnh ủy'], archive: 'Phòng Dân vận',
  });
}

/**
 * The §7.3 summary table of a year's inspections (DVK-AND-INSPECTIONS §7.3, proposed columns) as a
 * Decree 30 report of Sở Nội vụ: a short count of targets, conclusions and classes, then the table.
 */
export function summaryDocx(year: number, s: { head: string[]; rows: (string | number)[][] }, date = localToday()): Promise<Buffer> {
  const rows = s.rows.map((r) => r.map((x) => String(x)));
  const issued = rows.filter((r) => r[12] === '').length;
  const classes = new Map<string, number>();
  for (const r of rows) if (r[6]) classes.set(r[6], (classes.get(r[6]) ?? 0) + 1);
  const classLine = [...classes].map(([k, n]) => `${k}: ${n}`).join('; ');
  return buildDecree30({
    ...ISSUER, number: null, symbol: 'BC-SNV', date, type: 'Báo cáo',
    summary: `Tổng hợp kết quả kiểm tra công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở năm ${year}`,
    blocks: [
      { kind: 'paragraph', text: `Năm ${year}, Sở Nội vụ kiểm tra ${rows.length} đơn vị theo kế hoạch đã được phê duyệt; đã ban hành thông báo kết luận đối với ${issued} đơn vị.${classLine ? ` Kết quả xếp loại: ${classLine}.` : ''}` },
      { kind: 'heading', text: `Biểu tổng hợp kết quả kiểm tra năm ${year}` },
      rows.length ? { kind: 'table', head: s.head, rows, widths: [4, 14, 7, 11, 6, 6, 9, 6, 6, 9, 8, 9, 7] } : { kind: 'paragraph', text: '(Chưa có đơn vị được kiểm tra)', italic: true },
    ],
    signer: { authority: 'KT. Giám đốc', position: 'Phó Giám đốc', name: '' },
    recipients: ['UBND tỉnh (báo cáo)', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Ủy ban MTTQ Việt Nam tỉnh'], archive: 'Phòng Dân vận',
  });
}
