import { z } from 'zod';
import { REGULATION_KINDS } from '../../domain/democracy/index.ts';
import { dateField } from '../units/units.schema.ts';

const n = z.coerce.number({ message: 'validation.invalidType' }).int().min(0).max(1000000);
const flag = z.union([z.boolean(), z.literal('1'), z.literal('on'), z.literal('')]).optional().transform((v) => v === true || v === '1' || v === 'on');

export const conferenceInput = z.object({
  unitId: z.string().trim().min(1).max(64),
  year: z.coerce.number({ message: 'validation.invalidType' }).int().min(2023).max(2100),
  kind: z.enum(['annual', 'extraordinary']).default('annual'),
  heldOn: dateField, staffTotal: n.refine((v) => v > 0, 'validation.required'), attendees: n, resolutionYes: n,
  /** Extraordinary conference (Art. 51(1)): asked by the trade-union executive, the head, or staff (how many). */
  requestedBy: z.union([z.enum(['union', 'head', 'staff']), z.literal('')]).optional().transform((s) => s || null),
  requesting: z.union([z.literal(''), n]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
}).refine((c) => c.attendees <= c.staffTotal, { path: ['attendees'], message: 'agency.error.attendeesExceed' })
  .refine((c) => c.resolutionYes <= c.attendees, { path: ['resolutionYes'], message: 'agency.error.yesExceed' });
export type ConferenceInput = z.infer<typeof conferenceInput>;

export const dialogueInput = z.object({
  unitId: z.string().trim().min(1).max(64), heldOn: dateField, legalRepPresent: flag, workerReps: n, workerRepsPresent: n,
  note: z.string().trim().max(2000).optional().transform((s) => s || null),
}).refine((d) => d.workerRepsPresent <= d.workerReps, { path: ['workerRepsPresent'], message: 'agency.error.repsExceed' });
export type DialogueInput = z.infer<typeof dialogueInput>;

export const regulationInput = z.object({ unitId: z.string().trim().min(1).max(64), kind: z.enum(REGULATION_KINDS), title: z.string().trim().min(1).max(500), issuedOn: dateField });
export type RegulationInput = z.infer<typeof regulationInput>;
export const reviewInput = z.object({ reviewedOn: dateField });
