import { z } from 'zod';
import { dateField } from '../units/units.schema.ts';
import { FINDING_RESULTS } from '../../domain/inspections/index.ts';
import { FIELDS, KINDS, SUBJECTS } from '../../domain/exemplars/forms.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullish().transform((s) => s || null);
const optDate = z.union([z.literal(''), dateField]).optional().transform((s) => s || null);
const days = z.coerce.number().int().min(0).max(120);
const optNumber = (max: number) => z.union([z.literal(''), z.coerce.number().min(-max).max(max)]).optional().transform((v) => (v === '' || v === undefined ? null : v));

export const SCOPES = ['dvcq', 'grassroots', 'both'] as const;
export const MODES = ['planned', 'unannounced'] as const;

export const planInput = z.object({
  year: z.coerce.number().int().min(2020).max(2100),
  title: text(500),
  documentNumber: optText(100),
  scope: z.enum(SCOPES),
  mode: z.enum(MODES),
  reviewFrom: dateField, reviewTo: dateField, windowFrom: dateField, windowTo: dateField,
  objectives: text(4000),
  contentItems: text(4000),
  schemeId: text(64),
  noticeDays: days.optional(), selfReportDays: days.optional(), conclusionDays: days.optional(), recommendationDays: days.optional(),
}).refine((p) => p.reviewFrom <= p.reviewTo, { path: ['reviewTo'], message: 'inspections.error.order' })
  .refine((p) => p.windowFrom <= p.windowTo, { path: ['windowTo'], message: 'inspections.error.order' });
export type PlanInput = z.infer<typeof planInput>;

export const memberInput = z.object({ name: text(200), body: text(300), role: z.enum(['leader', 'deputy', 'member', 'secretary']), userId: z.string().trim().max(64).nullish().transform((s) => s || null) });
export const teamInput = z.object({ name: text(200), decisionNumber: text(100), decisionDate: dateField, members: z.array(memberInput).min(1).max(40) });
export type TeamInput = z.infer<typeof teamInput>;

export const targetInput = z.object({ unitId: text(64), teamId: text(64), visitDate: dateField });
export type TargetInput = z.infer<typeof targetInput>;

export const noticeInput = z.object({ sentOn: dateField });
export const selfReportInput = z.object({ report: text(20000), selfScore: z.coerce.number().min(0).max(200), filedOn: optDate });
export type SelfReportInput = z.infer<typeof selfReportInput>;
export const explanationInput = z.object({ explanation: text(20000) });

export const findingInput = z.object({
  code: text(20), result: z.enum(FINDING_RESULTS), points: optNumber(200), overrideReason: optText(2000), note: optText(4000),
});
export const findingsInput = z.object({ visitedOn: dateField, visitPlace: optText(300), items: z.array(findingInput).min(1).max(200) });
export type FindingsInput = z.infer<typeof findingsInput>;

export const conclusionInput = z.object({ documentNumber: optText(100), strengths: text(20000), limitations: text(20000), causes: z.string().trim().max(20000).default(''), goodModels: z.string().trim().max(20000).default('') });
export type ConclusionInput = z.infer<typeof conclusionInput>;
export const issueInput = z.object({ issuedOn: dateField });
export const recommendationInput = z.object({ text: text(4000), addresseeUnitId: optText(64), dueOn: optDate });
export type RecommendationInput = z.infer<typeof recommendationInput>;
export const remediationInput = z.object({ report: text(20000), on: optDate });

export const selfAssessInput = z.object({ year: z.coerce.number().int().min(2020).max(2100), unitId: text(64), selfScore: z.coerce.number().min(0).max(200), note: optText(4000) });
export const adjustmentInput = z.object({ points: z.coerce.number().min(-100).max(100), reason: z.string().trim().max(2000) });
export const appraisalInput = z.object({ adjustments: z.array(adjustmentInput).max(40), notEligibleReason: optText(2000) });
export const publicationInput = z.object({ year: z.coerce.number().int().min(2020).max(2100), decisionNumber: text(100), publishedOn: dateField });

export const schemeInput = z.object({ code: text(40), name: text(300), decisionNo: optText(100), validFrom: dateField, definition: z.string().trim().min(2).max(100000) });
export type SchemeInput = z.infer<typeof schemeInput>;

export const goodModelInput = z.object({ name: text(300), kind: z.enum(KINDS), subject: z.enum(SUBJECTS), field: z.enum(FIELDS) });
export type GoodModelInput = z.infer<typeof goodModelInput>;
