import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/audit/index.ts';
import { defineActions, type CurrentUser, type Grant } from '../../platform/authz/index.ts';
import { PETITION_ACTIONS } from './petitions.actions.ts';
import { getUnitByKey } from '../units/index.ts';
import { createPetition } from './petitions.service.ts';
import { addReceptionDay, logVisit } from './reception.service.ts';
import { accept, classify, extend, forward, resolve } from './petitions.flow.ts';

const sys: CurrentUser = { id: 'system', username: 'system', displayName: 'system', sessionId: '', grants: [{ role: 'admin', unitId: '', includeDescendants: true } as Grant] };

const person = (n: number) => ({ senderName: `Công dân Thử ${n}`, senderIdNumber: `0640900000${String(n).padStart(2, '0')}`, senderPhone: null, senderEmail: null, senderAddress: `Tổ ${n}, Phường Pleiku`, anonymous: false, addressedUnitId: null });

/** Demo: officers, petitions of every kind and state (some overdue, a three-unit chain, sealed denunciations). */
export async function seedPetitions(db: Db, ctx: { provinceCode: string }) {
  const province = await getUnitByKey(db, `province:${ctx.provinceCode}:2025-07-01`);
  const noiVu = await getUnitByKey(db, `body:${ctx.provinceCode}:noi-vu`);
  const commune = await getUnitByKey(db, 'commune:23575:2025-07-01');
  if (!province || !noiVu || !commune) return;
  defineActions(PETITION_ACTIONS);
  const a: Actor = SYSTEM_ACTOR;
  const mk = (n: number, title: string, content: string, unitId: string, receivedOn: string, extra: Record<string, unknown> = {}) =>
    createPetition(db, a, { ...person(n), title, content, kindHint: null, channel: 'letter', handlingUnitId: unitId, receivedOn, ...extra });
  const p1 = await mk(1, 'Khiếu nại quyết định thu hồi đất', 'Tôi khiếu nại quyết định thu hồi đất số 12/QĐ-UBND vì mức bồi thường thấp hơn giá thị trường.', commune.id, '2026-10-01');
  await classify(db, a, sys, p1.id, { kind: 'complaint', field: 'compensation', remote: false, complex: false, instance: 'first', competence: 'this-unit', areas: ['land-environment'], accusedUnitId: null, anonymousEvidence: false });
  await accept(db, a, sys, p1.id);
  const p2 = await mk(2, 'Tố cáo cán bộ địa chính', 'Tố cáo cán bộ địa chính phường nhận tiền khi làm thủ tục cấp giấy chứng nhận quyền sử dụng đất.', province.id, '2026-09-15', { kindHint: 'denunciation' });
  await classify(db, a, sys, p2.id, { kind: 'denunciation', field: 'conduct', remote: false, complex: false, instance: 'first', competence: 'this-unit', areas: ['anti-corruption'], accusedUnitId: commune.id, anonymousEvidence: false });
  await accept(db, a, sys, p2.id);
  await extend(db, a, sys, p2.id, { reason: 'Cần xác minh thêm tại nhiều nơi', decisionNumber: '45/QĐ-UBND' });
  const p3 = await mk(3, 'Kiến nghị sửa đường thôn', 'Kiến nghị sửa chữa đường bê tông tổ 3 bị hư hỏng nặng sau mùa mưa.', province.id, '2026-10-20');
  await forward(db, a, sys, p3.id, { toUnitId: noiVu.id, reason: 'Chuyển Sở Nội vụ xem xét' });
  await forward(db, a, sys, p3.id, { toUnitId: commune.id, reason: 'Thuộc thẩm quyền UBND phường' });
  const p4 = await mk(4, 'Phản ánh đèn đường hỏng', 'Phản ánh đèn chiếu sáng đường Lê Lợi hỏng nhiều ngày.', commune.id, '2026-09-01');
  await classify(db, a, sys, p4.id, { kind: 'feedback', field: 'other', remote: false, complex: false, instance: 'first', competence: 'this-unit', areas: [], accusedUnitId: null, anonymousEvidence: false });
  await accept(db, a, sys, p4.id);
  await resolve(db, a, sys, p4.id, { outcome: 'answered', documentNumber: '88/UBND', summary: 'Đã thay bóng đèn ngày 10/09/2026.' });
  const p5 = await mk(5, 'Đơn nhiều nội dung', 'Vừa khiếu nại quyết định xử phạt vừa tố cáo cán bộ và kiến nghị về đường.', commune.id, '2026-11-02');
  await classify(db, a, sys, p5.id, { kind: 'mixed', field: 'other', remote: false, complex: false, instance: 'first', competence: 'this-unit', areas: [], accusedUnitId: null, anonymousEvidence: false });
  const p6 = await mk(6, 'Kiến nghị về hồ sơ hộ nghèo', 'Kiến nghị xem xét lại việc bình xét hộ nghèo năm 2026 ở tổ 6.', commune.id, '2026-09-20');
  await classify(db, a, sys, p6.id, { kind: 'recommendation', field: 'social-policy', remote: false, complex: false, instance: 'first', competence: 'this-unit', areas: [], accusedUnitId: null, anonymousEvidence: false });
  // An anonymous denunciation naming the violator with evidence (LTC Art. 25): triaged, sealed.
  const p7 = await createPetition(db, a, { senderName: null, senderIdNumber: null, senderPhone: null, senderEmail: null, senderAddress: null, anonymous: true, addressedUnitId: null,
    title: 'Tố cáo nặc danh khai thác cát trái phép', content: 'Tố cáo nặc danh việc khai thác cát trái phép ở suối thôn 4, có ảnh chụp và sơ đồ bãi tập kết kèm theo.', kindHint: 'denunciation', channel: 'online', handlingUnitId: province.id, receivedOn: '2026-11-18' });
  await classify(db, a, sys, p7.id, { kind: 'denunciation', field: 'environment', remote: false, complex: false, instance: 'first', competence: 'this-unit', areas: ['land-environment'], accusedUnitId: commune.id, anonymousEvidence: true });
  for (const [unitId, onDate, held, head] of [[province.id, '2026-10-15', true, 'Chủ tịch UBND tỉnh'], [province.id, '2026-11-16', true, 'Chủ tịch UBND tỉnh'],
    [commune.id, '2026-11-03', true, 'Chủ tịch UBND phường'], [commune.id, '2026-11-10', false, 'Chủ tịch UBND phường'], [commune.id, '2026-11-17', true, 'Chủ tịch UBND phường'], [noiVu.id, '2026-10-20', false, 'Giám đốc Sở Nội vụ']] as const) {
    await addReceptionDay(db, a, { unitId, onDate, held, headName: head, note: held ? null : 'Bận họp đột xuất' });
  }
  await logVisit(db, a, { unitId: commune.id, receivedOn: '2026-11-17', visitorName: 'Công dân Thử 7', visitorIdNumber: null, visitorAddress: 'Tổ 7, Phường Pleiku', peopleCount: 6, summary: 'Nhóm hộ dân kiến nghị về tiến độ bồi thường dự án đường vành đai.', kind: 'recommendation', refused: false, refusalReason: null, handling: 'Tiếp nhận, chuyển bộ phận bồi thường', priorHandling: 'UBND phường đã họp dân ngày 05/10/2026', requests: 'Đề nghị công bố tiến độ chi trả bồi thường' }, '.');
  await logVisit(db, a, { unitId: commune.id, receivedOn: '2026-11-17', visitorName: 'Công dân Thử 8', visitorIdNumber: null, visitorAddress: 'Tổ 8, Phường Pleiku', peopleCount: 1, summary: 'Khiếu nại lại vụ việc đã giải quyết xong năm 2025.', kind: 'complaint', refused: true, refusalReason: 'already-resolved', handling: null, priorHandling: 'Quyết định giải quyết khiếu nại lần hai năm 2025', requests: null }, '.');
}
