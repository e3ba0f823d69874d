/**
 * The starter checklist of DVK-AND-INSPECTIONS §7.3: the ten criterion titles of Quảng Nam
 * 1094/QĐ-UBND (07/5/2024; titles verified in news, point tables not found) plus bonus and penalty.
 * Point weights are NOT known: the equal 10-point weights and the class bands below are
 * placeholders (`provisional`), for the province to replace by a new version.
 */
import type { SchemeDef } from './scoring.ts';

/** Percentage bands of the "chuẩn tiếp cận pháp luật" score sheet (QĐ 25/2021/QĐ-TTg pattern, §3.3): ≥90% full, 80–<90 ¾… */
const RATIO_BANDS = [{ minPct: 90, share: 1 }, { minPct: 80, share: 0.75 }, { minPct: 70, share: 0.5 }, { minPct: 50, share: 0.25 }];

export const STARTER_SCHEME: SchemeDef = {
  source: 'Nhóm tiêu chí theo Quyết định 1094/QĐ-UBND ngày 07/5/2024 của UBND tỉnh Quảng Nam (tên tiêu chí); trọng số, thang xếp loại là số tạm, tỉnh ban hành thay thế',
  provisional: true,
  rescaleNa: true,
  requireSelfScore: true,
  criticalCodes: [],
  bonusCap: 5,
  criteria: [
    { code: 'TC1', group: '1', text: 'Thực hiện các văn bản chỉ đạo về công tác dân vận (Chỉ thị 33/CT-TTg, Quy chế công tác dân vận)', maxPoints: 10, evidence: 'Kế hoạch, văn bản triển khai' },
    { code: 'TC2', group: '2', text: 'Thực hiện nhiệm vụ chính trị được giao', maxPoints: 10 },
    { code: 'TC3', group: '3', text: 'Cải cách hành chính', maxPoints: 10 },
    { code: 'TC4', group: '4', text: 'Giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh (đơn quá hạn bị trừ điểm)', maxPoints: 10, legalRef: 'Luật Khiếu nại, Luật Tố cáo', auto: { kind: 'deduct', indicator: 'don.overdue', perUnit: 2 } },
    { code: 'TC5', group: '5', text: 'Xây dựng cơ quan văn hóa, công sở văn minh', maxPoints: 10 },
    { code: 'TC6', group: '6', text: 'Thực hiện dân chủ ở cơ sở: công khai, lấy ý kiến, đối thoại (xã: Điều 11–14, 32; cơ quan: Điều 46–47, 51, 60 Luật 10/2022/QH15)', maxPoints: 10, legalRef: 'Luật 10/2022/QH15' },
    { code: 'TC7', group: '7', text: 'Vận động Nhân dân và phong trào thi đua "Dân vận khéo" (mô hình, điển hình đăng ký xây dựng)', maxPoints: 10, auto: { kind: 'at-least', indicator: 'dvk.models', target: 1 } },
    { code: 'TC8', group: '8', text: 'Tạo điều kiện để MTTQ, đoàn thể và Nhân dân tham gia quản lý nhà nước (ý kiến Nhân dân được trả lời)', maxPoints: 10, legalRef: 'Luật 10/2022/QH15 Điều 28', auto: { kind: 'deduct', indicator: 'yk.unanswered', perUnit: 1 } },
    { code: 'TC9', group: '9', text: 'Tiếp công dân của người đứng đầu theo tần suất luật định', maxPoints: 10, legalRef: 'Luật Tiếp công dân Điều 15 (sửa đổi bởi Luật 136/2025/QH15)', auto: { kind: 'reception', indicator: 'tcd.days' } },
    { code: 'TC10', group: '10', text: 'Chế độ thông tin, báo cáo; nhiệm vụ hoàn thành đúng hạn', maxPoints: 10, auto: { kind: 'ratio', num: 'nv.ontime', den: ['nv.ontime', 'nv.overdue'], bands: RATIO_BANDS } },
  ],
  bonus: [
    { code: 'B1', text: 'Có mô hình, điển hình "Dân vận khéo" được công nhận cấp tỉnh trở lên', maxPoints: 3 },
    { code: 'B2', text: 'Có cách làm sáng tạo được cấp có thẩm quyền biểu dương', maxPoints: 2 },
  ],
  penalties: [
    { code: 'P1', text: 'Có cán bộ, công chức bị kỷ luật do vi phạm quy chế dân chủ', points: 3 },
    { code: 'P2', text: 'Để xảy ra khiếu kiện đông người, vượt cấp kéo dài', points: 2 },
  ],
  // Unverified common practice (§3.3): HTXS ≥90, HTT 70–<90, HT 50–<70, KHT <50.
  classBands: [{ cls: 'HTXS', min: 90 }, { cls: 'HTT', min: 70 }, { cls: 'HT', min: 50 }, { cls: 'KHT', min: 0 }],
};
