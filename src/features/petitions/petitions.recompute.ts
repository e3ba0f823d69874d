/**
 * Recomputes the open clocks of cases and of the Art. 28 answers when an administrator changes a
 * year's working-day calendar (issue 18 item 13): each moved due date is written to the case's
 * clock history and returned, so the calendar page can list it.
 */
import type { Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import type { ClockRecomputer, MovedDeadline } from '../calendar/index.ts';
import { appendHistory, clock, forgetLegalTime, historyEntry, today, type Clock, type Clocks, type LegalTime } from './petitions.clock.ts';

/** Clocks still running in each status (ended clocks stay in the record but are not moved). */
const RUNNING: Record<string, string[]> = { received: ['process', 'accept', 'triage', 'forward'], triaged: ['process', 'accept', 'triage', 'forward'], accepted: ['resolve', 'dialogue'] };

type CaseRow = { id: string; tracking_code: string; status: string; remote: number; accepted_on: string | null; suspended_days: number; due_on: string | null; deadlines: string; notices: string; clock_history: string };

/** The clock recomputed with the same rule, start and options as when it was set. */
function again(lt: LegalTime, p: CaseRow, name: string, c: Clock): Clock {
  const notice = name.startsWith('notice.');
  const excludedDays = name === 'resolve' && c.start === p.accepted_on ? p.suspended_days : 0;
  return clock(lt, c.ruleId, c.start, { variant: c.variant ?? undefined, remote: !notice && !!p.remote, excludedDays });
}

async function recomputeCase(trx: Trx, lt: LegalTime, p: CaseRow, year: number): Promise<MovedDeadline[]> {
  const clocks = JSON.parse(p.deadlines) as Clocks;
  const sent = JSON.parse(p.notices) as Record<string, unknown>;
  const names = [...(RUNNING[p.status] ?? []), ...Object.keys(clocks).filter((n) => n.startsWith('notice.') && !sent[n.slice(7)])];
  const moved: MovedDeadline[] = [];
  const history = [];
  let dueOn = p.due_on;
  for (const name of names) {
    const c = clocks[name];
    if (!c || c.fixed) continue;
    const n = again(lt, p, name, c);
    if (n.due === c.due) continue;
    clocks[name] = n;
    if (p.due_on === c.due && (dueOn === p.due_on || n.due < dueOn!)) dueOn = n.due;
    history.push(historyEntry(today(), 'recompute', name, n, { previousDue: c.due, note: `calendar ${year}` }));
    moved.push({ source: 'petitions', label: p.tracking_code, clock: c.title, before: c.due, after: n.due, href: `/petitions/${p.id}` });
  }
  if (moved.length) await trx.updateTable('petitions').set({ deadlines: JSON.stringify(clocks), due_on: dueOn, clock_history: appendHistory(p.clock_history, ...history), updated_at: nowIso() }).where('id', '=', p.id).execute();
  return moved;
}

/** Open cases and pending notices, then the unanswered Art. 28 reception answers. */
export const recomputePetitionClocks: ClockRecomputer = async (trx, lt, year) => {
  forgetLegalTime();
  const rows = await trx.selectFrom('petitions').select(['id', 'tracking_code', 'status', 'remote', 'accepted_on', 'suspended_days', 'due_on', 'deadlines', 'notices', 'clock_history'])
    .where((e) => e.or([e('status', 'in', Object.keys(RUNNING)), e('deadlines', 'like', '%"notice.%')])).execute();
  const moved: MovedDeadline[] = [];
  for (const p of rows) moved.push(...(await recomputeCase(trx, lt, p, year)));
  const logs = await trx.selectFrom('reception_logs').select(['id', 'received_on', 'reply_due']).where('replied_on', 'is', null).where('reply_due', 'is not', null).execute();
  for (const l of logs) {
    const c = clock(lt, 'reception.reply', l.received_on);
    const due = c.due;
    if (due === l.reply_due) continue;
    await trx.updateTable('reception_logs').set({ reply_due: due }).where('id', '=', l.id).execute();
    moved.push({ source: 'reception', label: l.received_on, clock: c.title, before: l.reply_due!, after: due, href: '/reception' });
  }
  return moved;
};
