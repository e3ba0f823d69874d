import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { consultationEarliestClose, consultationWindowEnd } from '../../domain/disclosure/clock.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { DIALOGUE_MATTERS } from '../../domain/disclosure/catalogue.ts';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { getFile, storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { getUnit } from '../units/index.ts';
import { discloseConsultation } from '../disclosures/disclosures.service.ts';
import { commentsOf, dialoguesOf, getComment, getConsultation, sectionsOf } from './consultations.repository.ts';
import type { CloseInput, ConsultationInput, DialogueInput, DispositionInput, StaffCommentInput } from './consultations.schema.ts';

export type ConsultationError = 'invalid' | 'not_found' | 'closed' | 'undisposed_comments';

/** Opens a consultation; the period must last at least Art. 28's 20 days unless a specific law is cited. */
export async function openConsultation(db: Db, actor: Actor, input: ConsultationInput, upload?: { dataDir: string; file: File | null }): Promise<Result<{ id: string; earliestClose: string }, ConsultationError>> {
  const earliestClose = consultationEarliestClose(input.opensOn);
  if (input.closesOn <= input.opensOn) return fail('invalid', { closesOn: 'consultations.error.closesBeforeOpens' });
  if (input.closesOn < earliestClose && !input.specificLaw) return fail('invalid', { closesOn: 'consultations.error.tooShort' });
  return inTransaction(db, async (trx) => {
    const unit = await getUnit(trx, input.unitId);
    if (!unit) return fail('invalid', { unitId: 'disclosures.error.unit' });
    if (upload?.file) {
      // The draft itself (PDF or DOCX), published with the consultation.
      const f = await storeUpload(trx, { dataDir: upload.dataDir, userId: actor.userId, file: upload.file, allowed: ['pdf', 'docx'] });
      if (!f.ok) return fail('invalid', { file: UPLOAD_ERROR_KEYS[f.error] });
      input = { ...input, fileId: f.value.id };
    } else if (input.fileId && !(await getFile(trx, input.fileId))) return fail('invalid', { fileId: 'disclosures.error.file' });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('consultations').values({
      id, unit_id: unit.id, title: input.title, matter: input.matter, consulted: input.consulted, forms: JSON.stringify(input.forms), opens_on: input.opensOn,
      closes_on: input.closesOn, specific_law: input.specificLaw, sections: JSON.stringify(input.sections), file_id: input.fileId, status: 'open', decision: null,
      departure_reason: null, closed_at: null, search_text: ` ${foldVietnamese(`${input.title} ${unit.fullName}`)} `, created_by: actor.userId, created_at: now, updated_at: now,
    }).execute();
    await record(trx, actor, { action: 'consultations.open', subjectType: 'consultation', subjectId: id, unitId: unit.id, changes: input, visibility: 'public' });
    await discloseConsultation(trx, actor, { id, unitId: unit.id, title: input.title }, 'opened', input.opensOn);
    return ok({ id, earliestClose });
  });
}

type CommentIn = { text: string; sectionKey: string | null; name: string | null; channel: string; organization: string | null; socialCritique: boolean; receivedOn: string };

/** Adds a comment (public or staff-entered); refused once the consultation is closed or past its last day. */
export async function addComment(db: Db, actor: Actor, consultationId: string, input: CommentIn, publicComment: boolean): Promise<Result<string, ConsultationError>> {
  return inTransaction(db, async (trx) => {
    const c = await getConsultation(trx, consultationId);
    if (!c) return fail('not_found');
    const today = localToday();
    // Civil Code Art. 148(5): a last day on a day off runs to the end of the next working day (province reading).
    const { calendar, options } = await loadLegalTime(trx);
    if (c.status === 'closed' || (publicComment && (today > consultationWindowEnd(c.closes_on, calendar, options) || today < c.opens_on))) return fail('closed');
    if (input.sectionKey && !sectionsOf(c).some((s) => s.key === input.sectionKey)) return fail('invalid', { sectionKey: 'consultations.error.section' });
    if (input.channel === 'organization' && !input.organization) return fail('invalid', { organization: 'validation.required' });
    const id = randomUUID();
    await trx.insertInto('consultation_comments').values({
      id, consultation_id: c.id, section_key: input.sectionKey, channel: input.channel, organization: input.organization, social_critique: input.socialCritique ? 1 : 0,
      author_name: input.name, text: input.text, received_on: input.receivedOn, decision: null, explanation: null, disposed_by: null, disposed_at: null, created_at: nowIso(),
    }).execute();
    // The author's name is personal data: the public audit trail records only that a comment arrived.
    await record(trx, actor, { action: 'consultations.comment', subjectType: 'consultation', subjectId: c.id, unitId: c.unit_id, changes: { commentId: id, channel: input.channel, sectionKey: input.sectionKey, organization: input.organization }, visibility: 'unit' });
    return ok(id);
  });
}

export const staffComment = (i: StaffCommentInput): CommentIn => ({
  text: i.text, sectionKey: i.sectionKey, name: i.name, channel: i.channel, organization: i.organization,
  socialCritique: i.socialCritique ?? i.channel === 'organization', receivedOn: i.receivedOn ?? localToday(),
});

/** Records the disposition of one comment (accepted, partly, rejected) with its explanation (Art. 28). */
export async function dispose(db: Db, actor: Actor, consultationId: string, commentId: string, input: DispositionInput): Promise<Result<string, ConsultationError>> {
  return inTransaction(db, async (trx) => {
    const c = await getConsultation(trx, consultationId);
    const m = c && (await getComment(trx, c.id, commentId));
    if (!c || !m) return fail('not_found');
    if (c.status === 'closed') return fail('closed');
    await trx.updateTable('consultation_comments').set({ decision: input.decision, explanation: input.explanation, disposed_by: actor.userId, disposed_at: nowIso() }).where('id', '=', m.id).execute();
    await record(trx, actor, { action: 'consultations.dispose', subjectType: 'consultation', subjectId: c.id, unitId: c.unit_id, changes: { commentId: m.id, before: m.decision, ...input }, visibility: 'public' });
    return ok(m.id);
  });
}

/**
 * Closes a consultation: refused while a comment has no disposition. Where the decision departs
 * from the majority opinion (declared, or most comments not accepted), the reason is required (Art. 28).
 */
export async function closeConsultation(db: Db, actor: Actor, id: string, input: CloseInput): Promise<Result<{ id: string; disclosureId: string | null }, ConsultationError>> {
  return inTransaction(db, async (trx) => {
    const c = await getConsultation(trx, id);
    if (!c) return fail('not_found');
    if (c.status === 'closed') return fail('closed');
    const comments = await commentsOf(trx, id);
    if (comments.some((m) => !m.decision)) return fail('undisposed_comments');
    const rejected = comments.filter((m) => m.decision === 'rejected').length;
    const departs = input.departsFromMajority ?? rejected * 2 > comments.length;
    if (departs && !input.departureReason) return fail('invalid', { departureReason: 'consultations.error.reasonRequired' });
    if (needsDialogue(c.matter) && (await dialoguesOf(trx, id)).length === 0) return fail('invalid', { dialogues: 'consultations.error.dialogueRequired' });
    await trx.updateTable('consultations').set({ status: 'closed', decision: input.decision, departure_reason: input.departureReason, closed_at: nowIso(), updated_at: nowIso() }).where('id', '=', id).execute();
    await record(trx, actor, { action: 'consultations.close', subjectType: 'consultation', subjectId: id, unitId: c.unit_id, changes: { ...input, comments: comments.length, rejected }, visibility: 'public' });
    const disclosureId = await discloseConsultation(trx, actor, { id, unitId: c.unit_id, title: c.title }, 'closed', localToday());
    return ok({ id, disclosureId });
  });
}

/** Art. 27: a draft decision under Art. 25(8) (obligations on, or limits to the rights of, citizens) needs those affected informed and heard. */
export const needsDialogue = (matter: string) => DIALOGUE_MATTERS.includes(matter);

/** Records informing affected citizens or a dialogue with them (Art. 27), filed with the decision dossier; audited. */
export async function recordDialogue(db: Db, actor: Actor, consultationId: string, input: DialogueInput): Promise<Result<string, ConsultationError>> {
  return inTransaction(db, async (trx) => {
    const c = await getConsultation(trx, consultationId);
    if (!c) return fail('not_found');
    if (c.status === 'closed') return fail('closed');
    const id = randomUUID();
    await trx.insertInto('consultation_dialogues').values({
      id, consultation_id: c.id, kind: input.kind, held_on: input.heldOn, place: input.place, participants: input.participants, affected: input.affected,
      opinions: input.opinions, answers: input.answers, created_by: actor.userId, created_at: nowIso(),
    }).execute();
    // Names of affected citizens are personal data: the audit event stays within the unit.
    await record(trx, actor, { action: 'consultations.dialogue', subjectType: 'consultation', subjectId: c.id, unitId: c.unit_id, changes: { dialogueId: id, ...input }, visibility: 'unit' });
    return ok(id);
  });
}

/** Moves open consultations of predecessors to the successor (unit.succeeded). */
export async function handOverConsultations(trx: Trx, e: { handover: Record<string, string> }): Promise<void> {
  for (const [from, to] of Object.entries(e.handover)) {
    await trx.updateTable('consultations').set({ unit_id: to, updated_at: nowIso() }).where('unit_id', '=', from).where('status', '=', 'open').execute();
  }
}
