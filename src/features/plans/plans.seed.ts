import fs from 'node:fs';
import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { plusDays } from '../../domain/calendar/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { planDocumentInput } from './plans.schema.ts';
import { createUnitPlan, importPlan, issuePlan } from './plans.service.ts';
import { createTask, patchTask } from './tasks.service.ts';
import { recordAssignment } from './assignments.ts';

export const PLAN_188_FILE = new URL('../../data/plans/188-KH-UBND-2025.json', import.meta.url);

/** [unit key, stage, issued number] — several units at different stages. */
const DEMO: [string, 'issued' | 'draft', string | null][] = [
  ['body:52:tu-phap', 'issued', '12/KH-STP'],
  ['body:52:noi-vu', 'issued', '20/KH-SNV'],
  ['body:52:y-te', 'draft', null],
  ['commune:21859:2025-07-01', 'issued', '05/KH-UBND'],
  ['commune:23938:2025-07-01', 'draft', null],
  ['commune:23722:2025-07-01', 'issued', '09/KH-UBND'],
];

/** Demo data: plan 188/KH-UBND, unit plans at different stages, tasks overdue and on time. */
export async function seedPlans(db: Db, ctx: { provinceCode: string; today: string }): Promise<void> {
  if (ctx.provinceCode !== '52') return;
  const doc = planDocumentInput.parse(JSON.parse(fs.readFileSync(PLAN_188_FILE, 'utf8')));
  const plan = await importPlan(db, SYSTEM_ACTOR, doc);
  if (!plan.ok) throw new Error(`plan 188: ${plan.error}`);
  let i = 0;
  const noiVu = await getUnitByKey(db, 'body:52:noi-vu');
  for (const [key, stage, number] of DEMO) {
    const unit = await getUnitByKey(db, key);
    if (!unit) continue;
    const up = await createUnitPlan(db, SYSTEM_ACTOR, plan.value, unit.id);
    if (!up.ok) continue;
    if (stage === 'issued') await issuePlan(db, SYSTEM_ACTOR, up.value, { documentNumber: number!, issuedOn: '2025-02-20' });
    const items = await db.selectFrom('plan_items').select(['id', 'number', 'title']).where('plan_id', '=', up.value).orderBy('position').execute();
    const picks = [items[2], items[4], items[10]].filter(Boolean);
    for (const [j, it] of picks.entries()) {
      const due = plusDays(ctx.today, j === 0 ? -10 - i : 20 + 7 * j);
      const task = await createTask(db, SYSTEM_ACTOR, {
        title: j === 0 ? 'Ban hành văn bản phân công người đứng đầu và công chức phụ trách' : `Triển khai nội dung ${it.number}: ${it.title}`,
        unitId: unit.id, planId: up.value, planItemId: it.id, parentTaskId: null, assigneeId: null, startOn: plusDays(ctx.today, -40), dueOn: due,
        dueInWorkingDays: null, weight: 1, areas: it.number === 'II.11' ? ['land-environment', 'public-investment'] : [], coUnitIds: j === 1 && noiVu && noiVu.id !== unit.id ? [noiVu.id] : [],
      }, ctx.today);
      if (task.ok && j === 1) await patchTask(db, SYSTEM_ACTOR, task.value, { progress: 40 + 10 * i, status: 'in-progress' }, ctx.today, 0);
    }
    i++;
  }
  await seedAssignments(db);
}

/** [unit key, head username, focal username, number]: Nội vụ's focal officer holds no role there any more. */
const ASSIGNMENTS: [string, string, string, string][] = [
  ['commune:23575:2025-07-01', 'demo.commune.head', 'demo.commune', '15/QĐ-UBND'],
  ['body:52:tu-phap', 'demo.department', 'demo.department', '31/QĐ-STP'],
  ['body:52:noi-vu', 'demo.coordinator', 'demo.department', '08/QĐ-SNV'],
];

/** Demo written assignments (II.3); every other unit has none. */
export async function seedAssignments(db: Db): Promise<void> {
  const user = async (u: string) => (await db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirst())?.id ?? '';
  for (const [key, head, focal, number] of ASSIGNMENTS) {
    const unit = await getUnitByKey(db, key);
    if (unit) await recordAssignment(db, SYSTEM_ACTOR, { unitId: unit.id, headUserId: await user(head), focalUserId: await user(focal), documentNumber: number, documentDate: '2025-02-10' }, null, '');
  }
}
