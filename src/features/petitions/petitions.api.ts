import { createRoute } from '@hono/zod-openapi';
import { allow, can, scopeOf } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { HttpError, notFound, type Result } from '../../platform/http/errors.ts';
import { translateFields, validationError } from '../../platform/http/validate.ts';
import { ErrorSchema } from '../auth/index.ts';
import { ancestorIds, unitIdsInScope } from '../units/index.ts';
import { getByCode, getPetition, listPetitions } from './petitions.repository.ts';
import { dialogueInput, dialogueMinutesInput } from './petitions.schema.ts';
import { recordDialogue, scheduleDialogue } from './petitions.dialogue.ts';
import { acceptInput, classifyInput, extendInput, extendTriageInput, forwardInput, listQuery, noticeSentInput, NOTICES, publicPetitionInput, receiveInput, resolveInput, resumeInput, revealInput, suspendInput, withdrawInput } from './petitions.schema.ts';
import { noticeSent, receive, resume, suspend, withdraw } from './petitions.steps.ts';
import { checkTrackThrottle, lookupSucceeded, keyMatches, submitPublic } from './petitions.service.ts';
import { accept, classify, extend, extendTriage, forward, resolve, reveal, type FlowError } from './petitions.flow.ts';
import { caseView, listItem, publicView } from './petitions.present.ts';
import { Petition, PetitionListItem, PublicPetition, Sender } from './petitions.openapi.ts';
import { registerReceptionApi } from './reception.api.ts';
import { petitionsExport } from './settings.pages.tsx';
import { receptionExport } from './reception.pages.tsx';

import { pageFrom, pageOf, pageQuery, pageSchema } from '../../platform/http/pagination.ts';

const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = <S extends z.ZodType>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown case'), 409: json(ErrorSchema, 'State does not allow the step') };

/** Maps a flow failure to its HTTP error (field messages translated). */
export function flowError(c: Ctx, r: Extract<Result<unknown, FlowError>, { ok: false }>): HttpError {
  const t = c.get('t');
  if (r.error === 'not_found') return notFound();
  if (r.error === 'forbidden') return new HttpError(403, 'forbidden', 'error.forbidden');
  if (r.error === 'unit_missing' || r.error === 'not_complex' || r.error === 'invalid_date') return validationError(translateFields(r.fields, t));
  if (r.error === 'dialogue_required') return new HttpError(409, r.error, Object.values(r.fields ?? {})[0] ?? 'petitions.error.bad_state', translateFields(r.fields, t));
  const key = r.error === 'bad_state' ? 'petitions.error.bad_state' : `petitions.error.${r.error}`;
  return new HttpError(409, r.error, key, translateFields(r.fields, t));
}

export const petitionsApi = apiRouter();

// Static paths first: they would otherwise be taken for `/petitions/{id}`.
for (const ext of ['csv', 'xlsx'] as const) {
  petitionsApi.get(`/petitions/export.${ext}`, allow('petitions.view'), (c) => petitionsExport(c, ext));
  petitionsApi.get(`/reception/log.${ext}`, allow('reception.manage'), (c) => receptionExport(c, ext));
}
registerReceptionApi(petitionsApi);

petitionsApi.openapi(createRoute({
  method: 'post', path: '/public/petitions', middleware: [allow('public')] as const, request: body(publicPetitionInput),
  responses: { 201: json(z.object({ trackingCode: z.string(), accessKey: z.string(), receivedAt: z.string() }), 'Received'), 400: json(ErrorSchema, 'Invalid'), 429: json(ErrorSchema, 'Too many submissions') },
}), async (c) => {
  const input = c.req.valid('json');
  const { db, config } = c.get('deps');
  const r = await submitPublic(db, actorOf(c), c.get('ip'), config.provinceCode, input);
  if (!r) throw validationError({ addressedUnitId: c.get('t')('petitions.error.unitMissing') });
  return c.json({ trackingCode: r.trackingCode, accessKey: r.accessKey, receivedAt: r.receivedAt }, 201);
});

petitionsApi.openapi(createRoute({
  method: 'get', path: '/public/petitions/{trackingCode}', middleware: [allow('public')] as const,
  request: { params: z.object({ trackingCode: z.string().max(20) }), query: z.object({ key: z.string().max(100).optional() }) },
  responses: { 200: json(PublicPetition, 'Status for the citizen'), 404: json(ErrorSchema, 'Unknown code or wrong key'), 429: json(ErrorSchema, 'Too many failed lookups') },
}), async (c) => {
  const { db } = c.get('deps');
  const attempt = await checkTrackThrottle(db, c.get('ip'));
  const p = await getByCode(db, c.req.valid('param').trackingCode.toUpperCase());
  if (!p || !keyMatches(c.req.valid('query').key ?? '', p.access_key_hash)) {
    throw notFound();
  }
  await lookupSucceeded(db, attempt);
  return c.json(await publicView(db, p), 200);
});

petitionsApi.openapi(createRoute({
  method: 'get', path: '/petitions', middleware: [allow('petitions.view')] as const, request: { query: listQuery.extend(pageQuery) },
  responses: { 200: json(pageSchema(PetitionListItem), 'Cases in scope, newest first, one page (follow `next`)'), ...errors },
}), async (c) => {
  const q = c.req.valid('query');
  const { db } = c.get('deps');
  const units = await unitIdsInScope(db, scopeOf(c.get('user'), 'petitions.view'));
  const p = pageOf(q);
  const { limit: _l, cursor: _c, ...filter } = q;
  const page = pageFrom(await listPetitions(db, { ...filter, overdue: q.overdue === 'true' || q.overdue === '1', units, limit: p.limit + 1, offset: p.offset }), p);
  return c.json({ items: page.items.map(listItem), next: page.next }, 200);
});

/** Loads a case the caller may view (404 outside scope, like an unknown id). */
async function viewable(c: Ctx, id: string) {
  const { db } = c.get('deps');
  const p = await getPetition(db, id);
  if (!p || !(await can(c.get('user'), 'petitions.view', p.handling_unit_id, (u) => ancestorIds(db, u)))) throw notFound();
  return p;
}

petitionsApi.openapi(createRoute({
  method: 'get', path: '/petitions/{id}', middleware: [allow('petitions.view')] as const, request: { params: z.object({ id: z.string().max(64) }) },
  responses: { 200: json(Petition, 'The case'), ...errors },
}), async (c) => c.json(await caseView(c.get('deps').db, await viewable(c, c.req.valid('param').id)), 200));

type Flow = (c: Ctx, id: string, input: never) => Promise<Result<string, FlowError>>;
const flows: [string, z.ZodType, Flow][] = [
  ['classify', classifyInput, (c, id, i) => classify(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['forward', forwardInput, (c, id, i) => forward(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['accept', acceptInput, (c, id, i) => accept(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['extend', extendInput, (c, id, i) => extend(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['resolve', resolveInput, (c, id, i) => resolve(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['extend-triage', extendTriageInput, (c, id, i) => extendTriage(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['receive', receiveInput, (c, id, i) => receive(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['suspend', suspendInput, (c, id, i) => suspend(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['resume', resumeInput, (c, id, i) => resume(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['withdraw', withdrawInput, (c, id, i) => withdraw(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['dialogue', dialogueInput, (c, id, i) => scheduleDialogue(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ['dialogue-minutes', dialogueMinutesInput, (c, id, i) => recordDialogue(c.get('deps').db, actorOf(c), c.get('user'), id, i)],
  ...NOTICES.map((n): [string, z.ZodType, Flow] => [`notices/${n}/sent`, noticeSentInput, (c, id, i: { sentOn: string; documentNumber: string }) => noticeSent(c.get('deps').db, actorOf(c), c.get('user'), id, { ...i, notice: n })]),
];
for (const [name, schema, run] of flows) {
  petitionsApi.openapi(createRoute({
    method: 'post', path: `/petitions/{id}/${name}`, middleware: [allow('petitions.handle')] as const,
    request: { params: z.object({ id: z.string().max(64) }), ...body(schema) }, responses: { 200: json(Petition, 'The updated case'), ...errors },
  }), async (c) => {
    const id = c.req.valid('param').id;
    await viewable(c, id);
    const r = await run(c as unknown as Ctx, id, c.req.valid('json') as never);
    if (!r.ok) throw flowError(c as unknown as Ctx, r);
    return c.json(await caseView(c.get('deps').db, (await getPetition(c.get('deps').db, id))!), 200);
  });
}

petitionsApi.openapi(createRoute({
  method: 'post', path: '/petitions/{id}/reveal', middleware: [allow('petitions.reveal')] as const,
  request: { params: z.object({ id: z.string().max(64) }), ...body(revealInput) }, responses: { 200: json(z.object({ sender: Sender.nullable() }), 'The identity (audited); null when the case holds none'), ...errors },
}), async (c) => {
  const id = c.req.valid('param').id;
  await viewable(c, id);
  const r = await reveal(c.get('deps').db, actorOf(c), c.get('user'), id, c.req.valid('json').reason);
  if (!r.ok) throw r.error === 'not_found' ? notFound() : new HttpError(403, 'forbidden', 'error.forbidden');
  return c.json({ sender: r.value }, 200);
});
