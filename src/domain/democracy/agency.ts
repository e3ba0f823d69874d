/**
 * Democracy inside agencies (LDC Art. 50–52; BLLĐ Art. 63, NĐ 145/2020 Art. 38–39) and grassroots
 * mediation teams (Luật Hòa giải ở cơ sở 35/2013 Art. 12, 20). Pure rules with their articles.
 */
import type { LegalRule } from './decisions.ts';

const R = (id: string, article: string, note: string, noteEn: string, validFrom = '2023-07-01'): LegalRule => ({ id, article, validFrom, validTo: null, note, noteEn });

export const CONFERENCE = {
  quorum: R('ldc.51.2.c', 'Điều 51 khoản 2 điểm c Luật 10/2022/QH15', 'Ít nhất 2/3 tổng số cán bộ, công chức, viên chức, người lao động tham dự', 'At least two-thirds of all staff attend'),
  resolution: R('ldc.50.2', 'Điều 50 khoản 2 Luật 10/2022/QH15', 'Nghị quyết được thông qua khi trên 50% người tham dự đồng ý', 'A resolution passes when more than 50% of those attending agree'),
  timing: { ...R('ldc.50.1', 'Điều 50 khoản 1 Luật 10/2022/QH15', 'Tổ chức mỗi năm một lần, chậm nhất 03 tháng sau khi kết thúc năm công tác', 'Held once a year, at the latest 03 months after the end of the working year'), months: 3 },
  extraordinary: R('ldc.51.1', 'Điều 51 khoản 1 Luật 10/2022/QH15', 'Hội nghị bất thường theo yêu cầu của Ban Chấp hành công đoàn, người đứng đầu hoặc ít nhất 1/3 tổng số người lao động', 'An extraordinary conference at the request of the trade union executive committee, the head of unit or at least one-third of all staff'),
  followUp: { ...R('ldc.52.3', 'Điều 52 khoản 3 Luật 10/2022/QH15', 'Sơ kết thực hiện nghị quyết 06 tháng', 'Interim review of the resolution after 06 months'), months: 6 },
} as const;

/** Quorum (≥ 2/3 of all staff) and resolution (> half of attendees), Art. 51(2)(c), 50(2). */
export function conferenceResult(staff: number, attendees: number, yes: number): { quorum: boolean; passed: boolean } {
  const quorum = staff > 0 && attendees * 3 >= staff * 2;
  return { quorum, passed: quorum && yes * 2 > attendees };
}

/** The last day for the yearly conference on the work year `year`: 31 March of the next year (Art. 50(1)). */
export function conferenceDue(year: number): string {
  return `${year + 1}-03-31`;
}

/** Whether enough staff asked for an extraordinary conference (≥ 1/3, Art. 51(1)). */
export function extraordinaryRequested(staff: number, requesting: number): boolean {
  return requesting * 3 >= staff;
}

export const DIALOGUE = {
  validity: R('nd145.39', 'Điều 39 Nghị định 145/2020/NĐ-CP', 'Có người đại diện theo pháp luật và trên 70% thành viên đại diện người lao động', "The legal representative and more than 70% of the workers' representatives are present", '2021-02-01'),
  yearly: R('blld.63.2', 'Điều 63 khoản 2 Bộ luật Lao động 2019', 'Đối thoại định kỳ ít nhất 01 lần/năm', 'A periodic dialogue at least 01 time a year', '2021-01-01'),
} as const;

/** A periodic dialogue is valid with the legal representative and more than 70% of worker representatives (NĐ 145 Art. 39). */
export function dialogueValid(legalRepPresent: boolean, workerReps: number, present: number): boolean {
  return legalRepPresent && workerReps > 0 && present * 10 > workerReps * 7;
}

export const MEDIATION = {
  team: R('lhg.12.1', 'Điều 12 khoản 1 Luật Hòa giải ở cơ sở 35/2013/QH13', 'Tổ hòa giải có từ 03 hòa giải viên trở lên, có hòa giải viên nữ; vùng đông đồng bào dân tộc thiểu số có hòa giải viên là người dân tộc thiểu số', 'A mediation team has 03 or more mediators, including a woman; where many ethnic minority people live, including an ethnic minority mediator', '2014-01-01'),
  start: { ...R('lhg.20.2', 'Điều 20 khoản 2 Luật Hòa giải ở cơ sở 35/2013/QH13', 'Bắt đầu hòa giải trong 03 ngày kể từ ngày được phân công', 'Mediation starts within 03 days of the assignment', '2014-01-01'), days: 3 },
  election: R('lhg.8', 'Điều 8 Luật Hòa giải ở cơ sở 35/2013/QH13', 'Hòa giải viên được trên 50% tổng số đại diện hộ gia đình đồng ý; Chủ tịch UBND cấp xã quyết định công nhận', "A mediator is agreed by more than 50% of the household representatives; the chairman of the commune People's Committee recognises them", '2014-01-01'),
  record: R('lhg.24.2', 'Điều 24 khoản 2 Luật Hòa giải ở cơ sở 35/2013/QH13', 'Nội dung văn bản hòa giải thành', 'Contents of a successful mediation record', '2014-01-01'),
} as const;

/** A mediator is elected with more than half of ALL household representatives of the village (Art. 8). */
export function mediatorElected(votes: number, households: number): boolean {
  return households > 0 && votes * 2 > households;
}

export interface MediatorLike { gender: string; ethnicMinority: boolean }

/** The composition gaps of a mediation team (Art. 12(1)): 'size', 'woman', 'ethnicMinority'. */
export function mediationGaps(mediators: MediatorLike[], ethnicMinorityArea: boolean): ('size' | 'woman' | 'ethnicMinority')[] {
  const gaps: ('size' | 'woman' | 'ethnicMinority')[] = [];
  if (mediators.length < 3) gaps.push('size');
  if (!mediators.some((m) => m.gender === 'female')) gaps.push('woman');
  if (ethnicMinorityArea && !mediators.some((m) => m.ethnicMinority)) gaps.push('ethnicMinority');
  return gaps;
}

/** Regulations every unit keeps and reviews (plan 188/KH-UBND II.6); review every 2 years (plan choice, configurable). */
export const REGULATION_KINDS = ['democracy', 'spending', 'working', 'conduct'] as const;
export const REGULATION_REVIEW = { ...R('kh188.II.6', 'Mục II.6 Kế hoạch 188/KH-UBND ngày 22/01/2025 (chu kỳ rà soát là lựa chọn cấu hình)', 'Rà soát quy chế dân chủ, quy chế chi tiêu nội bộ, quy chế làm việc', 'Review the democracy regulation, the internal spending regulation and the working regulation', '2025-01-22'), months: 24 };
