import { z } from 'zod';
import { COMMENDATION_FORMS, FIELDS, KINDS, REGISTRATION_ITEMS, SUBJECTS, TRACKS } from '../../domain/exemplars/forms.ts';
import { LEVELS } from '../../domain/exemplars/workflow.ts';
import { dateField } from '../units/units.schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional().transform((s) => (s ? s : null));
/** A required text whose message names the item (a custom issue keeps the key through fieldErrors). */
const required = (key: string) => z.unknown().transform((v, ctx): string => {
  if (typeof v !== 'string' || !v.trim()) { ctx.addIssue({ code: 'custom', message: key }); return z.NEVER; }
  if (v.length > 4000) { ctx.addIssue({ code: 'custom', message: 'exemplars.error.tooLong' }); return z.NEVER; }
  return v.trim();
}).meta({ type: 'string', minLength: 1, maxLength: 4000 });

/** The 10 registration items, each required with a message naming it (e.g. "Chưa có: Thực trạng, lý do"). */
export const registrationInput = z.preprocess((v) => (v && typeof v === 'object' ? v : {}), z.object(
  Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, required(`exemplars.missing.${k}`)])) as Record<(typeof REGISTRATION_ITEMS)[number], ReturnType<typeof required>>,
));

const coord = (min: number, max: number) => z.union([z.number(), z.string().trim()]).optional().transform((v, ctx) => {
  if (v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v.replace(',', '.'));
  if (!Number.isFinite(n) || n < min || n > max) { ctx.addIssue({ code: 'custom', message: 'exemplars.error.coordinate' }); return z.NEVER; }
  return n;
});

/** A draft may leave registration items empty; they are required when it is registered. */
export const draftRegistrationInput = z.preprocess((v) => (v && typeof v === 'object' ? v : {}), z.object(
  Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, z.string().trim().max(4000).optional().default('')])) as Record<(typeof REGISTRATION_ITEMS)[number], z.ZodDefault<z.ZodOptional<z.ZodString>>>,
));

/** POST /api/v1/exemplars and the registration form (the form flattens `registration.*`). */
export const entryInput = z.object({
  campaignId: optText(64),
  kind: z.enum(KINDS),
  subject: z.enum(SUBJECTS),
  field: z.enum(FIELDS),
  track: z.enum(TRACKS).optional().default('other'),
  name: text(300),
  personName: optText(200),
  unitId: text(64),
  communeCode: z.string().trim().regex(/^\d{5}$/, 'exemplars.error.communeCode').optional().or(z.literal('').transform(() => undefined)),
  village: optText(200),
  lat: coord(-90, 90),
  lng: coord(-180, 180),
  registration: registrationInput,
  pressLinks: z.array(z.object({ outlet: text(200), url: z.url().max(500), date: z.string().max(10).optional() })).max(50).optional().default([]),
  /** Save as a draft instead of registering (pages only). */
  draft: z.boolean().optional().default(false),
  /** The user saw the duplicate warning and confirms this is a different entry. */
  confirmDuplicate: z.boolean().optional().default(false),
});
export type EntryInput = z.infer<typeof entryInput>;
export const draftInput = entryInput.extend({ registration: draftRegistrationInput });

/** Flat form values → the nested entry shape (registration.* and press links one per line "outlet | url"). */
export function formToEntry(v: Record<string, string>): unknown {
  const registration = Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, v[`registration.${k}`] ?? '']));
  const pressLinks = (v.pressLinks ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => {
    const [outlet, url] = l.includes('|') ? l.split('|').map((s) => s.trim()) : [new URL(l.startsWith('http') ? l : 'http://x').hostname, l];
    return { outlet, url };
  });
  return { ...v, registration, pressLinks, draft: v.draft === '1', confirmDuplicate: v.confirmDuplicate === '1', campaignId: v.campaignId || undefined };
}

export const proposeInput = z.object({
  resultsReport: text(8000),
  reviewVote: z.object({ for: z.coerce.number().int().min(0).max(1000), total: z.coerce.number().int().min(1).max(1000) })
    .refine((v) => v.for <= v.total, { message: 'exemplars.error.vote', path: ['for'] }),
});
export const recognizeInput = z.object({ level: z.enum(LEVELS), decisionNumber: text(100), decisionOn: dateField });
/** A commendation needs its form, the issuer and the decision (number and date), as recorded in forms 2 and 3. */
export const commendInput = z.object({ form: z.enum(COMMENDATION_FORMS), issuer: text(300), decisionNumber: text(100), decisionOn: dateField });
/** Re-proposal in a later year (pages): the new year, after the entry's year. */
export const carryOverInput = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const replicateInput = z.object({ toUnitId: text(64), note: optText(1000) });
export const discontinueInput = z.object({ reason: text(2000) });
export const noteInput = z.object({ note: optText(2000) });

export const campaignInput = z.object({
  name: text(300),
  year: z.coerce.number().int().min(2000).max(2100),
  periodFrom: z.coerce.number().int().min(2000).max(2100),
  periodTo: z.coerce.number().int().min(2000).max(2100),
  launchedByUnitId: text(64),
  legalBasis: text(1000),
  criteria: text(8000),
  registrationDeadline: z.union([dateField, z.literal('')]).optional().transform((s) => s || null),
  quotaMin: z.union([z.coerce.number().int().min(0).max(100), z.literal('')]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
  quotaMax: z.union([z.coerce.number().int().min(0).max(100), z.literal('')]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
});
export type CampaignInput = z.infer<typeof campaignInput>;

export const listQuery = z.object({
  q: z.string().max(200).optional(),
  year: z.union([z.coerce.number().int().min(2000).max(2100), z.literal('')]).optional(),
  status: z.string().max(30).optional(),
  field: z.union([z.enum(FIELDS), z.literal('')]).optional(),
  communeCode: z.string().max(10).optional(),
  unitId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;
