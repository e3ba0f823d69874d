import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { nextVersion } from '../../platform/http/concurrency.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { getDecision, getHousehold, householdCount } from './community.repository.ts';

/**
 * Records one household's online vote (NĐ 59 Art. 5: item 6 only, households that opted in; data
 * kept = the household and its choice) and refreshes the tally. A household votes once.
 */
export async function castOnlineVote(db: Db, actor: Actor, decisionId: string, input: { householdId: string; choice: 'yes' | 'no' | 'other' }): Promise<Result<{ yes: number; no: number; other: number }, 'not_found' | 'state' | 'invalid'>> {
  return inTransaction(db, async (trx) => {
    const d = await getDecision(trx, decisionId);
    if (!d) return fail('not_found');
    if (d.form !== 'online' || d.status !== 'open') return fail('state', { _: 'community.error.notOnline' });
    const on = d.vote_on ?? localToday();
    const h = await getHousehold(trx, input.householdId);
    if (!h || h.village_id !== d.village_id || h.added_on > on || (h.removed_on && h.removed_on <= on)) return fail('invalid', { householdId: 'community.error.notHousehold' });
    if (!h.online_opt_in_on || h.online_opt_in_on > on) return fail('invalid', { householdId: 'community.error.notOptedIn' });
    const seen = await trx.selectFrom('online_votes').select('id').where('decision_id', '=', d.id).where('household_id', '=', h.id).executeTakeFirst();
    if (seen) return fail('invalid', { householdId: 'community.error.alreadyVoted' });
    await trx.insertInto('online_votes').values({ id: randomUUID(), decision_id: d.id, household_id: h.id, choice: input.choice, cast_at: nowIso() }).execute();
    const rows = await trx.selectFrom('online_votes').select('choice').where('decision_id', '=', d.id).execute();
    const tally = { yes: rows.filter((r) => r.choice === 'yes').length, no: rows.filter((r) => r.choice === 'no').length, other: rows.filter((r) => r.choice === 'other').length };
    await trx.updateTable('community_decisions').set({ ...tally, total_households: await householdCount(trx, d.village_id, on), updated_at: nowIso(), lock_version: nextVersion() }).where('id', '=', d.id).execute();
    await record(trx, actor, { action: 'community.decision.onlineVote', subjectType: 'community_decision', subjectId: d.id, unitId: d.village_id, changes: { householdId: h.id }, visibility: 'unit' });
    return ok(tally);
  });
}
