/** Response schemas of the inspections API (the request schemas are those of inspections.schema.ts). */
import { Instant, IsoDate, oneOf, z } from '../../platform/http/api.ts';
import { CLASS_CODES, FINDING_RESULTS } from '../../domain/inspections/index.ts';
import { MODES, SCOPES } from './inspections.schema.ts';

const PlanStatus = oneOf(['draft', 'submitted', 'approved'], 'draft → submitted → approved (returned plans go back to draft)');
const TargetStatus = oneOf(['scheduled', 'notified', 'self-reported', 'visited', 'concluded']);
const AssessmentStatus = oneOf(['draft', 'self-assessed', 'appraised', 'published']);
const Class = z.enum(CLASS_CODES as [string, ...string[]]).openapi({ description: 'HTXS excellent, HTT good, HT done, KHT not done, NOT_ELIGIBLE' });
const period = z.tuple([IsoDate, IsoDate]).openapi({ description: '[from, to], inclusive' });

export const PlanListItem = z.object({ id: z.string(), year: z.number().int(), title: z.string(), scope: oneOf(SCOPES), mode: oneOf(MODES), status: PlanStatus, reviewPeriod: period, window: period });

const Member = z.object({ id: z.string(), team_id: z.string(), name: z.string(), body: z.string(), role: oneOf(['leader', 'deputy', 'member', 'secretary']), user_id: z.string().nullable(), created_at: Instant });
const Team = z.object({ id: z.string(), plan_id: z.string(), name: z.string(), decision_number: z.string(), decision_date: IsoDate, created_at: Instant, members: z.array(Member) });
const TargetItem = z.object({ id: z.string(), unitId: z.string(), unit: z.string(), teamId: z.string(), visitDate: IsoDate, selfReportDue: IsoDate, status: TargetStatus });

/** A plan as stored (column names), with its teams and targets. */
export const PlanDetail = z.object({
  id: z.string(), year: z.number().int(), title: z.string(), document_number: z.string().nullable(), scope: oneOf(SCOPES), mode: oneOf(MODES),
  review_from: IsoDate, review_to: IsoDate, window_from: IsoDate, window_to: IsoDate, objectives: z.string(), content_items: z.string(), scheme_id: z.string(),
  notice_days: z.number().int(), self_report_days: z.number().int(), conclusion_days: z.number().int(), recommendation_days: z.number().int(),
  status: PlanStatus, submitted_on: IsoDate.nullable(), approved_on: IsoDate.nullable(), approved_by: z.string().nullable(), created_by: z.string().nullable(), created_at: Instant, updated_at: Instant,
  teams: z.array(Team), targets: z.array(TargetItem),
}).openapi('InspectionPlan');

const Figure = z.object({ code: z.string(), value: z.number() });
const AutoSource = z.object({ figures: z.array(Figure), target: z.number().optional(), pct: z.number().optional(), from: IsoDate, to: IsoDate });
const AutoFill = AutoSource.extend({ points: z.number(), labels: z.record(z.string(), z.string()) }).openapi({ description: 'Figures of the indicator registry over the review period and the points they give' });
const Finding = z.object({ code: z.string(), result: oneOf(FINDING_RESULTS), points: z.number().nullable(), autoPoints: z.number().nullable(), autoSource: AutoSource.nullable(), overrideReason: z.string().nullable(), note: z.string().nullable() });
const Evidence = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string(), size: z.number().int(), href: z.string().openapi({ description: 'Download (same rights as the findings)' }) });
const Scorecard = z.object({ earned: z.number(), applicableMax: z.number(), fullMax: z.number(), base: z.number(), bonus: z.number(), penalty: z.number(), total: z.number(), cls: Class, reasons: z.array(z.string()) });
const Conclusion = z.object({
  id: z.string(), target_id: z.string(), document_number: z.string().nullable(), strengths: z.string(), limitations: z.string(), causes: z.string(), good_models: z.string(),
  status: oneOf(['draft', 'issued']), issued_on: IsoDate.nullable(), created_at: Instant, updated_at: Instant,
});
const GoodModel = z.object({ entryId: z.string(), name: z.string(), code: z.string().nullable(), status: z.string().nullable().openapi({ description: 'Status of the entry in the "Dân vận khéo" registry' }) });
const Recommendation = z.object({ id: z.string(), text: z.string(), addresseeUnitId: z.string(), addressee: z.string(), dueOn: IsoDate, remediatedOn: IsoDate.nullable(), closedOn: IsoDate.nullable(), overdue: z.boolean() });

/** A target; the findings part (`findings`, `evidence`, `autoFill`, `explanation`) is null for readers who may not see it. */
export const TargetDetail = z.object({
  id: z.string(), planId: z.string(), unit: z.string(), unitId: z.string(), visitDate: IsoDate, visitedOn: IsoDate.nullable(), status: TargetStatus,
  dates: z.object({ noticeDue: IsoDate, selfReportDue: IsoDate, conclusionDue: IsoDate }),
  flags: z.object({ noticeLate: z.boolean(), selfReportLate: z.boolean(), conclusionLate: z.boolean() }),
  selfReport: z.object({ filedOn: IsoDate, selfScore: z.number().nullable(), text: z.string().nullable() }).nullable(),
  findings: z.array(Finding).nullable(), evidence: z.array(Evidence).nullable(), autoFill: z.record(z.string(), AutoFill).nullable(),
  score: Scorecard.nullable(), explanation: z.string().nullable(), conclusion: Conclusion.nullable(), goodModels: z.array(GoodModel), recommendations: z.array(Recommendation),
}).openapi('InspectionTarget');

const Band = z.object({ minPct: z.number(), share: z.number() });
const AutoRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('at-least'), indicator: z.string(), target: z.number() }),
  z.object({ kind: z.literal('reception'), indicator: z.string() }),
  z.object({ kind: z.literal('deduct'), indicator: z.string(), perUnit: z.number() }),
  z.object({ kind: z.literal('ratio'), num: z.string(), den: z.array(z.string()), bands: z.array(Band) }),
]);
const Criterion = z.object({ code: z.string(), group: z.string(), text: z.string(), maxPoints: z.number(), legalRef: z.string().optional(), evidence: z.string().optional(), auto: AutoRule.optional() });
/** The checklist and scoring rules of a scheme version (SchemeDef of src/domain/inspections). */
export const SchemeDefinition = z.object({
  criteria: z.array(Criterion), bonus: z.array(z.object({ code: z.string(), text: z.string(), maxPoints: z.number() })), bonusCap: z.number(),
  penalties: z.array(z.object({ code: z.string(), text: z.string(), points: z.number() })), classBands: z.array(z.object({ cls: Class, min: z.number() })),
  rescaleNa: z.boolean(), requireSelfScore: z.boolean(), criticalCodes: z.array(z.string()), provisional: z.boolean(), source: z.string(),
}).openapi('InspectionSchemeDefinition');
export const SchemeItem = z.object({ id: z.string(), code: z.string(), version: z.number().int(), name: z.string(), decisionNo: z.string().nullable(), validFrom: IsoDate, provisional: z.boolean(), definition: SchemeDefinition });

export const AssessmentItem = z.object({
  id: z.string(), year: z.number().int(), unit_id: z.string(), unitName: z.string(), unitKind: z.string(), scheme_id: z.string(), self_score: z.number().nullable(), self_note: z.string().nullable(), self_submitted_on: IsoDate.nullable(),
  adjustments: z.array(z.object({ points: z.number(), reason: z.string() })), final_score: z.number().nullable(), class: Class.nullable(), not_eligible_reason: z.string().nullable(),
  status: AssessmentStatus, decision_number: z.string().nullable(), published_on: IsoDate.nullable(), created_at: Instant, updated_at: Instant,
});

/** The `value` of each command's `{ ok: true, value }` answer. */
export const Id = z.string().openapi({ description: 'Id of the record created or changed' });
export const Values = {
  notice: z.object({ noticeDue: IsoDate.openapi({ description: 'Last day for the notice (planned inspections)' }) }),
  late: z.object({ late: z.boolean() }),
  recommendation: z.object({ id: z.string(), dueOn: IsoDate }),
  goodModel: z.object({ entryId: z.string(), code: z.string() }),
  issued: z.object({ late: z.boolean(), due: IsoDate }),
  appraisal: z.object({ finalScore: z.number(), cls: Class }),
  published: z.number().int().openapi({ description: 'How many assessments were published' }),
};
