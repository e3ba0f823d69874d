import { createRoute } from '@hono/zod-openapi';
import { allow, authorize } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { readJson } from '../../platform/http/validate.ts';
import { ErrorSchema } from '../auth/index.ts';
import { ancestorIds } from '../units/index.ts';
import { failure } from '../community/index.ts';
import { conferenceInput, dialogueInput, regulationInput, reviewInput } from './agency.schema.ts';
import { recordConference, recordDialogue, registerRegulation, reviewRegulation } from './agency.service.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const onUnit = (c: Ctx, unitId: string) => authorize(c.get('user'), 'agency.manage', unitId, (id) => ancestorIds(c.get('deps').db, id));

export const agencyApi = apiRouter();

agencyApi.openapi(createRoute({
  method: 'post', path: '/staff-conferences', middleware: [allow('agency.manage')] as const,
  request: body(z.object({ unitId: z.string(), year: z.number(), kind: z.enum(['annual', 'extraordinary']).optional(), heldOn: z.string(), staffTotal: z.number(), attendees: z.number(), resolutionYes: z.number(), requestedBy: z.enum(['union', 'head', 'staff']).optional(), requesting: z.number().optional() })),
  responses: { 201: json(z.object({ id: z.string(), quorum: z.boolean(), passed: z.boolean(), onTime: z.boolean(), dueBy: z.string(), followUpDue: z.string().nullable() }), 'Conference recorded (Art. 50–52)'), ...errors },
}), async (c) => {
  const input = await readJson(c, conferenceInput);
  await onUnit(c, input.unitId);
  const r = await recordConference(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 201);
});

agencyApi.openapi(createRoute({
  method: 'post', path: '/workplace-dialogues', middleware: [allow('agency.manage')] as const,
  request: body(z.object({ unitId: z.string(), heldOn: z.string(), legalRepPresent: z.boolean(), workerReps: z.number(), workerRepsPresent: z.number(), note: z.string().optional() })),
  responses: { 201: json(z.object({ id: z.string(), valid: z.boolean() }), 'Dialogue recorded (NĐ 145 Art. 39)'), ...errors },
}), async (c) => {
  const input = await readJson(c, dialogueInput);
  await onUnit(c, input.unitId);
  const r = await recordDialogue(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 201);
});

agencyApi.openapi(createRoute({
  method: 'post', path: '/unit-regulations', middleware: [allow('agency.manage')] as const,
  request: body(z.object({ unitId: z.string(), kind: z.enum(['democracy', 'spending', 'working', 'conduct']), title: z.string(), issuedOn: z.string() })),
  responses: { 201: json(z.object({ id: z.string(), reviewDue: z.string() }), 'Regulation registered with its review date'), ...errors },
}), async (c) => {
  const input = await readJson(c, regulationInput);
  await onUnit(c, input.unitId);
  const r = await registerRegulation(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 201);
});

agencyApi.openapi(createRoute({
  method: 'post', path: '/unit-regulations/{id}/review', middleware: [allow('agency.manage')] as const,
  request: { params: z.object({ id: z.string().max(64) }), ...body(z.object({ reviewedOn: z.string() })) },
  responses: { 200: json(z.object({ id: z.string(), reviewDue: z.string() }), 'Review recorded; next review date'), ...errors },
}), async (c) => {
  const reg = await c.get('deps').db.selectFrom('unit_regulations').select(['id', 'unit_id']).where('id', '=', c.req.param('id')).executeTakeFirst();
  if (!reg) throw notFound();
  await onUnit(c, reg.unit_id);
  const r = await reviewRegulation(c.get('deps').db, actorOf(c), reg.id, (await readJson(c, reviewInput)).reviewedOn);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 200);
});
