import type { Db, Trx } from '../../platform/db/index.ts';
import { getPlan, trackedItems } from './plans.repository.ts';

export type Cell = 'planned' | 'none' | 'overdue';
export interface CoverageRow { unitId: string; unitName: string; unitKind: string; unitPlanId: string | null; status: string | null; issuedOn: string | null; overdue: boolean; cells: Cell[] }
export interface Coverage { planId: string; dueOn: string | null; items: { id: string; number: string; title: string }[]; units: CoverageRow[] }
/** One page of the matrix: `missing` keeps only the units without an issued plan. */
export interface CoveragePage { limit: number; offset: number; missing?: boolean }

/**
 * Units that must respond to a plan (the current units of the kinds its respondents name) against
 * its tracked items: an item is planned when the unit plan carries it over, overdue when the unit
 * has no issued plan past the due date or an open task on it past its due date, otherwise none.
 */
export async function computeCoverage(db: Db | Trx, planId: string, today: string, page?: CoveragePage): Promise<Coverage | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan) return undefined;
  const kinds = plan.document.respondents?.unitKinds ?? [];
  const dueOn = plan.dueOn;
  const items = await trackedItems(db, planId);
  let uq = respondents(db, planId, kinds, today, !!page?.missing).select(['id', 'full_name', 'kind']).orderBy('kind').orderBy('full_name').orderBy('id');
  if (page) uq = uq.limit(page.limit).offset(page.offset);
  const units = kinds.length === 0 ? [] : await uq.execute();
  // A page reads the unit plans, carried items and late tasks of its own units only.
  const ids = units.map((u) => u.id);
  const paged = !!page;
  const onPage = ids.length ? ids : [''];
  const plans = await db.selectFrom('plans').select(['id', 'unit_id', 'status', 'issued_on']).where('parent_plan_id', '=', planId)
    .$if(paged, (q) => q.where('plans.unit_id', 'in', onPage)).execute();
  const carried = plans.length === 0 ? [] : await db.selectFrom('plan_items').innerJoin('plans', 'plans.id', 'plan_items.plan_id')
    .select(['plans.unit_id', 'plan_items.id', 'plan_items.source_item_id']).where('plans.parent_plan_id', '=', planId).where('plan_items.source_item_id', 'is not', null)
    .$if(paged, (q) => q.where('plans.unit_id', 'in', onPage)).execute();
  const late = plans.length === 0 ? [] : await db.selectFrom('tasks').innerJoin('plans', 'plans.id', 'tasks.plan_id').select(['tasks.unit_id', 'tasks.plan_item_id'])
    .where('plans.parent_plan_id', '=', planId).where('tasks.status', '!=', 'done').where('tasks.due_on', '<', today)
    .$if(paged, (q) => q.where('plans.unit_id', 'in', onPage)).execute();
  const planByUnit = new Map(plans.map((p) => [p.unit_id, p]));
  const sourceOf = new Map(carried.map((c) => [c.id, c.source_item_id!]));
  const planned = new Set(carried.map((c) => `${c.unit_id}|${c.source_item_id}`));
  const lateSet = new Set(late.filter((l) => l.plan_item_id).map((l) => `${l.unit_id}|${sourceOf.get(l.plan_item_id!) ?? ''}`));
  const rows = units.map((u): CoverageRow => {
    const p = planByUnit.get(u.id);
    const overdue = !!dueOn && today > dueOn && p?.status !== 'issued';
    const cells = items.map((it): Cell => {
      const key = `${u.id}|${it.id}`;
      if (lateSet.has(key)) return 'overdue';
      if (planned.has(key)) return 'planned';
      return overdue ? 'overdue' : 'none';
    });
    return { unitId: u.id, unitName: u.full_name, unitKind: u.kind, unitPlanId: p?.id ?? null, status: p?.status ?? null, issuedOn: p?.issued_on ?? null, overdue, cells };
  });
  return { planId, dueOn, items, units: rows };
}

/** The current units of the respondent kinds (optionally only those without an issued plan of their own). */
function respondents(db: Db | Trx, planId: string, kinds: string[], today: string, missing: boolean) {
  let q = db.selectFrom('units').where('kind', 'in', kinds.length ? kinds : [''])
    .where('valid_from', '<=', today).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', today)]));
  if (missing) q = q.where((e) => e.not(e.exists(e.selectFrom('plans').select('plans.id').whereRef('plans.unit_id', '=', 'units.id').where('plans.parent_plan_id', '=', planId).where('plans.status', '=', 'issued'))));
  return q;
}

/**
 * How many units must respond, how many of them have issued their plan, and how many are overdue
 * (no issued plan past the due date), for a paginated matrix or API list.
 */
export async function coverageCounts(db: Db | Trx, planId: string, today: string): Promise<{ total: number; issued: number; overdue: number }> {
  const plan = await getPlan(db, planId);
  const kinds = plan?.document.respondents?.unitKinds ?? [];
  const count = async (missing: boolean) => Number((await respondents(db, planId, kinds, today, missing).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const total = await count(false);
  const missing = await count(true);
  return { total, issued: total - missing, overdue: plan?.dueOn && today > plan.dueOn ? missing : 0 };
}
