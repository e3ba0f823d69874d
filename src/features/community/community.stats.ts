import type { Db, Trx } from '../../platform/db/index.ts';
import type { UnitSucceededEvent } from '../../platform/events/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { nextVersion } from '../../platform/http/concurrency.ts';
import { record, SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { boardStats } from '../boards/boards.repository.ts';
import { mediationStats } from '../mediation/mediation.repository.ts';
import { agencyStats } from '../agency-democracy/agency.repository.ts';

/** Numbers for reports: decisions taken (closed), passed, recognised, annulled, in a period and scope. */
export async function communityStats(db: Db, opts: { from: string; to: string; unitIds?: string[] }) {
  let q = db.selectFrom('community_decisions').select(['status', 'passed', 'vote_on', 'village_id', 'commune_id'])
    .where('vote_on', '>=', opts.from).where('vote_on', '<=', opts.to);
  if (opts.unitIds) q = opts.unitIds.length ? q.where((e) => e.or([e('village_id', 'in', opts.unitIds!), e('commune_id', 'in', opts.unitIds!)])) : q.where('id', '=', '-');
  const rows = (await q.execute()).filter((r) => !['open', 'ballot-offered'].includes(r.status));
  return {
    decisionsTaken: rows.length,
    decisionsPassed: rows.filter((r) => Number(r.passed)).length,
    decisionsRecognised: rows.filter((r) => r.status === 'recognized').length,
    decisionsAnnulled: rows.filter((r) => r.status === 'annulled').length,
    ...(await communeDecisionStats(db, opts)),
  };
}

/** Commune-wide decisions closed and passed in a period (Art. 21(1), commune scope). */
async function communeDecisionStats(db: Db, opts: { from: string; to: string; unitIds?: string[] }) {
  let q = db.selectFrom('commune_decisions').select(['status', 'passed']).where('vote_on', '>=', opts.from).where('vote_on', '<=', opts.to).where('status', '=', 'closed');
  if (opts.unitIds) q = opts.unitIds.length ? q.where('commune_id', 'in', opts.unitIds) : q.where('id', '=', '-');
  const rows = await q.execute();
  return { communeDecisionsTaken: rows.length, communeDecisionsPassed: rows.filter((r) => Number(r.passed)).length };
}

/** All numbers of item 7 (reports and dashboards) for a period and scope: decisions, boards, mediation, conferences. */
export async function democracyNumbers(db: Db, opts: { from: string; to: string; unitIds?: string[] }) {
  return { ...(await communityStats(db, opts)), ...(await boardStats(db, opts)), ...(await mediationStats(db, opts)), ...(await agencyStats(db, opts)) };
}

/**
 * On a restructuring, households and open decisions of a village that ended move to its successor
 * (a merged village keeps counting all its households); decisions of a commune that ended follow the new commune.
 */
export async function handOverCommunity(trx: Trx, e: UnitSucceededEvent): Promise<void> {
  for (const [from, to] of Object.entries(e.handover)) {
    const moved = await trx.updateTable('households').set({ village_id: to }).where('village_id', '=', from).where('removed_on', 'is', null).executeTakeFirst();
    const open = await trx.updateTable('community_decisions').set({ village_id: to, updated_at: nowIso(), lock_version: nextVersion() }).where('village_id', '=', from).where('status', 'in', ['open', 'ballot-offered']).executeTakeFirst();
    const commune = await trx.updateTable('community_decisions').set({ commune_id: to, updated_at: nowIso(), lock_version: nextVersion() }).where('commune_id', '=', from).where('status', 'in', ['open', 'ballot-offered', 'closed']).executeTakeFirst();
    const wide = await trx.updateTable('commune_decisions').set({ commune_id: to, updated_at: nowIso() }).where('commune_id', '=', from).where('status', '=', 'open').executeTakeFirst();
    const n = Number(moved.numUpdatedRows) + Number(open.numUpdatedRows) + Number(commune.numUpdatedRows) + Number(wide.numUpdatedRows);
    if (n) await record(trx, SYSTEM_ACTOR, { action: 'community.handover', subjectType: 'unit', subjectId: from, unitId: to, changes: { households: Number(moved.numUpdatedRows), decisions: Number(open.numUpdatedRows), communeDecisions: Number(commune.numUpdatedRows), communeWide: Number(wide.numUpdatedRows) }, visibility: 'unit' });
  }
}
