import type { Db, Trx } from '../../platform/db/index.ts';
import type { ConsultationCommentsTable, ConsultationsTable } from './consultations.tables.ts';
import type { Section } from './consultations.schema.ts';

export type ConsultationRow = ConsultationsTable;
export type CommentRow = ConsultationCommentsTable;
export const sectionsOf = (c: Pick<ConsultationsTable, 'sections'>): Section[] => JSON.parse(c.sections) as Section[];
export const formsOf = (c: Pick<ConsultationsTable, 'forms'>): string[] => JSON.parse(c.forms) as string[];

export const getConsultation = (db: Db | Trx, id: string) => db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();

export const commentsOf = (db: Db | Trx, consultationId: string) =>
  db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', consultationId).orderBy('received_on').orderBy('created_at').execute();

export const dialoguesOf = (db: Db | Trx, consultationId: string) =>
  db.selectFrom('consultation_dialogues').selectAll().where('consultation_id', '=', consultationId).orderBy('held_on').orderBy('created_at').execute();
export type DialogueRow = Awaited<ReturnType<typeof dialoguesOf>>[number];

/** The disclosures a consultation made (Art. 11(11)): when it opened and when it closed. */
export const disclosuresOfConsultation = (db: Db | Trx, consultationId: string) =>
  db.selectFrom('disclosures').select(['id', 'unit_id', 'item_code', 'title', 'posted_on', 'posted_until', 'consultation_stage']).where('consultation_id', '=', consultationId).orderBy('posted_on').execute();

export function getComment(db: Db | Trx, consultationId: string, id: string) {
  return db.selectFrom('consultation_comments').selectAll().where('consultation_id', '=', consultationId).where('id', '=', id).executeTakeFirst();
}

/** Consultations of units (all when 'all'), newest first. */
export function findConsultations(db: Db | Trx, unitIds: string[] | 'all', f: { from?: string; to?: string; limit?: number } = {}) {
  if (unitIds !== 'all' && unitIds.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('consultations').selectAll();
  if (unitIds !== 'all') q = q.where('unit_id', 'in', unitIds);
  if (f.from) q = q.where('opens_on', '>=', f.from);
  if (f.to) q = q.where('opens_on', '<=', f.to);
  return q.orderBy('opens_on', 'desc').limit(f.limit ?? 500).execute();
}

/** Comment counts per consultation: received and accepted (fully or partly). */
export async function commentCounts(db: Db | Trx, ids: string[]) {
  const m = new Map<string, { received: number; accepted: number; undisposed: number }>();
  if (ids.length === 0) return m;
  const rows: { consultation_id: string; decision: string | null }[] = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...(await db.selectFrom('consultation_comments').select(['consultation_id', 'decision']).where('consultation_id', 'in', ids.slice(i, i + 500)).execute()));
  for (const r of rows) {
    const x = m.get(r.consultation_id) ?? { received: 0, accepted: 0, undisposed: 0 };
    x.received++;
    if (r.decision === 'accepted' || r.decision === 'partly') x.accepted++;
    if (!r.decision) x.undisposed++;
    m.set(r.consultation_id, x);
  }
  return m;
}
