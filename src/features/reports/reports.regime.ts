/**
 * The reporting regime of plan 188/KH-UBND (Gia Lai, 22/01/2025) as data, in the elements of
 * NĐ 09/2019/NĐ-CP (DOMAIN.md §8, §13 Q8): name, required content, who reports, recipient and
 * copy-to, sending method, data cut-off, deadline, frequency, outline (đề cương), data form (biểu
 * mẫu: indicator codes) and guidance. Plan III.5: "báo cáo định kỳ 06 tháng (trước ngày 10/5/2025)
 * và 01 năm (trước ngày 15/10/2025) … về Ủy ban nhân dân tỉnh (qua Sở Nội vụ), đồng gửi Ban Dân vận
 * Tỉnh ủy để theo dõi, tổng hợp".
 */
import { registerIndicator } from '../../platform/indicators/index.ts';
import { Calendar } from '../../domain/calendar/index.ts';
import { cutoffBefore, DEFAULT_CUTOFFS, lastDayToSubmit, PLAN188_DUE } from '../../domain/reporting/index.ts';

export { DEFAULT_CUTOFFS };

export type PeriodKind = 'semiannual' | 'annual' | 'adhoc';
export const PERIOD_KINDS: PeriodKind[] = ['semiannual', 'annual', 'adhoc'];

export interface OutlineSection { key: string; part: string; title: string; hint?: string }

/** The cut-offs of a plan 188 period: NĐ 09 Art. 12 defaults, ending before the last day to send (src/domain/reporting). */
const plan188Cutoff = (kind: 'semiannual' | 'annual') => cutoffBefore(DEFAULT_CUTOFFS[kind](2025), lastDayToSubmit(PLAN188_DUE[kind], PLAN188_DUE.mode, new Calendar()));

const PLAN_ITEMS = [
  'Lãnh đạo, chỉ đạo, quán triệt văn bản về công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở',
  'Vận động Nhân dân thực hiện các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2025',
  'Phân công người đứng đầu và công chức phụ trách công tác dân vận, dân chủ ở cơ sở (bằng văn bản)',
  'Phổ biến, giáo dục pháp luật, nhất là ở vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số',
  'Tiếp công dân, công khai thông tin, tiếp xúc, đối thoại và xử lý đơn thư',
  'Quy chế thực hiện dân chủ; Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng, Tổ hòa giải',
  'Kỷ cương, kỷ luật hành chính, phòng, chống tham nhũng, tiêu cực',
  'Đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
  'Tuyên truyền đại hội Đảng bộ các cấp; cải cách hành chính; công tác dân tộc, tôn giáo',
  'Phối hợp với Mặt trận Tổ quốc, các tổ chức chính trị - xã hội; giám sát, phản biện xã hội',
  'Giám sát, tự giám sát hoạt động của cơ quan hành chính nhà nước',
  'Văn hóa công sở; xây dựng, nhân rộng mô hình, điển hình "Dân vận khéo"',
];

/** The outline of the plan 188 report: one section per plan item (II.1–II.12), then the usual closing parts. */
export const PLAN188_OUTLINE: OutlineSection[] = [
  ...PLAN_ITEMS.map((title, i) => ({ key: `item-${i + 1}`, part: 'I. Kết quả thực hiện', title: `${i + 1}. ${title}`, hint: `Kế hoạch 188/KH-UBND, mục II.${i + 1}` })),
  { key: 'limitations', part: 'II. Hạn chế, nguyên nhân', title: 'Hạn chế, khó khăn, vướng mắc và nguyên nhân' },
  { key: 'lessons', part: 'III. Bài học kinh nghiệm', title: 'Bài học kinh nghiệm' },
  { key: 'next', part: 'IV. Phương hướng, nhiệm vụ', title: 'Phương hướng, nhiệm vụ thời gian tới' },
  { key: 'proposals', part: 'V. Đề xuất, kiến nghị', title: 'Đề xuất, kiến nghị' },
];

/** Local midnight (Asia/Ho_Chi_Minh) of a legal date as an ISO instant, for comparing with audit times. */
const localStart = (date: string) => new Date(`${date}T00:00:00+07:00`).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Indicators of the plan 188 data form. `coso.records` is computed here (from the audit log); features register computations for others (petitions `tcd.days`, `don.received`; plans `nv.ontime`; exemplars `dvk.*`); the rest are entered. */
export function registerPlan188Indicators(): void {
  const def = (code: string, label: string, labelEn: string, unit: string, aggregate: 'sum' | 'avg' | 'max', definition: string, definitionEn: string) => registerIndicator({ code, label, labelEn, unit, aggregate, definition, definitionEn });
  def('dv.directives', 'Văn bản lãnh đạo, chỉ đạo, triển khai đã ban hành', 'Directives issued', 'văn bản', 'sum', 'Số kế hoạch, công văn, hướng dẫn của đơn vị về công tác dân vận chính quyền và dân chủ ở cơ sở ban hành trong kỳ (theo ngày ký).', 'Plans, official letters and guidance on government mass mobilisation and grassroots democracy issued by the unit in the period (by date of signing).');
  def('pbgdpl.sessions', 'Cuộc tuyên truyền, phổ biến, giáo dục pháp luật', 'Legal education sessions', 'cuộc', 'sum', 'Số hội nghị, buổi tuyên truyền, phổ biến pháp luật do đơn vị tổ chức hoặc chủ trì trong kỳ; một buổi tổ chức ở nhiều điểm đếm theo số điểm.', 'Conferences and sessions of legal dissemination organised or chaired by the unit in the period; a session held in several places counts once per place.');
  def('pbgdpl.attendance', 'Lượt người dự tuyên truyền, phổ biến pháp luật', 'Attendance at legal education', 'lượt người', 'sum', 'Tổng số lượt người tham dự các cuộc tuyên truyền, phổ biến pháp luật nêu trên (theo danh sách ký dự hoặc ước tính của đơn vị).', 'Total attendances at the legal dissemination sessions above (from the signed attendance lists or the unit\'s estimate).');
  def('tcd.days', 'Ngày tiếp công dân định kỳ của người đứng đầu', 'Scheduled reception days held by the head', 'ngày', 'sum', 'Số ngày người đứng đầu trực tiếp tiếp công dân định kỳ theo lịch trong kỳ (Luật Tiếp công dân, Điều 12–15); ngày do cấp phó được ủy quyền tiếp chỉ tính đến hết 30/06/2026 (Luật số 136/2025/QH15).', 'Days on which the head personally received citizens on the schedule in the period (Law on Citizen Reception, Art. 12–15); days held by an authorised deputy count only until 30/06/2026 (Law 136/2025/QH15).');
  def('tcd.dialogues', 'Cuộc tiếp xúc, đối thoại trực tiếp với Nhân dân', 'Dialogues with citizens', 'cuộc', 'sum', 'Số cuộc tiếp xúc, đối thoại trực tiếp của người đứng đầu với Nhân dân theo Quyết định 553-QĐ/TU trong kỳ.', 'Direct meetings and dialogues of the head with citizens under Decision 553-QĐ/TU in the period.');
  def('don.received', 'Đơn khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận', 'Petitions received', 'đơn', 'sum', 'Số đơn tiếp nhận trong kỳ (theo ngày nhận), mọi loại, kể cả đơn trùng; không tính đơn chuyển trả.', 'Petitions received in the period (by date received), of every kind, duplicates included; petitions sent back are not counted.');
  def('don.resolved.rate', 'Tỷ lệ đơn thuộc thẩm quyền đã giải quyết', 'Share of petitions within competence resolved', '%', 'avg', 'Số đơn thuộc thẩm quyền đã giải quyết xong trong kỳ chia cho số đơn thuộc thẩm quyền phải giải quyết, nhân 100. Toàn tỉnh: bình quân của các đơn vị.', 'Petitions within competence resolved in the period divided by those to be resolved, times 100. Province: the average of the units.');
  def('don.longest', 'Thời gian giải quyết đơn dài nhất', 'Longest petition resolution', 'ngày', 'max', 'Số ngày (theo lịch) từ ngày thụ lý đến ngày có quyết định, kết luận của vụ việc giải quyết lâu nhất trong kỳ. Toàn tỉnh: lớn nhất.', 'Calendar days from acceptance to the decision or conclusion of the longest case resolved in the period. Province: the largest.');
  def('qcdc.regulation', 'Đã rà soát, hoàn thiện quy chế thực hiện dân chủ', 'Democracy regulation reviewed', 'đơn vị', 'sum', 'Ghi 1 nếu trong kỳ đơn vị đã rà soát, bổ sung quy chế thực hiện dân chủ theo Luật Thực hiện dân chủ ở cơ sở (mục II.6), ghi 0 nếu chưa. Toàn tỉnh: số đơn vị đã hoàn thành.', '1 if the unit reviewed and completed its democracy regulation under the Law on Grassroots Democracy in the period (item II.6), 0 if not. Province: the number of units that did.');
  def('kl.disciplined', 'Cán bộ, công chức, viên chức bị xử lý kỷ luật', 'Staff disciplined', 'người', 'sum', 'Số người có quyết định kỷ luật trong kỳ (mọi hình thức).', 'People with a disciplinary decision in the period (any form).');
  def('dt.trained', 'Lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng', 'Staff training attendances', 'lượt', 'sum', 'Số lượt người được cử đi đào tạo, bồi dưỡng (kết thúc khóa học trong kỳ).', 'Attendances of staff sent to training (courses ending in the period).');
  def('nv.ontime', 'Nhiệm vụ hoàn thành đúng hạn', 'Tasks done on time', 'nhiệm vụ', 'sum', 'Số nhiệm vụ của kế hoạch thực hiện hoàn thành trong kỳ, vào hoặc trước hạn.', 'Tasks of the implementation plan completed in the period, on or before their due date.');
  def('dvk.models', 'Mô hình, điển hình "Dân vận khéo" xây dựng', '"Skilful mass mobilisation" models built', 'mô hình', 'sum', 'Số mô hình, điển hình "Dân vận khéo" đơn vị đăng ký xây dựng trong kỳ theo Hướng dẫn 02-HD/BDVTU (mẫu số 3).', '"Skilful mass mobilisation" models and exemplars the unit registered in the period under Guidance 02-HD/BDVTU (form 3).');
  registerIndicator({
    code: 'coso.records', label: 'Thao tác nghiệp vụ ghi nhận trên Coso', labelEn: 'Actions recorded on Coso', unit: 'thao tác', aggregate: 'sum',
    definition: 'Số sự kiện trong nhật ký kiểm toán của Coso gắn với đơn vị trong thời gian chốt số liệu (tự tính, không tính thao tác đăng nhập).',
    definitionEn: 'Events of the Coso audit log linked to the unit within the data cut-off (computed; sign-ins not counted).',
    compute: async (db, { unitId, from, to }) => {
      const r = await db.selectFrom('audit_events').select((e) => e.fn.countAll<number>().as('n'))
        .where('unit_id', '=', unitId).where('at', '>=', localStart(from)).where('at', '<', localStart(nextDay(to))).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  });
}

export const PLAN188_INDICATORS = ['dv.directives', 'pbgdpl.sessions', 'pbgdpl.attendance', 'tcd.days', 'tcd.dialogues', 'don.received', 'don.resolved.rate', 'don.longest', 'qcdc.regulation', 'kl.disciplined', 'dt.trained', 'dvk.models', 'nv.ontime', 'coso.records'];

/** The plan 188 regime (the seed of `report_regimes`). */
export const PLAN188_REGIME = {
  code: 'kh-188-2025',
  name: 'Báo cáo kết quả thực hiện công tác dân vận chính quyền và Luật Thực hiện dân chủ ở cơ sở năm 2025',
  content: 'Kết quả thực hiện Kế hoạch số 188/KH-UBND ngày 22/01/2025 theo từng nội dung của mục II (phần lời) và biểu số liệu; hạn chế, nguyên nhân; bài học; phương hướng; đề xuất. Kết quả mô hình "Dân vận khéo" theo mẫu số 3 Hướng dẫn 02-HD/BDVTU.',
  legalBasis: 'Kế hoạch số 188/KH-UBND ngày 22/01/2025 của UBND tỉnh Gia Lai, mục III.5; Nghị định số 09/2019/NĐ-CP',
  unitKinds: ['department', 'commune-committee'],
  recipient: 'Ủy ban nhân dân tỉnh (qua Sở Nội vụ)',
  copyTo: ['Ban Dân vận Tỉnh ủy (để theo dõi, tổng hợp)'],
  sendingMethod: 'Văn bản điện tử có ký số gửi qua Coso (hệ thống thông tin báo cáo); bản giấy khi hệ thống không hoạt động',
  frequency: [
    { kind: 'semiannual' as const, title: 'Báo cáo 06 tháng đầu năm 2025', ...plan188Cutoff('semiannual'), due: PLAN188_DUE.semiannual, dueMode: PLAN188_DUE.mode },
    { kind: 'annual' as const, title: 'Báo cáo năm 2025', ...plan188Cutoff('annual'), due: PLAN188_DUE.annual, dueMode: PLAN188_DUE.mode },
  ],
  outline: PLAN188_OUTLINE,
  indicators: PLAN188_INDICATORS,
  guidance: 'Đơn vị ghi phần lời theo từng mục của đề cương và nhập biểu số liệu; số liệu Coso tự tính được điền sẵn, chỉ sửa khi có lý do ghi rõ. Công chức phụ trách soạn, người đứng đầu gửi. Sở Nội vụ xem xét, chấp nhận hoặc trả lại kèm ý kiến theo từng mục.',
  reminderDays: 5,
};
