import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, multipartBody, z } from '../../platform/http/api.ts';
import { actorOf, type Ctx } from '../../platform/http/context.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { readJson } from '../../platform/http/validate.ts';
import { localDateOf } from '../../platform/clock.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { itemsOf } from '../../domain/disclosure/catalogue.ts';
import { ErrorSchema } from '../auth/index.ts';
import { getUnit } from '../units/index.ts';
import { authorizeUnit, disclosureFor, failure, scopeFor } from './disclosures.access.ts';
import { findDisclosures, type DisclosureRow } from './disclosures.repository.ts';
import { broadcastInput, complianceQuery, disclosureInput, isoDate, removalInput } from './disclosures.schema.ts';
import { createDisclosure, logBroadcast, removeDisclosure } from './disclosures.service.ts';
import { addPostingPhoto, closedState } from './disclosures.photos.ts';
import { disclosureStats, unitCompliance } from './disclosures.stats.ts';
import { consultationStats } from '../consultations/consultations.stats.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = { 400: json(ErrorSchema, 'Invalid input (fields named)'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Unknown') };
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const Item = z.object({ code: z.string(), title: z.string(), postingDays: z.number().nullable(), permanent: z.boolean(), radioDays: z.number().nullable(), legalBasis: z.string() }).openapi('DisclosureItem');
const Posting = z.object({ id: z.string(), unitId: z.string(), itemCode: z.string(), title: z.string(), postedOn: z.string(), postedUntil: z.string().nullable() }).openapi('PublicDisclosure');
const idParam = z.object({ id: z.string().max(64) });

export const disclosuresApi = apiRouter();

disclosuresApi.openapi(createRoute({
  method: 'get', path: '/public/disclosure-items', middleware: [allow('public')] as const,
  request: { query: z.object({ scope: z.enum(['commune', 'agency']), on: isoDate.optional() }) },
  responses: { 200: json(z.object({ items: z.array(Item) }), 'What the law requires a commune (Art. 11) or an agency (Art. 46) to disclose'), 400: errors[400] },
}), (c) => {
  const q = c.req.valid('query');
  const items = itemsOf(q.scope, q.on ?? localToday()).map((i) => ({ code: i.code, title: c.get('lang') === 'en' ? i.titleEn : i.title, postingDays: i.postingDays, permanent: i.permanent, radioDays: i.radioDays, legalBasis: i.legalBasis }));
  return c.json({ items }, 200);
});

disclosuresApi.openapi(createRoute({
  method: 'get', path: '/public/disclosures', middleware: [allow('public')] as const,
  request: { query: z.object({ unitId: z.string().max(64).optional(), q: z.string().max(200).optional() }) },
  responses: { 200: json(z.object({ items: z.array(Posting) }), 'Disclosures on the public notice boards, newest first (at most 200)'), 400: errors[400] },
}), async (c) => {
  const q = c.req.valid('query');
  const rows = await findDisclosures(c.get('deps').db, { unitIds: q.unitId ? [q.unitId] : 'all', q: q.q, limit: 200 });
  return c.json({ items: rows.map((d) => ({ id: d.id, unitId: d.unit_id, itemCode: d.item_code, title: d.title, postedOn: d.posted_on, postedUntil: d.posted_until })) }, 200);
});

disclosuresApi.openapi(createRoute({
  method: 'post', path: '/disclosures', middleware: [allow('disclosures.manage')] as const,
  request: body(disclosureInput),
  responses: { 201: json(z.object({ id: z.string(), publishDue: z.string(), postedUntil: z.string().nullable(), late: z.boolean() }), 'Disclosure recorded; its deadlines computed'), ...errors },
}), async (c) => {
  const input = await readJson(c, disclosureInput);
  if (!(await getUnit(c.get('deps').db, input.unitId))) throw failure(c, { fields: { unitId: 'disclosures.error.unit' } });
  await authorizeUnit(c, 'disclosures.manage', input.unitId);
  const r = await createDisclosure(c.get('deps').db, actorOf(c), input);
  if (!r.ok) throw failure(c, r);
  return c.json(r.value, 201);
});

disclosuresApi.openapi(createRoute({
  method: 'post', path: '/disclosures/{id}/removal', middleware: [allow('disclosures.manage')] as const,
  request: { params: idParam, ...body(z.object({ removedOn: z.string() })) },
  responses: { 200: json(z.object({ id: z.string() }), 'Removal recorded (early removal is flagged)'), ...errors },
}), async (c) => {
  const d = await disclosureFor(c, 'disclosures.manage', c.req.valid('param').id);
  const r = await removeDisclosure(c.get('deps').db, actorOf(c), d.id, (await readJson(c, removalInput)).removedOn);
  if (!r.ok) throw failure(c, r);
  return c.json({ id: d.id }, 200);
});

disclosuresApi.openapi(createRoute({
  method: 'post', path: '/disclosures/{id}/broadcasts', middleware: [allow('disclosures.manage')] as const,
  request: { params: idParam, ...body(z.object({ broadcastOn: z.string() })) },
  responses: { 200: json(z.object({ id: z.string() }), 'Broadcast day logged (Art. 13(3))'), ...errors },
}), async (c) => {
  const d = await disclosureFor(c, 'disclosures.manage', c.req.valid('param').id);
  const r = await logBroadcast(c.get('deps').db, actorOf(c), d.id, (await readJson(c, broadcastInput)).broadcastOn);
  if (!r.ok) throw failure(c, r);
  return c.json({ id: d.id }, 200);
});

/** Multipart `file`: a photo of the notice on the board, evidence of the posting form; offline capture sends it later with an Idempotency-Key. */
disclosuresApi.openapi(createRoute({
  method: 'post', path: '/disclosures/{id}/photos', middleware: [allow('disclosures.manage'), idempotent()] as const,
  request: { params: idParam, ...multipartBody(z.object({}), { file: 'Photo of the posted notice (JPG, PNG or PDF by content; 10 MB)' }, ['file']) },
  description: 'Adds a photo as evidence of the posting (Art. 12(1)(a)), by staff of the disclosing unit. Takes an `Idempotency-Key` (and `X-Captured-At`, the day the photo was taken) header: a retry returns the first answer. 409 when the posting was taken down, or its period ended before the photo was taken.',
  responses: { 201: json(z.object({ id: z.string(), fileId: z.string() }), 'The photo, added to the posting\'s evidence'), 409: json(ErrorSchema, 'The posting was taken down or its period ended meanwhile'), ...errors },
}), async (c) => {
  const d = await disclosureFor(c, 'disclosures.manage', c.req.valid('param').id);
  const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
  const { db, config } = c.get('deps');
  const r = await addPostingPhoto(db, actorOf(c), { id: d.id, file: body.file instanceof File ? body.file : null, dataDir: config.dataDir });
  if (!r.ok && r.error === 'state') throw conflict('disclosure_closed', 'disclosures.error.closedMeanwhile', currentOf(c, d));
  if (!r.ok) throw failure(c, r);
  return c.json({ id: d.id, ...r.value }, 201);
});

/** A posting as a 409 shows it beside the officer's entry: its state first. */
function currentOf(c: Ctx, d: DisclosureRow) {
  const off = c.get('offline');
  const state = closedState(d, off ? localDateOf(Date.parse(off.capturedAt)) : localToday()) ?? 'open';
  return { id: d.id, title: d.title, status: state, statusLabel: c.get('t')(`disclosures.state.${state}`), postedOn: d.posted_on, postedUntil: d.posted_until, removedOn: d.removed_on };
}

disclosuresApi.openapi(createRoute({
  method: 'get', path: '/disclosures/compliance', middleware: [allow('disclosures.view')] as const,
  request: { query: complianceQuery },
  responses: { 200: json(z.object({ missing: z.array(z.string()), late: z.array(z.string()), tooShort: z.array(z.string()), outdated: z.array(z.string()) }), 'Compliance of a unit over a period'), ...errors },
}), async (c) => {
  const q = c.req.valid('query');
  const unit = await getUnit(c.get('deps').db, q.unitId);
  if (!unit) throw notFound();
  await authorizeUnit(c, 'disclosures.view', unit.id);
  const r = await unitCompliance(c.get('deps').db, unit, q.from, q.to);
  if (!r) throw failure(c, { fields: { unitId: 'disclosures.error.unit' } });
  return c.json(r, 200);
});

const Stats = z.object({
  disclosures: z.object({ posted: z.number(), onTime: z.number(), late: z.number(), tooShort: z.number() }),
  consultations: z.object({ held: z.number(), closed: z.number(), commentsReceived: z.number(), commentsAccepted: z.number() }),
}).openapi('DisclosureStats');

disclosuresApi.openapi(createRoute({
  method: 'get', path: '/disclosures/stats', middleware: [allow('disclosures.view')] as const,
  request: { query: z.object({ unitId: z.string().max(64).optional(), from: isoDate, to: isoDate }) },
  responses: { 200: json(Stats, 'Numbers for reports and dashboards over [from, to]: disclosures posted (on time, late, too short); consultations held and closed, comments received and accepted (fully or partly). Whole scope of the caller, or one unit.'), ...errors },
}), async (c) => {
  const q = c.req.valid('query');
  const { db } = c.get('deps');
  let units: string[] | 'all';
  if (q.unitId) {
    if (!(await getUnit(db, q.unitId))) throw notFound();
    await authorizeUnit(c, 'disclosures.view', q.unitId);
    units = [q.unitId];
  } else units = await scopeFor(c, 'disclosures.view');
  if (q.from > q.to) throw failure(c, { fields: { to: 'disclosures.error.period' } });
  // consultations.view is granted to the same roles as disclosures.view (every role), so one scope serves both.
  return c.json({ disclosures: await disclosureStats(db, units, q.from, q.to), consultations: await consultationStats(db, units, q.from, q.to) }, 200);
});
