import { z } from 'zod';
import { parseDateInput } from '../../platform/i18n/index.ts';

/** An optional calendar date typed as dd/mm/yyyy (or yyyy-mm-dd), normalised to yyyy-mm-dd; empty means none. */
const optionalDate = z.string().trim().max(10).optional().transform((s, ctx) => {
  if (!s) return undefined;
  const d = parseDateInput(s);
  if (!d) { ctx.addIssue({ code: 'custom', message: 'validation.date' }); return z.NEVER; }
  return d;
});
const text = (max: number) => z.string().trim().max(max).optional().transform((s) => s || undefined);

/** The filters of the audit page, its CSV export (query string). */
export const auditQuery = z.object({
  action: text(100),
  actor: text(100).transform((s) => s?.toLowerCase()),
  subjectType: text(50),
  subjectId: text(100),
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100000).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
