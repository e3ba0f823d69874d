import type { Db } from '../../platform/db/index.ts';
import type { SeedContext } from '../../platform/http/feature.ts';
import { daysBetween } from '../../domain/calendar/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { recordConference, recordDialogue, registerRegulation } from './agency.service.ts';

/**
 * Demo, relative to today: Sở Tư pháp's staff conference of the last months, a dialogue, and its
 * regulations (the democracy regulation is old and due for review).
 */
export async function seedAgency(db: Db, ctx: SeedContext): Promise<void> {
  const dept = await getUnitByKey(db, `body:${ctx.provinceCode}:tu-phap`);
  if (!dept) return;
  // The annual conference for year Y is held early in Y + 1 (ND 59/2023): the last 22 January before today.
  const year = Number(ctx.today.slice(0, 4));
  const jan22 = `${ctx.today >= `${year}-01-22` ? year : year - 1}-01-22`;
  const held = ctx.workday(daysBetween(jan22, ctx.today));
  const conf = await recordConference(db, SYSTEM_ACTOR, { unitId: dept.id, year: Number(held.slice(0, 4)) - 1, kind: 'annual', heldOn: held, staffTotal: 64, attendees: 58, resolutionYes: 55 });
  if (!conf.ok) throw new Error(`demo staff conference on ${held}: ${JSON.stringify(conf)}`);
  const dialogue = ctx.workday(120);
  await recordDialogue(db, SYSTEM_ACTOR, { unitId: dept.id, heldOn: dialogue, legalRepPresent: true, workerReps: 9, workerRepsPresent: 8, note: `Đối thoại định kỳ năm ${dialogue.slice(0, 4)}` });
  await registerRegulation(db, SYSTEM_ACTOR, { unitId: dept.id, kind: 'democracy', title: 'Quy chế thực hiện dân chủ ở cơ sở của Sở Tư pháp', issuedOn: '2024-12-20' });
  const spending = ctx.workday(60);
  await registerRegulation(db, SYSTEM_ACTOR, { unitId: dept.id, kind: 'spending', title: `Quy chế chi tiêu nội bộ năm ${spending.slice(0, 4)}`, issuedOn: spending });
}
