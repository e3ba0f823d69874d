import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { readJson } from '../../platform/http/validate.ts';
import { parseDateInput, localToday } from '../../platform/i18n/index.ts';
import { FORMS, MATTERS } from '../../domain/democracy/index.ts';
import { conflictError, conflictResponse, lockVersionMember, versionOf } from '../../platform/http/concurrency.ts';
import { ErrorSchema } from '../auth/index.ts';
import { authorizeUnit, failure, villageFor } from './community.access.ts';
import { getDecision, householdCount } from './community.repository.ts';
import { annulInput, communeCloseInput, communeDecisionInput, decisionInput, householdList, onlineVoteInput, recognizeInput, tallyInput } from './community.schema.ts';
import { closeCommuneDecision, createCommuneDecision, villageResults } from './commune.service.ts';
import { getCommune, getCommuneDecision } from './community.repository.ts';
import { democracyNumbers } from './community.stats.ts';
import { scopeFor } from './community.access.ts';
import { castOnlineVote } from './online.service.ts';
import { addHouseholds, parseHouseholdCsv } from './households.service.ts';
import { annul, closeDecision, createDecision, enterTally, recognize, recordReceived } from './decisions.service.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 400: json(ErrorSchema, 'Invalid input or a rule of law broken (named)'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date').refine((s) => parseDateInput(s) === s, 'validation.date');
const Count = z.object({ count: z.number().int() }).openapi('HouseholdCount');
const Decision = z.object({ id: z.string(), villageId: z.string(), matter: z.string(), form: z.string(), question: z.string(), status: z.string(), yes: z.number().nullable(), no: z.number().nullable(), other: z.number().nullable(), householdsPresent: z.number().nullable(), totalHouseholds: z.number().nullable(), recordDue: z.string().nullable(), lockVersion: z.number().int() }).openapi('CommunityDecision');
const idParam = z.object({ id: z.string().max(64) });

export const communityApi = apiRouter();

/** The decision of the path, after checking the user may act on its village. */
async function decisionFor(c: Ctx, action: string, id: string) {
  const d = await getDecision(c.get('deps').db, id);
  if (!d) throw notFound();
  await villageFor(c, action, d.village_id);
  return d;
}
/** The decision's state in words, with the result once closed ("Đã tổng hợp: Được thông qua"). */
function statusLabel(c: Ctx, d: { status: string; passed: number | null }) {
  const t = c.get('t');
  return d.status === 'closed' ? `${t('community.status.closed')}: ${t(Number(d.passed) ? 'community.status.passed' : 'community.status.failed')}` : t(`community.status.${d.status}`);
}
const present = (d: NonNullable<Awaited<ReturnType<typeof getDecision>>>) => ({ id: d.id, villageId: d.village_id, matter: d.matter, form: d.form, question: d.question, status: d.status, yes: d.yes, no: d.no, other: d.other, householdsPresent: d.households_present, totalHouseholds: d.total_households, recordDue: d.record_due, lockVersion: versionOf(d.lock_version) });

communityApi.openapi(createRoute({
  method: 'post', path: '/villages/{unitId}/households', middleware: [allow('community.manage')] as const,
  request: { params: z.object({ unitId: z.string().max(64) }), body: { content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.array(z.object({ representative: z.string(), address: z.string().optional() })) } }, required: false } },
  responses: { 201: json(Count, 'Households added; the new total'), ...errors },
}), async (c) => {
  const v = await villageFor(c, 'community.manage', c.req.param('unitId'));
  const csv = /text\/csv|text\/plain/.test(c.req.header('content-type') ?? '');
  const list = csv ? parseHouseholdCsv(await c.req.text()) : { ok: true as const, value: await readJson(c, householdList) };
  if (!list.ok) throw failure(list, c.get('t'));
  const r = await addHouseholds(c.get('deps').db, actorOf(c), v.id, list.value);
  return c.json({ count: r.ok ? r.value : 0 }, 201);
});

communityApi.openapi(createRoute({
  method: 'get', path: '/villages/{unitId}/households/count', middleware: [allow('community.view')] as const,
  request: { params: z.object({ unitId: z.string().max(64) }), query: z.object({ at: isoDate.optional() }) },
  responses: { 200: json(Count, 'Households of the village on the date (today by default)'), ...errors },
}), async (c) => {
  const v = await villageFor(c, 'community.view', c.req.valid('param').unitId);
  return c.json({ count: await householdCount(c.get('deps').db, v.id, c.req.valid('query').at ?? localToday()) }, 200);
});

communityApi.openapi(createRoute({
  method: 'post', path: '/community-decisions', middleware: [allow('community.manage')] as const,
  request: { body: { content: { 'application/json': { schema: decisionInput } }, required: true } },
  responses: { 201: json(Decision, 'Decision opened'), ...errors },
}), async (c) => {
  const input = await readJson(c, decisionInput);
  await villageFor(c, 'community.manage', input.villageId);
  const r = await createDecision(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(present((await getDecision(c.get('deps').db, r.value))!), 201);
});

communityApi.openapi(createRoute({
  method: 'get', path: '/community-decisions/{id}', middleware: [allow('community.view')] as const,
  request: { params: idParam }, responses: { 200: json(Decision, 'The decision, with the `lockVersion` a tally must send'), ...errors },
}), async (c) => c.json(present(await decisionFor(c, 'community.view', c.req.param('id'))), 200));

/**
 * The tally; `lockVersion` (from the last read) is required, a stale one gets 409 with the decision as it now
 * is (`error.currentVersion`, `error.current`); a vote closed meanwhile gets 409 `decision_closed`. Takes an
 * `Idempotency-Key` (and `X-Captured-At`) header: a retry returns the first answer.
 */
communityApi.openapi(createRoute({
  method: 'post', path: '/community-decisions/{id}/tally', middleware: [allow('community.manage'), idempotent()] as const,
  description: 'Takes an `Idempotency-Key` (and `X-Captured-At`) header: a retry returns the first answer. `lockVersion` from the last read is required: 409 `conflict` when the decision changed since, 409 `decision_closed` when the vote was closed meanwhile (`error.current` is the decision now).',
  request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ householdsPresent: z.number().int().optional(), yes: z.number().int(), no: z.number().int(), other: z.number().int(), secretBallot: z.boolean().optional(), team: z.array(z.string()).optional(), witnesses: z.array(z.string()).optional(), lockVersion: lockVersionMember }) } }, required: true } },
  responses: { 200: json(Decision, 'Tally entered'), ...errors, ...conflictResponse },
}), async (c) => {
  const d = await decisionFor(c, 'community.manage', c.req.param('id'));
  const { lockVersion, ...input } = await readJson(c, tallyInput.extend({ lockVersion: z.number().int().min(0) }));
  const r = await enterTally(c.get('deps').db, actorOf(c), d.id, input, lockVersion);
  const now = (await getDecision(c.get('deps').db, d.id))!;
  if (!r.ok && r.error === 'state') throw conflict('decision_closed', 'community.error.notOpen', { ...present(now), statusLabel: statusLabel(c, now) });
  if (!r.ok && r.error === 'conflict') throw conflictError(c.get('t'), versionOf(now.lock_version), present(now));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(present(now), 200);
});

communityApi.openapi(createRoute({
  method: 'post', path: '/community-decisions/{id}/close', middleware: [allow('community.manage')] as const,
  request: { params: idParam },
  responses: { 200: json(z.object({ passed: z.boolean(), yes: z.number(), totalHouseholds: z.number(), rule: z.string(), article: z.string(), required: z.number(), recordDue: z.string().nullable(), ballotOffered: z.boolean() }), 'Result by Art. 21(1)'), ...errors },
}), async (c) => {
  const d = await decisionFor(c, 'community.manage', c.req.param('id'));
  const r = await closeDecision(c.get('deps').db, actorOf(c), d.id);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 200);
});

communityApi.openapi(createRoute({
  method: 'post', path: '/community-decisions/{id}/recognition', middleware: [allow('community.recognize')] as const,
  request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ decision: z.enum(['recognized', 'refused']), receivedOn: isoDate.optional(), note: z.string().optional() }) } }, required: true } },
  responses: { 200: json(Decision, 'Recognised or refused by the commune (Art. 21(2))'), ...errors },
}), async (c) => {
  const d = await decisionFor(c, 'community.view', c.req.param('id'));
  await authorizeUnit(c, 'community.recognize', d.commune_id);
  const r = await recognize(c.get('deps').db, actorOf(c), d.id, await readJson(c, recognizeInput));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(present((await getDecision(c.get('deps').db, d.id))!), 200);
});

communityApi.openapi(createRoute({
  method: 'post', path: '/community-decisions/{id}/received', middleware: [allow('community.recognize')] as const,
  request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ receivedOn: isoDate.optional() }) } }, required: true } },
  responses: { 200: json(Decision.extend({ recognizeDue: z.string().nullable() }), 'The commune received the record: recognition due within 5 working days (Art. 21(2))'), ...errors },
}), async (c) => {
  const d = await decisionFor(c, 'community.view', c.req.param('id'));
  await authorizeUnit(c, 'community.recognize', d.commune_id);
  const input = await readJson(c, z.object({ receivedOn: z.union([isoDate, z.literal('')]).optional().transform((s) => s || null) }));
  const r = await recordReceived(c.get('deps').db, actorOf(c), d.id, input.receivedOn);
  if (!r.ok) throw failure(r, c.get('t'));
  const after = (await getDecision(c.get('deps').db, d.id))!;
  return c.json({ ...present(after), recognizeDue: after.recognize_due }, 200);
});

communityApi.openapi(createRoute({
  method: 'post', path: '/community-decisions/{id}/annulment', middleware: [allow('community.recognize')] as const,
  request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string(), kind: z.enum(['unlawful', 'procedure']).optional() }) } }, required: true } },
  responses: { 200: json(Decision, 'Annulled by the commune (Art. 22)'), ...errors },
}), async (c) => {
  const d = await decisionFor(c, 'community.view', c.req.param('id'));
  await authorizeUnit(c, 'community.recognize', d.commune_id);
  const r = await annul(c.get('deps').db, actorOf(c), d.id, await readJson(c, annulInput));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(present((await getDecision(c.get('deps').db, d.id))!), 200);
});

communityApi.openapi(createRoute({
  method: 'post', path: '/community-decisions/{id}/online-votes', middleware: [allow('community.manage')] as const,
  request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ householdId: z.string(), choice: z.enum(['yes', 'no', 'other']) }) } }, required: true } },
  responses: { 201: json(z.object({ yes: z.number(), no: z.number(), other: z.number() }), 'Online vote of one household recorded (NĐ 59 Art. 5); the running tally'), ...errors },
}), async (c) => {
  const d = await decisionFor(c, 'community.manage', c.req.param('id'));
  const r = await castOnlineVote(c.get('deps').db, actorOf(c), d.id, await readJson(c, onlineVoteInput));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 201);
});

/** The commune of the path, after checking the user may act on it. */
async function communeFor(c: Ctx, action: string, id: string) {
  const commune = await getCommune(c.get('deps').db, id);
  if (!commune) throw notFound();
  await authorizeUnit(c, action, commune.id);
  return commune;
}

const CommuneResult = z.object({ id: z.string(), communeId: z.string(), matter: z.string(), form: z.string(), question: z.string(), status: z.string(), passed: z.boolean().nullable(), villagesTotal: z.number().nullable(), villagesPassed: z.number().nullable(), rule: z.string().nullable(), effectiveOn: z.string().nullable(),
  villages: z.array(z.object({ villageId: z.string(), villageName: z.string(), decisionId: z.string().nullable(), status: z.string().nullable(), state: z.enum(['approved', 'rejected', 'pending']) })) }).openapi('CommuneDecision');

communityApi.openapi(createRoute({
  method: 'post', path: '/commune-decisions', middleware: [allow('community.manage')] as const,
  request: { body: { content: { 'application/json': { schema: z.object({ communeId: z.string(), matter: z.enum(MATTERS), form: z.enum(FORMS), question: z.string(), noticeOn: isoDate.optional(), voteOn: isoDate.optional() }) } }, required: true } },
  responses: { 201: json(z.object({ id: z.string(), parts: z.array(z.object({ villageId: z.string(), decisionId: z.string() })) }), 'Commune-wide decision opened with one part per village (Art. 16(1), 19(1)(a))'), ...errors },
}), async (c) => {
  const input = await readJson(c, communeDecisionInput);
  await communeFor(c, 'community.manage', input.communeId);
  const r = await createCommuneDecision(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 201);
});

async function presentCommune(c: Ctx, id: string) {
  const { db } = c.get('deps');
  const d = (await getCommuneDecision(db, id))!;
  const villages = (await villageResults(db, id)).map((v) => ({ villageId: v.villageId, villageName: v.villageName, decisionId: v.decisionId, status: v.status, state: v.state }));
  return { id: d.id, communeId: d.commune_id, matter: d.matter, form: d.form, question: d.question, status: d.status, passed: d.passed === null ? null : !!Number(d.passed), villagesTotal: d.villages_total, villagesPassed: d.villages_passed, rule: d.rule, effectiveOn: d.effective_on, villages };
}

communityApi.openapi(createRoute({
  method: 'get', path: '/commune-decisions/{id}', middleware: [allow('community.view')] as const, request: { params: idParam },
  responses: { 200: json(CommuneResult, 'A commune-wide decision with each village\'s standing'), ...errors },
}), async (c) => {
  const d = await getCommuneDecision(c.get('deps').db, c.req.valid('param').id);
  if (!d) throw notFound();
  await communeFor(c, 'community.view', d.commune_id);
  return c.json(await presentCommune(c, d.id), 200);
});

communityApi.openapi(createRoute({
  method: 'post', path: '/commune-decisions/{id}/close', middleware: [allow('community.manage')] as const,
  request: { params: idParam },
  description: 'Optional JSON body {"effectiveOn":"YYYY-MM-DD"}: the date of effect set by the commune People\'s Committee (Art. 21(2)).',
  responses: { 200: json(z.object({ passed: z.boolean(), villagesApproving: z.number(), totalVillages: z.number(), required: z.number(), rule: z.string(), article: z.string(), effectiveOn: z.string().nullable() }), 'Result by Art. 21(1): two-thirds of all villages'), ...errors },
}), async (c) => {
  const d = await getCommuneDecision(c.get('deps').db, c.req.param('id'));
  if (!d) throw notFound();
  await communeFor(c, 'community.manage', d.commune_id);
  const text = (await c.req.text()).trim();
  let body: unknown = {};
  try { body = text ? JSON.parse(text) : {}; } catch { throw failure({ fields: { _: 'error.invalidJson' } }, c.get('t')); }
  const parsed = communeCloseInput.safeParse(body);
  if (!parsed.success) throw failure({ fields: { effectiveOn: 'validation.date' } }, c.get('t'));
  const input = parsed.data;
  const r = await closeCommuneDecision(c.get('deps').db, actorOf(c), d.id, input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(r.value, 200);
});

const Numbers = z.object({ from: z.string(), to: z.string() }).catchall(z.number().nullable()).openapi('DemocracyNumbers');

communityApi.openapi(createRoute({
  method: 'get', path: '/grassroots-democracy/numbers', middleware: [allow('community.view')] as const,
  request: { query: z.object({ from: isoDate.optional(), to: isoDate.optional() }) },
  responses: { 200: json(Numbers, 'Numbers for reports: decisions taken and recognised, boards, recommendations answered on time, mediation, conferences (in the caller\'s scope)'), ...errors },
}), async (c) => {
  const q = c.req.valid('query');
  const to = q.to ?? localToday();
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw failure({ fields: { from: 'community.error.fromAfterTo' } }, c.get('t'));
  const scope = await scopeFor(c, 'community.view');
  return c.json({ from, to, ...(await democracyNumbers(c.get('deps').db, { from, to, unitIds: scope === 'all' ? undefined : scope })) }, 200);
});
