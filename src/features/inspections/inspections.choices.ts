import type { Db } from '../../platform/db/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { onUnit } from './inspections.access.ts';

/** Units a plan may target: current communes and provincial departments. */
export async function targetUnits(db: Db): Promise<[string, string][]> {
  const rows = await db.selectFrom('units').select(['id', 'full_name']).where('kind', 'in', ['commune-committee', 'department']).where('valid_to', 'is', null).orderBy('kind', 'desc').orderBy('full_name').limit(500).execute();
  return rows.map((u) => [u.id, u.full_name]);
}

/** Recommendations whose addressee the user answers for (may file the remediation report). */
export async function remediableIds(c: Ctx, recs: { id: string; addressee_unit_id: string }[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const r of recs) if (await onUnit(c, 'inspections.respond', r.addressee_unit_id)) out.add(r.id);
  return out;
}
