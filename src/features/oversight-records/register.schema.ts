import { z } from 'zod';
import { dateField } from '../units/units.schema.ts';
import { REGISTER_SOURCES } from '../../domain/oversight/index.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional().transform((s) => s || null);
const optDate = z.union([z.literal(''), dateField]).optional().transform((s) => s || null);

/** A recommendation or critique filed into the register. */
export const entryInput = z.object({
  source: z.enum(REGISTER_SOURCES),
  issuerName: text(300),
  documentNumber: text(100),
  documentDate: dateField,
  receivedOn: dateField,
  subject: text(300),
  content: text(8000),
  assigneeUnitId: text(64),
}).refine((e) => e.documentDate <= e.receivedOn, { path: ['receivedOn'], message: 'register.error.receivedBeforeDocument' });
export type EntryInput = z.infer<typeof entryInput>;

export const OUTCOMES = ['accepted', 'partly', 'explained'] as const;
/** The answering unit's answer: accepted, partly accepted, or explained (LMTTQ Art. 35(5): explain what is not accepted). */
export const answerInput = z.object({
  answeredOn: dateField,
  outcome: z.enum(OUTCOMES),
  answerDocument: text(100),
  answerText: text(8000),
});
export type AnswerInput = z.infer<typeof answerInput>;

export const closeInput = z.object({ closedOn: dateField, note: optText(2000) });

/** A province answer term (its coordination regulation), replacing the bundled default from a date. */
export const termInput = z.object({
  source: z.enum(REGISTER_SOURCES),
  days: z.coerce.number().int().min(1).max(365),
  unit: z.enum(['calendar-days', 'working-days']),
  legalBasis: text(500),
  validFrom: dateField,
  validTo: optDate,
  note: optText(1000),
}).refine((t) => !t.validTo || t.validFrom <= t.validTo, { path: ['validTo'], message: 'register.error.validTo' });
export type TermInput = z.infer<typeof termInput>;

const optFilterDate = z.union([z.literal(''), dateField]).optional().transform((s) => s || undefined);
/** Filters of the register list and its exports (bad values are ignored rather than refused). */
export const registerFilter = z.object({
  source: z.enum(REGISTER_SOURCES).optional().catch(undefined),
  state: z.enum(['open', 'overdue', 'answered', 'answered-late', 'closed']).optional().catch(undefined),
  unitId: z.string().max(64).optional().catch(undefined).transform((s) => s || undefined),
  from: optFilterDate.catch(undefined),
  to: optFilterDate.catch(undefined),
});

export const digestQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  half: z.coerce.number().int().min(1).max(2).optional().catch(undefined),
});
