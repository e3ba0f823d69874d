/**
 * The numbers of Department of Home Affairs inspections (shared/DVK-AND-INSPECTIONS.md §3.6, §7.2).
 * No statute sets them for these inspections: the rhythm copies the Fatherland Front supervision
 * procedure of NQLT 403/2017 Art. 7(3), 9(1) (verified for MTTQ supervision only). Applying it here
 * is a proposal, so each number is a default a plan may change, marked `verified: false`.
 */
import type { LegalBasis, Unit } from '../deadlines/types.ts';

export interface InspectionRule {
  id: string;
  title: string;
  days: number;
  unit: Extract<Unit, 'calendar-days' | 'working-days'>;
  legalBasis: LegalBasis;
  validFrom: string;
  validTo: string | null;
  /** False: the number is not law for these inspections (a proposal the province confirms). */
  verified: boolean;
  note: string;
}

const NQLT403: LegalBasis = { law: 'Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN', article: '7', clause: '3' };

/** Notice (plan, team decision, report outline) reaches the unit at least 15 days before the visit. */
export const NOTICE_RULE: InspectionRule = {
  id: 'inspection.notice', title: 'Gửi kế hoạch, quyết định thành lập đoàn và đề cương báo cáo ít nhất 15 ngày trước ngày kiểm tra', days: 15, unit: 'calendar-days',
  legalBasis: { ...NQLT403, quote: 'chậm nhất 15 ngày trước khi tiến hành giám sát' }, validFrom: '2017-06-15', validTo: null, verified: false,
  note: 'Số ngày của hoạt động giám sát của MTTQ (NQLT 403 Điều 7 khoản 3), dùng tạm cho đoàn kiểm tra của Sở Nội vụ (đề xuất, DVK-AND-INSPECTIONS §3.6); tỉnh xác nhận hoặc sửa theo từng kế hoạch.',
};

/** The unit's self-report and self-score are due at least 7 days before the visit. */
export const SELF_REPORT_RULE: InspectionRule = {
  id: 'inspection.self-report', title: 'Đơn vị gửi báo cáo tự kiểm tra và tự chấm điểm ít nhất 07 ngày trước ngày kiểm tra', days: 7, unit: 'calendar-days',
  legalBasis: { ...NQLT403, quote: 'gửi báo cáo bằng văn bản … chậm nhất 07 ngày trước khi tiến hành giám sát' }, validFrom: '2017-06-15', validTo: null, verified: false,
  note: 'Theo nhịp của NQLT 403 Điều 7 khoản 3 (đề xuất); cấu hình theo kế hoạch.',
};

/** The conclusion notice is issued within 15 days after the visit. */
export const CONCLUSION_RULE: InspectionRule = {
  id: 'inspection.conclusion', title: 'Ban hành thông báo kết luận kiểm tra trong 15 ngày sau ngày kiểm tra', days: 15, unit: 'calendar-days',
  legalBasis: { law: NQLT403.law, article: '9', clause: '1', quote: 'Chậm nhất 15 ngày kể từ ngày kết thúc giám sát' }, validFrom: '2017-06-15', validTo: null, verified: false,
  note: 'Theo nhịp của NQLT 403 Điều 9 khoản 1 (báo cáo kết quả giám sát), đề xuất; cấu hình theo kế hoạch.',
};

/** Default time to carry out a recommendation of a conclusion (the conclusion may set its own date). */
export const RECOMMENDATION_RULE: InspectionRule = {
  id: 'inspection.recommendation', title: 'Thời hạn khắc phục kiến nghị sau kiểm tra (mặc định)', days: 30, unit: 'calendar-days',
  legalBasis: { law: 'Không có văn bản quy định', article: '—' }, validFrom: '2025-07-01', validTo: null, verified: false,
  note: 'Không tìm thấy văn bản quy định số ngày (DVK-AND-INSPECTIONS §5.2: nhiều nơi đặt 15 hoặc 30 ngày trong quy chế phối hợp, chưa kiểm chứng). Mặc định 30 ngày; kết luận ghi hạn cụ thể cho từng kiến nghị.',
};

/** Self-assessment month of the yearly classification (Quảng Nam 1094/QĐ-UBND: November). */
export const SELF_ASSESSMENT = {
  id: 'inspection.self-assessment-month', month: 11,
  legalBasis: { law: 'Quyết định số 1094/QĐ-UBND ngày 07/5/2024 của UBND tỉnh Quảng Nam', article: '—', quote: 'tự đánh giá vào tháng 11 hằng năm' } satisfies LegalBasis,
  validFrom: '2024-05-07', validTo: null as string | null, verified: false,
  note: 'Ví dụ của Quảng Nam (đọc qua báo, DVK-AND-INSPECTIONS §3.3); Gia Lai chưa có quyết định tương ứng: tháng tự đánh giá cấu hình được.',
};

export const INSPECTION_RULES: readonly InspectionRule[] = [NOTICE_RULE, SELF_REPORT_RULE, CONCLUSION_RULE, RECOMMENDATION_RULE];
