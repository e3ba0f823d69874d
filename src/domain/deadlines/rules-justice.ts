/**
 * Time limits of citizen reception, petitions, complaints, denunciations and access to information
 * (shared/DOMAIN.md §3–5, §13 Q1, Q2, Q4, Q6). Quotes marked "(DOMAIN)" are copied from DOMAIN.md;
 * the others are the codified wording as we recall it, matching DOMAIN's numbers.
 */
import { CALENDAR_READING, defineRule } from './define.ts';
import type { DeadlineRule } from './types.ts';

const LKN = 'Luật Khiếu nại 02/2011/QH13';
const LTC = 'Luật Tố cáo 25/2018/QH14';
const LTCD = 'Luật Tiếp công dân 42/2013/QH13';
const TCTT = 'Luật Tiếp cận thông tin 104/2016/QH13';
const LKN_FROM = '2012-07-01';
const LTC_FROM = '2019-01-01';
const LTCD_FROM = '2014-07-01';
const COMPLAINT_OPEN = 'LKN says plain "ngày"; NĐ 124/2020 (day counting) was not read (DOMAIN §13 Q2, open question 4).';
const NEW_2026 = 'Law 136/2025/QH15 and NĐ 155/2026 (in force 01/07/2026) seen only in a third-party crawl.';

const accept = (id: 'first' | 'second', article: string) => [
  defineRule({
    id: `complaint.${id}.accept`, title: `Thụ lý giải quyết khiếu nại lần ${id === 'first' ? 'đầu' : 'hai'}`, titleEn: `Accept a ${id}-instance complaint`,
    trigger: 'Ngày nhận được khiếu nại', days: 10, unit: 'working-days',
    legalBasis: { law: LKN, article, quote: 'Trong thời hạn 10 ngày, kể từ ngày nhận được khiếu nại… (DOMAIN)' },
    related: [{ law: 'Thông tư 07/2013/TT-TTCP (sửa đổi bởi TT 02/2016/TT-TTCP)', article: '5', clause: '1', quote: 'Trong thời hạn 10 ngày làm việc, kể từ ngày nhận được khiếu nại quyết định hành chính, hành vi hành chính, quyết định kỷ luật cán bộ, công chức… phải thụ lý giải quyết. (DOMAIN)' }],
    validFrom: LKN_FROM, validTo: '2026-06-30',
    reading: 'working-days, as the implementing rule says (TT 07/2013 Art. 5(1), carried into NĐ 124/2020 Art. 16(1))',
    openQuestion: 'The law says "10 ngày"; NĐ 124/2020 Art. 16(1) itself was not read.',
  }),
  defineRule({
    id: `complaint.${id}.accept`, title: `Thụ lý giải quyết khiếu nại lần ${id === 'first' ? 'đầu' : 'hai'}`, titleEn: `Accept a ${id}-instance complaint`,
    trigger: 'Ngày nhận được khiếu nại', days: 7, unit: 'working-days',
    legalBasis: { law: 'Nghị định 124/2020/NĐ-CP, sửa đổi bởi Nghị định 155/2026/NĐ-CP (Điều 10)', article: '16', clause: '1', quote: 'Trong thời hạn 07 ngày làm việc, kể từ ngày nhận được khiếu nại … người có thẩm quyền giải quyết khiếu nại lần đầu hoặc lần hai phải thụ lý giải quyết. (DOMAIN)' },
    validFrom: '2026-07-01', verified: false, openQuestion: `${NEW_2026} Whether LKN Art. ${article} itself now says 07 working days is unconfirmed.`,
  }),
];

/** Complaint rules (LKN 02/2011/QH13; NĐ 124/2020 as amended). */
export const COMPLAINT_RULES: DeadlineRule[] = [
  defineRule({
    id: 'complaint.limitation', title: 'Thời hiệu khiếu nại', titleEn: 'Time limit to complain',
    trigger: 'Ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính', days: 90, unit: 'calendar-days',
    legalBasis: { law: LKN, article: '9', quote: 'Thời hiệu khiếu nại là 90 ngày, kể từ ngày nhận được quyết định hành chính hoặc biết được quyết định hành chính, hành vi hành chính.' },
    validFrom: LKN_FROM, reading: CALENDAR_READING, openQuestion: COMPLAINT_OPEN,
  }),
  ...accept('first', '27'),
  defineRule({
    id: 'complaint.first.resolve', title: 'Giải quyết khiếu nại lần đầu', titleEn: 'Resolve a first-instance complaint',
    trigger: 'Ngày thụ lý khiếu nại', days: 30, unit: 'calendar-days',
    variants: [
      { id: 'complex', title: 'Vụ việc phức tạp', days: 45 },
      { id: 'remote', title: 'Vùng sâu, vùng xa đi lại khó khăn', days: 45 },
      { id: 'remote-complex', title: 'Vùng sâu, vùng xa, vụ việc phức tạp', days: 60 },
    ],
    legalBasis: { law: LKN, article: '28', quote: 'Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày, kể từ ngày thụ lý; đối với vụ việc phức tạp thì thời hạn giải quyết có thể kéo dài hơn nhưng không quá 45 ngày, kể từ ngày thụ lý. Ở vùng sâu, vùng xa đi lại khó khăn thì … không quá 45 ngày …; đối với vụ việc phức tạp thì … không quá 60 ngày, kể từ ngày thụ lý.' },
    validFrom: LKN_FROM, reading: CALENDAR_READING, openQuestion: COMPLAINT_OPEN,
  }),
  defineRule({
    id: 'complaint.first.decision-send', title: 'Gửi quyết định giải quyết khiếu nại', titleEn: 'Send the complaint decision',
    trigger: 'Ngày có quyết định giải quyết khiếu nại', days: 3, unit: 'working-days',
    legalBasis: { law: LKN, article: '32', quote: 'Trong thời hạn 03 ngày làm việc, kể từ ngày có quyết định giải quyết khiếu nại… (DOMAIN)' },
    validFrom: LKN_FROM,
  }),
  defineRule({
    id: 'complaint.second.file', title: 'Thời hạn khiếu nại lần hai', titleEn: 'Time limit for a second complaint',
    trigger: 'Ngày hết thời hạn giải quyết lần đầu hoặc ngày nhận được quyết định giải quyết lần đầu', days: 30, unit: 'calendar-days',
    variants: [{ id: 'remote', title: 'Vùng sâu, vùng xa đi lại khó khăn', days: 45 }],
    legalBasis: { law: LKN, article: '33', quote: 'Trong thời hạn 30 ngày, kể từ ngày hết thời hạn giải quyết … hoặc kể từ ngày nhận được quyết định giải quyết khiếu nại lần đầu …; đối với vùng sâu, vùng xa đi lại khó khăn thì thời hạn có thể kéo dài hơn nhưng không quá 45 ngày.' },
    validFrom: LKN_FROM, reading: CALENDAR_READING, openQuestion: COMPLAINT_OPEN,
  }),
  ...accept('second', '36'),
  defineRule({
    id: 'complaint.second.resolve', title: 'Giải quyết khiếu nại lần hai', titleEn: 'Resolve a second-instance complaint',
    trigger: 'Ngày thụ lý khiếu nại lần hai', days: 45, unit: 'calendar-days',
    variants: [
      { id: 'complex', title: 'Vụ việc phức tạp', days: 60 },
      { id: 'remote', title: 'Vùng sâu, vùng xa đi lại khó khăn', days: 60 },
      { id: 'remote-complex', title: 'Vùng sâu, vùng xa, vụ việc phức tạp', days: 70 },
    ],
    legalBasis: { law: LKN, article: '37', quote: 'Thời hạn giải quyết khiếu nại lần hai không quá 45 ngày, kể từ ngày thụ lý; đối với vụ việc phức tạp … không quá 60 ngày … Ở vùng sâu, vùng xa đi lại khó khăn thì … không quá 60 ngày …; đối với vụ việc phức tạp thì … không quá 70 ngày, kể từ ngày thụ lý.' },
    validFrom: LKN_FROM, reading: CALENDAR_READING, openQuestion: COMPLAINT_OPEN,
  }),
  defineRule({
    id: 'complaint.discipline.limitation', title: 'Thời hiệu khiếu nại quyết định kỷ luật', titleEn: 'Time limit to complain about a disciplinary decision',
    trigger: 'Ngày nhận được quyết định kỷ luật', days: 15, unit: 'calendar-days',
    legalBasis: { law: LKN, article: '48–50', quote: '1st complaint within 15 days of receiving the discipline decision (DOMAIN §4)' },
    validFrom: LKN_FROM, reading: CALENDAR_READING, openQuestion: `${COMPLAINT_OPEN} Exact article of Art. 48–50 not pinned.`,
  }),
  defineRule({
    id: 'complaint.discipline.second.file', title: 'Khiếu nại lần hai quyết định kỷ luật', titleEn: 'Second complaint about a disciplinary decision',
    trigger: 'Ngày nhận được quyết định giải quyết lần đầu', days: 10, unit: 'calendar-days',
    variants: [{ id: 'dismissal', title: 'Kỷ luật buộc thôi việc', days: 30 }],
    legalBasis: { law: LKN, article: '48–50', quote: '2nd complaint within 10 days (30 days for dismissal, buộc thôi việc) (DOMAIN §4)' },
    validFrom: LKN_FROM, reading: CALENDAR_READING, openQuestion: COMPLAINT_OPEN,
  }),
  defineRule({
    id: 'complaint.discipline.resolve', title: 'Giải quyết khiếu nại quyết định kỷ luật', titleEn: 'Resolve a complaint about a disciplinary decision',
    trigger: 'Ngày thụ lý', days: 30, unit: 'calendar-days', variants: [{ id: 'complex', title: 'Vụ việc phức tạp', days: 45 }],
    legalBasis: { law: LKN, article: '48–50', quote: 'Acceptance 10 days; resolution ≤30 days (complex ≤45 days) (DOMAIN §4)' },
    validFrom: LKN_FROM, reading: CALENDAR_READING, openQuestion: COMPLAINT_OPEN,
  }),
];

const DENUNCIATION_OPEN = 'LTC Art. 30 says plain "ngày" while Art. 24 says "ngày làm việc"; NĐ 31/2019 says nothing on the unit (DOMAIN §13 Q2).';

/** Denunciation rules (LTC 25/2018/QH14, NĐ 31/2019). */
export const DENUNCIATION_RULES: DeadlineRule[] = [
  defineRule({
    id: 'denunciation.triage', title: 'Vào sổ, phân loại, kiểm tra điều kiện thụ lý tố cáo', titleEn: 'Log, classify and check a denunciation',
    trigger: 'Ngày nhận được tố cáo', days: 7, unit: 'working-days',
    variants: [{ id: 'extended', title: 'Cần xác minh ở nhiều địa điểm', days: 10 }],
    legalBasis: { law: LTC, article: '24', clause: '1', quote: 'Trong thời hạn 07 ngày làm việc kể từ ngày nhận được tố cáo… có thể kéo dài hơn nhưng không quá 10 ngày làm việc. (DOMAIN)' },
    validFrom: LTC_FROM,
  }),
  defineRule({
    id: 'denunciation.forward', title: 'Chuyển tố cáo không thuộc thẩm quyền', titleEn: 'Forward a denunciation outside competence',
    trigger: 'Ngày nhận được tố cáo', days: 5, unit: 'working-days',
    legalBasis: { law: LTC, article: '24', clause: '2', quote: 'Trường hợp tố cáo không thuộc thẩm quyền giải quyết … trong thời hạn 05 ngày làm việc kể từ ngày nhận được tố cáo … phải chuyển đơn tố cáo … và thông báo cho người tố cáo.' },
    related: [{ law: 'Thông tư 05/2021/TT-TTCP', article: '14', quote: 'Việc chuyển đơn đến cơ quan có thẩm quyền chỉ thực hiện một lần đối với đơn tố cáo có cùng nội dung. (DOMAIN)' }],
    validFrom: LTC_FROM,
  }),
  defineRule({
    id: 'denunciation.notice', title: 'Thông báo thụ lý cho người tố cáo và người bị tố cáo', titleEn: 'Notify the denouncer and the accused of acceptance',
    trigger: 'Ngày ra quyết định thụ lý tố cáo', days: 5, unit: 'working-days',
    legalBasis: { law: LTC, article: '29', clause: '3', quote: 'Trong thời hạn 05 ngày làm việc kể từ ngày ra quyết định thụ lý tố cáo, người giải quyết tố cáo có trách nhiệm thông báo cho người tố cáo và thông báo về nội dung tố cáo cho người bị tố cáo biết.' },
    validFrom: LTC_FROM,
  }),
  defineRule({
    id: 'denunciation.resolve', title: 'Giải quyết tố cáo', titleEn: 'Resolve a denunciation',
    trigger: 'Ngày thụ lý tố cáo', days: 30, unit: 'calendar-days',
    variants: [
      { id: 'complex', title: 'Vụ việc phức tạp (gia hạn 01 lần)', days: 60, legalBasis: { law: LTC, article: '30', clause: '2' } },
      { id: 'especially-complex', title: 'Vụ việc đặc biệt phức tạp (gia hạn 02 lần)', days: 90, legalBasis: { law: LTC, article: '30', clause: '3' } },
    ],
    extensions: [
      { id: 'complex', title: 'Gia hạn vụ việc phức tạp', count: 1, days: 30, legalBasis: { law: LTC, article: '30', clause: '2', quote: 'Đối với vụ việc phức tạp thì có thể gia hạn giải quyết tố cáo một lần nhưng không quá 30 ngày.' } },
      { id: 'especially-complex', title: 'Gia hạn vụ việc đặc biệt phức tạp', count: 2, days: 30, legalBasis: { law: LTC, article: '30', clause: '3', quote: 'Đối với vụ việc đặc biệt phức tạp thì có thể gia hạn giải quyết tố cáo 02 lần, mỗi lần không quá 30 ngày.' } },
    ],
    legalBasis: { law: LTC, article: '30', clause: '1', quote: 'Thời hạn giải quyết tố cáo là không quá 30 ngày kể từ ngày thụ lý tố cáo. (DOMAIN)' },
    related: [{ law: 'Nghị định 31/2019/NĐ-CP', article: '3', clause: '2–4', quote: '"Phức tạp": any one of 7 criteria; "đặc biệt phức tạp": ≥2 criteria (DOMAIN)' }],
    validFrom: LTC_FROM, reading: CALENDAR_READING, openQuestion: DENUNCIATION_OPEN,
  }),
];

/** Citizen reception, petitions and access to information (LTCD 42/2013, TT 05/2021, LTCTT 104/2016). */
export const RECEPTION_RULES: DeadlineRule[] = [
  defineRule({
    id: 'reception.reply', title: 'Trả lời người đến khiếu nại, tố cáo, kiến nghị, phản ánh', titleEn: 'Reply to a citizen after reception',
    trigger: 'Ngày tiếp nhận nội dung khiếu nại, tố cáo, kiến nghị, phản ánh', days: 10, unit: 'working-days',
    legalBasis: { law: LTCD, article: '28', clause: '1', quote: 'Trong thời hạn 10 ngày làm việc, kể từ ngày tiếp nhận nội dung khiếu nại, tố cáo, kiến nghị, phản ánh, người tiếp công dân có trách nhiệm trả lời… (DOMAIN)' },
    validFrom: LTCD_FROM,
  }),
  defineRule({
    id: 'reception.forwarded.notify-sender', title: 'Thông báo kết quả cho cơ quan đã chuyển đơn', titleEn: 'Tell the forwarding body the result',
    trigger: 'Ngày có kết quả giải quyết', days: 7, unit: 'working-days',
    legalBasis: { law: LTCD, article: '27', clause: '2', quote: 'notify the sender within 07 working days of resolving it (DOMAIN §3)' },
    validFrom: LTCD_FROM,
  }),
  defineRule({
    id: 'reception.forwarded.notify-citizen', title: 'Thông báo kết quả cho công dân', titleEn: 'Tell the citizen the result of a forwarded case',
    trigger: 'Ngày nhận được thông báo kết quả', days: 5, unit: 'working-days',
    legalBasis: { law: LTCD, article: '28', clause: '2', quote: 'That sender tells the citizen within 05 working days (DOMAIN §3)' },
    validFrom: LTCD_FROM,
  }),
  defineRule({
    id: 'reception.refusal.notice', title: 'Thông báo từ chối tiếp công dân', titleEn: 'Written notice of refused reception',
    trigger: 'Ngày từ chối tiếp', days: 3, unit: 'working-days',
    legalBasis: { law: 'Nghị định 154/2026/NĐ-CP', article: '4', quote: 'written notice (Mẫu 01/TCD) within 03 working days (DOMAIN §13 Q4)' },
    validFrom: '2026-07-01', verified: false, openQuestion: 'NĐ 154/2026 seen only in a third-party crawl.',
  }),
  defineRule({
    id: 'petition.process', title: 'Xử lý đơn', titleEn: 'Process a received petition',
    trigger: 'Ngày nhận được đơn', days: 10, unit: 'working-days',
    legalBasis: { law: LTCD, article: '28', clause: '1', quote: 'Trong thời hạn 10 ngày làm việc, kể từ ngày tiếp nhận … người tiếp công dân có trách nhiệm trả lời… (DOMAIN)' },
    validFrom: LTCD_FROM, verified: false, openQuestion: 'TT 05/2021/TT-TTCP (own processing deadline?) was not read; LTCD Art. 28(1) is the closest verified rule.',
  }),
  defineRule({
    id: 'information.provide', title: 'Cung cấp thông tin theo yêu cầu', titleEn: 'Provide information on request',
    trigger: 'Ngày nhận được yêu cầu hợp lệ', days: 10, unit: 'working-days',
    variants: [
      { id: 'extended', title: 'Trực tiếp, phức tạp, đã gia hạn', days: 20 },
      { id: 'electronic-simple', title: 'Qua mạng, thông tin có sẵn', days: 3, legalBasis: { law: TCTT, article: '30', clause: '3' } },
      { id: 'electronic-complex', title: 'Qua mạng, cần tập hợp', days: 15, legalBasis: { law: TCTT, article: '30', clause: '4' } },
      { id: 'post-simple', title: 'Qua bưu điện, fax, thông tin có sẵn', days: 5, legalBasis: { law: TCTT, article: '31', clause: '1' } },
      { id: 'post-complex', title: 'Qua bưu điện, fax, cần tập hợp', days: 15, legalBasis: { law: TCTT, article: '31', clause: '2' } },
    ],
    extensions: [
      { id: 'in-person', title: 'Gia hạn (trực tiếp)', count: 1, days: 10, legalBasis: { law: TCTT, article: '29', clause: '2', quote: 'tối đa không quá 10 ngày làm việc (DOMAIN)' } },
      { id: 'electronic', title: 'Gia hạn (qua mạng, bưu điện)', count: 1, days: 15, unit: 'calendar-days', legalBasis: { law: TCTT, article: '30', clause: '4', quote: 'tối đa không quá 15 ngày (DOMAIN)' } },
    ],
    legalBasis: { law: TCTT, article: '29', clause: '2', quote: 'chậm nhất là 10 ngày làm việc kể từ ngày nhận được yêu cầu hợp lệ (DOMAIN)' },
    validFrom: '2018-07-01',
  }),
];
