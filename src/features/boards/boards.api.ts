import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf } from '../../platform/http/context.ts';
import { readJson } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { daysLeft } from '../../domain/democracy/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { failure } from '../community/index.ts';
import { boardFor, onUnit, recommendationFor } from './boards.access.ts';
import { boardMembers, recommendations } from './boards.repository.ts';
import { activityInput, answerInput, boardInput, dissolveInput, recommendationInput } from './boards.schema.ts';
import { addActivity, addRecommendation, answerRecommendation, createBoard, dissolveBoard } from './boards.service.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const errors = { 400: json(ErrorSchema, 'Invalid input or a composition rule broken (named)'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const idParam = z.object({ id: z.string().max(64) });
const Created = z.object({ id: z.string() });

export const boardsApi = apiRouter();

boardsApi.openapi(createRoute({
  method: 'post', path: '/boards', middleware: [allow('boards.manage')] as const,
  request: body(boardInput),
  responses: { 201: json(Created, 'Board set up'), ...errors },
}), async (c) => {
  const input = await readJson(c, boardInput);
  await onUnit(c, 'boards.manage', input.unitId);
  const r = await createBoard(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: r.value }, 201);
});

boardsApi.openapi(createRoute({
  method: 'get', path: '/boards/{id}', middleware: [allow('boards.view')] as const, request: { params: idParam },
  responses: { 200: json(z.object({ id: z.string(), kind: z.string(), status: z.string(), members: z.array(z.object({ name: z.string(), role: z.string() })), recommendations: z.array(z.object({ id: z.string(), to: z.string(), sentOn: z.string(), answerDue: z.string(), answeredOn: z.string().nullable(), daysLeft: z.number().nullable() })) }), 'A board with its members and recommendation clocks'), ...errors },
}), async (c) => {
  const b = await boardFor(c, 'boards.view', c.req.valid('param').id);
  const { db } = c.get('deps');
  const today = localToday();
  const recs = (await recommendations(db, [b.id])).map((r) => ({ id: r.id, to: r.to_authority, sentOn: r.sent_on, answerDue: r.answer_due, answeredOn: r.answered_on, daysLeft: r.answered_on ? null : daysLeft(today, r.answer_due) }));
  return c.json({ id: b.id, kind: b.kind, status: b.status, members: (await boardMembers(db, b.id)).map((m) => ({ name: m.name, role: m.role })), recommendations: recs }, 200);
});

boardsApi.openapi(createRoute({
  method: 'post', path: '/boards/{id}/recommendations', middleware: [allow('boards.record')] as const,
  request: { params: idParam, ...body(z.object({ to: z.string(), text: z.string(), sentOn: z.string(), kind: z.enum(['recommendation', 'suspension']).optional() })) },
  responses: { 201: json(z.object({ id: z.string(), answerDue: z.string() }), 'Recommendation logged; the authority answers within 15 days'), ...errors },
}), async (c) => {
  const b = await boardFor(c, 'boards.record', c.req.param('id'));
  const r = await addRecommendation(c.get('deps').db, actorOf(c), b.id, await readJson(c, recommendationInput));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 201);
});

boardsApi.openapi(createRoute({
  method: 'post', path: '/board-recommendations/{id}/answer', middleware: [allow('boards.answer')] as const,
  request: { params: idParam, ...body(z.object({ answeredOn: z.string(), answer: z.string() })) },
  responses: { 200: json(Created, 'Answer recorded'), ...errors },
}), async (c) => {
  const rec = await recommendationFor(c, 'boards.answer', c.req.param('id'));
  const r = await answerRecommendation(c.get('deps').db, actorOf(c), rec.id, await readJson(c, answerInput));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: rec.id }, 200);
});

boardsApi.openapi(createRoute({
  method: 'post', path: '/boards/{id}/activities', middleware: [allow('boards.record')] as const,
  request: { params: idParam, ...body(z.object({ kind: z.string(), heldOn: z.string(), noticeOn: z.string().optional(), text: z.string() })) },
  responses: { 201: json(Created, 'Plan, inspection, visit, finding or report logged'), ...errors },
}), async (c) => {
  const b = await boardFor(c, 'boards.record', c.req.param('id'));
  const r = await addActivity(c.get('deps').db, actorOf(c), b.id, await readJson(c, activityInput));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: r.value }, 201);
});

boardsApi.openapi(createRoute({
  method: 'post', path: '/boards/{id}/dissolution', middleware: [allow('boards.manage')] as const,
  request: { params: idParam, ...body(z.object({ on: z.string() })) },
  responses: { 200: json(Created, 'Board dissolved'), ...errors },
}), async (c) => {
  const b = await boardFor(c, 'boards.manage', c.req.param('id'));
  const r = await dissolveBoard(c.get('deps').db, actorOf(c), b.id, (await readJson(c, dissolveInput)).on);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: b.id }, 200);
});
