/**
 * What communes (LDC Art. 11) and agencies / public service units (LDC Art. 46) must disclose, as
 * data. Source: shared/DOMAIN.md §1(a), §1(e) [verified: PĐ, original text of Law 10/2022/QH15].
 * Law 97/2025/QH15 Art. 4 may have amended these articles from 01/07/2025 (text not read, §13 Q3):
 * every row carries validFrom / validTo so a new version is added, never edited in place.
 */
export type DisclosureScope = 'commune' | 'agency';

export interface DisclosureItem {
  scope: DisclosureScope;
  /** Stable code, e.g. `c07` (commune item 7) or `a06` (agency item 6). */
  code: string;
  /** Item number in the article. */
  no: number;
  title: string;
  titleEn: string;
  /** Minimum consecutive posting days, null when permanent or when no period applies. */
  postingDays: number | null;
  permanent: boolean;
  /** Minimum consecutive days on the commune radio, null when not required. */
  radioDays: number | null;
  /** Village / residential-group heads must inform households (Art. 13(4)). */
  villageHeads: boolean;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
}

import { findRule } from '../deadlines/index.ts';

const LDC = 'Luật 10/2022/QH15';
export const LDC_IN_FORCE = '2023-07-01';

/** The periods come from the legal time engine's rule `disclosure.posting` (one source for each number). */
function postingDays(variant?: 'agency' | 'radio'): number {
  const r = findRule('disclosure.posting', LDC_IN_FORCE);
  if (!r) throw new Error('rule disclosure.posting missing');
  return variant ? r.variants!.find((v) => v.id === variant)!.days : r.days;
}
const COMMUNE_DAYS = postingDays();
const AGENCY_DAYS = postingDays('agency');
const RADIO_DAYS = postingDays('radio');

const COMMUNE: [string, string][] = [
  ['Kế hoạch phát triển kinh tế - xã hội hằng năm, phương án chuyển dịch cơ cấu kinh tế của xã và kết quả thực hiện', 'Annual socio-economic development plan, economic restructuring plan and results'],
  ['Dự toán, tình hình thực hiện, quyết toán ngân sách xã; kết quả kiểm toán', 'Commune budget estimates, execution (quarterly, 6-monthly, yearly), final accounts, audit results'],
  ['Dự án, công trình đầu tư; thu hồi đất, bồi thường, tái định cư; quy hoạch xây dựng', 'Investment projects; land recovery, compensation, resettlement; construction plans'],
  ['Quy chế thực hiện dân chủ ở cơ sở; nhiệm vụ của cán bộ, công chức, người hoạt động không chuyên trách; quy tắc ứng xử', 'Grassroots-democracy regulation; duties of commune staff; code of conduct'],
  ['Quản lý, sử dụng các loại quỹ, khoản đầu tư, tài trợ; các khoản huy động Nhân dân đóng góp', 'Management and use of funds, investments, sponsorships; contributions from the people'],
  ['Quản lý, sử dụng tài sản công do xã quản lý', 'Public assets managed by the commune'],
  ['Chính sách hỗ trợ, trợ cấp, tín dụng: tiêu chuẩn, đối tượng, quy trình bình xét và kết quả', 'Support, subsidy and credit policies: criteria, beneficiaries, selection and results'],
  ['Hỗ trợ từ ngân sách khi thiên tai, dịch bệnh, sự cố, bệnh hiểm nghèo; quyên góp tự nguyện', 'State support for disasters, epidemics, incidents, severe illness; voluntary donations'],
  ['Gọi công dân nhập ngũ, thực hiện nghĩa vụ tham gia Công an nhân dân', 'Military and police service call-up: quotas, standards, lists'],
  ['Kết quả thanh tra, kiểm tra, giải quyết vụ việc tham nhũng, kỷ luật; kết quả lấy phiếu tín nhiệm', 'Inspection results, corruption and discipline cases; confidence-vote results'],
  ['Kế hoạch lấy ý kiến, nội dung lấy ý kiến, kết quả tổng hợp và giải trình, tiếp thu ý kiến của Nhân dân (Điều 25)', 'Consultation plans, content, summarised results and explanations (Art. 25)'],
  ['Phí, lệ phí và nghĩa vụ tài chính khác do xã trực tiếp thu', 'Fees, charges and other financial obligations collected by the commune'],
  ['Thủ tục hành chính do xã trực tiếp giải quyết', 'Administrative procedures handled by the commune'],
  ['Nội dung khác theo quy định của pháp luật, quy chế thực hiện dân chủ ở xã', 'Other content required by law or by the commune democracy regulation'],
];

const AGENCY: [string, string][] = [
  ['Chủ trương, chính sách của Đảng, pháp luật của Nhà nước liên quan đến cơ quan, đơn vị', 'Party and State policies and laws concerning the agency'],
  ['Kế hoạch công tác hằng năm, hằng quý, hằng tháng', 'Annual, quarterly and monthly work plans'],
  ['Dự toán, thực hiện, quyết toán ngân sách; kết quả kiểm toán', 'Budget estimates, execution, final accounts; audit results'],
  ['Tài sản công', 'Public assets'],
  ['Phân bổ, tiến độ thực hiện vốn đầu tư công', 'Public-investment allocation and progress'],
  ['Công tác tổ chức, cán bộ: tuyển dụng, bổ nhiệm, điều động, nâng lương, đánh giá, khen thưởng, kỷ luật, nghỉ hưu, đi nước ngoài', 'Personnel: recruitment, appointment, rotation, pay, evaluation, rewards, discipline, retirement, travel'],
  ['Kết luận về vụ việc tham nhũng; bản kê khai tài sản, thu nhập', 'Conclusions on corruption cases; asset declarations'],
  ['Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo', 'Results of inspections, complaints and denunciations'],
  ['Nội quy, quy chế, quy tắc ứng xử của cơ quan, đơn vị', 'Internal rules, regulations, code of conduct'],
  ['Kết quả lấy ý kiến cán bộ, công chức, viên chức, người lao động (Điều 53)', 'Results of staff consultation (Art. 53)'],
  ['Văn bản chỉ đạo, điều hành của cấp trên liên quan đến cơ quan, đơn vị', 'Directives from superiors concerning the agency'],
  ['Nội dung khác theo quy định của pháp luật, quy chế dân chủ của cơ quan, đơn vị', 'Other content required by law or the agency democracy regulation'],
];

/** Art. 13(2): items 4 and 13 are posted permanently; the others at least 30 consecutive days. */
const PERMANENT = new Set([4, 13]);
/** Art. 13(3)-(4): items 7–12 also on the commune radio for at least 03 consecutive days, and via village heads. */
const RADIO = new Set([7, 8, 9, 10, 11, 12]);

export const DISCLOSURE_ITEMS: readonly DisclosureItem[] = [
  ...COMMUNE.map(([title, titleEn], i): DisclosureItem => {
    const no = i + 1;
    const permanent = PERMANENT.has(no);
    const radio = RADIO.has(no);
    return {
      scope: 'commune', code: `c${String(no).padStart(2, '0')}`, no, title, titleEn,
      postingDays: permanent || no === 14 ? null : COMMUNE_DAYS, permanent, radioDays: radio ? RADIO_DAYS : null, villageHeads: radio,
      legalBasis: `Điều 11 khoản ${no}; Điều 13 khoản 2${radio ? ', 3, 4' : ''} ${LDC}`, validFrom: LDC_IN_FORCE, validTo: null,
    };
  }),
  ...AGENCY.map(([title, titleEn], i): DisclosureItem => ({
    scope: 'agency', code: `a${String(i + 1).padStart(2, '0')}`, no: i + 1, title, titleEn,
    postingDays: AGENCY_DAYS, permanent: false, radioDays: null, villageHeads: false,
    legalBasis: `Điều 46 khoản ${i + 1}; Điều 48 ${LDC}`, validFrom: LDC_IN_FORCE, validTo: null,
  })),
];

/** The items of a scope valid on a date (today's law by default). */
export function itemsOf(scope: DisclosureScope, on = '9999-12-31'): DisclosureItem[] {
  return DISCLOSURE_ITEMS.filter((i) => i.scope === scope && i.validFrom <= on && (i.validTo === null || i.validTo >= on));
}

/** One item by code, valid on the date. */
export function findItem(code: string, on = '9999-12-31'): DisclosureItem | undefined {
  return DISCLOSURE_ITEMS.find((i) => i.code === code && i.validFrom <= on && (i.validTo === null || i.validTo >= on));
}

/** Forms of disclosure: communes Art. 12(1) a–k, agencies Art. 47(1) a–g. */
export const COMMUNE_FORMS = ['posting', 'portal', 'radio', 'village_heads', 'written_notice', 'dialogue', 'reception', 'organisations', 'social_network', 'other'] as const;
export const AGENCY_FORMS = ['posting', 'intranet', 'staff_conference', 'written_notice', 'unit_heads', 'party_union', 'other'] as const;
export const DISCLOSURE_FORMS = [...new Set([...COMMUNE_FORMS, ...AGENCY_FORMS])] as const;
export type DisclosureForm = (typeof DISCLOSURE_FORMS)[number];
export const FORMS_BASIS = { commune: `Điều 12 khoản 1 ${LDC}`, agency: `Điều 47 khoản 1 ${LDC}` } as const;
/** The evidence each form takes (photo of the notice board, broadcast log, date heads informed, link). */
export const FORM_EVIDENCE: Partial<Record<DisclosureForm, 'photo' | 'broadcastDays' | 'informedOn' | 'url'>> = {
  posting: 'photo', radio: 'broadcastDays', village_heads: 'informedOn', portal: 'url', intranet: 'url', social_network: 'url',
};

/** Matters consulted: communes Art. 25 items 1–9, agencies Art. 53 items 1–11. */
export const CONSULTATION_MATTERS = [
  ...Array.from({ length: 9 }, (_, i) => `ldc25.${i + 1}`),
  ...Array.from({ length: 11 }, (_, i) => `ldc53.${i + 1}`),
] as const;
export const matterBasis = (m: string) => (m.startsWith('ldc25.') ? `Điều 25 khoản ${m.slice(6)} ${LDC}` : `Điều 53 khoản ${m.slice(6)} ${LDC}`);
/** Forms of consultation: Art. 26(1) a–h and Art. 54. */
export const CONSULTATION_FORMS = ['dialogue', 'meeting', 'ballot', 'box', 'front', 'portal', 'social_network', 'affected_dialogue', 'direct', 'trade_union', 'other'] as const;
/** Where a comment came from. */
export const COMMENT_CHANNELS = ['online', 'meeting', 'box', 'ballot', 'hotline', 'dialogue', 'organization'] as const;

/**
 * Art. 11(11): the commune discloses the consultation plan, its content, the summarised results and
 * the explanation (Art. 25 matters); Art. 46(10): an agency discloses the results of consulting its
 * staff (Art. 53). The catalogue item a consultation's disclosures are filed under.
 */
export const CONSULTATION_DISCLOSURE_ITEM = { commune: 'c11', agency: 'a10' } as const satisfies Record<DisclosureScope, string>;

/**
 * Art. 27: before a decision under Art. 25(8) (obligations on, or limits to the rights of, the
 * citizens who must comply) the authority informs those affected and lets them present their views;
 * their views and the explanation are filed with the decision dossier.
 */
export const DIALOGUE_MATTERS: readonly string[] = ['ldc25.8'];
export const DIALOGUE_BASIS = `Điều 27 ${LDC}`;
