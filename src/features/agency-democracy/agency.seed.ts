import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { recordConference, recordDialogue, registerRegulation } from './agency.service.ts';

/** Demo: Sở Tư pháp's 2025 staff conference, a dialogue and its regulations (one due for review). */
export async function seedAgency(db: Db, ctx: { provinceCode: string; today: string }): Promise<void> {
  const dept = await getUnitByKey(db, `body:${ctx.provinceCode}:tu-phap`);
  if (!dept) return;
  await recordConference(db, SYSTEM_ACTOR, { unitId: dept.id, year: 2025, kind: 'annual', heldOn: '2026-01-22', staffTotal: 64, attendees: 58, resolutionYes: 55 });
  await recordDialogue(db, SYSTEM_ACTOR, { unitId: dept.id, heldOn: '2026-06-15', legalRepPresent: true, workerReps: 9, workerRepsPresent: 8, note: 'Đối thoại định kỳ năm 2026' });
  await registerRegulation(db, SYSTEM_ACTOR, { unitId: dept.id, kind: 'democracy', title: 'Quy chế thực hiện dân chủ ở cơ sở của Sở Tư pháp', issuedOn: '2024-12-20' });
  await registerRegulation(db, SYSTEM_ACTOR, { unitId: dept.id, kind: 'spending', title: 'Quy chế chi tiêu nội bộ năm 2026', issuedOn: '2026-01-10' });
}
