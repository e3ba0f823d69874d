import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { COMMUNE_RULES, communeViolation, decideCommune } from '../../domain/democracy/index.ts';
import { communeParts, communeVillages, getCommune, getCommuneDecision } from './community.repository.ts';
import type { CommuneDecisionInput } from './community.schema.ts';
import { openDecision } from './decisions.service.ts';

type E = 'not_found' | 'rule' | 'state' | 'invalid';
const audit = (trx: Trx, actor: Actor, action: string, id: string, communeId: string, changes: unknown) =>
  record(trx, actor, { action: `community.commune.${action}`, subjectType: 'commune_decision', subjectId: id, unitId: communeId, changes, visibility: 'public' });

/**
 * Opens a commune-wide decision on items 1–2 (Art. 16(1): proposed by the commune chairman): one
 * village part per current village of the commune, each decided at a meeting or by household ballot
 * (Art. 19(1)(a)) and counted by its village's own threshold.
 */
export async function createCommuneDecision(db: Db, actor: Actor, input: CommuneDecisionInput): Promise<Result<{ id: string; parts: { villageId: string; decisionId: string }[] }, E>> {
  return inTransaction(db, async (trx) => {
    const commune = await getCommune(trx, input.communeId);
    if (!commune) return fail('not_found', { communeId: 'community.error.communeMissing' });
    const broken = communeViolation(input.matter, input.form);
    if (broken) return fail('rule', { [broken.id === COMMUNE_RULES.scope.id ? 'matter' : 'form']: `rule:${broken.id}` });
    const villages = await communeVillages(trx, commune.id, input.voteOn ?? localToday());
    if (!villages.length) return fail('invalid', { communeId: 'community.error.noVillages' });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('commune_decisions').values({ id, commune_id: commune.id, matter: input.matter, form: input.form, question: input.question, vote_on: input.voteOn, status: 'open',
      villages_total: villages.length, villages_passed: null, passed: null, rule: null, effective_on: null, created_by: actor.userId, created_at: now, updated_at: now }).execute();
    const parts: { villageId: string; decisionId: string }[] = [];
    for (const v of villages) {
      const r = await openDecision(trx, actor, { villageId: v.id, matter: input.matter, form: input.form, question: input.question, proposer: 'commune-chairman',
        initiativeSupporters: null, initiativeAgreedOn: null, frontApproved: false, noticeOn: input.noticeOn, voteOn: input.voteOn }, { parentId: id });
      if (!r.ok) throw Object.assign(new Error('village part refused'), { result: r });
      parts.push({ villageId: v.id, decisionId: r.value });
    }
    await audit(trx, actor, 'create', id, commune.id, { ...input, villages: villages.length });
    return ok({ id, parts });
  }).catch((e: { result?: Result<never, E> }) => {
    if (e?.result) return e.result;
    throw e;
  });
}

export type PartState = 'approved' | 'rejected' | 'pending';
export interface VillageResult { villageId: string; villageName: string; decisionId: string | null; status: string | null; state: PartState; yes: number | null; total: number | null }

/** Each village's standing: the latest of its parts (a ballot after a short meeting replaces the meeting). */
export async function villageResults(db: Db | Trx, id: string): Promise<VillageResult[]> {
  const d = await getCommuneDecision(db, id);
  if (!d) return [];
  const villages = await communeVillages(db, d.commune_id, d.vote_on ?? localToday());
  const parts = await communeParts(db, id);
  const latest = new Map<string, (typeof parts)[number]>();
  for (const p of parts) latest.set(p.village_id, p);
  const rows = new Map<string, VillageResult>(villages.map((v) => [v.id, { villageId: v.id, villageName: v.name, decisionId: null, status: null, state: 'rejected' as PartState, yes: null, total: null }]));
  for (const [vid, p] of latest) {
    const state: PartState = p.status === 'open' || p.status === 'ballot-offered' ? 'pending' : (p.status === 'closed' || p.status === 'recognized') && Number(p.passed) ? 'approved' : 'rejected';
    rows.set(vid, { villageId: vid, villageName: p.villageName, decisionId: p.id, status: p.status, state, yes: p.yes, total: p.total_households });
  }
  return [...rows.values()].sort((a, b) => a.villageName.localeCompare(b.villageName, 'vi'));
}

export interface CommuneCloseResult { passed: boolean; villagesApproving: number; totalVillages: number; required: number; rule: string; article: string; effectiveOn: string | null }

/**
 * Closes a commune-wide decision once every village has its result: passed when at least two-thirds
 * of ALL villages of the commune approved (Art. 21(1)); then in force from the date the commune UBND sets (Art. 21(2)).
 */
export async function closeCommuneDecision(db: Db, actor: Actor, id: string, input: { effectiveOn: string | null }): Promise<Result<CommuneCloseResult, E>> {
  return inTransaction(db, async (trx) => {
    const d = await getCommuneDecision(trx, id);
    if (!d) return fail('not_found');
    if (d.status !== 'open') return fail('state', { _: 'community.error.notOpen' });
    const rows = await villageResults(trx, id);
    if (rows.some((r) => r.state === 'pending')) return fail('state', { _: 'community.error.villagesPending' });
    const approving = rows.filter((r) => r.state === 'approved').length;
    const r = decideCommune(approving, rows.length);
    const on = d.vote_on ?? localToday();
    const effectiveOn = r.passed ? (input.effectiveOn ?? on) : null;
    if (effectiveOn && effectiveOn < on) return fail('invalid', { effectiveOn: 'community.error.effectiveBeforeVote' });
    await trx.updateTable('commune_decisions').set({ status: 'closed', vote_on: on, villages_total: rows.length, villages_passed: approving, passed: r.passed ? 1 : 0, rule: r.rule.id, effective_on: effectiveOn, updated_at: nowIso() }).where('id', '=', id).execute();
    const result: CommuneCloseResult = { passed: r.passed, villagesApproving: approving, totalVillages: rows.length, required: r.required, rule: r.rule.id, article: r.rule.article, effectiveOn };
    await audit(trx, actor, 'close', id, d.commune_id, result);
    return ok(result);
  });
}
