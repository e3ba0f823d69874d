import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, IsoDate, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { readJson } from '../../platform/http/validate.ts';
import { CONFERENCE_KINDS } from '../../domain/democracy/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { scopeFor } from '../community/index.ts';
import { conferenceFor, failure, unitFor, yearOf } from './conferences.access.ts';
import { complianceOfYear } from './conferences.compliance.ts';
import { listConferences } from './conferences.repository.ts';
import { minutesInput, noticeInput, scheduleInput } from './conferences.schema.ts';
import { recordMinutes, recordNotice, scheduleConference } from './conferences.service.ts';
import type { ConferencesTable } from './conferences.tables.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const errors = { 400: json(ErrorSchema, 'Invalid input or a rule of law broken (named, in Vietnamese)'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const idParam = z.object({ id: z.string().max(64) });
const QA = z.object({ question: z.string(), answer: z.string() });
const Conference = z.object({
  id: z.string(), kind: z.enum(CONFERENCE_KINDS), unitId: z.string(), communeId: z.string(), heldOn: IsoDate, place: z.string(), convener: z.string(),
  planSentOn: IsoDate.nullable(), noticeSentOn: IsoDate.nullable(), status: z.enum(['scheduled', 'held']), householdsPresent: z.number().nullable(), householdsTotal: z.number().nullable(),
  agenda: z.array(z.string()), questions: z.array(QA), conclusions: z.string().nullable(), commendations: z.string().nullable(), reportSentOn: IsoDate.nullable(),
}).openapi('Conference');
const Check = z.object({ id: z.string(), heldOn: IsoDate, noticeOnTime: z.boolean().nullable(), atYearEnd: z.boolean(), reportSentOn: IsoDate.nullable(), reportDue: IsoDate, reportOnTime: z.boolean().nullable() }).nullable();
const Compliance = z.object({ year: z.number(), communes: z.array(z.object({ id: z.string(), name: z.string(), dialogue: Check, villages: z.array(z.object({ id: z.string(), name: z.string(), periodic: Check })) })) }).openapi('ConferenceCompliance');
const dateIn = z.string().openapi({ description: 'dd/mm/yyyy or yyyy-mm-dd', example: '20/12/2026' });
const optDateIn = dateIn.optional();

const present = (r: ConferencesTable) => ({
  id: r.id, kind: r.kind as (typeof CONFERENCE_KINDS)[number], unitId: r.unit_id, communeId: r.commune_id, heldOn: r.held_on, place: r.place, convener: r.convener, planSentOn: r.plan_sent_on, noticeSentOn: r.notice_sent_on,
  status: r.status as 'scheduled' | 'held', householdsPresent: r.households_present, householdsTotal: r.households_total, agenda: JSON.parse(r.agenda ?? '[]') as string[],
  questions: JSON.parse(r.questions ?? '[]') as { question: string; answer: string }[], conclusions: r.conclusions, commendations: r.commendations, reportSentOn: r.report_sent_on,
});
const reload = async (c: Ctx, id: string) => present(await conferenceFor(c, 'conferences.view', id));

export const conferencesApi = apiRouter();

conferencesApi.openapi(createRoute({
  method: 'get', path: '/conferences', middleware: [allow('conferences.view')] as const, request: { query: z.object({ year: z.string().optional() }) },
  responses: { 200: json(z.object({ items: z.array(Conference) }), 'Conferences of the year (Art. 32(1), 33) in the caller\'s scope'), ...errors },
}), async (c) => {
  const rows = await listConferences(c.get('deps').db, await scopeFor(c, 'conferences.view'), yearOf(c));
  return c.json({ items: rows.map(present) }, 200);
});

conferencesApi.openapi(createRoute({
  method: 'get', path: '/conferences/compliance', middleware: [allow('conferences.view')] as const, request: { query: z.object({ year: z.string().optional() }) },
  responses: { 200: json(Compliance, 'Which communes held their Art. 32(1) conference and which villages their Art. 33 conference in the calendar year'), ...errors },
}), async (c) => {
  const year = yearOf(c);
  return c.json({ year, communes: await complianceOfYear(c.get('deps').db, await scopeFor(c, 'conferences.view'), year) }, 200);
});

conferencesApi.openapi(createRoute({
  method: 'post', path: '/conferences', middleware: [allow('conferences.manage')] as const,
  request: body(z.object({ unitId: z.string(), heldOn: dateIn, place: z.string(), convener: z.string(), planSentOn: optDateIn, noticeSentOn: optDateIn })),
  responses: { 201: json(Conference, 'Scheduled (a notice that cannot reach households ≥05 days before a conference still ahead is refused, NĐ59 Art. 11(1)(c))'), ...errors },
}), async (c) => {
  const input = await readJson(c, scheduleInput);
  await unitFor(c, 'conferences.manage', input.unitId);
  const r = await scheduleConference(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(await reload(c, r.value), 201);
});

conferencesApi.openapi(createRoute({
  method: 'get', path: '/conferences/{id}', middleware: [allow('conferences.view')] as const, request: { params: idParam },
  responses: { 200: json(Conference, 'The conference'), ...errors },
}), async (c) => c.json(await reload(c, c.req.valid('param').id), 200));

conferencesApi.openapi(createRoute({
  method: 'post', path: '/conferences/{id}/notice', middleware: [allow('conferences.manage')] as const,
  request: { params: idParam, ...body(z.object({ noticeSentOn: dateIn, planSentOn: optDateIn })) },
  responses: { 200: json(Conference, 'Notice (and plan) dates recorded; refused when the notice is under 05 days before a conference still ahead'), ...errors },
}), async (c) => {
  const row = await conferenceFor(c, 'conferences.manage', c.req.valid('param').id);
  const r = await recordNotice(c.get('deps').db, actorOf(c), row.id, await readJson(c, noticeInput));
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(await reload(c, row.id), 200);
});

conferencesApi.openapi(createRoute({
  method: 'post', path: '/conferences/{id}/minutes', middleware: [allow('conferences.manage')] as const,
  request: { params: idParam, ...body(z.object({ heldOn: dateIn, householdsPresent: z.number().int(), householdsTotal: z.number().int().optional(), agenda: z.array(z.string()).optional(), questions: z.array(z.object({ question: z.string(), answer: z.string().optional() })).optional(), conclusions: z.string(), commendations: z.string().optional(), reportSentOn: optDateIn })) },
  responses: { 200: json(Conference, 'Minutes recorded (replacing earlier ones)'), ...errors },
}), async (c) => {
  const row = await conferenceFor(c, 'conferences.manage', c.req.valid('param').id);
  const input = await readJson(c, minutesInput);
  const r = await recordMinutes(c.get('deps').db, actorOf(c), row.id, input);
  if (!r.ok) throw failure(r, c.get('t'));
  return c.json(await reload(c, row.id), 200);
});
