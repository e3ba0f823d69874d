import { buildDecree30, type Block } from '../../platform/docx/index.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { CONFERENCE_RULES, agendaOf, attendanceShare } from '../../domain/democracy/index.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import type { ConferencesTable } from './conferences.tables.ts';

const label = (key: string) => (vi as Record<string, string>)[key] ?? key;

/**
 * The minutes (Biên bản) of a held conference as a Decree 30 document, always in Vietnamese: the
 * village head issues it for a periodic conference (NĐ59 Art. 11(2)), the commune People's Committee
 * for the dialogue (LDC Art. 32(1)). Null before the minutes are recorded.
 */
export function minutesDocx(c: ConferencesTable, unitName: string, communeName: string): Promise<Buffer> | null {
  if (c.status !== 'held') return null;
  const periodic = c.kind === 'village-periodic';
  const basis = periodic ? `${CONFERENCE_RULES.periodic.article}; ${CONFERENCE_RULES.agenda.article}` : CONFERENCE_RULES.dialogue.article;
  const agenda = JSON.parse(c.agenda ?? '[]') as string[];
  const qa = JSON.parse(c.questions ?? '[]') as { question: string; answer: string }[];
  const present = c.households_present ?? 0;
  const total = c.households_total ?? 0;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `Hôm nay, ngày ${formatDate(c.held_on)}, tại ${c.place}, ${periodic ? `${unitName} (${communeName})` : communeName} tổ chức ${label(`conferences.kind.${c.kind}`).toLowerCase()} (${basis}). Người triệu tập, chủ trì: ${c.convener}.` },
    { kind: 'subheading', text: 'I. Thành phần tham dự' },
    { kind: 'paragraph', text: `Số hộ gia đình có đại diện tham dự: ${present}/${total} hộ (${attendanceShare(present, total).toLocaleString('vi-VN')}%).${c.notice_sent_on ? ` Thông báo đến các hộ gia đình ngày ${formatDate(c.notice_sent_on)}.` : ''}` },
    { kind: 'subheading', text: 'II. Nội dung, chương trình hội nghị' },
    { kind: 'table', head: ['STT', 'Nội dung', 'Đã thực hiện'], rows: agendaOf(c.kind as never).map((a, i) => [String(i + 1), label(`conferences.agenda.${a}`), agenda.includes(a) ? 'Có' : 'Không']), widths: [8, 72, 20] },
    { kind: 'subheading', text: 'III. Ý kiến, kiến nghị của Nhân dân và giải trình, trả lời' },
    ...(qa.length ? [{ kind: 'table' as const, head: ['STT', 'Ý kiến, kiến nghị', 'Giải trình, trả lời'], rows: qa.map((x, i) => [String(i + 1), x.question, x.answer || 'Chưa trả lời']), widths: [8, 46, 46] }] : [{ kind: 'paragraph' as const, text: 'Không có ý kiến.' }]),
    { kind: 'subheading', text: 'IV. Kết luận' }, { kind: 'paragraph', text: c.conclusions ?? '' },
    ...(c.commendations ? [{ kind: 'subheading' as const, text: 'V. Khen thưởng, biểu dương' }, { kind: 'paragraph' as const, text: c.commendations }] : []),
    ...(periodic ? [{ kind: 'paragraph' as const, italic: true, text: c.report_sent_on ? `Báo cáo kết quả hội nghị gửi UBND và Ủy ban MTTQ cấp xã ngày ${formatDate(c.report_sent_on)}.` : 'Báo cáo kết quả hội nghị gửi UBND và Ủy ban MTTQ cấp xã: chưa gửi.' }] : []),
  ];
  return buildDecree30({
    parentBody: periodic ? communeName : undefined, issuer: periodic ? unitName : communeName, number: null, symbol: periodic ? 'BB-HNĐK' : 'BB-UBND',
    place: communeName.replace(/^(Ủy ban nhân dân |UBND )?(xã|phường|đặc khu) /i, ''), date: c.held_on, type: 'Biên bản', summary: label(`conferences.kind.${c.kind}`), blocks,
    signer: { authority: periodic ? undefined : `TM. ${communeName}`, position: periodic ? 'Người chủ trì' : 'Chủ tịch', name: c.convener },
    recipients: periodic ? ['UBND cấp xã', 'Ủy ban MTTQ Việt Nam cấp xã'] : ['Ủy ban MTTQ Việt Nam cấp xã', 'Các thôn, tổ dân phố'], archive: 'Hồ sơ hội nghị',
  });
}
