import { z } from 'zod';
import { CHANNELS, COMPETENCE, COMPLEXITY_CRITERIA, EXCLUDED_REASONS, PETITION_FIELDS, PETITION_KINDS } from '../../domain/petitions/index.ts';
import { SUPERVISION_AREA_CODES } from '../../domain/supervision-areas.ts';
import { dateField } from '../units/units.schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const opt = (max: number) => z.string().trim().max(max).optional().transform((s) => (s ? s : null));
/** true/false from JSON, or "1"/"on"/"" from a form. */
const flag = z.union([z.boolean(), z.enum(['1', '0', 'on', 'true', 'false', ''])]).optional().transform((v) => v === true || v === '1' || v === 'on' || v === 'true');

const senderShape = {
  senderName: opt(200),
  senderIdNumber: z.string().trim().optional().transform((s) => (s ? s : null)).refine((s) => s === null || /^\d{9}$|^\d{12}$/.test(s), 'petitions.error.idNumber'),
  senderPhone: z.string().trim().optional().transform((s) => (s ? s : null)).refine((s) => s === null || /^\+?[\d .-]{8,15}$/.test(s), 'petitions.error.phone'),
  senderEmail: z.string().trim().optional().transform((s) => (s ? s : null)).refine((s) => s === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'petitions.error.email'),
  senderAddress: opt(500),
  anonymous: flag,
  addressedUnitId: opt(64),
  title: text(300),
  content: text(20000),
  kindHint: z.union([z.enum(PETITION_KINDS), z.literal('')]).optional().transform((s) => (s ? s : null)),
};

/** A named sender needs a name and an address (TT 07/2014 Art. 6(2)(a)); an anonymous one needs neither. */
function requireSender<T extends { anonymous: boolean; senderName: string | null; senderAddress: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.anonymous) return;
  if (!v.senderName) ctx.addIssue({ code: 'custom', path: ['senderName'], message: 'petitions.error.nameRequired' });
  if (!v.senderAddress) ctx.addIssue({ code: 'custom', path: ['senderAddress'], message: 'petitions.error.addressRequired' });
}

/** The public online form and `POST /api/v1/public/petitions`. */
export const publicPetitionInput = z.object(senderShape).strict().superRefine(requireSender);
export type PublicPetitionInput = z.infer<typeof publicPetitionInput>;

/** Staff entry: a letter, a visit, a phone call or a petition forwarded by another body. */
export const staffPetitionInput = z.object({
  ...senderShape,
  channel: z.enum(CHANNELS),
  sourceBody: opt(300),
  handlingUnitId: text(64),
  receivedOn: dateField,
}).superRefine(requireSender);
export type StaffPetitionInput = z.infer<typeof staffPetitionInput>;

const areas = z.union([z.array(z.enum(SUPERVISION_AREA_CODES)), z.enum(SUPERVISION_AREA_CODES), z.literal('')]).optional()
  .transform((a) => (Array.isArray(a) ? a : a ? [a] : []));

const excludedPeriod = z.object({ from: dateField, to: dateField, reason: z.enum(EXCLUDED_REASONS), evidence: text(500) })
  .refine((e) => e.from <= e.to, { path: ['to'], message: 'petitions.error.date.toBeforeFrom' });

export const classifyInput = z.object({
  kind: z.enum(PETITION_KINDS),
  field: z.enum(PETITION_FIELDS),
  remote: flag,
  complex: flag,
  instance: z.enum(['first', 'second']).optional().default('first'),
  competence: z.union([z.enum(COMPETENCE), z.literal('')]).optional().transform((s) => (s ? s : 'this-unit')),
  areas,
  accusedUnitId: opt(64),
  anonymousEvidence: flag,
  /** The unit whose decision is complained about: competence is derived from its kind (issue 18 item 9). */
  decisionUnitId: opt(64),
  /** The day the complainant received or learned of the decision (LKN Art. 9), or received the first-instance decision (Art. 33). */
  knewOn: z.union([dateField, z.literal('')]).optional().transform((s) => (s ? s : null)),
  /** Periods not counted in the limitation (LKN Art. 9), each with its evidence. */
  excluded: z.array(excludedPeriod).max(10).optional().default([]),
});
export type ClassifyInput = z.infer<typeof classifyInput>;

export const forwardInput = z.object({ toUnitId: text(64), reason: text(1000), forwardedOn: dateField });
/** Dates of legal events as written on the document (issue 18 item 7). */
export const acceptInput = z.object({ acceptedOn: dateField, decisionNumber: opt(100) });
export const receiveInput = z.object({ receivedOn: dateField });
export const suspendInput = z.object({ decisionNumber: text(100), decidedOn: dateField, reason: text(1000) });
export const resumeInput = z.object({ decisionNumber: text(100), decidedOn: dateField, reason: opt(1000) });
export const withdrawInput = z.object({ withdrawnOn: dateField, decisionNumber: text(100), reason: text(1000), continueResolution: flag });
export const NOTICES = ['acceptance', 'decision', 'forwarded-result', 'refusal', 'suspension', 'resumption', 'withdrawal', 'dialogue'] as const;
export const noticeSentInput = z.object({ sentOn: dateField, documentNumber: text(100) });
/** The NĐ 31/2019 Art. 3(2) criteria the case meets (one checkbox each; a single value arrives as a string). */
const criteria = z.union([z.array(z.enum(COMPLEXITY_CRITERIA)), z.enum(COMPLEXITY_CRITERIA), z.literal('')]).optional()
  .transform((a) => (Array.isArray(a) ? a : a ? [a] : []));
export const extendInput = z.object({ reason: text(1000), decisionNumber: text(100), criteria });
export const resolveInput = z.object({ outcome: z.enum(['upheld', 'partly-upheld', 'rejected', 'answered', 'concluded']), documentNumber: text(100), summary: text(5000), resolvedOn: dateField,
  /** LKN Art. 30(1): the complainant's request and the verification result differ (a dialogue is then required at the first instance). */
  verificationDiffers: flag });
/** Schedule of a complaint dialogue (issue 18 item 10): day, time, place, participants. */
export const dialogueInput = z.object({ dialogueOn: dateField, time: z.string().trim().regex(/^([01]?\d|2[0-3])[:h]([0-5]\d)$/), place: text(300), complainant: text(200), respondent: text(200), bodies: opt(1000), differs: flag });
/** Minutes of the dialogue: day held, content, opinions, outcome. */
export const dialogueMinutesInput = z.object({ heldOn: dateField, attendees: opt(1000), content: text(5000), opinions: text(5000), outcome: text(2000) });
export const revealInput = z.object({ reason: text(1000) });
export const extendTriageInput = z.object({ reason: text(1000) });
export const emptyInput = z.object({}).passthrough();

export const listQuery = z.object({
  status: z.union([z.enum(['received', 'triaged', 'accepted', 'suspended', 'resolved', 'closed']), z.literal('')]).optional(),
  kind: z.union([z.enum(PETITION_KINDS), z.literal('')]).optional(),
  unitId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  overdue: z.enum(['true', 'false', '1', '']).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;
