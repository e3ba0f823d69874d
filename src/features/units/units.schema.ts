import { z } from 'zod';
import { parseDateInput } from '../../platform/i18n/index.ts';
import { COMMUNE_TYPES, UNIT_KINDS } from './units.kinds.ts';

/** A date field accepting dd/mm/yyyy or yyyy-mm-dd, normalised to yyyy-mm-dd. */
export const dateField = z.string().trim().min(1).max(10).meta({ description: 'A date: dd/mm/yyyy (or yyyy-mm-dd)', example: '15/01/2026' }).transform((s, ctx) => {
  const d = parseDateInput(s);
  if (!d) { ctx.addIssue({ code: 'custom', message: 'validation.date' }); return z.NEVER; }
  return d;
});
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((s) => (s ? s : null));

export const unitInput = z.object({
  name: z.string().trim().min(1).max(200),
  fullName: z.string().trim().min(1).max(300),
  kind: z.enum(UNIT_KINDS),
  communeType: z.union([z.enum(COMMUNE_TYPES), z.literal('')]).optional().transform((s) => (s ? s : null)),
  code: optionalText(20),
  parentId: optionalText(64),
  validFrom: dateField,
});
export type UnitInput = z.infer<typeof unitInput>;

export const reorganizeInput = z.object({
  kind: z.enum(['merge', 'split', 'rename']),
  effectiveDate: dateField,
  legalBasis: z.string().trim().min(1).max(500),
  predecessorIds: z.string().trim().min(1).max(2000).transform((s) => s.split(/[\s,]+/).filter(Boolean)),
  /** New unit names, one per line ("Xã A" / "Phường B"): the full names of the successors. */
  successorNames: z.string().trim().max(4000).optional().transform((s) => (s ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean)),
  /** Or an existing unit that continues and absorbs the others (merge only). */
  intoId: optionalText(64),
  note: optionalText(1000),
});
export type ReorganizeInput = z.infer<typeof reorganizeInput>;

export const unitQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z.union([z.enum(UNIT_KINDS), z.literal('')]).optional(),
  at: z.union([dateField, z.literal('')]).optional(),
  page: z.coerce.number().int().min(1).max(10000).optional(),
});
