import type { Db } from '../../platform/db/index.ts';
import type { SeedContext } from '../../platform/http/feature.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/audit/index.ts';
import { defineActions, type CurrentUser, type Grant } from '../../platform/authz/index.ts';
import { PETITION_ACTIONS } from './petitions.actions.ts';
import { getUnitByKey } from '../units/index.ts';
import { createPetition } from './petitions.service.ts';
import { addReceptionDay, logVisit } from './reception.service.ts';
import { accept, classify, extend, forward, resolve } from './petitions.flow.ts';
import { receive } from './petitions.steps.ts';

const sys: CurrentUser = { id: 'system', username: 'system', displayName: 'system', sessionId: '', grants: [{ role: 'admin', unitId: '', includeDescendants: true } as Grant] };

const person = (n: number) => ({ senderName: `Công dân Thử ${n}`, senderIdNumber: `0640900000${String(n).padStart(2, '0')}`, senderPhone: null, senderEmail: null, senderAddress: `Tổ ${n}, Phường Pleiku`, anonymous: false, addressedUnitId: null });

/**
 * Demo: petitions of every kind and state, placed relative to today (ctx) so that the story holds on
 * any date: a complaint past its legal deadline, an extended denunciation near its deadline, a
 * three-unit forwarding chain, an answered feedback, untriaged cases, a sealed anonymous denunciation,
 * the heads' reception days of the last weeks (one missed) and two reception-log entries.
 */
export async function seedPetitions(db: Db, ctx: SeedContext) {
  const province = await getUnitByKey(db, `province:${ctx.provinceCode}:2025-07-01`);
  const noiVu = await getUnitByKey(db, `body:${ctx.provinceCode}:noi-vu`);
  const commune = await getUnitByKey(db, 'commune:23575:2025-07-01');
  if (!province || !noiVu || !commune) return;
  defineActions(PETITION_ACTIONS);
  const a: Actor = SYSTEM_ACTOR;
  const d = ctx.workday;
  const mk = (n: number, title: string, content: string, unitId: string, receivedOn: string, extra: Record<string, unknown> = {}) =>
    ctx.at(receivedOn, () => createPetition(db, a, { ...person(n), title, content, kindHint: null, channel: 'letter', handlingUnitId: unitId, receivedOn, ...extra }));
  const cls = (kind: string, field: string, extra: Record<string, unknown> = {}) => ({ kind, field, remote: false, complex: false, instance: 'first', competence: 'this-unit', areas: [], accusedUnitId: null, anonymousEvidence: false, decisionUnitId: null, knewOn: null, excluded: [], ...extra }) as Parameters<typeof classify>[4];
  const p1 = await mk(1, 'Khiếu nại quyết định thu hồi đất', 'Tôi khiếu nại quyết định thu hồi đất số 12/QĐ-UBND vì mức bồi thường thấp hơn giá thị trường.', commune.id, d(70));
  await ctx.at(d(66), async () => {
    await classify(db, a, sys, p1.id, cls('complaint', 'compensation', { areas: ['land-environment'], decisionUnitId: commune.id, knewOn: d(80) }));
    await accept(db, a, sys, p1.id, { acceptedOn: d(66), decisionNumber: '15/TB-UBND' });
  });
  const p2 = await mk(2, 'Tố cáo cán bộ địa chính', 'Tố cáo cán bộ địa chính phường nhận tiền khi làm thủ tục cấp giấy chứng nhận quyền sử dụng đất.', province.id, d(56), { kindHint: 'denunciation' });
  await ctx.at(d(52), async () => {
    await classify(db, a, sys, p2.id, cls('denunciation', 'conduct', { areas: ['anti-corruption'], accusedUnitId: commune.id }));
    await accept(db, a, sys, p2.id, { acceptedOn: d(52), decisionNumber: '21/QĐ-UBND' });
  });
  await ctx.at(d(24), () => extend(db, a, sys, p2.id, { reason: 'Cần xác minh thêm tại nhiều nơi', decisionNumber: '45/QĐ-UBND', criteria: ['several-places'] }));
  const p3 = await mk(3, 'Kiến nghị sửa đường thôn', 'Kiến nghị sửa chữa đường bê tông tổ 3 bị hư hỏng nặng sau mùa mưa.', province.id, d(45));
  await ctx.at(d(44), () => forward(db, a, sys, p3.id, { toUnitId: noiVu.id, reason: 'Chuyển Sở Nội vụ xem xét', forwardedOn: d(44) }));
  await ctx.at(d(43), () => receive(db, a, sys, p3.id, { receivedOn: d(43) }));
  await ctx.at(d(40), () => forward(db, a, sys, p3.id, { toUnitId: commune.id, reason: 'Thuộc thẩm quyền UBND phường', forwardedOn: d(40) }));
  await ctx.at(d(38), () => receive(db, a, sys, p3.id, { receivedOn: d(39) }));
  const p4 = await mk(4, 'Phản ánh đèn đường hỏng', 'Phản ánh đèn chiếu sáng đường Lê Lợi hỏng nhiều ngày.', commune.id, d(30));
  await ctx.at(d(29), async () => {
    await classify(db, a, sys, p4.id, cls('feedback', 'other'));
    await accept(db, a, sys, p4.id, { acceptedOn: d(29) });
  });
  await ctx.at(d(22), () => resolve(db, a, sys, p4.id, { outcome: 'answered', documentNumber: '88/UBND', summary: `Đã thay bóng đèn ngày ${formatDate(d(23))}.`, resolvedOn: d(22) }));
  const p5 = await mk(5, 'Đơn nhiều nội dung', 'Vừa khiếu nại quyết định xử phạt vừa tố cáo cán bộ và kiến nghị về đường.', commune.id, d(33));
  await ctx.at(d(32), () => classify(db, a, sys, p5.id, cls('mixed', 'other')));
  const p6 = await mk(6, 'Kiến nghị về hồ sơ hộ nghèo', `Kiến nghị xem xét lại việc bình xét hộ nghèo năm ${ctx.today.slice(0, 4)} ở tổ 6.`, commune.id, d(75));
  await ctx.at(d(74), () => classify(db, a, sys, p6.id, cls('recommendation', 'social-policy')));
  // An anonymous denunciation naming the violator with evidence (LTC Art. 25): triaged, sealed.
  const p7 = await ctx.at(d(16), () => createPetition(db, a, { senderName: null, senderIdNumber: null, senderPhone: null, senderEmail: null, senderAddress: null, anonymous: true, addressedUnitId: null,
    title: 'Tố cáo nặc danh khai thác cát trái phép', content: 'Tố cáo nặc danh việc khai thác cát trái phép ở suối thôn 4, có ảnh chụp và sơ đồ bãi tập kết kèm theo.', kindHint: 'denunciation', channel: 'online', handlingUnitId: province.id, receivedOn: d(16) }));
  await ctx.at(d(15), () => classify(db, a, sys, p7.id, cls('denunciation', 'environment', { areas: ['land-environment'], accusedUnitId: commune.id, anonymousEvidence: true })));
  for (const [unitId, onDate, held, head] of [[province.id, d(50), true, 'Chủ tịch UBND tỉnh'], [province.id, d(19), true, 'Chủ tịch UBND tỉnh'],
    [commune.id, d(31), true, 'Chủ tịch UBND phường'], [commune.id, d(24), false, 'Chủ tịch UBND phường'], [commune.id, d(17), true, 'Chủ tịch UBND phường'], [noiVu.id, d(44), false, 'Giám đốc Sở Nội vụ']] as const) {
    await ctx.at(onDate, () => addReceptionDay(db, a, { unitId, onDate, held, heldBy: 'head', headName: head, note: held ? null : 'Bận họp đột xuất' }));
  }
  const visit = d(17);
  await ctx.at(visit, () => logVisit(db, a, { unitId: commune.id, receivedOn: visit, visitorName: 'Công dân Thử 7', visitorIdNumber: null, visitorAddress: 'Tổ 7, Phường Pleiku', peopleCount: 6, summary: 'Nhóm hộ dân kiến nghị về tiến độ bồi thường dự án đường vành đai.', kind: 'recommendation', refused: false, refusalReason: null, handling: 'Tiếp nhận, chuyển bộ phận bồi thường', priorHandling: `UBND phường đã họp dân ngày ${formatDate(d(60))}`, requests: 'Đề nghị công bố tiến độ chi trả bồi thường' }, '.'));
  await ctx.at(visit, () => logVisit(db, a, { unitId: commune.id, receivedOn: visit, visitorName: 'Công dân Thử 8', visitorIdNumber: null, visitorAddress: 'Tổ 8, Phường Pleiku', peopleCount: 1, summary: 'Khiếu nại lại vụ việc đã giải quyết xong năm trước.', kind: 'complaint', refused: true, refusalReason: 'already-resolved', handling: null, priorHandling: 'Quyết định giải quyết khiếu nại lần hai năm trước', requests: null }, '.'));
}
