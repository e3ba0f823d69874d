import { z } from 'zod';

/** A number typed by a user: "1.234,5" (vi), "1234.5" or empty (no value). */
export const numberText = z.string().trim().max(30).transform((s, ctx) => {
  if (s === '') return null;
  const n = Number(/,\d+$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(/[\s]/g, ''));
  if (!Number.isFinite(n) || n < 0) { ctx.addIssue({ code: 'custom', message: 'reports.error.number' }); return z.NEVER; }
  return n;
});

export const draftInput = z.object({
  indicators: z.array(z.object({
    code: z.string().max(64),
    value: z.number().min(0).max(1e12).nullable().optional(),
    overrideReason: z.string().trim().max(2000).nullable().optional(),
  })).max(200).default([]),
  sections: z.array(z.object({ key: z.string().max(64), text: z.string().max(50_000) })).max(100).default([]),
}).strict();
export type DraftInput = z.infer<typeof draftInput>;

export const returnInput = z.object({
  comment: z.string().trim().min(1).max(5000),
  sections: z.record(z.string().max(64), z.string().trim().max(5000)).optional(),
}).strict();
export type ReturnInput = z.infer<typeof returnInput>;

/** Reads the plain form of the report page: `v.<code>`, `r.<code>`, `s.<key>`. */
export function draftFromForm(values: Record<string, string>, codes: string[], keys: string[]): { ok: true; data: DraftInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const indicators: DraftInput['indicators'] = [];
  for (const code of codes) {
    const r = numberText.safeParse(values[`v.${code}`] ?? '');
    if (!r.success) { errors[`v.${code}`] = 'reports.error.number'; continue; }
    indicators.push({ code, value: r.data, overrideReason: (values[`r.${code}`] ?? '').trim() || null });
  }
  const sections = keys.map((key) => ({ key, text: (values[`s.${key}`] ?? '').slice(0, 50_000) }));
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: { indicators, sections } };
}
