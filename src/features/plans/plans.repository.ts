import type { Db, Trx } from '../../platform/db/index.ts';
import './plans.tables.ts';
import type { PlanDocumentInput } from './plans.schema.ts';

/** The parts of a plan document kept as JSON beside its columns. */
export type PlanDocument = Pick<PlanDocumentInput, 'preamble' | 'legalBases' | 'reporting' | 'closing' | 'recipients' | 'signer' | 'respondents'> & { kind: string; issuerName: string };

export interface ItemNode { id: string; number: string; title: string; body: string | null; footnotes: { mark: string; text: string }[]; tracked: boolean; sourceItemId: string | null; areas: string[]; children: ItemNode[] }

export interface PlanView {
  id: string; parentPlanId: string | null; unitId: string; documentNumber: string | null; title: string; issuedOn: string | null; place: string | null;
  status: string; dueOn: string | null; note: string | null; document: PlanDocument; items: ItemNode[];
  duties: { id: string; number: string; heading: string; unitId: string | null; unitKind: string | null; body: string; note: string | null }[];
}

/** Plans visible in a list: provincial plans first, then unit plans by unit (optionally only those under a parent). */
export async function listPlans(db: Db | Trx, opts: { parentPlanId?: string | null; unitIds?: 'all' | string[] } = {}) {
  let q = db.selectFrom('plans').select(['id', 'document_number', 'title', 'issued_on', 'unit_id', 'parent_plan_id', 'status', 'due_on']);
  if (opts.parentPlanId === null) q = q.where('parent_plan_id', 'is', null);
  else if (opts.parentPlanId) q = q.where('parent_plan_id', '=', opts.parentPlanId);
  if (Array.isArray(opts.unitIds)) q = opts.unitIds.length ? q.where((e) => e.or([e('parent_plan_id', 'is', null), e('unit_id', 'in', opts.unitIds as string[])])) : q.where('parent_plan_id', 'is', null);
  return q.orderBy('parent_plan_id').orderBy('issued_on', 'desc').orderBy('created_at').limit(2000).execute();
}

/** Builds the item tree from rows ordered by position. */
export function itemTree(rows: { id: string; parent_id: string | null; number: string; title: string; body: string | null; footnotes: string; tracked: number; source_item_id: string | null; areas?: string | null }[]): ItemNode[] {
  const byId = new Map<string, ItemNode>();
  const roots: ItemNode[] = [];
  for (const r of rows) byId.set(r.id, { id: r.id, number: r.number, title: r.title, body: r.body, footnotes: JSON.parse(r.footnotes), tracked: !!Number(r.tracked), sourceItemId: r.source_item_id, areas: r.areas ? (JSON.parse(r.areas) as string[]) : [], children: [] });
  for (const r of rows) (r.parent_id && byId.get(r.parent_id) ? byId.get(r.parent_id)!.children : roots).push(byId.get(r.id)!);
  return roots;
}

/** One plan with its items (nested) and duties. */
export async function getPlan(db: Db | Trx, id: string): Promise<PlanView | undefined> {
  const p = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) return undefined;
  const items = await db.selectFrom('plan_items').selectAll().where('plan_id', '=', id).orderBy('position').execute();
  const duties = await db.selectFrom('plan_duties').selectAll().where('plan_id', '=', id).orderBy('position').execute();
  return {
    id: p.id, parentPlanId: p.parent_plan_id, unitId: p.unit_id, documentNumber: p.document_number, title: p.title, issuedOn: p.issued_on, place: p.place,
    status: p.status, dueOn: p.due_on, note: p.note, document: JSON.parse(p.document) as PlanDocument, items: itemTree(items),
    duties: duties.map((d) => ({ id: d.id, number: d.number, heading: d.heading, unitId: d.unit_id, unitKind: d.unit_kind, body: d.body, note: d.note })),
  };
}

/** The tracked items of a plan (e.g. II.1–12), in order: the columns of the coverage matrix. */
export async function trackedItems(db: Db | Trx, planId: string) {
  const rows = await db.selectFrom('plan_items').select(['id', 'parent_id', 'number', 'title', 'tracked']).where('plan_id', '=', planId).orderBy('position').execute();
  const tracked = new Set(rows.filter((r) => Number(r.tracked) && !r.parent_id).map((r) => r.id));
  return rows.filter((r) => r.parent_id && tracked.has(r.parent_id)).map((r) => ({ id: r.id, number: `${rows.find((x) => x.id === r.parent_id)!.number}.${r.number}`, title: r.title }));
}

/** The unit plan a unit made from a parent plan, if any. */
export function unitPlanOf(db: Db | Trx, parentPlanId: string, unitId: string) {
  return db.selectFrom('plans').select(['id', 'status', 'issued_on']).where('parent_plan_id', '=', parentPlanId).where('unit_id', '=', unitId).executeTakeFirst();
}
