/**
 * The dialogue of a complaint (issue 18 item 10; LKN Art. 30, 39; NĐ 124/2020 Art. 28 as amended):
 * scheduled with its day, time, place and participants, the written notice due `noticeDays` before
 * it (on the case clock and in the work list), then its minutes. A complaint cannot be resolved
 * without the minutes where the dialogue is mandatory (`dialogueRefusal`).
 */
import type { Db } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/authz/index.ts';
import { fail, ok } from '../../platform/http/errors.ts';
import { dialogueNoticeBy, dialogueRequired, dialogueRule, type DialogueRole } from '../../domain/petitions/index.ts';
import { appendHistory, historyEntry, today, type Clock } from './petitions.clock.ts';
import { clocksOf, step } from './petitions.flow.ts';
import { dateRefusal, previousStep } from './petitions.procedure.ts';
import type { PetitionRow } from './petitions.repository.ts';

export interface Minutes { heldOn: string; attendees: string | null; content: string; opinions: string; outcome: string }
export interface Dialogue {
  dialogueOn: string; time: string; place: string; participants: { role: DialogueRole; name: string }[];
  differs: boolean; noticeBy: string; basis: string; minutes?: Minutes;
}

/** The dialogue of a case, or null. */
export const dialogueOf = (p: Pick<PetitionRow, 'dialogue'>): Dialogue | null => (p.dialogue ? (JSON.parse(p.dialogue) as Dialogue) : null);

const basisText = (b: { law: string; article: string; clause?: string }) => `${b.law}, Điều ${b.article}${b.clause ? ` khoản ${b.clause}` : ''}`;
const fixedClock = (ruleId: string, title: string, start: string, due: string, basis: string): Clock => ({ ruleId, start, due, variant: null, basis, title, fixed: true });

/** '8h30' or '8:30' as '08:30'. */
const hhmm = (s: string) => s.split(/[:h]/).map((x) => x.padStart(2, '0')).join(':');

type ScheduleInput = { dialogueOn: string; time: string; place: string; complainant: string; respondent: string; bodies: string | null; differs: boolean };

/**
 * Schedules (or moves, before it is held) the dialogue. Its day may lie ahead but not before the
 * previous step, and not so soon that the written notice can no longer be sent in time.
 */
export function scheduleDialogue(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: ScheduleInput) {
  return step(db, actor, user, id, 'dialogue', async (_trx, p) => {
    const on = today();
    const rule = dialogueRule(p.instance, on);
    if (!rule) return fail('invalid_date', { dialogueOn: 'petitions.error.dialogue.noRule' });
    if (dialogueOf(p)?.minutes) return fail('bad_state');
    if (i.dialogueOn < previousStep(p)) return fail('invalid_date', { dialogueOn: 'petitions.error.date.before_previous' });
    const noticeBy = dialogueNoticeBy(rule, i.dialogueOn);
    if (noticeBy < on) return fail('invalid_date', { dialogueOn: 'petitions.error.dialogue.tooSoon' });
    const basis = basisText(rule.legalBasis);
    const noticeBasis = rule.related?.[0] ? basisText(rule.related[0]) : basis;
    const clocks = clocksOf(p);
    clocks.dialogue = fixedClock('complaint.dialogue', 'Tổ chức đối thoại', on, i.dialogueOn, basis);
    clocks['notice.dialogue'] = fixedClock('complaint.dialogue.notice', 'Thông báo đối thoại bằng văn bản', on, noticeBy, noticeBasis);
    const sent = JSON.parse(p.notices) as Record<string, unknown>;
    delete sent.dialogue; // a moved dialogue needs a new notice
    const participants = [{ role: 'complainant' as const, name: i.complainant }, { role: 'respondent' as const, name: i.respondent }, ...(i.bodies ?? '').split(/[;\n]/).map((s) => s.trim()).filter(Boolean).map((name) => ({ role: 'body' as const, name }))];
    const d: Dialogue = { dialogueOn: i.dialogueOn, time: hhmm(i.time), place: i.place, participants, differs: i.differs, noticeBy, basis };
    const h = [historyEntry(on, 'start', 'dialogue', clocks.dialogue, { note: `${d.time} · ${i.place}` }), historyEntry(on, 'notice-due', 'notice.dialogue', clocks['notice.dialogue'])];
    return ok({
      set: { dialogue: JSON.stringify(d), notices: JSON.stringify(sent), deadlines: JSON.stringify(clocks), clock_history: appendHistory(p.clock_history, ...h) },
      event: 'dialogue-scheduled', publicEvent: true, note: `${i.dialogueOn} ${d.time}`, changes: { ...d, mandatory: rule.mandatory, verified: rule.verified },
    });
  });
}

/** Records the minutes of the dialogue held (date not after today nor before the previous step). */
export function recordDialogue(db: Db, actor: Actor, user: CurrentUser | null, id: string, i: Minutes) {
  return step(db, actor, user, id, 'dialogue-minutes', async (_trx, p) => {
    const d = dialogueOf(p);
    if (!d || d.minutes) return fail('bad_state');
    const bad = dateRefusal(p, i.heldOn, 'heldOn');
    if (bad) return bad;
    const clocks = clocksOf(p);
    const h = historyEntry(i.heldOn, 'end', 'dialogue', null, { previousDue: clocks.dialogue?.due ?? null, note: 'minutes' });
    return ok({
      set: { dialogue: JSON.stringify({ ...d, minutes: i }), last_step_on: i.heldOn, clock_history: appendHistory(p.clock_history, h) },
      event: 'dialogue-held', publicEvent: true, note: i.heldOn, changes: { heldOn: i.heldOn, outcome: i.outcome },
    });
  });
}

/**
 * Why a complaint may not be resolved yet: the dialogue is mandatory (second instance; first when
 * the request and the verification differ) and its minutes are missing. Null when it may.
 */
export function dialogueRefusal(p: PetitionRow, resolvedOn: string, verificationDiffers: boolean) {
  if (p.kind !== 'complaint') return null;
  const d = dialogueOf(p);
  if (!dialogueRequired(p.instance, verificationDiffers || !!d?.differs, resolvedOn) || d?.minutes) return null;
  return fail('dialogue_required', { resolvedOn: `petitions.error.dialogue_required.${p.instance === 'second' ? 'second' : 'first'}` });
}
