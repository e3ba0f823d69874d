import type { Db } from '../../platform/db/index.ts';
import type { SeedContext } from '../../platform/http/feature.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { plusDays } from '../../domain/calendar/index.ts';
import { PERIODIC_AGENDA } from '../../domain/democracy/index.ts';
import { recordMinutes, scheduleConference } from './conferences.service.ts';

/**
 * Demo, relative to today: in the demo ward (the commune of "Tổ dân phố 1–5"), last year's dialogue
 * conference (15/09: the units exist from 01/07/2025) and the year-end conferences of groups 1–3 in
 * December (group 3 noticed 2 days before and no report sent; recorded after the fact, so flagged
 * rather than refused), groups 4–5 without one; this year's dialogue 20 days ago; and group 1's next
 * conference 12 days ahead.
 */
export async function seedConferences(db: Db, ctx: SeedContext): Promise<void> {
  const groups = await db.selectFrom('units').select(['id', 'full_name', 'parent_id']).where('kind', '=', 'village').where('full_name', 'like', 'Tổ dân phố %').orderBy('full_name').limit(5).execute();
  const communeId = groups[0]?.parent_id;
  if (!communeId) return;
  const last = Number(ctx.today.slice(0, 4)) - 1;
  const held = async (unitId: string, on: string, noticeDays: number, report: string | null, convener: string) => {
    const s = await ctx.at(on, () => scheduleConference(db, SYSTEM_ACTOR, { unitId, heldOn: on, place: 'Nhà văn hóa', convener, planSentOn: plusDays(on, -noticeDays - 2), noticeSentOn: plusDays(on, -noticeDays) }));
    if (!s.ok) return;
    const qa = [{ question: 'Đề nghị sửa đèn chiếu sáng hẻm 12', answer: 'UBND phường đưa vào kế hoạch quý I' }, { question: 'Thu gom rác chưa đúng giờ', answer: 'Đã yêu cầu đơn vị thu gom thực hiện đúng lịch' }];
    await ctx.at(report ?? on, () => recordMinutes(db, SYSTEM_ACTOR, s.value, { heldOn: on, householdsPresent: 30, householdsTotal: unitId === communeId ? 278 : null, agenda: unitId === communeId ? ['report', 'questions', 'answers', 'conclusion'] : [...PERIODIC_AGENDA],
      questions: qa, conclusions: 'Hội nghị thống nhất các nội dung đã thảo luận.', commendations: unitId === communeId ? null : 'Biểu dương 3 hộ gia đình tiêu biểu', reportSentOn: report }));
  };
  await held(communeId, `${last}-09-15`, 7, null, 'Chủ tịch UBND phường');
  for (const [i, g] of groups.slice(0, 3).entries()) await held(g.id, `${last}-12-${10 + i}`, i === 2 ? 2 : 6, i === 2 ? null : `${last}-12-${12 + i}`, `Tổ trưởng ${g.full_name}`);
  await held(communeId, plusDays(ctx.today, -20), 7, null, 'Chủ tịch UBND phường');
  await scheduleConference(db, SYSTEM_ACTOR, { unitId: groups[0].id, heldOn: plusDays(ctx.today, 12), place: 'Nhà văn hóa Tổ dân phố 1', convener: 'Tổ trưởng Tổ dân phố 1', planSentOn: ctx.today, noticeSentOn: null });
}
