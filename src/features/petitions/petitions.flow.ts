import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { can, type CurrentUser } from '../../platform/authz/index.ts';
import { sealer } from '../../platform/crypto/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { canStep, clockRules, complexityOf, extensionRefusal, forwardRefusal, resolveVariant, triageOutcome, type PetitionKind, type Status, type Step } from '../../domain/petitions/index.ts';
import { ancestorIds } from '../units/index.ts';
import { getPetition, holdersOf, type PetitionRow } from './petitions.repository.ts';
import { addEvent, type Sender } from './petitions.service.ts';
import { appendHistory, clock, earliest, historyEntry, legalTime, type ClockEntry, type Clocks, type LegalTime } from './petitions.clock.ts';
import { competenceOf, dateRefusal, receivedHere, timeBarOf } from './petitions.procedure.ts';
import type { ClassifyInput } from './petitions.schema.ts';
import { isRemoteUnit } from './petitions.settings.ts';
import { dialogueRefusal } from './petitions.dialogue.ts';

export type FlowError = 'not_found' | 'forbidden' | 'bad_state' | 'forward_loop' | 'forward_once' | 'same_unit' | 'unit_missing' | 'not_complex' | 'not_especially_complex' | 'invalid_date' | 'dialogue_required';
export type Change = (trx: Trx, p: PetitionRow, lt: LegalTime) => Promise<Result<{ set: Partial<PetitionRow>; event: string; publicEvent: boolean; note?: string | null; changes: unknown }, FlowError>>;

/** May the user act on this case (handle action over its current unit)? */
export const mayHandle = (db: Db | Trx, user: CurrentUser | null, unitId: string) => can(user, 'petitions.handle', unitId, (id) => ancestorIds(db, id));

/** One step of the flow: load, check scope and state, change, history, audit — in one transaction. */
export async function step(db: Db, actor: Actor, user: CurrentUser | null, id: string, name: Step, change: Change): Promise<Result<string, FlowError>> {
  const lt = await legalTime(db);
  return inTransaction(db, async (trx) => {
    const p = await getPetition(trx, id);
    if (!p) return fail('not_found');
    if (!(await mayHandle(trx, user, p.handling_unit_id))) return fail('forbidden');
    if (!canStep(name, p.status as Status, p.kind as PetitionKind | null, p.extensions)) return fail('bad_state');
    const r = await change(trx, p, lt);
    if (!r.ok) return r;
    await trx.updateTable('petitions').set({ ...r.value.set, updated_at: nowIso() }).where('id', '=', id).execute();
    await addEvent(trx, id, { event: r.value.event, public: r.value.publicEvent, actorId: actor.userId, unitId: r.value.set.handling_unit_id ?? p.handling_unit_id, note: r.value.note });
    await record(trx, actor, { action: `petitions.${name}`, subjectType: 'petition', subjectId: id, unitId: p.handling_unit_id, changes: r.value.changes });
    return ok(id);
  });
}

export const clocksOf = (p: PetitionRow): Clocks => JSON.parse(p.deadlines) as Clocks;

/**
 * Classification: kind, field, areas, competence (derived from the kind of the unit whose decision
 * is complained about), eligibility and, for a complaint, the time bar (LKN Art. 9, 33); starts the
 * kind's clocks from the day received (by this unit, for a forwarded case).
 */
export function classify(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: ClassifyInput) {
  return step(db, actor, user, id, 'classify', async (trx, p, lt) => {
    if (p.awaiting_receipt) return fail('bad_state');
    const kind = i.kind;
    const start = receivedHere(p);
    // Remote-area flag: ticked by the handler, or the commune is on the province's remote list.
    const remote = i.remote || (await isRemoteUnit(trx, [p.handling_unit_id, p.addressed_unit_id]));
    const rules = clockRules(kind, i.instance);
    const clocks: Clocks = { process: clocksOf(p).process };
    const names: string[] = [];
    for (const r of rules.beforeAccept) {
      const name = r.endsWith('.forward') ? 'forward' : r.endsWith('.triage') ? 'triage' : r.endsWith('.accept') ? 'accept' : 'process';
      clocks[name] = clock(lt, r, start, { remote });
      if (name !== 'forward') names.push(name);
    }
    const comp = await competenceOf(trx, p, i);
    if (!comp.ok) return comp;
    const bar = kind === 'complaint' ? timeBarOf(lt, p, i, remote, start) : null;
    if (bar && !bar.ok) return bar;
    const late = !!bar?.value?.late;
    if (late) clocks['notice.refusal'] = clock(lt, 'complaint.refusal.notice', start);
    const history: ClockEntry[] = Object.entries(clocks).filter(([n]) => n !== 'process' || !clocksOf(p).process).map(([n, c]) => historyEntry(start, n.startsWith('notice.') ? 'notice-due' : 'start', n, c));
    if (bar?.value) history.push(historyEntry(start, 'time-bar', 'limitation', null, { basis: `${bar.value.legalBasis.law}, Điều ${bar.value.legalBasis.article}`, note: `${bar.value.due}${late ? ' · late' : ''} · ${bar.value.excludedDays}` }));
    const eligibility = { hasSenderIdentity: !!p.sender_sealed && !p.anonymous, hasAddress: !!p.sender_sealed, hasContent: p.content.length > 0, notDuplicate: !p.duplicate_of, notAlreadyGuided: true };
    const outcome = triageOutcome(kind, eligibility, { anonymous: !!p.anonymous, clearEvidence: i.anonymousEvidence });
    const other = i.competence !== 'this-unit' && i.competence !== 'other-unit';
    const close = outcome === 'guide-split' || outcome === 'file-anonymous' || other || late;
    const competence = comp.value.routeTo && comp.value.routeTo !== p.handling_unit_id && i.competence === 'this-unit' ? 'other-unit' : i.competence;
    return ok({
      set: {
        time_bar: bar?.value ? JSON.stringify(bar.value) : null, decision_unit_id: i.decisionUnitId, resolver: comp.value.resolver ? JSON.stringify(comp.value) : null, clock_history: appendHistory(p.clock_history, ...history),
        kind, field: i.field, areas: JSON.stringify(i.areas), remote: remote ? 1 : 0, complex: i.complex ? 1 : 0, instance: i.instance, competence,
        accused_unit_id: i.accusedUnitId, eligibility: JSON.stringify({ ...eligibility, outcome }), sealed: p.sealed || kind === 'denunciation' ? 1 : 0,
        assigned_user_id: p.assigned_user_id ?? actor.userId, deadlines: JSON.stringify(clocks), due_on: close ? null : earliest(clocks, names),
        status: close ? 'closed' : 'triaged', answer: late ? 'guidance:time-barred' : close ? `guidance:${other ? 'other-branch' : outcome}` : p.answer,
      },
      event: late ? 'refused' : close ? 'guided' : 'classified', publicEvent: true, note: late ? 'time-barred' : close ? outcome : kind,
      changes: { kind, field: i.field, remote, complex: i.complex, competence, outcome, areas: i.areas, timeBar: bar?.value ?? null, resolver: comp.value.resolver ?? null },
    });
  });
}

/**
 * Forward to the competent unit on the date of the forwarding letter; refuses loops (forward_loop)
 * and a second forward of a denunciation (TT 05/2021 Art. 14). The clocks stop here and start again
 * when the competent body enters the day it received the case (`receive`).
 */
export function forward(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: { toUnitId: string; reason: string; forwardedOn: string }) {
  return step(db, actor, user, id, 'forward', async (trx, p) => {
    const bad = dateRefusal(p, i.forwardedOn, 'forwardedOn');
    if (bad) return bad;
    const target = await trx.selectFrom('units').select('id').where('id', '=', i.toUnitId).where('valid_to', 'is', null).executeTakeFirst();
    if (!target) return fail('unit_missing', { toUnitId: 'petitions.error.unitMissing' });
    const holders = await holdersOf(trx, p);
    const count = holders.length - 1;
    const refusal = forwardRefusal(p.kind as PetitionKind | null, holders, i.toUnitId, count);
    if (refusal) return fail(refusal, { toUnitId: `petitions.error.${refusal}` });
    const step = p.kind === 'denunciation' ? 'LTC 25/2018 Điều 24(2); TT 05/2021 Điều 14' : 'LTCD 42/2013 Điều 27; TT 05/2021';
    await trx.insertInto('petition_forwards').values({ id: randomUUID(), petition_id: p.id, from_unit_id: p.handling_unit_id, to_unit_id: i.toUnitId, at: nowIso(), by_user_id: actor.userId, reason: i.reason, legal_step: step }).execute();
    const clocks = clocksOf(p);
    const stopped = ['process', 'accept', 'triage'].filter((n) => clocks[n]).map((n) => historyEntry(i.forwardedOn, 'stop', n, null, { previousDue: clocks[n].due, note: 'forwarded' }));
    return ok({
      set: { handling_unit_id: i.toUnitId, status: 'received', assigned_user_id: null, due_on: null, awaiting_receipt: 1, last_step_on: i.forwardedOn, clock_history: appendHistory(p.clock_history, ...stopped) },
      event: 'forwarded', publicEvent: true, note: i.reason, changes: { fromUnitId: p.handling_unit_id, toUnitId: i.toUnitId, reason: i.reason, legalStep: step, forwardedOn: i.forwardedOn },
    });
  });
}

/**
 * Acceptance (thụ lý) on the date of the acceptance decision: starts the resolution clock from it
 * and, for a denunciation, the notice to the denouncer and the accused (LTC Art. 29(3)).
 */
export function accept(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: { acceptedOn: string; decisionNumber?: string | null }) {
  return step(db, actor, user, id, 'accept', async (_trx, p, lt) => {
    const bad = dateRefusal(p, i.acceptedOn, 'acceptedOn');
    if (bad) return bad;
    const kind = p.kind as PetitionKind;
    const rule = clockRules(kind, p.instance as 'first' | 'second').resolve!;
    const clocks = clocksOf(p);
    const start = kind === 'recommendation' || kind === 'feedback' ? p.received_on : i.acceptedOn;
    clocks.resolve = clock(lt, rule, start, { variant: resolveVariant(kind, { complex: !!p.complex, extensions: 0 }), remote: !!p.remote });
    const h = [...['accept', 'triage', 'process'].filter((n) => clocks[n] && n !== 'process').map((n) => historyEntry(i.acceptedOn, 'end', n, null, { previousDue: clocks[n].due })), historyEntry(i.acceptedOn, 'start', 'resolve', clocks.resolve, { note: i.decisionNumber })];
    if (kind === 'denunciation') {
      clocks['notice.acceptance'] = clock(lt, 'denunciation.notice', i.acceptedOn);
      h.push(historyEntry(i.acceptedOn, 'notice-due', 'notice.acceptance', clocks['notice.acceptance']));
    }
    return ok({ set: { status: 'accepted', accepted_on: i.acceptedOn, last_step_on: i.acceptedOn, deadlines: JSON.stringify(clocks), due_on: clocks.resolve.due, assigned_user_id: p.assigned_user_id ?? actor.userId, clock_history: appendHistory(p.clock_history, ...h) }, event: 'accepted', publicEvent: true, note: i.decisionNumber ?? null, changes: { acceptedOn: i.acceptedOn, decisionNumber: i.decisionNumber ?? null, due: clocks.resolve.due } });
  });
}

/**
 * A written extension: a denunciation once by 30 days when complex (one criterion of NĐ 31/2019
 * Art. 3(2)), a second time only when especially complex (two criteria, Art. 3(3); LTC Art. 30);
 * a complaint to its "complex" limit. The criteria met are recorded on the case (cumulative).
 */
export function extend(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: { reason: string; decisionNumber: string; criteria?: string[] }) {
  return step(db, actor, user, id, 'extend', async (_trx, p, lt) => {
    const kind = p.kind as PetitionKind;
    const criteria = [...new Set([...(JSON.parse(p.complexity_criteria) as string[]), ...(i.criteria ?? [])])];
    const refusal = extensionRefusal(kind, p.extensions, criteria);
    if (refusal) return fail(refusal, { criteria: `petitions.error.${refusal}` });
    const n = p.extensions + 1;
    const clocks = clocksOf(p);
    const previousDue = clocks.resolve.due;
    clocks.resolve = clock(lt, clockRules(kind, p.instance as 'first' | 'second').resolve!, p.accepted_on!, { variant: resolveVariant(kind, { complex: true, extensions: n }), remote: !!p.remote, excludedDays: p.suspended_days });
    return ok({
      set: { extensions: n, complex: 1, complexity_criteria: JSON.stringify(criteria), deadlines: JSON.stringify(clocks), due_on: clocks.resolve.due, clock_history: appendHistory(p.clock_history, historyEntry(p.last_step_on ?? p.accepted_on!, 'extend', 'resolve', clocks.resolve, { previousDue, note: i.decisionNumber })) }, event: 'extended', publicEvent: true, note: i.decisionNumber,
      changes: { extension: n, decisionNumber: i.decisionNumber, reason: i.reason, criteria, complexity: complexityOf(criteria), due: clocks.resolve.due },
    });
  });
}

/** Extends a denunciation's triage from 7 to 10 working days (LTC Art. 24(1)), once, with the reason. */
export function extendTriage(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: { reason: string }) {
  return step(db, actor, user, id, 'extend-triage', async (_trx, p, lt) => {
    const clocks = clocksOf(p);
    if (!clocks.triage || clocks.triage.variant === 'extended') return fail('bad_state');
    const previousDue = clocks.triage.due;
    clocks.triage = clock(lt, 'denunciation.triage', clocks.triage.start, { variant: 'extended' });
    return ok({ set: { deadlines: JSON.stringify(clocks), due_on: earliest(clocks, ['triage']), clock_history: appendHistory(p.clock_history, historyEntry(clocks.triage.start, 'extend', 'triage', clocks.triage, { previousDue })) }, event: 'triage-extended', publicEvent: false, note: i.reason, changes: { reason: i.reason, due: clocks.triage.due } });
  });
}

/**
 * Resolution on the date of the decision or conclusion; the summary is the citizen's answer. Starts
 * the notices: sending a complaint decision (LKN Art. 32) and, for a case forwarded by another body,
 * telling that body the result (LTCD Art. 27(2)).
 */
export function resolve(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: { outcome: string; documentNumber: string; summary: string; resolvedOn: string; verificationDiffers?: boolean }) {
  return step(db, actor, user, id, 'resolve', async (_trx, p, lt) => {
    const bad = dateRefusal(p, i.resolvedOn, 'resolvedOn') ?? dialogueRefusal(p, i.resolvedOn, !!i.verificationDiffers);
    if (bad) return bad;
    const clocks = clocksOf(p);
    const h = [historyEntry(i.resolvedOn, 'end', 'resolve', null, { previousDue: clocks.resolve?.due ?? null, note: i.documentNumber })];
    const notice = (name: string, rule: string) => { clocks[name] = clock(lt, rule, i.resolvedOn); h.push(historyEntry(i.resolvedOn, 'notice-due', name, clocks[name])); };
    if (p.kind === 'complaint') notice('notice.decision', 'complaint.first.decision-send');
    if (p.source_body || p.channel === 'forwarded') notice('notice.forwarded-result', 'reception.forwarded.notify-sender');
    return ok({ set: { status: 'resolved', outcome: i.outcome, document_number: i.documentNumber, answer: i.summary, resolved_on: i.resolvedOn, last_step_on: i.resolvedOn, deadlines: JSON.stringify(clocks), clock_history: appendHistory(p.clock_history, ...h) }, event: 'resolved', publicEvent: true, note: i.documentNumber, changes: { outcome: i.outcome, documentNumber: i.documentNumber, resolvedOn: i.resolvedOn, verificationDiffers: !!i.verificationDiffers } });
  });
}

/**
 * Who may read a sealed identity: the assigned handler, or a head of the handling unit — never
 * anyone holding a grant on the accused person's unit.
 */
export async function mayReveal(db: Db | Trx, user: CurrentUser | null, p: PetitionRow): Promise<boolean> {
  if (!user) return false;
  if (p.accused_unit_id) {
    const accusedChain = [p.accused_unit_id, ...(await ancestorIds(db, p.accused_unit_id))];
    if (user.grants.some((g) => g.unitId === p.accused_unit_id || (g.includeDescendants && accusedChain.includes(g.unitId)))) return false;
  }
  if (p.assigned_user_id === user.id && (await mayHandle(db, user, p.handling_unit_id))) return true;
  const chain = [p.handling_unit_id, ...(await ancestorIds(db, p.handling_unit_id))];
  return user.grants.some((g) => g.role === 'unit-head' && (g.unitId === p.handling_unit_id || (g.includeDescendants && chain.includes(g.unitId))));
}

/** The audited reveal: returns the identity; the reason (not the identity) goes to the audit log. */
export async function reveal(db: Db, actor: Actor, user: CurrentUser | null, id: string, reason: string): Promise<Result<Sender | null, 'not_found' | 'forbidden'>> {
  return inTransaction(db, async (trx) => {
    const p = await getPetition(trx, id);
    if (!p) return fail('not_found');
    if (!(await mayReveal(trx, user, p))) return fail('forbidden');
    await addEvent(trx, id, { event: 'revealed', public: false, actorId: actor.userId, unitId: p.handling_unit_id, note: reason });
    await record(trx, actor, { action: 'petitions.reveal', subjectType: 'petition', subjectId: id, unitId: p.handling_unit_id, changes: { reason } });
    return ok(p.sender_sealed ? (JSON.parse(sealer().open(p.sender_sealed)) as Sender) : null);
  });
}
