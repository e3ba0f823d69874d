import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf } from '../../platform/http/context.ts';
import { queryValues, readJson } from '../../platform/http/validate.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { REGISTER_SOURCES } from '../../domain/oversight/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { failure, scopeFor } from '../community/index.ts';
import { entryFor, filerUnit } from './oversight.access.ts';
import { listRegister } from './register.repository.ts';
import { answerInput, closeInput, entryInput, registerFilter } from './register.schema.ts';
import { answerEntry, closeEntry, fileEntry } from './register.service.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const errors = { 400: json(ErrorSchema, 'Invalid input (fields named, Vietnamese by default)'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const idParam = z.object({ id: z.string().max(64) });
const Row = z.object({
  key: z.string(), origin: z.enum(['register', 'board']), id: z.string(), source: z.enum(REGISTER_SOURCES), issuer: z.string(), documentNumber: z.string().nullable(), receivedOn: z.string(),
  subject: z.string(), unitId: z.string(), unitName: z.string(), answerDue: z.string(), termBasis: z.string().nullable(), termVerified: z.boolean().nullable(),
  answeredOn: z.string().nullable(), outcome: z.string().nullable(), closedOn: z.string().nullable(), state: z.string(), href: z.string(),
});

export const registerApi = apiRouter();

registerApi.openapi(createRoute({
  method: 'get', path: '/recommendations', middleware: [allow('register.view')] as const,
  request: { query: z.object({ source: z.string().optional(), state: z.string().optional(), unitId: z.string().optional(), from: z.string().optional(), to: z.string().optional() }) },
  responses: { 200: json(z.object({ items: z.array(Row) }), 'The register in the caller\'s scope: entries filed here and board recommendations, one list'), ...errors },
}), async (c) => {
  const rows = await listRegister(c.get('deps').db, await scopeFor(c, 'register.view'), registerFilter.parse(queryValues(c)), localToday());
  return c.json({ items: rows.map(({ content: _c, answerText: _a, answerDocument: _d, documentDate: _dd, ...r }) => r) }, 200);
});

registerApi.openapi(createRoute({
  method: 'post', path: '/recommendations', middleware: [allow('register.file')] as const,
  request: body(z.object({ source: z.enum(REGISTER_SOURCES), issuerName: z.string(), documentNumber: z.string(), documentDate: z.string(), receivedOn: z.string(), subject: z.string(), content: z.string(), assigneeUnitId: z.string() })),
  responses: { 201: json(z.object({ id: z.string(), answerDue: z.string() }), 'Filed; the answer is due after the source\'s term (province term or bundled default)'), ...errors },
}), async (c) => {
  const front = await filerUnit(c);
  const r = await fileEntry(c.get('deps').db, actorOf(c), await readJson(c, entryInput), front);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 201);
});

registerApi.openapi(createRoute({
  method: 'get', path: '/recommendations/{id}', middleware: [allow('register.view')] as const, request: { params: idParam },
  responses: { 200: json(z.object({ id: z.string(), source: z.string(), subject: z.string(), content: z.string(), assigneeUnitId: z.string(), receivedOn: z.string(), answerDue: z.string(), termBasis: z.string(), termVerified: z.boolean(), status: z.string(), answeredOn: z.string().nullable(), outcome: z.string().nullable() }), 'One entry'), ...errors },
}), async (c) => {
  const e = await entryFor(c, 'register.view', c.req.valid('param').id);
  return c.json({ id: e.id, source: e.source, subject: e.subject, content: e.content, assigneeUnitId: e.assignee_unit_id, receivedOn: e.received_on, answerDue: e.answer_due, termBasis: e.term_basis, termVerified: !!e.term_verified, status: e.status, answeredOn: e.answered_on, outcome: e.outcome }, 200);
});

registerApi.openapi(createRoute({
  method: 'post', path: '/recommendations/{id}/answer', middleware: [allow('register.answer')] as const,
  request: { params: idParam, ...body(z.object({ answeredOn: z.string(), outcome: z.enum(['accepted', 'partly', 'explained']), answerDocument: z.string(), answerText: z.string() })) },
  responses: { 200: json(z.object({ id: z.string() }), 'Answer recorded'), ...errors },
}), async (c) => {
  const e = await entryFor(c, 'register.answer', c.req.param('id'));
  const r = await answerEntry(c.get('deps').db, actorOf(c), e.id, await readJson(c, answerInput));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: e.id }, 200);
});

registerApi.openapi(createRoute({
  method: 'post', path: '/recommendations/{id}/close', middleware: [allow('register.close')] as const,
  request: { params: idParam, ...body(z.object({ closedOn: z.string(), note: z.string().optional() })) },
  responses: { 200: json(z.object({ id: z.string() }), 'Closed'), ...errors },
}), async (c) => {
  const e = await entryFor(c, 'register.view', c.req.param('id'));
  await filerUnit(c);
  const r = await closeEntry(c.get('deps').db, actorOf(c), e.id, await readJson(c, closeInput));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json({ id: e.id }, 200);
});
