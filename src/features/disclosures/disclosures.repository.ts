import type { Db, Trx } from '../../platform/db/index.ts';
import { searchWords } from '../../domain/text/normalize.ts';
import type { DisclosuresTable } from './disclosures.tables.ts';
import type { FormEvidence } from './disclosures.schema.ts';

export type DisclosureRow = DisclosuresTable;
export const formsOf = (d: Pick<DisclosuresTable, 'forms'>): FormEvidence[] => JSON.parse(d.forms) as FormEvidence[];

export function getDisclosure(db: Db | Trx, id: string) {
  return db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the user uploaded the stored file (the only files a posting may name by id: the board publishes them). */
export async function uploadedBy(db: Db | Trx, fileId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  return !!(await db.selectFrom('files').select('id').where('id', '=', fileId).where('uploaded_by', '=', userId).executeTakeFirst());
}

/** Disclosures of units (all when 'all'), optionally posted within [from, to] and matching the folded query. */
export async function findDisclosures(db: Db | Trx, f: { unitIds: string[] | 'all'; from?: string; to?: string; q?: string; limit?: number; offset?: number }) {
  if (f.unitIds !== 'all' && f.unitIds.length === 0) return [];
  let q = db.selectFrom('disclosures').selectAll();
  if (f.unitIds !== 'all') q = q.where('unit_id', 'in', f.unitIds);
  if (f.from) q = q.where('posted_on', '>=', f.from);
  if (f.to) q = q.where('posted_on', '<=', f.to);
  for (const w of searchWords(f.q ?? '')) q = q.where('search_text', 'like', `% ${w}%`);
  q = q.orderBy('posted_on', 'desc').orderBy('created_at', 'desc');
  if (f.limit) q = q.limit(f.limit).offset(f.offset ?? 0);
  return q.execute();
}

/** Permanent-item disclosures of units posted on or before a date (Art. 13(2): items 4 and 13). */
export function permanentPostings(db: Db | Trx, unitIds: string[], codes: string[], on: string) {
  if (unitIds.length === 0 || codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('disclosures').select(['id', 'unit_id', 'item_code', 'posted_on', 'removed_on', 'decision_on'])
    .where('unit_id', 'in', unitIds).where('item_code', 'in', codes).where('posted_on', '<=', on).execute();
}
