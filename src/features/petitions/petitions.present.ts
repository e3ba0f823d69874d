import type { Db } from '../../platform/db/index.ts';
import { sealer } from '../../platform/crypto/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { eventsOf, forwardsOf, type PetitionRow } from './petitions.repository.ts';
import type { ClockEntry, Clocks } from './petitions.clock.ts';
import type { Sender } from './petitions.service.ts';
import { dialogueOf } from './petitions.dialogue.ts';
import { dialogueRequired } from '../../domain/petitions/index.ts';

const OPEN = ['received', 'triaged', 'accepted'];
export const isOverdue = (p: { status: string; due_on: string | null }, today = localToday()) => !!p.due_on && OPEN.includes(p.status) && p.due_on < today;

/** The sender as staff may see it: readable unless the case is sealed (denunciations, anonymous). */
export function senderView(p: PetitionRow): Sender | { sealed: true } | null {
  if (p.sealed) return { sealed: true };
  return p.sender_sealed ? (JSON.parse(sealer().open(p.sender_sealed)) as Sender) : null;
}

export const listItem = (p: Pick<PetitionRow, 'id' | 'tracking_code' | 'kind' | 'status' | 'handling_unit_id' | 'received_at' | 'due_on'>) => ({
  id: p.id, trackingCode: p.tracking_code, kind: p.kind, status: p.status, handlingUnitId: p.handling_unit_id, receivedAt: p.received_at, dueOn: p.due_on,
});

/** The full case for staff (API and pages). */
export async function caseView(db: Db, p: PetitionRow) {
  const [forwards, events] = await Promise.all([forwardsOf(db, p.id), eventsOf(db, p.id)]);
  return {
    ...listItem(p), kindHint: p.kind_hint, channel: p.channel, title: p.title, content: p.content, field: p.field, areas: JSON.parse(p.areas) as string[],
    anonymous: !!p.anonymous, remote: !!p.remote, complex: !!p.complex, competence: p.competence, receivedOn: p.received_on, acceptedOn: p.accepted_on,
    overdue: isOverdue(p), extensions: p.extensions, complexityCriteria: JSON.parse(p.complexity_criteria) as string[], deadlines: JSON.parse(p.deadlines) as Clocks, duplicateOf: p.duplicate_of, sourceBody: p.source_body,
    accusedUnitId: p.accused_unit_id, assignedUserId: p.assigned_user_id, eligibility: p.eligibility ? JSON.parse(p.eligibility) : null,
    forwards: forwards.map((f) => ({ fromUnitId: f.from_unit_id, toUnitId: f.to_unit_id, at: f.at, reason: f.reason, legalStep: f.legal_step })),
    history: events.map((e) => ({ at: e.at, event: e.event, public: !!e.public, note: e.event === 'revealed' ? null : e.note })),
    outcome: p.outcome, documentNumber: p.document_number, answer: p.answer, resolvedOn: p.resolved_on,
    files: JSON.parse(p.files) as string[], sender: senderView(p),
    clockHistory: JSON.parse(p.clock_history) as ClockEntry[], notices: JSON.parse(p.notices) as Record<string, { sentOn: string; documentNumber: string; late: boolean }>,
    awaitingReceipt: !!p.awaiting_receipt, suspendedOn: p.suspended_on, suspendedDays: p.suspended_days, decisionUnitId: p.decision_unit_id,
    timeBar: p.time_bar ? (JSON.parse(p.time_bar) as { knewOn: string; due: string; excludedDays: number; late: boolean; days: number }) : null,
    resolver: p.resolver ? (JSON.parse(p.resolver) as { resolver: string; routeTo: string | null; basis?: string; verified?: boolean }) : null,
    instance: p.instance, dialogue: dialogueOf(p), dialogueRequired: p.kind === 'complaint' && dialogueRequired(p.instance, !!dialogueOf(p)?.differs, localToday()),
  };
}
export type CaseView = Awaited<ReturnType<typeof caseView>>;

/** What the citizen sees with code and key: stage, unit, due date, public history, answer — nothing else. */
export async function publicView(db: Db, p: PetitionRow) {
  const unit = await db.selectFrom('units').select(['id', 'full_name']).where('id', '=', p.handling_unit_id).executeTakeFirst();
  const events = await eventsOf(db, p.id, true);
  return {
    trackingCode: p.tracking_code, status: p.status, handlingUnit: { id: p.handling_unit_id, name: unit?.full_name ?? '' }, dueOn: p.due_on,
    history: events.map((e) => ({ at: e.at, event: e.event })), answer: p.status === 'resolved' || p.status === 'closed' ? p.answer : null,
  };
}
