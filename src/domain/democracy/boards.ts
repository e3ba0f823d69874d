/**
 * Composition of People's Inspection Boards (Ban Thanh tra nhân dân, LDC Art. 36–37, 60; NĐ 59
 * Art. 13, 21) and Community Investment Supervision Boards (Ban Giám sát đầu tư của cộng đồng,
 * LDC Art. 41–42; NĐ 59 Art. 17). Pure: returns every broken rule with its article.
 */
import type { LegalRule } from './decisions.ts';

export type BoardKind = 'inspection' | 'investment-supervision';
export type BoardScope = 'commune' | 'agency';
export interface MemberLike { role: 'head' | 'deputy' | 'member'; villageId?: string | null; isUnitOfficial?: boolean; isRelative?: boolean }
export interface Broken { code: string; rule: LegalRule }

const R = (id: string, article: string, note: string, noteEn: string, validFrom = '2023-07-01'): LegalRule => ({ id, article, validFrom, validTo: null, note, noteEn });

export const BOARD_RULES = {
  communeMin: R('ldc.36.1', 'Điều 36 khoản 1 Luật 10/2022/QH15', 'Số thành viên bằng số thôn, tổ dân phố nhưng không ít hơn 05', 'As many members as villages and residential groups, but no fewer than 05'),
  communeMax: R('nd59.13.2', 'Điều 13 khoản 2 Nghị định 59/2023/NĐ-CP', 'Xã có dưới 05 thôn, tổ dân phố: tối đa 05 thành viên', 'A commune with fewer than 05 villages and residential groups: at most 05 members', '2023-08-15'),
  communeEqual: R('nd59.13.2.eq', 'Điều 13 khoản 2 Nghị định 59/2023/NĐ-CP; Điều 36 khoản 1 Luật 10/2022/QH15', 'Xã có từ 05 thôn, tổ dân phố trở lên: số thành viên bằng số thôn, tổ dân phố', 'A commune with 05 or more villages and residential groups: as many members as villages and residential groups', '2023-08-15'),
  everyVillage: R('ldc.36.1.v', 'Điều 36 khoản 1 Luật 10/2022/QH15', 'Mỗi thôn, tổ dân phố có thành viên', 'Every village and residential group has a member'),
  deputies: R('ldc.36.3', 'Điều 36 khoản 3 Luật 10/2022/QH15', 'Không quá 02 Phó Trưởng ban', 'No more than 02 deputy heads'),
  oneHead: R('ldc.36.3.h', 'Điều 36 khoản 3 Luật 10/2022/QH15', 'Có 01 Trưởng ban', 'One head of the board'),
  noOfficial: R('ldc.37', 'Điều 37 Luật 10/2022/QH15', 'Không phải cán bộ, công chức, người hoạt động không chuyên trách cấp xã', 'Not an official, civil servant or part-time worker of the commune'),
  agencySize: R('ldc.60.1', 'Điều 60 khoản 1 Luật 10/2022/QH15', 'Từ 03 đến 09 thành viên', '03 to 09 members'),
  agencyNone: R('ldc.60.2', 'Điều 60 khoản 2 Luật 10/2022/QH15', 'Không thành lập khi có từ 07 người trở xuống', 'Not set up where the unit has 07 people or fewer'),
  agencyNoHead: R('ldc.60.3', 'Điều 60 khoản 3 Luật 10/2022/QH15', 'Không phải người đứng đầu, cấp phó, kế toán trưởng', 'Not the head of unit, a deputy or the chief accountant'),
  supervisionMin: R('ldc.41.2', 'Điều 41 Luật 10/2022/QH15; Điều 17 Nghị định 59/2023/NĐ-CP', 'Ít nhất 05 thành viên', 'At least 05 members'),
  supervisionResidents: R('nd59.17', 'Điều 17 Nghị định 59/2023/NĐ-CP', 'Đại diện Nhân dân không quá 05 người', "No more than 05 people's representatives", '2023-08-15'),
  noRelative: R('ldc.42', 'Điều 42 Luật 10/2022/QH15', 'Không là người thân của người quyết định đầu tư, chủ đầu tư, nhà thầu', 'Not a relative of the investment decision-maker, the project owner or a contractor'),
} as const;

/**
 * Size of a commune People's Inspection Board (DOMAIN §1(d) [verified: PĐ + NĐ59]: "Number = number
 * of villages / residential groups, but not fewer than 05. Communes with <05 villages: at most 05"):
 * with 05 or more villages the number equals the number of villages (no more, no less); with fewer
 * it is 05 (not fewer than 05, at most 05). No other cap is stated. May be changed by Law 97/2025/QH15
 * Art. 4 (amended LDC text not read) and by an amendment of NĐ 59/2023 for two-level government (none found).
 */
export const COMMUNE_BOARD_SIZE = { min: 5, capBelow: 5, validFrom: '2023-08-15', validTo: null as string | null };

/** Terms: commune board = village head's term (NĐ 185/2026: 5 years, unverified); agency board 2 years (Art. 62). */
export const TERMS = {
  communeYears: { ...R('ldc.36.2', 'Điều 36 khoản 2 Luật 10/2022/QH15; Điều 4 khoản 3 Nghị định 185/2026/NĐ-CP (chưa kiểm chứng)', 'Nhiệm kỳ bằng nhiệm kỳ Trưởng thôn', "The term is the village head's term"), years: 5 },
  agencyYears: { ...R('ldc.62', 'Điều 62 Luật 10/2022/QH15', 'Nhiệm kỳ 02 năm', 'A term of 02 years'), years: 2 },
  byElectionMonths: { ...R('ldc.36.2.b', 'Điều 36 khoản 2 Luật 10/2022/QH15', 'Bầu bổ sung khi nhiệm kỳ còn ít nhất 06 tháng', 'A by-election only while at least 06 months of the term remain'), months: 6 },
  investorNoticeDays: { ...R('ldc.45.1.b', 'Điều 45 khoản 1 điểm b Luật 10/2022/QH15', 'Thông báo chủ đầu tư ít nhất 45 ngày trước khi giám sát', 'Notify the project owner at least 45 days before supervising'), days: 45 },
  inspectionNoticeWorkingDays: { ...R('nd59.14.1.b', 'Điều 14 khoản 1 điểm b Nghị định 59/2023/NĐ-CP', 'Gửi kế hoạch kiểm tra ít nhất 05 ngày làm việc trước', 'Send the inspection plan at least 05 working days before', '2023-08-15'), workingDays: 5 },
} as const;

/** Every broken composition rule of a board (empty when the board is lawful). */
export function compositionErrors(kind: BoardKind, scope: BoardScope, members: MemberLike[], ctx: { villageIds?: string[]; staffCount?: number } = {}): Broken[] {
  const out: Broken[] = [];
  const n = members.length;
  const heads = members.filter((m) => m.role === 'head').length;
  const deputies = members.filter((m) => m.role === 'deputy').length;
  if (heads !== 1) out.push({ code: 'oneHead', rule: BOARD_RULES.oneHead });
  if (deputies > 2) out.push({ code: 'deputies', rule: BOARD_RULES.deputies });
  if (members.some((m) => m.isRelative)) out.push({ code: 'noRelative', rule: BOARD_RULES.noRelative });
  if (kind === 'investment-supervision') {
    if (n < 5) out.push({ code: 'supervisionMin', rule: BOARD_RULES.supervisionMin });
    if (members.filter((m) => m.villageId).length > 5) out.push({ code: 'supervisionResidents', rule: BOARD_RULES.supervisionResidents });
    if (members.some((m) => m.isUnitOfficial)) out.push({ code: 'noOfficial', rule: BOARD_RULES.noOfficial });
    return out;
  }
  if (scope === 'agency') {
    if (ctx.staffCount !== undefined && ctx.staffCount <= 7) out.push({ code: 'agencyNone', rule: BOARD_RULES.agencyNone });
    if (n < 3 || n > 9) out.push({ code: 'agencySize', rule: BOARD_RULES.agencySize });
    if (members.some((m) => m.isUnitOfficial)) out.push({ code: 'agencyNoHead', rule: BOARD_RULES.agencyNoHead });
    return out;
  }
  const villages = ctx.villageIds ?? [];
  const S = COMMUNE_BOARD_SIZE;
  if (villages.length >= S.min) {
    if (n !== villages.length) out.push({ code: 'communeEqual', rule: BOARD_RULES.communeEqual });
  } else if (n < S.min) out.push({ code: 'communeMin', rule: BOARD_RULES.communeMin });
  else if (n > S.capBelow) out.push({ code: 'communeMax', rule: BOARD_RULES.communeMax });
  if (villages.length && villages.some((v) => !members.some((m) => m.villageId === v))) out.push({ code: 'everyVillage', rule: BOARD_RULES.everyVillage });
  if (members.some((m) => m.isUnitOfficial)) out.push({ code: 'noOfficial', rule: BOARD_RULES.noOfficial });
  return out;
}

/** Art. 40(1)(c), 45(2)(c), 63(1)(c): the authority answers a recommendation within 15 days. */
export const RECOMMENDATION_REPLY = { ...R('ldc.40.1.c', 'Điều 40 khoản 1 điểm c, Điều 45 khoản 2 điểm c, Điều 63 khoản 1 điểm c Luật 10/2022/QH15', 'Trả lời kiến nghị trong thời hạn 15 ngày', 'Answer a recommendation within 15 days'), days: 15 };

/** Whether a by-election may be held: at least 6 months of the term remain (Art. 36(2)). */
export function byElectionAllowed(on: string, termEnd: string): boolean {
  const [y, m, d] = on.split('-').map(Number);
  const six = new Date(Date.UTC(y, m - 1 + TERMS.byElectionMonths.months, d)).toISOString().slice(0, 10);
  return six <= termEnd;
}

/** LDC Art. 39, NĐ 59 Art. 14: the People's Inspection Board plans its work per quarter and reports to the Front each quarter. */
export const QUARTERLY = R('nd59.14', 'Điều 39 Luật 10/2022/QH15; Điều 14 Nghị định 59/2023/NĐ-CP', 'Ban Thanh tra nhân dân xây dựng kế hoạch và báo cáo Ủy ban MTTQ hằng quý', "The People's Inspection Board plans its work and reports to the Fatherland Front committee every quarter", '2023-08-15');

/** The quarter of a date: its number, first and last day (YYYY-MM-DD). */
export function quarterOf(date: string): { year: number; quarter: number; from: string; to: string } {
  const [y, m] = date.split('-').map(Number);
  const q = Math.floor((m - 1) / 3) + 1;
  const last = new Date(Date.UTC(y, q * 3, 0)).getUTCDate();
  return { year: y, quarter: q, from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${y}-${String(q * 3).padStart(2, '0')}-${last}` };
}

/** The quarter before the quarter of a date. */
export function previousQuarter(date: string) {
  const q = quarterOf(date);
  const [y, m] = q.from.split('-').map(Number);
  return quarterOf(new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10));
}
