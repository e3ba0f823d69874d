import type { Db, Trx } from '../../platform/db/index.ts';
import type { BoardsTable } from './boards.tables.ts';

type Q = Db | Trx;

export async function getBoard(db: Q, id: string): Promise<BoardsTable | undefined> {
  return db.selectFrom('boards').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Boards of units in scope, with their unit names. */
export async function listBoards(db: Q, scope: 'all' | string[]) {
  let q = db.selectFrom('boards as b').innerJoin('units as u', 'u.id', 'b.unit_id').selectAll('b').select('u.full_name as unitName');
  if (scope !== 'all') q = scope.length ? q.where('b.unit_id', 'in', scope) : q.where('b.id', '=', '-');
  return q.orderBy('b.status').orderBy('u.full_name').limit(300).execute();
}

const RANK: Record<string, number> = { head: 0, deputy: 1, member: 2 };

/** Members of a board: head, deputies, then members, by name. */
export async function boardMembers(db: Q, boardId: string) {
  const rows = await db.selectFrom('board_members as m').leftJoin('units as v', 'v.id', 'm.village_id').selectAll('m').select('v.full_name as villageName')
    .where('m.board_id', '=', boardId).orderBy('m.name').execute();
  return rows.sort((a, b) => (RANK[a.role] ?? 3) - (RANK[b.role] ?? 3));
}

export async function recommendations(db: Q, boardIds: string[]) {
  if (!boardIds.length) return [];
  return db.selectFrom('board_recommendations').selectAll().where('board_id', 'in', boardIds).orderBy('sent_on', 'desc').limit(500).execute();
}

export async function getRecommendation(db: Q, id: string) {
  return db.selectFrom('board_recommendations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function activities(db: Q, boardId: string) {
  return db.selectFrom('board_activities').selectAll().where('board_id', '=', boardId).orderBy('held_on', 'desc').limit(200).execute();
}

/** Current villages of a commune (Art. 36(1): one member per village). */
export async function villagesOf(db: Q, communeId: string, at: string) {
  return db.selectFrom('units').select(['id', 'full_name']).where('parent_id', '=', communeId).where('kind', '=', 'village')
    .where('valid_from', '<=', at).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', at)])).orderBy('full_name').execute();
}

/** Numbers for reports: boards in place and active, recommendations answered on time. */
export async function boardStats(db: Db, opts: { from: string; to: string; unitIds?: string[] }) {
  let b = db.selectFrom('boards').select(['id', 'kind', 'status', 'term_start', 'dissolved_on']);
  if (opts.unitIds) b = opts.unitIds.length ? b.where('unit_id', 'in', opts.unitIds) : b.where('id', '=', '-');
  const boards = (await b.execute()).filter((x) => x.term_start <= opts.to && (!x.dissolved_on || x.dissolved_on >= opts.from));
  const recs = (await recommendations(db, boards.map((x) => x.id))).filter((r) => r.sent_on >= opts.from && r.sent_on <= opts.to);
  const acts = boards.length ? await db.selectFrom('board_activities').select('board_id').where('board_id', 'in', boards.map((x) => x.id)).where('held_on', '>=', opts.from).where('held_on', '<=', opts.to).execute() : [];
  return {
    inspectionBoards: boards.filter((x) => x.kind === 'inspection').length,
    supervisionBoards: boards.filter((x) => x.kind === 'investment-supervision').length,
    boardsActive: new Set(acts.map((a) => a.board_id)).size,
    recommendations: recs.length,
    recommendationsAnsweredOnTime: recs.filter((r) => r.answered_on && r.answered_on <= r.answer_due).length,
    recommendationsOverdue: recs.filter((r) => !r.answered_on && r.answer_due < opts.to).length,
  };
}

/** Photos of a board's activities, by activity id. */
export async function activityPhotos(db: Q, boardId: string): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('board_activity_files').select(['activity_id', 'file_id']).where('board_id', '=', boardId).orderBy('created_at').execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.activity_id, [...(out.get(r.activity_id) ?? []), r.file_id]);
  return out;
}

/** A board recommendation as the inbound recommendations register shows it (one register, read here, not copied). */
export interface BoardRegisterRow {
  id: string; boardId: string; boardKind: string; projectTitle: string | null; unitId: string; unitName: string; to: string; text: string; kind: string;
  sentOn: string; answerDue: string; answeredOn: string | null; answer: string | null;
}

/** Board recommendations to units in scope ('all' = province), optionally sent within [from, to]. */
export async function boardRecommendationsForRegister(db: Q, opts: { unitIds: 'all' | string[]; from?: string; to?: string; openOnly?: boolean }): Promise<BoardRegisterRow[]> {
  if (opts.unitIds !== 'all' && !opts.unitIds.length) return [];
  let q = db.selectFrom('board_recommendations as r').innerJoin('boards as b', 'b.id', 'r.board_id').innerJoin('units as u', 'u.id', 'b.unit_id')
    .select(['r.id', 'r.board_id', 'b.kind as board_kind', 'b.project_title', 'b.unit_id', 'u.full_name', 'r.to_authority', 'r.text', 'r.kind', 'r.sent_on', 'r.answer_due', 'r.answered_on', 'r.answer']);
  if (opts.unitIds !== 'all') q = q.where('b.unit_id', 'in', opts.unitIds);
  if (opts.from) q = q.where('r.sent_on', '>=', opts.from);
  if (opts.to) q = q.where('r.sent_on', '<=', opts.to);
  if (opts.openOnly) q = q.where('r.answered_on', 'is', null);
  const rows = await q.orderBy('r.sent_on', 'desc').limit(2000).execute();
  return rows.map((r) => ({ id: r.id, boardId: r.board_id, boardKind: r.board_kind, projectTitle: r.project_title, unitId: r.unit_id, unitName: r.full_name, to: r.to_authority, text: r.text, kind: r.kind,
    sentOn: r.sent_on, answerDue: r.answer_due, answeredOn: r.answered_on, answer: r.answer }));
}
