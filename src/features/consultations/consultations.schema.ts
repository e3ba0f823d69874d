import { z } from 'zod';
import { COMMENT_CHANNELS, CONSULTATION_FORMS, CONSULTATION_MATTERS } from '../../domain/disclosure/catalogue.ts';
import { dateField } from '../units/units.schema.ts';

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable().transform((s) => (s ? s : null));

export const section = z.object({ key: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_.-]+$/, 'validation.invalid'), title: z.string().trim().min(1).max(300), text: z.string().trim().max(20000).default('') });
export type Section = z.infer<typeof section>;

export const consultationInput = z.object({
  unitId: z.string().trim().min(1).max(64),
  title: z.string().trim().min(1).max(500),
  matter: z.enum(CONSULTATION_MATTERS),
  consulted: optionalText(500),
  forms: z.array(z.enum(CONSULTATION_FORMS)).max(11).default([]),
  opensOn: dateField,
  closesOn: dateField,
  /** A specific law that sets a period shorter than Art. 28's 20 days. */
  specificLaw: optionalText(300),
  sections: z.array(section).max(100).default([]).refine((s) => new Set(s.map((x) => x.key)).size === s.length, 'consultations.error.duplicateKey'),
  fileId: optionalText(64),
});
export type ConsultationInput = z.infer<typeof consultationInput>;

export const publicCommentInput = z.object({
  text: z.string().trim().min(1).max(5000),
  sectionKey: optionalText(20),
  name: optionalText(200),
});

export const staffCommentInput = publicCommentInput.extend({
  channel: z.enum(COMMENT_CHANNELS),
  organization: optionalText(200),
  socialCritique: z.boolean().optional(),
  receivedOn: z.union([dateField, z.literal('')]).optional().transform((s) => s || undefined),
});
export type StaffCommentInput = z.infer<typeof staffCommentInput>;

export const dispositionInput = z.object({ decision: z.enum(['accepted', 'partly', 'rejected']), explanation: z.string().trim().min(1).max(5000) });
export type DispositionInput = z.infer<typeof dispositionInput>;

export const closeInput = z.object({
  decision: optionalText(5000),
  /** Set when the authority decides differently from the majority opinion (Art. 28). */
  departsFromMajority: z.boolean().optional(),
  departureReason: optionalText(5000),
});
export type CloseInput = z.infer<typeof closeInput>;

/** Art. 27: informing those affected and the dialogue with them. */
export const dialogueInput = z.object({
  kind: z.enum(['meeting', 'notice']),
  heldOn: dateField,
  place: optionalText(300),
  participants: optionalText(1000),
  affected: z.string().trim().min(1).max(2000),
  opinions: z.string().trim().min(1).max(10000),
  answers: optionalText(10000),
});
export type DialogueInput = z.infer<typeof dialogueInput>;
