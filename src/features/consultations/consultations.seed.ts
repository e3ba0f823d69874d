import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { addDays } from '../../domain/disclosure/clock.ts';
import { getUnitByKey } from '../units/index.ts';
import { addComment, closeConsultation, dispose, openConsultation } from './consultations.service.ts';

const comment = (text: string, sectionKey: string | null, receivedOn: string, o: { name?: string; channel?: string; organization?: string } = {}) => ({
  text, sectionKey, name: o.name ?? null, channel: o.channel ?? 'online', organization: o.organization ?? null, socialCritique: o.channel === 'organization', receivedOn,
});

/** Demo: in Phường Pleiku, one open consultation and one closed, with comments from citizens and the Fatherland Front. */
export async function seedConsultations(db: Db, ctx: { provinceCode: string; today: string }): Promise<void> {
  const unit = await getUnitByKey(db, 'commune:23575:2025-07-01');
  if (!unit) return;
  const t = ctx.today;
  const front = 'Ủy ban MTTQ Việt Nam phường Pleiku';
  const open = await openConsultation(db, SYSTEM_ACTOR, {
    unitId: unit.id, title: 'Dự thảo Quy chế thực hiện dân chủ ở cơ sở phường Pleiku (sửa đổi)', matter: 'ldc25.7', consulted: 'Nhân dân các tổ dân phố', forms: ['meeting', 'portal', 'box', 'front'],
    opensOn: addDays(t, -5), closesOn: addDays(t, 20), specificLaw: null, fileId: null,
    sections: [
      { key: 'c1', title: 'Chương I. Quy định chung', text: 'Quy chế này quy định nội dung, hình thức thực hiện dân chủ ở phường.' },
      { key: 'c2', title: 'Chương II. Những nội dung công khai', text: 'Ủy ban nhân dân phường công khai các nội dung theo Điều 11 Luật Thực hiện dân chủ ở cơ sở.' },
      { key: 'c3', title: 'Chương III. Nhân dân bàn và quyết định', text: 'Các nội dung Nhân dân bàn và quyết định theo Điều 15 Luật.' },
    ],
  });
  if (open.ok) {
    await addComment(db, SYSTEM_ACTOR, open.value.id, comment('Đề nghị niêm yết thêm tại nhà văn hóa tổ dân phố 3.', 'c2', addDays(t, -3), { name: 'Rơ Mah Hyưr' }), false);
    await addComment(db, SYSTEM_ACTOR, open.value.id, comment('Nên quy định rõ thời gian trả lời ý kiến của người dân.', null, addDays(t, -2)), false);
    await addComment(db, SYSTEM_ACTOR, open.value.id, comment('Phản biện: cần bổ sung việc công khai kết quả giám sát của Ban Thanh tra nhân dân.', 'c2', addDays(t, -1), { channel: 'organization', organization: front }), false);
  }
  const closed = await openConsultation(db, SYSTEM_ACTOR, {
    unitId: unit.id, title: 'Phương án đặt tên đường, tổ dân phố mới', matter: 'ldc25.4', consulted: 'Cử tri phường', forms: ['meeting', 'ballot', 'portal'],
    opensOn: addDays(t, -70), closesOn: addDays(t, -45), specificLaw: null, fileId: null,
    sections: [{ key: 'p1', title: 'Phần 1. Đặt tên đường', text: 'Đặt tên 5 tuyến đường mới.' }, { key: 'p2', title: 'Phần 2. Sáp nhập tổ dân phố', text: 'Sáp nhập tổ dân phố 6 và 7.' }],
  });
  if (!closed.ok) return;
  const cid = closed.value.id;
  const answers: [ReturnType<typeof comment>, 'accepted' | 'partly' | 'rejected', string][] = [
    [comment('Đề nghị đặt tên đường theo danh nhân địa phương.', 'p1', addDays(t, -60), { name: 'Nguyễn Văn An' }), 'accepted', 'Tiếp thu: 3 trong 5 tuyến mang tên danh nhân địa phương.'],
    [comment('Không đồng ý sáp nhập vì hai tổ cách xa nhau.', 'p2', addDays(t, -58), { channel: 'meeting' }), 'partly', 'Giữ phương án sáp nhập nhưng bố trí điểm sinh hoạt ở cả hai khu.'],
    [comment('Phản biện: phương án sáp nhập cần đánh giá tác động đến hộ đồng bào dân tộc thiểu số.', 'p2', addDays(t, -50), { channel: 'organization', organization: front }), 'accepted', 'Đã bổ sung báo cáo đánh giá tác động.'],
    [comment('Đề nghị giữ tên cũ của tổ dân phố.', 'p2', addDays(t, -49), { channel: 'box' }), 'rejected', 'Tên cũ trùng với tổ dân phố khác sau sắp xếp, không thể giữ.'],
  ];
  for (const [input, decision, explanation] of answers) {
    const r = await addComment(db, SYSTEM_ACTOR, cid, input, false);
    if (r.ok) await dispose(db, SYSTEM_ACTOR, cid, r.value, { decision, explanation });
  }
  await closeConsultation(db, SYSTEM_ACTOR, cid, { decision: 'Thông qua phương án đặt tên đường và sáp nhập tổ dân phố 6, 7.', departureReason: null });
}
