import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { addDays } from '../../domain/democracy/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { addActivity, addRecommendation, createBoard } from './boards.service.ts';
import { villagesOf } from './boards.repository.ts';

const PEOPLE = ['Nguyễn Văn Hùng', 'Trần Thị Mai', 'Rơ Mah Blơi', 'Lê Văn Tâm', 'Ksor H\'Ngơm', 'Phạm Thị Thu', 'Đinh Văn Lực'];

/** Demo: the People's Inspection Board of Phường Pleiku (one member per residential group) with a recommendation, and a supervision board for a project. */
export async function seedBoards(db: Db, ctx: { provinceCode: string; today: string }): Promise<void> {
  const commune = ctx.provinceCode === '52' ? await getUnitByKey(db, 'commune:23575:2025-07-01') : undefined;
  if (!commune) return;
  const villages = await villagesOf(db, commune.id, '2025-07-01');
  if (villages.length < 5) return;
  const members = villages.map((v, i) => ({ name: PEOPLE[i % PEOPLE.length], role: (i === 0 ? 'head' : i === 1 ? 'deputy' : 'member') as 'head' | 'deputy' | 'member', villageId: v.id, isUnitOfficial: false, isRelative: false }));
  const base = { unitId: commune.id, staffCount: null, reportTo: 'Ủy ban MTTQ Việt Nam phường Pleiku', projectTitle: null, investorNotifiedOn: null };
  const board = await createBoard(db, SYSTEM_ACTOR, { ...base, kind: 'inspection', termStart: '2025-07-01', members });
  if (board.ok) {
    await addActivity(db, SYSTEM_ACTOR, board.value, { kind: 'plan', heldOn: addDays(ctx.today, -40), noticeOn: null, text: 'Kế hoạch kiểm tra quý IV: công khai tài chính chợ, thu phí vệ sinh' });
    await addRecommendation(db, SYSTEM_ACTOR, board.value, { to: 'Chủ tịch UBND phường Pleiku', text: `Niêm yết công khai các khoản thu phí vệ sinh năm ${ctx.today.slice(0, 4)} tại nhà văn hóa các tổ dân phố`, sentOn: addDays(ctx.today, -6), kind: 'recommendation' });
  }
  const sup = await createBoard(db, SYSTEM_ACTOR, { ...base, kind: 'investment-supervision', projectTitle: 'Nâng cấp đường hẻm 12, Tổ dân phố 1', termStart: addDays(ctx.today, -90), investorNotifiedOn: addDays(ctx.today, -80), members: members.slice(0, 5) });
  if (sup.ok) await addActivity(db, SYSTEM_ACTOR, sup.value, { kind: 'visit', heldOn: addDays(ctx.today, -10), noticeOn: null, text: 'Giám sát đổ bê tông mặt đường; chụp ảnh hiện trường' });
}
