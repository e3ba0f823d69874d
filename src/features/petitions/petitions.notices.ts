/**
 * Notices of a case as Decree 30 documents (issue 18 item 11): the denunciation acceptance notice
 * (LTC Art. 29(3)), sending the complaint decision (LKN Art. 32), the result to the body that
 * forwarded the case (LTCD Art. 27(2)), the refusal of a time-barred complaint (LKN Art. 11), and
 * the suspension, resumption and withdrawal decisions. A sealed denouncer is never named.
 */
import { buildDecree30, type Block } from '../../platform/docx/index.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { TIME_BAR } from '../../domain/petitions/index.ts';
import type { PetitionRow } from './petitions.repository.ts';
import type { ClockEntry, Clocks } from './petitions.clock.ts';
import { senderView } from './petitions.present.ts';
import { dialogueOf } from './petitions.dialogue.ts';

const TITLES: Record<string, [string, string]> = {
  acceptance: ['Thông báo', 'Về việc thụ lý giải quyết tố cáo'],
  decision: ['Thông báo', 'Về việc gửi quyết định giải quyết khiếu nại'],
  'forwarded-result': ['Thông báo', 'Kết quả giải quyết vụ việc do cơ quan chuyển đến'],
  refusal: ['Thông báo', 'Về việc không thụ lý giải quyết khiếu nại'],
  suspension: ['Quyết định', 'Về việc tạm đình chỉ việc giải quyết'],
  resumption: ['Quyết định', 'Về việc tiếp tục giải quyết'],
  withdrawal: ['Quyết định', 'Về việc đình chỉ việc giải quyết do người gửi đơn rút đơn'],
  dialogue: ['Giấy mời', 'Về việc tham gia đối thoại giải quyết khiếu nại'],
};
export const NOTICE_NAMES = Object.keys(TITLES);

const KIND_VI: Record<string, string> = { complaint: 'khiếu nại', denunciation: 'tố cáo', recommendation: 'kiến nghị', feedback: 'phản ánh' };

function recipientOf(p: PetitionRow): string {
  const s = senderView(p);
  if (!s || 'sealed' in s) return p.kind === 'denunciation' ? 'Người tố cáo (thông tin được giữ bí mật theo Điều 56 Luật Tố cáo)' : 'Người gửi đơn';
  return `Ông/Bà ${s.name ?? ''}${s.address ? `, ${s.address}` : ''}`;
}

function body(p: PetitionRow, notice: string, c: Clocks[string]): Block[] {
  const kind = KIND_VI[p.kind ?? ''] ?? 'đơn';
  const h = (JSON.parse(p.clock_history) as ClockEntry[]).filter((e) => e.clock === 'resolve' || e.event === 'time-bar');
  const last = (ev: string) => [...h].reverse().find((e) => e.event === ev);
  const lines: Record<string, string> = {
    acceptance: `Ngày ${formatDate(p.accepted_on)}, người giải quyết tố cáo đã ra quyết định thụ lý tố cáo mã ${p.tracking_code} ("${p.title}"). Thời hạn giải quyết đến ngày ${formatDate(p.due_on)}. Thông báo này được gửi cho người tố cáo và thông báo nội dung tố cáo cho người bị tố cáo theo khoản 3 Điều 29 Luật Tố cáo 25/2018/QH14.`,
    decision: `Quyết định giải quyết khiếu nại số ${p.document_number ?? '…'} ngày ${formatDate(p.resolved_on)} đối với khiếu nại mã ${p.tracking_code} được gửi kèm theo Thông báo này (Điều 32 Luật Khiếu nại 02/2011/QH13).`,
    'forwarded-result': `${p.source_body ?? 'Cơ quan'} đã chuyển đơn mã ${p.tracking_code} ("${p.title}"). Kết quả giải quyết: văn bản số ${p.document_number ?? '…'} ngày ${formatDate(p.resolved_on)} (khoản 2 Điều 27 Luật Tiếp công dân 42/2013/QH13).`,
    refusal: `Khiếu nại mã ${p.tracking_code} nhận ngày ${formatDate(p.received_on)} không được thụ lý giải quyết vì đã hết thời hiệu khiếu nại${timeBarText(p)} mà không có lý do chính đáng (${TIME_BAR.refusal.law}, Điều ${TIME_BAR.refusal.article}; ${TIME_BAR.first.legalBasis.law}, Điều ${TIME_BAR.first.legalBasis.article}).`,
    suspension: `Tạm đình chỉ việc giải quyết ${kind} mã ${p.tracking_code} kể từ ngày ${formatDate(last('stop')?.on)} (quyết định số ${last('stop')?.note ?? '…'}). Thời gian tạm đình chỉ không tính vào thời hạn giải quyết.`,
    resumption: `Tiếp tục giải quyết ${kind} mã ${p.tracking_code} kể từ ngày ${formatDate(last('resume')?.on)}; thời hạn giải quyết đến ngày ${formatDate(last('resume')?.due)}.`,
    dialogue: dialogueLine(p),
    withdrawal: `Đình chỉ việc giải quyết ${kind} mã ${p.tracking_code} do người gửi đơn rút đơn (quyết định số ${p.document_number ?? '…'}).`,
  };
  return [{ kind: 'paragraph', text: lines[notice] }, { kind: 'paragraph', text: `Thông báo này phải được gửi chậm nhất ngày ${formatDate(c.due)} (${c.basis}).`, italic: true }];
}

function dialogueLine(p: PetitionRow): string {
  const d = dialogueOf(p);
  if (!d) return '';
  return `Mời tham gia đối thoại về khiếu nại mã ${p.tracking_code} ("${p.title}") vào lúc ${d.time} ngày ${formatDate(d.dialogueOn)} tại ${d.place}. Thành phần: ${d.participants.map((x) => x.name).join('; ')} (${d.basis}).`;
}

const ROLE_VI: Record<string, string> = { complainant: 'Người khiếu nại', respondent: 'Người bị khiếu nại', body: 'Cơ quan, tổ chức, cá nhân có liên quan', other: 'Thành phần khác' };

/**
 * The minutes of the dialogue (Biên bản đối thoại; Mẫu 14 of NĐ 124/2020 as amended, content from
 * DOMAIN §13 Q4): time, place, participants, content, opinions and outcome; null before it is held.
 */
export function dialogueDocx(p: PetitionRow, unitName: string): Promise<Buffer> | null {
  const d = dialogueOf(p);
  if (!d?.minutes) return null;
  const m = d.minutes;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `Hôm nay, ngày ${formatDate(m.heldOn)}, lúc ${d.time}, tại ${d.place}, ${unitName} tổ chức đối thoại về khiếu nại mã ${p.tracking_code} ("${p.title}") (${d.basis}).` },
    { kind: 'subheading', text: 'I. Thành phần tham gia' },
    { kind: 'table', head: ['Tư cách', 'Họ tên, cơ quan'], rows: d.participants.map((x) => [ROLE_VI[x.role] ?? x.role, x.name]), widths: [35, 65] },
    ...(m.attendees ? [{ kind: 'paragraph' as const, text: `Có mặt: ${m.attendees}` }] : []),
    { kind: 'subheading', text: 'II. Nội dung đối thoại' }, { kind: 'paragraph', text: m.content },
    { kind: 'subheading', text: 'III. Ý kiến của những người tham gia' }, { kind: 'paragraph', text: m.opinions },
    { kind: 'subheading', text: 'IV. Kết quả đối thoại' }, { kind: 'paragraph', text: m.outcome },
    { kind: 'paragraph', text: 'Biên bản được lập thành ít nhất 03 bản, đã đọc lại cho những người tham gia nghe và cùng ký tên; mỗi bên giữ một bản.', italic: true },
  ];
  return buildDecree30({
    issuer: unitName, number: null, symbol: 'BB-UBND', place: 'Gia Lai', date: m.heldOn, type: 'Biên bản', summary: 'Đối thoại giải quyết khiếu nại', blocks, draft: false,
    signer: { authority: 'NGƯỜI CHỦ TRÌ ĐỐI THOẠI', position: '', name: '' }, recipients: ['Người khiếu nại', 'Người bị khiếu nại'], archive: 'Hồ sơ ' + p.tracking_code,
  });
}

function timeBarText(p: PetitionRow): string {
  if (!p.time_bar) return '';
  const b = JSON.parse(p.time_bar) as { knewOn: string; due: string; excludedDays: number };
  return ` (biết được quyết định ngày ${formatDate(b.knewOn)}; thời hiệu đến hết ngày ${formatDate(b.due)}${b.excludedDays ? `, đã trừ ${b.excludedDays} ngày có trở ngại khách quan` : ''})`;
}

/** The notice `notice` of the case as a Decree 30 DOCX, or null when the case has no such notice. */
export function noticeDocx(p: PetitionRow, notice: string, unitName: string): Promise<Buffer> | null {
  const c = (JSON.parse(p.deadlines) as Clocks)[`notice.${notice}`];
  const title = TITLES[notice];
  if (!c || !title) return null;
  const sent = (JSON.parse(p.notices) as Record<string, { sentOn: string; documentNumber: string }>)[notice];
  return buildDecree30({
    issuer: unitName, number: null, symbol: notice === 'suspension' || notice === 'resumption' || notice === 'withdrawal' ? 'QĐ-UBND' : 'TB-UBND', place: 'Gia Lai', date: sent?.sentOn ?? c.start,
    type: title[0], summary: title[1], blocks: body(p, notice, c), draft: !sent,
    signer: { authority: 'TM. ' + unitName.toUpperCase(), position: 'Chủ tịch', name: '' },
    recipients: notice === 'dialogue' ? dialogueOf(p)?.participants.map((x) => x.name) ?? [] : [notice === 'forwarded-result' ? p.source_body ?? 'Cơ quan chuyển đơn' : recipientOf(p), ...(notice === 'acceptance' ? ['Người bị tố cáo'] : [])], archive: 'Hồ sơ ' + p.tracking_code,
  });
}
