import { z } from 'zod';
import { DISCLOSURE_FORMS } from '../../domain/disclosure/catalogue.ts';
import { parseDateInput } from '../../platform/i18n/index.ts';
import { dateField } from '../units/units.schema.ts';

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable().transform((s) => (s ? s : null));
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date').refine((s) => parseDateInput(s) === s, 'validation.date');

/** One form of disclosure with its evidence (Art. 12(1), 47(1)). */
export const formEvidence = z.object({
  form: z.enum(DISCLOSURE_FORMS),
  photoFileId: optionalText(64),
  url: z.string().trim().max(500).url('disclosures.error.url').optional().nullable().or(z.literal('')).transform((s) => (s ? s : null)),
  informedOn: dateField.optional().nullable().or(z.literal('')).transform((s) => (s ? s : null)),
  broadcastDays: z.array(dateField).max(60).optional().default([]),
  note: optionalText(500),
});
export type FormEvidence = z.infer<typeof formEvidence>;

export const disclosureInput = z.object({
  unitId: z.string().trim().min(1).max(64),
  itemCode: z.string().trim().min(1).max(8),
  title: z.string().trim().min(1).max(500),
  documentNo: optionalText(100),
  decisionOn: dateField,
  postedOn: dateField,
  forms: z.array(z.union([z.enum(DISCLOSURE_FORMS).transform((form) => formEvidence.parse({ form })), formEvidence])).min(1).max(12),
  fileId: optionalText(64),
});
export type DisclosureInput = z.infer<typeof disclosureInput>;

export const removalInput = z.object({ removedOn: dateField });
export const broadcastInput = z.object({ broadcastOn: dateField });

/** The staff form: one checkbox per form, evidence fields beside it (the file is read separately). */
export const disclosureForm = z.object({
  unitId: z.string().trim().min(1).max(64),
  itemCode: z.string().trim().min(1).max(8),
  title: z.string().trim().min(1).max(500),
  documentNo: optionalText(100),
  decisionOn: dateField,
  postedOn: dateField,
  portalUrl: z.string().trim().max(500).url('disclosures.error.url').optional().or(z.literal('')),
  informedOn: z.union([dateField, z.literal('')]).optional(),
  broadcastDays: z.string().trim().max(400).optional(),
});

export const publicQuery = z.object({ unitId: z.string().max(64).optional(), q: z.string().max(200).optional(), page: z.coerce.number().int().min(1).max(10000).optional() });
export const complianceQuery = z.object({ unitId: z.string().min(1).max(64), from: isoDate, to: isoDate });
