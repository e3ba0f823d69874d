import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { sealer } from '../../platform/crypto/index.ts';
import { countsAsHeadDay, RECEPTION_HOLDERS, requiredReceptionDays, type ReceptionHolder, type ReceptionUnitKind } from '../../domain/deadlines/index.ts';
import type { Calendar } from '../../domain/calendar/index.ts';
import { dateField } from '../units/units.schema.ts';
import { clock, legalTime } from './petitions.clock.ts';
import { createPetition } from './petitions.service.ts';
import { localToday } from '../../platform/i18n/index.ts';

/** LTCD Art. 9: cases where reception may be refused. */
export const REFUSAL_REASONS = ['incapacity', 'disorderly', 'already-resolved', 'other-law'] as const;
const text = (max: number) => z.string().trim().min(1).max(max);
const opt = (max: number) => z.string().trim().max(max).optional().transform((s) => (s ? s : null));

/** A head's reception day: who held it (the head or an authorised deputy: from 01/07/2026 only the head's own count, Law 136/2025). */
export const receptionDayInput = z.object({
  unitId: text(64), onDate: dateField, headName: text(200), held: z.union([z.boolean(), z.enum(['1', '0'])]).transform((v) => v === true || v === '1'),
  heldBy: z.enum(RECEPTION_HOLDERS as [ReceptionHolder, ...ReceptionHolder[]]).default('head'), note: opt(1000),
});
/** The reception log entry (LTCD Art. 25(2)): date, person, address, ID, content, handling; refusals with the Art. 9 reason. */
export const visitInput = z.object({
  unitId: text(64), receivedOn: dateField, visitorName: text(200), visitorIdNumber: opt(12), visitorAddress: text(500),
  peopleCount: z.coerce.number().int().min(1).max(1000), summary: text(5000), kind: z.enum(['complaint', 'denunciation', 'recommendation', 'feedback', 'mixed']),
  refused: z.union([z.boolean(), z.enum(['1', ''])]).optional().transform((v) => v === true || v === '1'), refusalReason: z.union([z.enum(REFUSAL_REASONS), z.literal('')]).optional().transform((v) => v || null),
  handling: opt(2000), priorHandling: opt(2000), requests: opt(2000),
}).superRefine((v, ctx) => { if (v.refused && !v.refusalReason) ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'reception.error.reasonRequired' }); });

/** Records a head's reception day (held or missed). */
export async function addReceptionDay(db: Db, actor: Actor, i: z.infer<typeof receptionDayInput>) {
  return inTransaction(db, async (trx) => {
    const id = randomUUID();
    await trx.insertInto('reception_days').values({ id, unit_id: i.unitId, on_date: i.onDate, head_name: i.headName, held: i.held ? 1 : 0, held_by: i.heldBy, note: i.note, created_by: actor.userId, created_at: nowIso() }).execute();
    await record(trx, actor, { action: 'reception.day', subjectType: 'reception_day', subjectId: id, unitId: i.unitId, changes: { onDate: i.onDate, held: i.held, heldBy: i.heldBy, countsAsHead: countsAsHeadDay(i.onDate, i.heldBy) } });
    return id;
  });
}

/** Logs an in-person visit; unless refused it becomes a case, with the 10-working-day answer clock (LTCD Art. 28). */
export async function logVisit(db: Db, actor: Actor, i: z.infer<typeof visitInput>, dataDir: string) {
  const lt = await legalTime(db);
  const reply = i.refused ? null : clock(lt, 'reception.reply', i.receivedOn);
  return inTransaction(db, async (trx) => {
    const id = randomUUID();
    let petitionId: string | null = null;
    if (!i.refused) {
      const p = await createPetition(db, actor, {
        senderName: i.visitorName, senderIdNumber: i.visitorIdNumber, senderAddress: i.visitorAddress, senderPhone: null, senderEmail: null, anonymous: false, addressedUnitId: i.unitId,
        title: i.summary.slice(0, 120), content: i.summary, kindHint: i.kind, channel: 'in-person', handlingUnitId: i.unitId, receivedOn: i.receivedOn, dataDir, trx, lt,
      });
      petitionId = p.id;
    }
    await trx.insertInto('reception_logs').values({
      id, unit_id: i.unitId, received_on: i.receivedOn, visitor_sealed: sealer().seal(JSON.stringify({ name: i.visitorName, idNumber: i.visitorIdNumber, address: i.visitorAddress })),
      people_count: i.peopleCount, summary: i.summary, kind: i.kind, refused: i.refused ? 1 : 0, refusal_reason: i.refusalReason, handling: i.handling, petition_id: petitionId,
      reply_due: reply?.due ?? null, replied_on: null, reply_outcome: null, prior_handling: i.priorHandling, requests: i.requests, created_by: actor.userId, created_at: nowIso(),
    }).execute();
    await record(trx, actor, { action: 'reception.visit', subjectType: 'reception_log', subjectId: id, unitId: i.unitId, changes: { receivedOn: i.receivedOn, peopleCount: i.peopleCount, group: i.peopleCount >= 5, refused: i.refused, refusalReason: i.refusalReason, petitionId } });
    return { id, petitionId };
  });
}

/** The head's duty kind of a unit kind, or null when it has none. */
export function dutyKind(unitKind: string): ReceptionUnitKind | null {
  return unitKind === 'province-committee' ? 'province' : unitKind === 'department' ? 'department' : unitKind === 'commune-committee' ? 'commune' : null;
}

/**
 * Days required in a month ('YYYY-MM'): per week = the weeks starting (Monday) in the month that
 * have at least one working day of the province calendar (LTCD Art. 15; a Tết week requires none);
 * per month = the count.
 */
export function requiredDays(kind: ReceptionUnitKind, month: string, calendar: Calendar): { required: number; basis: string } {
  const { required, frequency: f } = requiredReceptionDays(kind, month, (d) => calendar.isWorkingDay(d));
  return { required, basis: `${f.legalBasis.law}, Điều ${f.legalBasis.article}` };
}

/**
 * Monthly compliance per unit: the head's own days held against the statutory minimum. A day held
 * by a deputy counts until 30/06/2026 and not from 01/07/2026 (Law 136/2025); `byDeputy` shows them.
 */
export async function compliance(db: Db, units: { id: string; kind: string; fullName: string }[], month: string) {
  const { calendar } = await legalTime(db);
  const days = await db.selectFrom('reception_days').select(['unit_id', 'held', 'held_by', 'on_date']).where('on_date', '>=', `${month}-01`).where('on_date', '<=', `${month}-31`).execute();
  return units.flatMap((u) => {
    const k = dutyKind(u.kind);
    if (!k) return [];
    const { required, basis } = requiredDays(k, month, calendar);
    const mine = days.filter((d) => d.unit_id === u.id);
    const heldDays = mine.filter((d) => d.held);
    const held = heldDays.filter((d) => countsAsHeadDay(d.on_date, d.held_by as ReceptionHolder)).length;
    const byDeputy = heldDays.filter((d) => d.held_by === 'deputy').length;
    const missed = mine.filter((d) => !d.held).length;
    return [{ unitId: u.id, name: u.fullName, required, held, byDeputy, deputyNotCounted: heldDays.length - held, missed, ok: held >= required, basis }];
  });
}

export interface LogFilter { units: 'all' | string[]; month?: string | null; unitId?: string | null; limit?: number }
export interface LogView {
  id: string; unitId: string; unitName: string; receivedOn: string; visitor: { sealed: true; name?: undefined; address?: undefined; idNumber?: undefined } | { sealed: false; name: string; address: string; idNumber: string | null };
  peopleCount: number; group: boolean; kind: string; summary: string; refused: boolean; refusalReason: string | null; handling: string | null; priorHandling: string | null; requests: string | null; petitionId: string | null; trackingCode: string | null;
  replyDue: string | null; repliedOn: string | null; replyOutcome: string | null; replyOverdue: boolean;
}

/**
 * The reception log in the caller's scope, newest first. The visitor is shown for the log (Art. 25(2))
 * except for a denunciation or a case that is sealed: then `{ sealed: true }`.
 */
export async function receptionLogs(db: Db, f: LogFilter): Promise<LogView[]> {
  let q = db.selectFrom('reception_logs').innerJoin('units', 'units.id', 'reception_logs.unit_id').leftJoin('petitions', 'petitions.id', 'reception_logs.petition_id')
    .select(['reception_logs.id', 'reception_logs.unit_id', 'units.full_name', 'reception_logs.received_on', 'reception_logs.visitor_sealed', 'reception_logs.people_count', 'reception_logs.kind',
      'reception_logs.summary', 'reception_logs.refused', 'reception_logs.refusal_reason', 'reception_logs.handling', 'reception_logs.petition_id', 'reception_logs.reply_due', 'reception_logs.replied_on', 'reception_logs.reply_outcome', 'reception_logs.prior_handling', 'reception_logs.requests',
      'petitions.tracking_code', 'petitions.sealed'])
    .orderBy('reception_logs.received_on', 'desc').orderBy('reception_logs.created_at', 'desc').limit(f.limit ?? 1000);
  if (f.units !== 'all') q = q.where('reception_logs.unit_id', 'in', f.units.length ? f.units : ['-']);
  if (f.unitId) q = q.where('reception_logs.unit_id', '=', f.unitId);
  if (f.month) q = q.where('reception_logs.received_on', '>=', `${f.month}-01`).where('reception_logs.received_on', '<=', `${f.month}-31`);
  const today = localToday();
  return (await q.execute()).map((l) => {
    const sealed = l.kind === 'denunciation' || !!l.sealed;
    const v = sealed ? null : (JSON.parse(sealer().open(l.visitor_sealed)) as { name: string; address: string; idNumber: string | null });
    return {
      id: l.id, unitId: l.unit_id, unitName: l.full_name, receivedOn: l.received_on, visitor: v ? { sealed: false as const, name: v.name, address: v.address, idNumber: v.idNumber } : { sealed: true as const },
      peopleCount: l.people_count, group: l.people_count >= 5, kind: l.kind, summary: l.summary, refused: !!l.refused, refusalReason: l.refusal_reason, handling: l.handling, priorHandling: l.prior_handling, requests: l.requests,
      petitionId: l.petition_id, trackingCode: l.tracking_code ?? null, replyDue: l.reply_due, repliedOn: l.replied_on, replyOutcome: l.reply_outcome, replyOverdue: !!l.reply_due && !l.replied_on && l.reply_due < today,
    };
  });
}

/** The written answer of LTCD Art. 28(1): the day it was given and how (accepted, delayed, refused, forwarded). */
export const REPLY_OUTCOMES = ['accepted', 'verifying', 'refused', 'forwarded'] as const;
export const replyInput = z.object({ repliedOn: dateField, outcome: z.enum(REPLY_OUTCOMES) });

/** Records that the citizen was answered (closes the Art. 28 clock), audited; 'done' if already recorded. */
export async function recordReply(db: Db, actor: Actor, logId: string, i: z.infer<typeof replyInput>): Promise<'ok' | 'not_found' | 'done'> {
  return inTransaction(db, async (trx) => {
    const l = await trx.selectFrom('reception_logs').select(['id', 'unit_id', 'replied_on', 'reply_due']).where('id', '=', logId).executeTakeFirst();
    if (!l) return 'not_found';
    if (l.replied_on) return 'done';
    await trx.updateTable('reception_logs').set({ replied_on: i.repliedOn, reply_outcome: i.outcome }).where('id', '=', logId).execute();
    await record(trx, actor, { action: 'reception.reply', subjectType: 'reception_log', subjectId: logId, unitId: l.unit_id, changes: { repliedOn: i.repliedOn, outcome: i.outcome, due: l.reply_due, late: !!l.reply_due && i.repliedOn > l.reply_due } });
    return 'ok';
  });
}
