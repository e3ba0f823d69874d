import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { dateField } from '../units/units.schema.ts';
import { SUPERVISION_AREA_CODES } from '../../domain/supervision-areas.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date');
const text = (max: number) => z.string().trim().min(1).max(max);
const footnote = z.object({ mark: text(4), text: text(4000) });

/** A content item of a plan (numbered, nested). */
export interface ItemInput { number: string; title: string; text?: string; footnotes?: { mark: string; text: string }[]; supervisionAreas?: string[]; tracked?: boolean; children?: ItemInput[] }
const item: z.ZodType<ItemInput> = z.lazy(() => z.object({
  number: text(10), title: text(500), text: z.string().max(20000).optional(), footnotes: z.array(footnote).max(20).optional(),
  supervisionAreas: z.array(z.enum(SUPERVISION_AREA_CODES)).optional(), tracked: z.boolean().optional(), children: z.array(item).max(50).optional(),
}));

/** The JSON format of `plans import` (docs/plans-import.md). */
export const planDocumentInput = z.object({
  documentNumber: text(50), issuedOn: isoDate, place: text(100), kind: text(50).default('KẾ HOẠCH'),
  issuer: z.object({ unitKey: text(100), name: text(200) }),
  title: text(500), preamble: z.string().max(10000).optional(), legalBases: z.array(text(1000)).max(30),
  items: z.array(item).min(1).max(30),
  duties: z.array(z.object({ number: text(10), heading: text(300), unitKey: text(100).optional(), unitKind: text(40).optional(), note: text(1000).optional(), text: text(10000) })).max(50),
  reporting: z.object({ number: text(10), heading: text(200), text: text(5000), footnotes: z.array(footnote).optional(), deadlines: z.array(z.object({ label: text(200), dueOn: isoDate })), to: text(500).optional() }).optional(),
  closing: z.string().max(5000).optional(),
  recipients: z.array(text(300)).max(60),
  signer: z.object({ name: text(200), position: z.string().max(200).nullable().optional() }),
  respondents: z.object({ unitKinds: z.array(text(40)).max(10), planDueOn: isoDate.optional(), note: z.string().max(1000).optional() }).optional(),
});
export type PlanDocumentInput = z.infer<typeof planDocumentInput>;

export const unitPlanInput = z.object({ unitId: text(64) });
export const issueInput = z.object({ documentNumber: text(50), issuedOn: dateField });

/** An optional date from a form: blank means none; anything else must be a date (the error then says how to write one). */
const optionalDate = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), dateField.optional()).transform((s) => s ?? null);
const percent = z.coerce.number().int().min(0).max(100);
/** A percentage from a form: blank (or absent) means "not given" — never 0. */
const optionalPercent = z.preprocess((v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), percent.optional()).transform((n) => n ?? null);
export const TASK_STATUSES = ['not-started', 'in-progress', 'done', 'overdue', 'blocked'] as const;

/** A new task (form and API). `dueInWorkingDays` computes the due date from the start with the legal calendar. */
export const taskInput = z.object({
  title: text(500), unitId: text(64), planId: z.string().max(64).optional().transform((s) => s || null),
  planItemId: z.string().max(64).optional().transform((s) => s || null), parentTaskId: z.string().max(64).optional().transform((s) => s || null),
  assigneeId: z.string().max(64).optional().transform((s) => s || null), startOn: optionalDate, dueOn: optionalDate,
  dueInWorkingDays: z.union([z.coerce.number().int().min(1).max(365), z.literal('')]).optional().transform((n) => (n === '' || n === undefined ? null : n)),
  weight: z.union([z.coerce.number().int().min(1).max(100), z.literal('')]).optional().transform((n) => (n === '' || n === undefined ? 1 : n)),
  areas: z.union([z.array(z.enum(SUPERVISION_AREA_CODES)), z.enum(SUPERVISION_AREA_CODES), z.literal('')]).optional().transform((a) => (!a ? [] : Array.isArray(a) ? a : [a])),
  coUnitIds: z.union([z.array(z.string().max(64)).max(20), z.string().max(64)]).optional().transform((a) => (!a ? [] : (Array.isArray(a) ? a : [a]).filter(Boolean))),
});
export type TaskInput = z.infer<typeof taskInput>;

const areaList = z.array(z.enum(SUPERVISION_AREA_CODES)).max(SUPERVISION_AREA_CODES.length);
const unitList = z.array(z.string().trim().min(1).max(64)).max(20);

export const taskPatch = z.object({
  status: z.enum(TASK_STATUSES).optional(), progress: z.union([percent, z.null()]).optional(),
  dueOn: z.union([dateField, z.null()]).optional(), assigneeId: z.union([z.string().max(64), z.null()]).optional(),
  coUnitIds: unitList.optional(), areas: areaList.optional(),
}).strict();
export type TaskPatch = z.infer<typeof taskPatch>;

export const taskQuery = z.object({
  unitId: z.string().max(64).optional(), planId: z.string().max(64).optional(), status: z.enum(TASK_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(), ...pageQuery,
});

export const updateInput = z.object({ note: text(4000), progress: optionalPercent });

/** The task page's edit form: status, progress (blank = from subtasks), due date, person in charge, co-operating units, areas. */
export const taskEditForm = z.object({
  status: z.enum(['not-started', 'in-progress', 'done', 'blocked']),
  progressMode: z.enum(['manual', 'derived']).optional().default('manual'),
  /** Named apart from the progress update form's field on the same page. */ manualProgress: optionalPercent,
  dueOn: optionalDate, assigneeId: z.string().max(64).optional().transform((s) => s || null),
  coUnitIds: z.array(z.string().max(64)).max(20).default([]), areas: z.array(z.enum(SUPERVISION_AREA_CODES)).max(7).default([]),
});

export const commentInput = z.object({ note: text(4000) });
/** The comment form on the task page (named apart from the update form's note). */
export const commentForm = z.object({ comment: text(4000) });
