import { z } from 'zod';
import { CONFERENCE_KINDS, DIALOGUE_AGENDA, PERIODIC_AGENDA } from '../../domain/democracy/index.ts';
import { dateField } from '../units/units.schema.ts';

const optDate = z.union([dateField, z.literal('')]).optional().transform((s) => s || null);
const text = (max: number) => z.string().trim().max(max).optional().transform((s) => s || null);
const count = z.coerce.number({ message: 'validation.invalidType' }).int().min(0).max(1_000_000);
const optCount = z.union([z.literal(''), count]).optional().transform((v) => (v === '' || v === undefined ? null : v));
const AGENDA = [...new Set([...PERIODIC_AGENDA, ...DIALOGUE_AGENDA])] as [string, ...string[]];

/** Scheduling a conference: the unit (commune for Art. 32, village for Art. 33), date, place, convener, plan and notice dates. */
export const scheduleInput = z.object({
  unitId: z.string().trim().min(1).max(64),
  heldOn: dateField,
  place: z.string().trim().min(1).max(300),
  convener: z.string().trim().min(1).max(200),
  planSentOn: optDate,
  noticeSentOn: optDate,
});
export type ScheduleInput = z.infer<typeof scheduleInput>;

/** The notice delivered to households (required) and the plan sent to the commune bodies. */
export const noticeInput = z.object({ noticeSentOn: dateField, planSentOn: optDate });
export type NoticeInput = z.infer<typeof noticeInput>;

const qa = z.object({ question: z.string().trim().min(1).max(2000), answer: z.string().trim().max(4000).default('') });

/** The record of a held conference (API: lists; forms: checkboxes `agenda` and rows `q1..q5` / `a1..a5`). */
export const minutesInput = z.object({
  heldOn: dateField,
  householdsPresent: count,
  householdsTotal: optCount,
  agenda: z.array(z.enum(AGENDA)).max(AGENDA.length).default([]),
  questions: z.array(qa).max(50).default([]),
  conclusions: z.string().trim().min(1).max(8000),
  commendations: text(4000),
  reportSentOn: optDate,
});
export type MinutesInput = z.infer<typeof minutesInput>;

export const QA_ROWS = 5;

/** Turns the plain form (checkbox values joined, numbered question rows) into the API's shape. */
export function minutesFromForm(values: Record<string, string>, agenda: string[]): Record<string, unknown> {
  const questions = Array.from({ length: QA_ROWS }, (_, i) => ({ question: values[`q${i + 1}`]?.trim() ?? '', answer: values[`a${i + 1}`]?.trim() ?? '' })).filter((x) => x.question);
  return { heldOn: values.heldOn, householdsPresent: values.householdsPresent, householdsTotal: values.householdsTotal, agenda, questions, conclusions: values.conclusions, commendations: values.commendations, reportSentOn: values.reportSentOn };
}

export const yearQuery = z.object({ year: z.coerce.number().int().min(2023).max(2100).optional() });
export const KINDS = CONFERENCE_KINDS;
