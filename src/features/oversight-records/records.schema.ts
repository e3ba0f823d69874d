import { z } from 'zod';
import { dateField } from '../units/units.schema.ts';
import { COMMENDATION_FORMS, COMMENDATION_LEVELS, DISCIPLINE_MEASURES, PERSON_CATEGORIES, RECIPIENT_KINDS } from '../../domain/oversight/index.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optId = z.string().trim().max(64).optional().transform((s) => s || null);

/** A commendation: form, level, decision, and one recipient (a unit, a person of a unit, or a "Dân vận khéo" model). */
export const commendationInput = z.object({
  form: z.enum(COMMENDATION_FORMS),
  level: z.enum(COMMENDATION_LEVELS),
  issuer: text(300),
  decisionNumber: text(100),
  decisionOn: dateField,
  recipientKind: z.enum(RECIPIENT_KINDS),
  unitId: optId,
  personName: z.string().trim().max(200).optional().transform((s) => s || null),
  exemplarId: optId,
  reason: text(2000),
}).superRefine((v, ctx) => {
  if (v.recipientKind !== 'exemplar' && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'records.error.unitRequired' });
  if (v.recipientKind === 'person' && !v.personName) ctx.addIssue({ code: 'custom', path: ['personName'], message: 'records.error.personRequired' });
  if (v.recipientKind === 'exemplar' && !v.exemplarId) ctx.addIssue({ code: 'custom', path: ['exemplarId'], message: 'records.error.exemplarRequired' });
});
export type CommendationInput = z.infer<typeof commendationInput>;

/** A disciplinary case for a violation of democracy rules: person, unit, violation and its legal basis, measure, decision. */
export const disciplineInput = z.object({
  unitId: text(64),
  personName: text(200),
  personPosition: text(200),
  personCategory: z.enum(PERSON_CATEGORIES),
  violation: text(4000),
  legalBasis: text(500),
  measure: z.enum(DISCIPLINE_MEASURES),
  decisionNumber: text(100),
  decisionOn: dateField,
  decidedBy: text(300),
});
export type DisciplineInput = z.infer<typeof disciplineInput>;

/** A training course with its participants per unit ("unit id: number" lines on the form, an array in the API). */
export const trainingInput = z.object({
  unitId: text(64),
  organiser: text(300),
  topic: text(500),
  startsOn: dateField,
  endsOn: dateField,
  hours: z.coerce.number().int().min(1).max(2000),
  participants: z.array(z.object({ unitId: text(64), participants: z.coerce.number().int().min(1).max(100000) })).min(1).max(300),
}).refine((v) => v.startsOn <= v.endsOn, { path: ['endsOn'], message: 'records.error.endsBeforeStart' });
export type TrainingInput = z.infer<typeof trainingInput>;

const optFilterDate = z.union([z.literal(''), dateField]).optional().transform((s) => s || undefined);
/** Filters shared by the three lists (unknown values ignored). */
export const recordFilter = z.object({
  unitId: z.string().max(64).optional().catch(undefined).transform((s) => s || undefined),
  from: optFilterDate.catch(undefined),
  to: optFilterDate.catch(undefined),
  form: z.enum(COMMENDATION_FORMS).optional().catch(undefined),
  level: z.enum(COMMENDATION_LEVELS).optional().catch(undefined),
  measure: z.enum(DISCIPLINE_MEASURES).optional().catch(undefined),
});
export type RecordFilter = z.infer<typeof recordFilter>;
