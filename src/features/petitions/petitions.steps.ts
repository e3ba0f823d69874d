/**
 * Steps of the case procedure added by issue 18: receipt of a forwarded case (the clocks start on
 * the day the competent body received it), suspension and resumption of the resolution (LKN Art.
 * 11a, NĐ 124/2020 Art. 28a–28b as amended; LTC Art. 31), withdrawal (LKN Art. 10; LTC Art. 33) and
 * the notices sent. Every step keeps the document's date and writes the clock history.
 */
import type { Db } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/authz/index.ts';
import { fail, ok } from '../../platform/http/errors.ts';
import { clockRules, daysBetween, resolveVariant, suspensionRule, type PetitionKind } from '../../domain/petitions/index.ts';
import { appendHistory, clock, earliest, historyEntry, type Clocks } from './petitions.clock.ts';
import { clocksOf, step } from './petitions.flow.ts';
import { dateRefusal } from './petitions.procedure.ts';

/** The competent body enters the day it received a forwarded case: its clocks start from that day. */
export function receive(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: { receivedOn: string }) {
  return step(db, actor, user, id, 'receive', async (_trx, p, lt) => {
    if (!p.awaiting_receipt) return fail('bad_state');
    const bad = dateRefusal(p, i.receivedOn, 'receivedOn');
    if (bad) return bad;
    const clocks: Clocks = { ...clocksOf(p), process: clock(lt, 'petition.process', i.receivedOn) };
    if (p.kind === 'complaint') clocks.accept = clock(lt, `complaint.${p.instance}.accept`, i.receivedOn, { remote: !!p.remote });
    if (p.kind === 'denunciation') clocks.triage = clock(lt, 'denunciation.triage', i.receivedOn);
    const names = p.kind === 'complaint' ? ['accept'] : p.kind === 'denunciation' ? ['triage'] : ['process'];
    const h = ['process', ...names.filter((n) => n !== 'process')].map((n) => historyEntry(i.receivedOn, 'start', n, clocks[n], { note: 'receipt' }));
    return ok({
      set: { awaiting_receipt: 0, last_step_on: i.receivedOn, deadlines: JSON.stringify(clocks), due_on: earliest(clocks, names), clock_history: appendHistory(p.clock_history, ...h) },
      event: 'forward-received', publicEvent: true, note: null, changes: { receivedOn: i.receivedOn },
    });
  });
}

type Decision = { decisionNumber: string; decidedOn: string; reason: string };

/** Suspends the resolution: the clock stops on the decision's date; the decision must be sent within its notice period. */
export function suspend(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: Decision) {
  return step(db, actor, user, id, 'suspend', async (_trx, p, lt) => {
    const bad = dateRefusal(p, i.decidedOn, 'decidedOn');
    if (bad) return bad;
    const rule = suspensionRule(p.kind!, i.decidedOn);
    if (!rule) return fail('invalid_date', { decidedOn: 'petitions.error.date.noRule' });
    const clocks = clocksOf(p);
    clocks['notice.suspension'] = clock(lt, rule.noticeRule, i.decidedOn);
    const h = [historyEntry(i.decidedOn, 'stop', 'resolve', null, { previousDue: clocks.resolve?.due ?? null, note: i.decisionNumber }), historyEntry(i.decidedOn, 'notice-due', 'notice.suspension', clocks['notice.suspension'])];
    return ok({
      set: { status: 'suspended', suspended_on: i.decidedOn, last_step_on: i.decidedOn, due_on: null, deadlines: JSON.stringify(clocks), clock_history: appendHistory(p.clock_history, ...h) },
      event: 'suspended', publicEvent: true, note: i.decisionNumber, changes: { ...i, basis: rule.legalBasis, noticeDue: clocks['notice.suspension'].due },
    });
  });
}

/** Resumes the resolution: the days suspended are not counted (or the full period runs again, as the rule says). */
export function resume(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: Omit<Decision, 'reason'> & { reason?: string | null }) {
  return step(db, actor, user, id, 'resume', async (_trx, p, lt) => {
    const bad = dateRefusal(p, i.decidedOn, 'decidedOn');
    if (bad) return bad;
    const rule = suspensionRule(p.kind!, p.suspended_on!);
    const days = p.suspended_days + daysBetween(p.suspended_on!, i.decidedOn);
    const kind = p.kind as PetitionKind;
    const clocks = clocksOf(p);
    const resolveRule = clockRules(kind, p.instance as 'first' | 'second').resolve!;
    const o = { variant: resolveVariant(kind, { complex: !!p.complex, extensions: p.extensions }), remote: !!p.remote };
    clocks.resolve = rule?.resume === 'fresh' ? clock(lt, resolveRule, i.decidedOn, o) : clock(lt, resolveRule, p.accepted_on!, { ...o, excludedDays: days });
    clocks['notice.resumption'] = clock(lt, rule?.noticeRule ?? `${kind}.suspension.notice`, i.decidedOn);
    const h = [historyEntry(i.decidedOn, 'resume', 'resolve', clocks.resolve, { note: `${i.decisionNumber} · ${days}` }), historyEntry(i.decidedOn, 'notice-due', 'notice.resumption', clocks['notice.resumption'])];
    return ok({
      set: { status: 'accepted', suspended_on: null, suspended_days: days, last_step_on: i.decidedOn, due_on: clocks.resolve.due, deadlines: JSON.stringify(clocks), clock_history: appendHistory(p.clock_history, ...h) },
      event: 'resumed', publicEvent: true, note: i.decisionNumber, changes: { ...i, suspendedDays: days, due: clocks.resolve.due },
    });
  });
}

/**
 * Withdrawal: ends the case with its decision (and its notice), unless a denunciation is to be
 * resolved anyway because of signs of a violation or coercion (LTC Art. 33; NĐ 156/2026).
 */
export function withdraw(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: { withdrawnOn: string; decisionNumber: string; reason: string; continueResolution: boolean }) {
  return step(db, actor, user, id, 'withdraw', async (_trx, p, lt) => {
    const bad = dateRefusal(p, i.withdrawnOn, 'withdrawnOn');
    if (bad) return bad;
    const rule = suspensionRule(p.kind!, i.withdrawnOn);
    const clocks = clocksOf(p);
    if (p.kind === 'denunciation' && i.continueResolution) {
      return ok({ set: { last_step_on: i.withdrawnOn, clock_history: appendHistory(p.clock_history, historyEntry(i.withdrawnOn, 'recompute', 'resolve', clocks.resolve ?? null, { note: 'withdrawn-continued' })) }, event: 'withdrawn-continued', publicEvent: true, note: i.reason, changes: i });
    }
    const ends = Object.keys(clocks).filter((n) => !n.startsWith('notice.')).map((n) => historyEntry(i.withdrawnOn, 'end', n, null, { previousDue: clocks[n].due, note: 'withdrawn' }));
    clocks['notice.withdrawal'] = clock(lt, rule?.withdrawalNoticeRule ?? `${p.kind}.withdrawal.notice`, i.withdrawnOn);
    return ok({
      set: { status: 'closed', outcome: 'withdrawn', answer: 'guidance:withdrawn', document_number: i.decisionNumber, due_on: null, suspended_on: null, last_step_on: i.withdrawnOn, deadlines: JSON.stringify(clocks), clock_history: appendHistory(p.clock_history, ...ends, historyEntry(i.withdrawnOn, 'notice-due', 'notice.withdrawal', clocks['notice.withdrawal'])) },
      event: 'withdrawn', publicEvent: true, note: i.decisionNumber, changes: i,
    });
  });
}

/** Records that a notice was sent (date on the dispatch, number); late when after its due date. */
export function noticeSent(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: { notice: string; sentOn: string; documentNumber: string }) {
  return step(db, actor, user, id, 'notice', async (_trx, p) => {
    const name = `notice.${i.notice}`;
    const c = clocksOf(p)[name];
    const sent = JSON.parse(p.notices) as Record<string, { sentOn: string; documentNumber: string; late: boolean }>;
    if (!c || sent[i.notice]) return fail('bad_state');
    const bad = dateRefusal(p, i.sentOn, 'sentOn', c.start);
    if (bad) return bad;
    sent[i.notice] = { sentOn: i.sentOn, documentNumber: i.documentNumber, late: i.sentOn > c.due };
    return ok({ set: { notices: JSON.stringify(sent), clock_history: appendHistory(p.clock_history, historyEntry(i.sentOn, 'notice-sent', name, c, { note: i.documentNumber })) }, event: 'notice-sent', publicEvent: true, note: i.notice, changes: { ...i, due: c.due, late: sent[i.notice].late } });
  });
}

/** Notices of a case not yet sent: name, due date, basis. */
export function pendingNotices(p: { deadlines: string; notices: string }): { notice: string; due: string; basis: string; title: string }[] {
  const sent = JSON.parse(p.notices) as Record<string, unknown>;
  return Object.entries(JSON.parse(p.deadlines) as Clocks).filter(([n]) => n.startsWith('notice.') && !sent[n.slice(7)]).map(([n, c]) => ({ notice: n.slice(7), due: c.due, basis: c.basis, title: c.title }));
}
