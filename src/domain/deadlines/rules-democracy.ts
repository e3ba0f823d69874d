/**
 * Time limits of grassroots democracy (LDC 10/2022/QH15, NĐ 59/2023, NĐ 61/2023) and grassroots
 * mediation (Law 35/2013/QH13); shared/DOMAIN.md §1, §2, §6, §13 Q3, Q7. Quotes marked "(DOMAIN)"
 * or "(DOMAIN §…)" come from DOMAIN.md; the rest is the codified wording as we recall it.
 */
import { CALENDAR_READING, defineRule } from './define.ts';
import type { DeadlineRule } from './types.ts';

const LDC = 'Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15';
const LDC_FROM = '2023-07-01';
const ND59 = 'Nghị định 59/2023/NĐ-CP';
const ND61 = 'Nghị định 61/2023/NĐ-CP';
const AMENDED = 'May be changed by Law 97/2025/QH15 Art. 4 (in force 01/07/2025; amended text not read).';

/** Disclosure, consultation, boards, community decisions, village conventions, mediation. */
export const DEMOCRACY_RULES: DeadlineRule[] = [
  defineRule({
    id: 'disclosure.publish', title: 'Công khai thông tin', titleEn: 'Publish a decision or document',
    trigger: 'Ngày văn bản, quyết định được ban hành', days: 5, unit: 'working-days',
    variants: [
      { id: 'agency', title: 'Cơ quan, đơn vị (Điều 47)', days: 5, legalBasis: { law: LDC, article: '47', clause: '2', quote: 'chậm nhất là 05 ngày làm việc kể từ ngày quyết định' } },
      { id: 'enterprise', title: 'Doanh nghiệp nhà nước (Điều 65)', days: 15, unit: 'calendar-days', legalBasis: { law: LDC, article: '65', clause: '2', quote: '≤15 days after the decision (DOMAIN §1(e))' } },
    ],
    legalBasis: { law: LDC, article: '12', clause: '3', quote: 'chậm nhất là 05 ngày làm việc kể từ ngày văn bản được ban hành' },
    validFrom: LDC_FROM, openQuestion: AMENDED,
  }),
  defineRule({
    id: 'disclosure.posting', title: 'Thời gian niêm yết công khai', titleEn: 'Minimum posting period',
    trigger: 'Ngày niêm yết', days: 30, unit: 'calendar-days', kind: 'minimum',
    variants: [
      { id: 'agency', title: 'Cơ quan, đơn vị (Điều 48)', days: 20, legalBasis: { law: LDC, article: '48', quote: 'ít nhất là 20 ngày liên tục' } },
      { id: 'enterprise', title: 'Doanh nghiệp nhà nước (Điều 66)', days: 20, legalBasis: { law: LDC, article: '66', quote: '≥20 consecutive days (DOMAIN §1(e))' } },
      { id: 'radio', title: 'Phát trên hệ thống truyền thanh cấp xã', days: 3, legalBasis: { law: LDC, article: '13', clause: '3', quote: 'ít nhất là 03 ngày liên tục' } },
    ],
    legalBasis: { law: LDC, article: '13', clause: '2', quote: 'ít nhất là 30 ngày liên tục kể từ ngày niêm yết' },
    validFrom: LDC_FROM, reading: 'The posting day is the event; the 30 days run from the next day (Civil Code Art. 147(2)).', openQuestion: AMENDED,
  }),
  defineRule({
    id: 'consultation.period', title: 'Thời gian lấy ý kiến Nhân dân', titleEn: 'Minimum consultation period',
    trigger: 'Ngày công khai nội dung lấy ý kiến', days: 20, unit: 'calendar-days', kind: 'minimum',
    legalBasis: { law: LDC, article: '28', quote: 'ít nhất là 20 ngày kể từ ngày công khai nội dung lấy ý kiến' },
    validFrom: LDC_FROM, openQuestion: AMENDED,
  }),
  defineRule({
    id: 'board.recommendation.reply', title: 'Trả lời kiến nghị của Ban Thanh tra nhân dân', titleEn: "Answer the People's Inspection Board",
    trigger: 'Ngày nhận được kiến nghị', days: 15, unit: 'calendar-days',
    variants: [
      { id: 'investment', title: 'Kiến nghị của Ban Giám sát đầu tư của cộng đồng', days: 15, legalBasis: { law: LDC, article: '45', clause: '2(c)', quote: 'UBND must answer within 15 days (DOMAIN §1(d))' } },
      { id: 'agency', title: 'Kiến nghị của Ban TTND ở cơ quan, đơn vị', days: 15, legalBasis: { law: LDC, article: '63', clause: '1(c)', quote: 'Answer to Ban TTND recommendations within 15 days (DOMAIN §1(e))' } },
    ],
    legalBasis: { law: LDC, article: '40', clause: '1(c)', quote: 'UBND must answer its recommendations within 15 days of receipt (DOMAIN §1(d))' },
    validFrom: LDC_FROM, reading: CALENDAR_READING, openQuestion: `LDC writes "ngày làm việc" in Art. 12(3), 20(3), 21(2) but plain "ngày" here. ${AMENDED}`,
  }),
  defineRule({
    id: 'community.decision.send', title: 'Gửi văn bản quyết định của cộng đồng dân cư', titleEn: 'Send the community decision to the commune',
    trigger: 'Ngày biểu quyết hoặc kết thúc phát phiếu', days: 5, unit: 'working-days',
    legalBasis: { law: LDC, article: '20', clause: '3', quote: 'sent to the commune UBND and UBMTTQ within 05 working days of the vote or of the end of balloting (DOMAIN §1(b))' },
    related: [{ law: ND59, article: '3', clause: '5(d)' }, { law: ND59, article: '5', clause: '4' }],
    validFrom: LDC_FROM, openQuestion: AMENDED,
  }),
  defineRule({
    id: 'community.decision.recognize', title: 'Công nhận (hoặc từ chối) quyết định của cộng đồng dân cư', titleEn: 'Recognise a community decision',
    trigger: 'Ngày nhận được văn bản quyết định', days: 5, unit: 'working-days',
    legalBasis: { law: LDC, article: '21', clause: '2', quote: 'Recognition (or a reasoned written refusal) within 05 working days of receiving the decision (DOMAIN §1(b))' },
    validFrom: LDC_FROM, openQuestion: AMENDED,
  }),
  defineRule({
    id: 'community.initiative.validity', title: 'Hiệu lực đề xuất của Nhân dân (≥10% hộ)', titleEn: 'Validity of a citizen initiative',
    trigger: 'Ngày đạt đủ số hộ đồng ý', days: 3, unit: 'months', rollForward: false,
    legalBasis: { law: LDC, article: '16', quote: 'The agreement is valid for 03 months (DOMAIN §1(b))' },
    validFrom: LDC_FROM, openQuestion: AMENDED,
  }),
  defineRule({
    id: 'village-head.recognize', title: 'Công nhận trưởng thôn, tổ trưởng tổ dân phố', titleEn: 'Recognise an elected village head',
    trigger: 'Ngày nhận được kết quả bầu', days: 5, unit: 'working-days',
    legalBasis: { law: ND59, article: '8', quote: 'Recognition of the elected village head ≤05 working days (DOMAIN §2)' },
    validFrom: '2023-08-15',
  }),
  defineRule({
    id: 'village-head.reelection', title: 'Bầu trưởng thôn mới sau khi miễn nhiệm', titleEn: 'Elect a new village head after dismissal',
    trigger: 'Ngày quyết định công nhận miễn nhiệm', days: 60, unit: 'calendar-days',
    legalBasis: { law: ND59, article: '9', quote: 'New election ≤60 days (DOMAIN §2)' },
    validFrom: '2023-08-15',
  }),
  defineRule({
    id: 'convention.posting', title: 'Niêm yết dự thảo hương ước, quy ước', titleEn: 'Minimum posting of a draft village convention',
    trigger: 'Ngày niêm yết dự thảo', days: 30, unit: 'calendar-days', kind: 'minimum',
    legalBasis: { law: ND61, article: '9', quote: 'Draft posted ≥30 days (DOMAIN §2)' },
    validFrom: '2023-08-16', openQuestion: 'In-force date of NĐ 61/2023 assumed (date of signing); not in DOMAIN.',
  }),
  defineRule({
    id: 'convention.send', title: 'Gửi hồ sơ hương ước, quy ước đề nghị công nhận', titleEn: 'Send an adopted village convention',
    trigger: 'Ngày hương ước, quy ước được thông qua', days: 5, unit: 'working-days',
    legalBasis: { law: ND61, article: '11', quote: 'File sent to the UBND ≤05 working days after adoption (DOMAIN §2)' },
    validFrom: '2023-08-16',
  }),
  defineRule({
    id: 'convention.recognize', title: 'Công nhận hương ước, quy ước', titleEn: 'Recognise a village convention',
    trigger: 'Ngày nhận đủ hồ sơ hợp lệ', days: 5, unit: 'working-days',
    legalBasis: { law: ND61, article: '11', quote: 'the UBND recognises it ≤05 working days after a complete file (DOMAIN §2)' },
    validFrom: '2023-08-16',
  }),
  defineRule({
    id: 'convention.defect.reply', title: 'Trả lời phản ánh về hương ước, quy ước trái pháp luật', titleEn: 'Answer a report on a defective convention',
    trigger: 'Ngày nhận được phản ánh', days: 3, unit: 'working-days',
    legalBasis: { law: ND61, article: '12', quote: 'The UBND answers a report about a defective convention ≤03 working days (DOMAIN §2)' },
    validFrom: '2023-08-16',
  }),
  defineRule({
    id: 'mediation.start', title: 'Bắt đầu hòa giải', titleEn: 'Start a mediation',
    trigger: 'Ngày hòa giải viên được phân công', days: 3, unit: 'calendar-days',
    legalBasis: { law: 'Luật Hòa giải ở cơ sở 35/2013/QH13', article: '20', clause: '2', quote: 'Trong thời hạn 03 ngày, kể từ ngày được phân công, hòa giải viên bắt đầu tiến hành hòa giải (DOMAIN)' },
    validFrom: '2014-01-01', reading: 'calendar-days: the Law says plain "ngày"',
    openQuestion: 'Plain "ngày"; unless immediate mediation is needed or the parties agree otherwise.',
  }),
];
