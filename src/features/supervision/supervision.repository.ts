import type { Db } from '../../platform/db/index.ts';
import { withDescendants } from '../units/index.ts';

export type Scope = 'all' | string[];

export interface AreaTask { id: string; title: string; unitId: string; dueOn: string | null; status: string; progress: number; overdue: boolean }
export interface AreaPetition { id: string; trackingCode: string; kind: string | null; status: string; unitId: string; receivedOn: string; dueOn: string | null; title: string | null; overdue: boolean }

const OPEN_PETITION = ['received', 'triaged', 'accepted'];
/** A JSON list of codes stored as text holds the code: matched as `"code"` (codes are plain [a-z-]). */
const tagged = (code: string) => `%"${code}"%`;

/** The units the user's grants cover (with descendants where granted); 'all' for province-wide roles. */
export async function scopeUnits(db: Db, scope: { all: true } | { all: false; unitIds: string[]; withDescendants: string[] }): Promise<Scope> {
  if (scope.all) return 'all';
  const deep = await withDescendants(db, scope.withDescendants);
  return [...new Set([...scope.unitIds, ...deep])];
}

/** Tasks and petitions tagged with a supervision area, within the scope. Denunciation titles are withheld. */
export async function areaItems(db: Db, area: string, scope: Scope, today: string): Promise<{ tasks: AreaTask[]; petitions: AreaPetition[] }> {
  if (scope !== 'all' && scope.length === 0) return { tasks: [], petitions: [] };
  let tq = db.selectFrom('tasks').select(['id', 'title', 'unit_id', 'due_on', 'status', 'progress']).where('areas', 'like', tagged(area));
  if (scope !== 'all') tq = tq.where('unit_id', 'in', scope);
  let pq = db.selectFrom('petitions').select(['id', 'tracking_code', 'kind', 'status', 'handling_unit_id', 'received_on', 'due_on', 'title']).where('areas', 'like', tagged(area));
  if (scope !== 'all') pq = pq.where('handling_unit_id', 'in', scope);
  const [tasks, petitions] = await Promise.all([tq.orderBy('due_on').execute(), pq.orderBy('received_on', 'desc').execute()]);
  return {
    tasks: tasks.map((r) => ({ id: r.id, title: r.title, unitId: r.unit_id, dueOn: r.due_on, status: r.status, progress: Number(r.progress), overdue: r.status !== 'done' && !!r.due_on && r.due_on < today })),
    petitions: petitions.map((r) => ({
      id: r.id, trackingCode: r.tracking_code, kind: r.kind, status: r.status, unitId: r.handling_unit_id, receivedOn: r.received_on, dueOn: r.due_on,
      title: r.kind === 'denunciation' ? null : r.title, overdue: OPEN_PETITION.includes(r.status) && !!r.due_on && r.due_on < today,
    })),
  };
}

export interface AreaSummary { area: string; tasksOpen: number; tasksOverdue: number; petitionsOpen: number; petitionsOverdue: number }

/** Per area: open and overdue tasks, open and overdue petitions, counted in the database (grouped by tag list), never loading the items. */
export async function areaSummaries(db: Db, areas: readonly string[], scope: Scope, today: string): Promise<AreaSummary[]> {
  const out = new Map(areas.map((area) => [area, { area, tasksOpen: 0, tasksOverdue: 0, petitionsOpen: 0, petitionsOverdue: 0 }]));
  if (scope !== 'all' && scope.length === 0) return [...out.values()];
  let tq = db.selectFrom('tasks').select((e) => ['areas',
    e.fn.sum<number>(e.case().when('status', '!=', 'done').then(1).else(0).end()).as('open'),
    e.fn.sum<number>(e.case().when(e.and([e('status', '!=', 'done'), e('due_on', '<', today)])).then(1).else(0).end()).as('overdue'),
  ]).where('areas', '!=', '[]').groupBy('areas');
  if (scope !== 'all') tq = tq.where('unit_id', 'in', scope);
  let pq = db.selectFrom('petitions').select((e) => ['areas', e.fn.countAll<number>().as('open'),
    e.fn.sum<number>(e.case().when('due_on', '<', today).then(1).else(0).end()).as('overdue'),
  ]).where('areas', '!=', '[]').where('status', 'in', OPEN_PETITION).groupBy('areas');
  if (scope !== 'all') pq = pq.where('handling_unit_id', 'in', scope);
  const [tasks, petitions] = await Promise.all([tq.execute(), pq.execute()]);
  for (const r of tasks) for (const a of JSON.parse(r.areas) as string[]) { const o = out.get(a); if (o) { o.tasksOpen += Number(r.open); o.tasksOverdue += Number(r.overdue); } }
  for (const r of petitions) for (const a of JSON.parse(r.areas) as string[]) { const o = out.get(a); if (o) { o.petitionsOpen += Number(r.open); o.petitionsOverdue += Number(r.overdue); } }
  return [...out.values()];
}
