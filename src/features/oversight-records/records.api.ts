import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { queryValues, readJson } from '../../platform/http/validate.ts';
import { COMMENDATION_FORMS, COMMENDATION_LEVELS, DISCIPLINE_MEASURES, PERSON_CATEGORIES, RECIPIENT_KINDS } from '../../domain/oversight/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { failure, scopeFor } from '../community/index.ts';
import { onUnit } from './oversight.access.ts';
import { listCommendations, listCourses, listDisciplines } from './records.repository.ts';
import { commendationInput, disciplineInput, recordFilter, trainingInput } from './records.schema.ts';
import { addCommendation, addDiscipline, addTraining, commendationUnit } from './records.service.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const errors = { 400: json(ErrorSchema, 'Invalid input (fields named)'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const Created = z.object({ id: z.string() });
const Filter = z.object({ unitId: z.string().optional(), from: z.string().optional(), to: z.string().optional(), form: z.string().optional(), level: z.string().optional(), measure: z.string().optional() });
const ctx = async (c: Ctx) => ({ db: c.get('deps').db, scope: await scopeFor(c, 'records.view'), f: recordFilter.parse(queryValues(c)) });

export const recordsApi = apiRouter();

recordsApi.openapi(createRoute({
  method: 'get', path: '/records/commendations', middleware: [allow('records.view')] as const, request: { query: Filter },
  responses: { 200: json(z.object({ items: z.array(z.object({ id: z.string(), unitId: z.string(), form: z.string(), level: z.string(), recipientKind: z.string(), recipientName: z.string(), exemplarId: z.string().nullable(), decisionNumber: z.string(), decisionOn: z.string() })) }), 'Commendations in scope'), ...errors },
}), async (c) => {
  const { db, scope, f } = await ctx(c);
  const rows = await listCommendations(db, scope, f);
  return c.json({ items: rows.map((r) => ({ id: r.id, unitId: r.unit_id, form: r.form, level: r.level, recipientKind: r.recipient_kind, recipientName: r.recipient_name, exemplarId: r.exemplar_id, decisionNumber: r.decision_number, decisionOn: r.decision_on })) }, 200);
});

recordsApi.openapi(createRoute({
  method: 'post', path: '/records/commendations', middleware: [allow('records.manage')] as const,
  request: body(z.object({ form: z.enum(COMMENDATION_FORMS), level: z.enum(COMMENDATION_LEVELS), issuer: z.string(), decisionNumber: z.string(), decisionOn: z.string(), recipientKind: z.enum(RECIPIENT_KINDS), unitId: z.string().optional(), personName: z.string().optional(), exemplarId: z.string().optional(), reason: z.string() })),
  responses: { 201: json(Created, 'Commendation recorded'), ...errors },
}), async (c) => {
  const input = await readJson(c, commendationInput);
  const { db } = c.get('deps');
  const unitId = await commendationUnit(db, input);
  if (!unitId) throw failure({ fields: { exemplarId: 'records.error.exemplarMissing' } }, c.get('t'));
  await onUnit(c, 'records.manage', unitId);
  const r = await addCommendation(db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: r.value }, 201);
});

recordsApi.openapi(createRoute({
  method: 'get', path: '/records/discipline', middleware: [allow('records.view')] as const, request: { query: Filter },
  responses: { 200: json(z.object({ items: z.array(z.object({ id: z.string(), unitId: z.string(), personName: z.string(), measure: z.string(), legalBasis: z.string(), decisionNumber: z.string(), decisionOn: z.string() })) }), 'Disciplinary cases in scope (signed-in readers only; never public)'), ...errors },
}), async (c) => {
  const { db, scope, f } = await ctx(c);
  const rows = await listDisciplines(db, scope, f);
  return c.json({ items: rows.map((r) => ({ id: r.id, unitId: r.unit_id, personName: r.person_name, measure: r.measure, legalBasis: r.legal_basis, decisionNumber: r.decision_number, decisionOn: r.decision_on })) }, 200);
});

recordsApi.openapi(createRoute({
  method: 'post', path: '/records/discipline', middleware: [allow('records.manage')] as const,
  request: body(z.object({ unitId: z.string(), personName: z.string(), personPosition: z.string(), personCategory: z.enum(PERSON_CATEGORIES), violation: z.string(), legalBasis: z.string(), measure: z.enum(DISCIPLINE_MEASURES), decisionNumber: z.string(), decisionOn: z.string(), decidedBy: z.string() })),
  responses: { 201: json(Created, 'Disciplinary case recorded'), ...errors },
}), async (c) => {
  const input = await readJson(c, disciplineInput);
  await onUnit(c, 'records.manage', input.unitId);
  const r = await addDiscipline(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: r.value }, 201);
});

recordsApi.openapi(createRoute({
  method: 'get', path: '/records/training', middleware: [allow('records.view')] as const, request: { query: Filter },
  responses: { 200: json(z.object({ items: z.array(z.object({ id: z.string(), unitId: z.string(), topic: z.string(), startsOn: z.string(), endsOn: z.string(), hours: z.number(), participants: z.array(z.object({ unitId: z.string(), participants: z.number() })) })) }), 'Training courses in scope'), ...errors },
}), async (c) => {
  const { db, scope, f } = await ctx(c);
  const rows = await listCourses(db, scope, f);
  return c.json({ items: rows.map((r) => ({ id: r.id, unitId: r.unitId, topic: r.topic, startsOn: r.startsOn, endsOn: r.endsOn, hours: r.hours, participants: r.participants.map((p) => ({ unitId: p.unitId, participants: p.participants })) })) }, 200);
});

recordsApi.openapi(createRoute({
  method: 'post', path: '/records/training', middleware: [allow('records.manage')] as const,
  request: body(z.object({ unitId: z.string(), organiser: z.string(), topic: z.string(), startsOn: z.string(), endsOn: z.string(), hours: z.number(), participants: z.array(z.object({ unitId: z.string(), participants: z.number() })) })),
  responses: { 201: json(Created, 'Training course recorded'), ...errors },
}), async (c) => {
  const input = await readJson(c, trainingInput);
  await onUnit(c, 'records.manage', input.unitId);
  const r = await addTraining(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: r.value }, 201);
});
