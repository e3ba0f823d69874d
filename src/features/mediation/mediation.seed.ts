import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { addDays } from '../../domain/democracy/index.ts';
import { addSession, createCase, createTeam, recordOutcome } from './mediation.service.ts';

/** Demo: a complete team in Tổ dân phố 1, a team with gaps in Làng Bồ (ethnic-minority area), cases settled, not settled and open. */
export async function seedMediation(db: Db, ctx: { provinceCode: string; today: string }): Promise<void> {
  const find = (name: string) => db.selectFrom('units').select('id').where('kind', '=', 'village').where('full_name', '=', name).executeTakeFirst();
  const tdp1 = await find('Tổ dân phố 1');
  const bo = await find('Làng Bồ');
  if (tdp1) {
    const team = await createTeam(db, SYSTEM_ACTOR, { villageId: tdp1.id, name: 'Tổ hòa giải Tổ dân phố 1', ethnicMinorityArea: false, mediators: [
      { name: 'Trần Thị Mai', gender: 'female', ethnicMinority: false, isLeader: true, recognizedOn: '2025-08-01', electionVotes: 61, electionHouseholds: 90 },
      { name: 'Nguyễn Văn Hùng', gender: 'male', ethnicMinority: false, isLeader: false, recognizedOn: '2025-08-01', electionVotes: 55, electionHouseholds: 90 },
      { name: 'Lê Văn Tâm', gender: 'male', ethnicMinority: false, isLeader: false, recognizedOn: '2025-08-01', electionVotes: 52, electionHouseholds: 90 }] });
    if (team.ok) {
      const cases: [string[], string, number, 'settled' | 'not-settled' | null][] = [
        [['Hộ ông Phạm Văn K', 'Hộ bà Lê Thị N'], 'Tranh chấp ranh giới tường rào', 40, 'settled'],
        [['Ông Đinh Văn L', 'Ông Hoàng Văn Q'], 'Mâu thuẫn do tiếng ồn karaoke', 25, 'not-settled'],
        [['Bà Nguyễn Thị S', 'Bà Trần Thị V'], 'Nước thải chảy sang nhà bên', 1, null]];
      for (const [parties, summary, ago, result] of cases) {
        const c = await createCase(db, SYSTEM_ACTOR, { teamId: team.value.id, assignedOn: addDays(ctx.today, -ago), parties, summary });
        if (!c.ok || !result) continue;
        await addSession(db, SYSTEM_ACTOR, c.value.id, { heldOn: addDays(ctx.today, -ago + 2), note: 'Các bên trình bày, hòa giải viên phân tích quy định' });
        await recordOutcome(db, SYSTEM_ACTOR, c.value.id, { result, closedOn: addDays(ctx.today, -ago + 5), record: result === 'settled' ? { agreement: 'Hai bên thống nhất xây lại tường rào đúng mốc giới', performance: 'Trong 30 ngày' } : undefined });
      }
    }
  }
  if (bo) await createTeam(db, SYSTEM_ACTOR, { villageId: bo.id, name: 'Tổ hòa giải làng Bồ', ethnicMinorityArea: true, mediators: [{ name: 'Rơ Mah Hyưr', gender: 'male', ethnicMinority: true, isLeader: true, recognizedOn: '2025-08-15', electionVotes: 30, electionHouseholds: 45 }, { name: 'Nguyễn Văn Dũng', gender: 'male', ethnicMinority: false, isLeader: false, recognizedOn: '2025-08-15', electionVotes: 25, electionHouseholds: 45 }] });
}
