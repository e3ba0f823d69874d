/**
 * Notice periods of the complaint and denunciation procedure (issue 18 items 6, 11; shared/DOMAIN.md
 * §4, §13 Q4). The suspension rules of Law 136/2025 and NĐ 155/2026 were seen only in a third-party
 * crawl; the denunciation notice periods have no number in the texts read: those are unverified
 * defaults the province may shorten.
 */
import { defineRule } from './define.ts';
import type { DeadlineRule } from './types.ts';

const NEW_2026 = 'Law 136/2025/QH15 and NĐ 155/2026 (in force 01/07/2026) seen only in a third-party crawl (DOMAIN §13 Q4).';
const NO_NUMBER = 'No notice period found in the texts read (LTC 25/2018 Art. 31–33 from memory, NĐ 31/2019 not read on this point); 03 working days mirrors the complaint rule.';

/** Rules for sending the decisions of suspension, resumption and withdrawal. */
export const PROCEDURE_RULES: DeadlineRule[] = [
  defineRule({
    id: 'complaint.suspension.notice', title: 'Gửi quyết định tạm đình chỉ / tiếp tục giải quyết khiếu nại', titleEn: 'Send the decision suspending or resuming a complaint',
    trigger: 'Ngày ký quyết định', days: 3, unit: 'working-days',
    legalBasis: { law: 'Nghị định 124/2020/NĐ-CP, sửa đổi bởi Nghị định 155/2026/NĐ-CP', article: '28a–28b', quote: 'Decision on Mẫu 14a, sent within 03 working days. The period restarts from the decision to resume (Mẫu 14b). (DOMAIN §13 Q4)' },
    related: [{ law: 'Luật Khiếu nại 02/2011/QH13, sửa đổi bởi Luật 136/2025/QH15', article: '11a', quote: 'rules on withdrawing complaints and on suspending / ending complaint handling (DOMAIN 0.4)' }],
    validFrom: '2026-07-01', verified: false, openQuestion: NEW_2026,
  }),
  defineRule({
    id: 'complaint.suspension.notice', title: 'Gửi quyết định tạm đình chỉ / tiếp tục giải quyết khiếu nại', titleEn: 'Send the decision suspending or resuming a complaint',
    trigger: 'Ngày ký quyết định', days: 3, unit: 'working-days',
    legalBasis: { law: 'Nghị định 124/2020/NĐ-CP', article: '28', quote: 'Suspension of complaint handling before Law 136/2025: NĐ 124/2020 not read (DOMAIN §13, still open 4).' },
    validFrom: '2012-07-01', validTo: '2026-06-30', verified: false, openQuestion: 'NĐ 124/2020 not available; 03 working days taken from its 2026 amendment.',
  }),
  defineRule({
    id: 'denunciation.suspension.notice', title: 'Gửi quyết định tạm đình chỉ / tiếp tục giải quyết tố cáo', titleEn: 'Send the decision suspending or resuming a denunciation',
    trigger: 'Ngày ký quyết định', days: 3, unit: 'working-days',
    legalBasis: { law: 'Luật Tố cáo 25/2018/QH14', article: '31', quote: 'Tạm đình chỉ, đình chỉ việc giải quyết tố cáo (from memory; DOMAIN does not quote it)' },
    validFrom: '2019-01-01', verified: false, openQuestion: NO_NUMBER,
  }),
  defineRule({
    id: 'complaint.withdrawal.notice', title: 'Thông báo đình chỉ giải quyết khiếu nại khi rút khiếu nại', titleEn: 'Send the decision ending a withdrawn complaint',
    trigger: 'Ngày ký quyết định đình chỉ', days: 3, unit: 'working-days',
    legalBasis: { law: 'Nghị định 124/2020/NĐ-CP, sửa đổi bởi Nghị định 155/2026/NĐ-CP', article: '28b', quote: 'Decision on Mẫu 14a, sent within 03 working days (DOMAIN §13 Q4)' },
    related: [{ law: 'Luật Khiếu nại 02/2011/QH13', article: '10', quote: 'Rút khiếu nại (from memory)' }],
    validFrom: '2012-07-01', verified: false, openQuestion: NEW_2026,
  }),
  defineRule({
    id: 'denunciation.withdrawal.notice', title: 'Thông báo đình chỉ giải quyết tố cáo khi rút tố cáo', titleEn: 'Send the decision ending a withdrawn denunciation',
    trigger: 'Ngày ký quyết định đình chỉ', days: 3, unit: 'working-days',
    legalBasis: { law: 'Luật Tố cáo 25/2018/QH14', article: '33', quote: 'Rút tố cáo; resolution continues despite withdrawal if there are signs of violation or coercion (NĐ 156/2026, DOMAIN §13 Q4)' },
    validFrom: '2019-01-01', verified: false, openQuestion: NO_NUMBER,
  }),
  defineRule({
    id: 'complaint.refusal.notice', title: 'Thông báo không thụ lý khiếu nại (nêu lý do)', titleEn: 'Notice refusing to accept a complaint (with the reason)',
    trigger: 'Ngày nhận được khiếu nại', days: 10, unit: 'working-days',
    legalBasis: { law: 'Luật Khiếu nại 02/2011/QH13', article: '27', quote: 'trường hợp không thụ lý giải quyết thì phải nêu rõ lý do (DOMAIN §4: "reasons if not accepted" within the acceptance period)' },
    validFrom: '2012-07-01', validTo: '2026-06-30',
  }),
  defineRule({
    id: 'complaint.refusal.notice', title: 'Thông báo không thụ lý khiếu nại (nêu lý do)', titleEn: 'Notice refusing to accept a complaint (with the reason)',
    trigger: 'Ngày nhận được khiếu nại', days: 7, unit: 'working-days',
    legalBasis: { law: 'Nghị định 124/2020/NĐ-CP, sửa đổi bởi Nghị định 155/2026/NĐ-CP (Điều 10)', article: '16', clause: '1', quote: 'Trong thời hạn 07 ngày làm việc … phải thụ lý giải quyết … (DOMAIN §13 Q2); the refusal goes within the same period' },
    validFrom: '2026-07-01', verified: false, openQuestion: NEW_2026,
  }),
];
