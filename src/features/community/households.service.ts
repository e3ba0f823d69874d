import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { getHousehold, householdCount } from './community.repository.ts';
import { householdInput, type HouseholdInput } from './community.schema.ts';

/** Parses a CSV with a `representative` column (and optional `address`); fields keyed by line on error. */
export function parseHouseholdCsv(text: string): Result<HouseholdInput[], 'bad_csv'> {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const head = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const ri = head.indexOf('representative');
  if (ri < 0) return fail('bad_csv', { representative: 'community.error.csvColumn' });
  const ai = head.indexOf('address');
  const out: HouseholdInput[] = [];
  for (const [i, r] of rows.entries()) {
    if (r.every((c) => !c.trim())) continue;
    const p = householdInput.safeParse({ representative: r[ri] ?? '', address: ai >= 0 ? r[ai] : undefined });
    if (!p.success) return fail('bad_csv', { [`line${i + 2}`]: 'community.error.csvLine' });
    out.push(p.data);
  }
  if (!out.length) return fail('bad_csv', { representative: 'community.error.csvEmpty' });
  return ok(out);
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Adds households to a village (representative name only, Art. 5(2) NĐ 59 keeps name + address); returns the new total. */
export async function addHouseholds(db: Db, actor: Actor, villageId: string, list: HouseholdInput[]): Promise<Result<number, never>> {
  return inTransaction(db, async (trx) => {
    const today = localToday();
    const now = nowIso();
    for (const h of list) {
      await trx.insertInto('households').values({ id: randomUUID(), village_id: villageId, representative: h.representative, address: h.address, added_on: h.addedOn ?? today, removed_on: null, online_opt_in_on: null, created_at: now }).execute();
    }
    const latest = list.reduce((m, h) => ((h.addedOn ?? today) > m ? (h.addedOn ?? today) : m), today);
    const count = await householdCount(trx, villageId, latest);
    await record(trx, actor, { action: 'households.add', subjectType: 'village', subjectId: villageId, unitId: villageId, changes: { added: list.length, total: count }, visibility: 'unit' });
    return ok(count);
  });
}

/** Marks a household as gone from a date (moved, merged): it no longer counts from that date. */
export async function removeHousehold(db: Db, actor: Actor, id: string, on: string | null): Promise<Result<string, 'not_found' | 'bad_date'>> {
  return inTransaction(db, async (trx) => {
    const h = await getHousehold(trx, id);
    if (!h || h.removed_on) return fail('not_found');
    const date = on ?? localToday();
    if (date < h.added_on) return fail('bad_date', { on: 'community.error.removedBeforeAdded' });
    await trx.updateTable('households').set({ removed_on: date }).where('id', '=', id).execute();
    await record(trx, actor, { action: 'households.remove', subjectType: 'household', subjectId: id, unitId: h.village_id, changes: { removedOn: date }, visibility: 'unit' });
    return ok(h.village_id);
  });
}

/** Records a household's opt-in to online voting (NĐ 59 Art. 5(2)). */
export async function optIn(db: Db, actor: Actor, id: string, on: string | null): Promise<Result<string, 'not_found'>> {
  return inTransaction(db, async (trx) => {
    const h = await getHousehold(trx, id);
    if (!h || h.removed_on) return fail('not_found');
    const date = on ?? localToday();
    await trx.updateTable('households').set({ online_opt_in_on: date }).where('id', '=', id).execute();
    await record(trx, actor, { action: 'households.optIn', subjectType: 'household', subjectId: id, unitId: h.village_id, changes: { optedInOn: date }, visibility: 'unit' });
    return ok(h.village_id);
  });
}
