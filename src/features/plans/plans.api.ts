import { createRoute } from '@hono/zod-openapi';
import { allow, authorize, can, scopeOf } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf } from '../../platform/http/context.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import { translateFields, validationError } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { ancestorIds, unitIdsInScope } from '../units/index.ts';
import { getPlan, listPlans, type ItemNode, type PlanView } from './plans.repository.ts';
import { computeCoverage, coverageCounts } from './plans.coverage.ts';
import { pageFrom, pageOf, pageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { createUnitPlan } from './plans.service.ts';
import { unitPlanInput } from './plans.schema.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown plan') };

const PlanSummary = z.object({ id: z.string(), documentNumber: z.string().nullable(), title: z.string(), issuedOn: z.string().nullable(), issuerUnitId: z.string(), parentPlanId: z.string().nullable() }).openapi('PlanSummary');
type ItemOut = { id: string; number: string; title: string; sourceItemId: string | null; supervisionAreas: string[]; children: ItemOut[] };
// Nested items to any depth: `children` refers back to PlanItem in the document.
const Item: z.ZodType<ItemOut> = z.lazy(() => z.object({ id: z.string(), number: z.string(), title: z.string(), sourceItemId: z.string().nullable(), supervisionAreas: z.array(z.string()), children: z.array(Item) })).openapi('PlanItem');
const Plan = PlanSummary.extend({
  status: z.string(), place: z.string().nullable(), items: z.array(Item),
  duties: z.array(z.object({ unitId: z.string().optional(), unitKind: z.string().optional(), heading: z.string(), text: z.string() })),
}).openapi('Plan');

const itemOut = (i: ItemNode): ItemOut => ({ id: i.id, number: i.number, title: i.title, sourceItemId: i.sourceItemId, supervisionAreas: i.areas, children: i.children.map(itemOut) });
export const presentPlan = (p: PlanView) => ({
  id: p.id, documentNumber: p.documentNumber, title: p.title, issuedOn: p.issuedOn, issuerUnitId: p.unitId, parentPlanId: p.parentPlanId, status: p.status, place: p.place,
  items: p.items.map(itemOut), duties: p.duties.map((d) => ({ ...(d.unitId ? { unitId: d.unitId } : { unitKind: d.unitKind ?? '' }), heading: d.heading, text: d.body })),
});

export const plansApi = apiRouter();

plansApi.openapi(createRoute({ method: 'get', path: '/plans', middleware: [allow('plans.view')] as const, responses: { 200: json(z.object({ items: z.array(PlanSummary) }), 'Plans'), ...errors } }), async (c) => {
  const { db } = c.get('deps');
  const rows = await listPlans(db, { unitIds: await unitIdsInScope(db, scopeOf(c.get('user'), 'plans.view')) });
  return c.json({ items: rows.map((r) => ({ id: r.id, documentNumber: r.document_number, title: r.title, issuedOn: r.issued_on, issuerUnitId: r.unit_id, parentPlanId: r.parent_plan_id })) }, 200);
});

const idParam = z.object({ id: z.string().max(64) });

plansApi.openapi(createRoute({ method: 'get', path: '/plans/{id}', middleware: [allow('plans.view')] as const, request: { params: idParam }, responses: { 200: json(Plan, 'A plan'), ...errors } }), async (c) => {
  const { db } = c.get('deps');
  const p = await getPlan(db, c.req.valid('param').id);
  if (!p) throw notFound();
  if (p.parentPlanId) await authorize(c.get('user'), 'plans.view', p.unitId, (id) => ancestorIds(db, id));
  return c.json(presentPlan(p), 200);
});

const CoverageUnit = z.object({ unitId: z.string(), unitPlanId: z.string().nullable(), issuedOn: z.string().nullable(), overdue: z.boolean() }).openapi('CoverageUnit');
const CoverageSummary = z.object({
  units: z.number().int().openapi({ description: 'Units that must respond (all pages)' }),
  issued: z.number().int().openapi({ description: 'Of them, units that have issued their plan' }),
  overdue: z.number().int().openapi({ description: 'Units without an issued plan past the due date' }),
}).openapi('CoverageSummary');
const CoverageOut = pageSchema(CoverageUnit).extend({ summary: CoverageSummary }).openapi('Coverage');
const coverageQuery = z.object({ missing: z.enum(['true', 'false', '1', '0']).optional().openapi({ description: 'Only units without an issued plan' }), ...pageQuery });

plansApi.openapi(createRoute({ method: 'get', path: '/plans/{id}/coverage', middleware: [allow('plans.coverage')] as const, request: { params: idParam, query: coverageQuery }, responses: { 200: json(CoverageOut, 'Coverage of the plan, one page of units (follow `next`) with the totals of all pages'), ...errors } }), async (c) => {
  const { db } = c.get('deps');
  const q = c.req.valid('query');
  const p = pageOf(q);
  const today = localToday();
  const cov = await computeCoverage(db, c.req.valid('param').id, today, { limit: p.limit + 1, offset: p.offset, missing: q.missing === 'true' || q.missing === '1' });
  if (!cov) throw notFound();
  const { total, issued, overdue } = await coverageCounts(db, cov.planId, today);
  const page = pageFrom(cov.units.map((u) => ({ unitId: u.unitId, unitPlanId: u.unitPlanId, issuedOn: u.issuedOn, overdue: u.overdue })), p);
  return c.json({ ...page, summary: { units: total, issued, overdue } }, 200);
});

plansApi.openapi(createRoute({
  method: 'post', path: '/plans/{id}/unit-plans', middleware: [allow('plans.manage')] as const,
  request: { params: idParam, body: { content: { 'application/json': { schema: unitPlanInput } }, required: true } },
  responses: { 201: json(Plan, 'The new unit plan'), 409: json(ErrorSchema, 'The unit already has a plan'), ...errors },
}), async (c) => {
  const { db } = c.get('deps');
  const { unitId } = c.req.valid('json');
  if (!(await can(c.get('user'), 'plans.manage', unitId, (id) => ancestorIds(db, id)))) throw new HttpError(403, 'forbidden', 'error.forbidden');
  const r = await createUnitPlan(db, actorOf(c), c.req.valid('param').id, unitId);
  if (!r.ok && r.error === 'plan_missing') throw notFound();
  if (!r.ok && r.error === 'exists') throw new HttpError(409, 'exists', 'plans.error.unitPlanExists', translateFields(r.fields, c.get('t')));
  if (!r.ok) throw validationError(translateFields(r.fields, c.get('t')));
  return c.json(presentPlan((await getPlan(db, r.value))!), 201);
});
