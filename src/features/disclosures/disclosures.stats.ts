import type { Db } from '../../platform/db/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { itemsOf } from '../../domain/disclosure/catalogue.ts';
import { findDisclosures, permanentPostings } from './disclosures.repository.ts';
import { complianceOf, flagsOf, scopeOfKind, type Compliance } from './disclosures.rules.ts';

/** Compliance of one unit over [from, to], or null when the unit discloses nothing (a village). */
export async function unitCompliance(db: Db, unit: { id: string; kind: string }, from: string, to: string): Promise<Compliance | null> {
  const scope = scopeOfKind(unit.kind);
  if (!scope) return null;
  const rows = await findDisclosures(db, { unitIds: [unit.id], from, to });
  const perm = await permanentPostings(db, [unit.id], itemsOf(scope, to).filter((i) => i.permanent).map((i) => i.code), to);
  return complianceOf(scope, rows, perm, to, localToday());
}

/** Compliance of many units at once (the coordinator's overview): one query for the postings. */
export async function complianceOfUnits(db: Db, units: { id: string; kind: string }[], from: string, to: string): Promise<Map<string, Compliance & { posted: number }>> {
  const ids = units.map((u) => u.id);
  const rows = ids.length ? await findDisclosures(db, { unitIds: ids, from, to }) : [];
  const perm = await permanentPostings(db, ids, ['c04', 'c13'], to);
  const out = new Map<string, Compliance & { posted: number }>();
  for (const u of units) {
    const scope = scopeOfKind(u.kind);
    if (!scope) continue;
    const mine = rows.filter((r) => r.unit_id === u.id);
    out.set(u.id, { ...complianceOf(scope, mine, perm.filter((p) => p.unit_id === u.id), to, localToday()), posted: mine.length });
  }
  return out;
}

/** Numbers for reports: disclosures posted in [from, to] and how many on time (Art. 12(3), 47(2)). */
export async function disclosureStats(db: Db, unitIds: string[] | 'all', from: string, to: string) {
  const rows = await findDisclosures(db, { unitIds, from, to });
  const today = localToday();
  const flags = rows.map((r) => flagsOf(r, today));
  return { posted: rows.length, onTime: flags.filter((f) => !f.late).length, late: flags.filter((f) => f.late).length, tooShort: flags.filter((f) => f.tooShort).length };
}

/** Disclosures posted in [from, to] per unit (the public map and open data): one grouped query. */
export async function disclosureCountsByUnit(db: Db, unitIds: string[], from: string, to: string): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.selectFrom('disclosures').select(['unit_id', (e) => e.fn.countAll<number>().as('n')])
    .where('unit_id', 'in', unitIds).where('posted_on', '>=', from).where('posted_on', '<=', to).groupBy('unit_id').execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
