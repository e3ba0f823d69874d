import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf } from '../../platform/http/context.ts';
import { conflict } from '../../platform/http/errors.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { readJson } from '../../platform/http/validate.ts';
import { ErrorSchema } from '../auth/index.ts';
import { failure } from '../community/index.ts';
import { caseFor, onVillage, teamFor } from './mediation.access.ts';
import { getCase } from './mediation.repository.ts';
import { caseInput, outcomeInput, sessionInput, teamInput } from './mediation.schema.ts';
import { addSession, createCase, createTeam, recordOutcome } from './mediation.service.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const idParam = z.object({ id: z.string().max(64) });

export const mediationApi = apiRouter();

mediationApi.openapi(createRoute({
  method: 'post', path: '/mediation-teams', middleware: [allow('mediation.manage')] as const,
  request: body(z.object({ villageId: z.string(), name: z.string(), ethnicMinorityArea: z.boolean().optional(), mediators: z.array(z.object({ name: z.string(), gender: z.enum(['female', 'male']), ethnicMinority: z.boolean().optional(), isLeader: z.boolean().optional(), recognizedOn: z.string().optional() })).optional() })),
  responses: { 201: json(z.object({ id: z.string(), gaps: z.array(z.string()) }), 'Team set up, with its composition gaps (Art. 12(1))'), ...errors },
}), async (c) => {
  const input = await readJson(c, teamInput);
  await onVillage(c, 'mediation.manage', input.villageId);
  const r = await createTeam(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 201);
});

mediationApi.openapi(createRoute({
  method: 'post', path: '/mediation-cases', middleware: [allow('mediation.manage'), idempotent()] as const,
  description: 'A logbook entry. Takes an `Idempotency-Key` (and `X-Captured-At`) header: a retry returns the first answer and opens no second case.',
  request: body(z.object({ teamId: z.string(), assignedOn: z.string(), parties: z.array(z.union([z.string(), z.object({ name: z.string() })])), summary: z.string() })),
  responses: { 201: json(z.object({ id: z.string(), startDue: z.string() }), 'Case opened; mediation starts within 3 days (Art. 20(2))'), ...errors },
}), async (c) => {
  const input = await readJson(c, caseInput);
  await teamFor(c, 'mediation.manage', input.teamId);
  const r = await createCase(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 201);
});

mediationApi.openapi(createRoute({
  method: 'post', path: '/mediation-cases/{id}/sessions', middleware: [allow('mediation.manage'), idempotent()] as const,
  description: 'Takes an `Idempotency-Key` (and `X-Captured-At`) header. 409 with `error.current` when the case was closed meanwhile.',
  request: { params: idParam, ...body(z.object({ heldOn: z.string(), note: z.string() })) },
  responses: { 201: json(z.object({ id: z.string() }), 'Session logged'), 409: json(ErrorSchema, 'The case was closed meanwhile'), ...errors },
}), async (c) => {
  const { m } = await caseFor(c, 'mediation.manage', c.req.param('id'));
  const r = await addSession(c.get('deps').db, actorOf(c), m.id, await readJson(c, sessionInput));
  if (!r.ok && r.error === 'state') {
    const now = (await getCase(c.get('deps').db, m.id))!;
    throw conflict('case_closed', 'mediation.error.closed', { id: now.id, result: now.result, closedOn: now.closed_on, statusLabel: c.get('t')(`mediation.result.${now.result}`) });
  }
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: m.id }, 201);
});

mediationApi.openapi(createRoute({
  method: 'post', path: '/mediation-cases/{id}/outcome', middleware: [allow('mediation.manage')] as const,
  request: { params: idParam, ...body(outcomeInput) },
  responses: { 200: json(z.object({ id: z.string(), result: z.string() }), 'Outcome recorded (Art. 23, 24)'), ...errors },
}), async (c) => {
  const { m } = await caseFor(c, 'mediation.manage', c.req.param('id'));
  const input = await readJson(c, outcomeInput);
  const r = await recordOutcome(c.get('deps').db, actorOf(c), m.id, input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: m.id, result: input.result }, 200);
});
