/** The 34 provinces and 3,321 communes from src/data (through the units import) and generated villages. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/clock.ts';
import { record, inTransaction, type Actor } from '../../platform/audit/index.ts';
import { importUnits, listProvinces } from '../../features/units/index.ts';
import { REFORM_2025, unitSearchText } from '../../features/units/units.kinds.ts';
import { bulkInsert, type Random } from './bulk.ts';

export interface Commune { id: string; name: string; provinceCode: string; villages: string[] }

/** Imports every province except `skip` (the demo province, imported by the demo seed). */
export async function importProvinces(db: Db, actor: Actor, skip: string): Promise<number> {
  let n = 0;
  for (const p of listProvinces()) if (p.code !== skip) n += (await importUnits(db, actor, p.code)).created;
  return n;
}

/** Today's communes of every province, with their villages (made here when a commune has none: 4–14, like a real commune). */
export async function communesWithVillages(db: Db, actor: Actor, rnd: Random): Promise<Commune[]> {
  const communes = await db.selectFrom('units').select(['id', 'full_name', 'province_code']).where('kind', '=', 'commune-committee').where('valid_to', 'is', null).orderBy('code').execute();
  const existing = await db.selectFrom('units').select(['id', 'parent_id']).where('kind', '=', 'village').where('valid_to', 'is', null).execute();
  const byParent = new Map<string, string[]>();
  for (const v of existing) (byParent.get(v.parent_id!) ?? byParent.set(v.parent_id!, []).get(v.parent_id!)!).push(v.id);
  const now = nowIso();
  const rows: Record<string, unknown>[] = [];
  const out = communes.map((c): Commune => {
    let villages = byParent.get(c.id);
    if (!villages) {
      villages = [];
      const ward = c.full_name.startsWith('Phường');
      for (let i = 1, n = 4 + rnd.int(11); i <= n; i++) {
        const id = randomUUID();
        const name = ward ? `Tổ dân phố ${i}` : `Thôn ${i}`;
        villages.push(id);
        rows.push({ id, code: null, key: null, name, full_name: `${name}, ${c.full_name}`, name_en: null, kind: 'village', commune_type: null, parent_id: c.id, province_code: c.province_code, valid_from: REFORM_2025, valid_to: null, search_text: unitSearchText(`${name}, ${c.full_name}`, name, null), created_at: now, updated_at: now });
      }
    }
    return { id: c.id, name: c.full_name, provinceCode: c.province_code ?? '', villages };
  });
  await bulkInsert(db, 'units', rows);
  if (rows.length) await inTransaction(db, (trx) => record(trx, actor, { action: 'units.villages.generate', subjectType: 'unit', subjectId: null, changes: { villages: rows.length }, visibility: 'admin' }));
  return out;
}
