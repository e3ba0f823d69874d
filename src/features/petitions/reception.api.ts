import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { allow, can } from '../../platform/authz/index.ts';
import { z } from '../../platform/http/api.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/http/context.ts';
import { forbidden, HttpError, notFound } from '../../platform/http/errors.ts';
import { validationError } from '../../platform/http/validate.ts';
import { idempotent } from '../../platform/http/idempotency.ts';
import { ErrorSchema } from '../auth/index.ts';
import { ancestorIds, getUnit } from '../units/index.ts';
import { countsAsHeadDay, type ReceptionHolder } from '../../domain/deadlines/index.ts';
import { addReceptionDay, compliance, logVisit, receptionDayInput, receptionLogs, recordReply, replyInput, visitInput } from './reception.service.ts';
import { receptionUnits, monthOf } from './reception.pages.tsx';
import { addRemoteUnit, remoteUnitInput, remoteUnits, saveTemplate, templateInput, templatesOf } from './petitions.settings.ts';
import { intakeUnits } from './intake.pages.tsx';
import * as O from './petitions.openapi.ts';

const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = <S extends z.ZodType>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const errors = { 400: json(ErrorSchema, 'Invalid input'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not allowed'), 404: json(ErrorSchema, 'Not found') };
const monthQuery = z.object({ month: z.string().max(7).optional(), unitId: z.string().max(64).optional() });

const mayManage = (c: Ctx, unitId: string) => can(c.get('user'), 'reception.manage', unitId, (id) => ancestorIds(c.get('deps').db, id));

/** A body's unit must exist (400 naming `unitId`, not a foreign-key 500 for province-wide roles) and be the user's to act on (403). */
async function checkUnit(c: Ctx, action: string, unitId: string): Promise<void> {
  if (!(await getUnit(c.get('deps').db, unitId))) throw validationError({ unitId: c.get('t')('petitions.error.unitMissing') });
  if (!(await can(c.get('user'), action, unitId, (id) => ancestorIds(c.get('deps').db, id)))) throw forbidden();
}

/** The reception API (compliance, heads' days, the log, the Art. 28 reply), answer templates and the remote-commune list. */
export function registerReceptionApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(createRoute({ method: 'get', path: '/reception/compliance', middleware: [allow('reception.manage')] as const, request: { query: monthQuery }, responses: { 200: json(O.ReceptionCompliance, 'Days held against the statutory minimum, per unit'), ...errors } }), async (c) => {
    const month = monthOf(c.req.valid('query').month);
    const { units } = await receptionUnits(c as unknown as Ctx);
    return c.json({ month, items: await compliance(c.get('deps').db, units, month) }, 200);
  });

  api.openapi(createRoute({ method: 'get', path: '/reception/days', middleware: [allow('reception.manage')] as const, request: { query: monthQuery }, responses: { 200: json(O.ReceptionDays, "Heads' reception days"), ...errors } }), async (c) => {
    const month = monthOf(c.req.valid('query').month);
    const { scope } = await receptionUnits(c as unknown as Ctx);
    let q = c.get('deps').db.selectFrom('reception_days').selectAll().where('on_date', '>=', `${month}-01`).where('on_date', '<=', `${month}-31`).orderBy('on_date');
    if (scope !== 'all') q = q.where('unit_id', 'in', scope.length ? scope : ['-']);
    const rows = await q.execute();
    return c.json({ month, items: rows.map((d: { id: string; unit_id: string; on_date: string; head_name: string; held: number; held_by: string; note: string | null }) => ({ id: d.id, unitId: d.unit_id, onDate: d.on_date, headName: d.head_name, held: !!d.held, heldBy: d.held_by, countsAsHead: !!d.held && countsAsHeadDay(d.on_date, d.held_by as ReceptionHolder), note: d.note })) }, 200);
  });

  api.openapi(createRoute({ method: 'post', path: '/reception/days', middleware: [allow('reception.manage')] as const, request: body(receptionDayInput), responses: { 201: json(z.object({ id: z.string() }), 'Recorded'), ...errors } }), async (c) => {
    const i = c.req.valid('json');
    await checkUnit(c as unknown as Ctx, 'reception.manage', i.unitId);
    return c.json({ id: await addReceptionDay(c.get('deps').db, actorOf(c as unknown as Ctx), i) }, 201);
  });

  api.openapi(createRoute({ method: 'get', path: '/reception/logs', middleware: [allow('reception.manage')] as const, request: { query: monthQuery }, responses: { 200: json(z.object({ items: z.array(O.ReceptionLog) }), 'The reception log (a denouncer stays sealed)'), ...errors } }), async (c) => {
    const q = c.req.valid('query');
    const { scope } = await receptionUnits(c as unknown as Ctx);
    return c.json({ items: await receptionLogs(c.get('deps').db, { units: scope, month: q.month ? monthOf(q.month) : null, unitId: q.unitId ?? null }) }, 200);
  });

  api.openapi(createRoute({
    method: 'post', path: '/reception/visits', middleware: [allow('reception.manage'), idempotent()] as const, request: body(visitInput),
    description: 'Takes an `Idempotency-Key` (and `X-Captured-At`) header: a retry returns the first answer and logs nothing more.',
    responses: { 201: json(O.ReceptionLog, 'Logged; unless refused, a case was opened'), ...errors },
  }), async (c) => {
    const i = c.req.valid('json');
    const { db, config } = c.get('deps');
    await checkUnit(c as unknown as Ctx, 'reception.manage', i.unitId);
    const out = await logVisit(db, actorOf(c as unknown as Ctx), i, config.dataDir);
    const log = (await receptionLogs(db, { units: [i.unitId], limit: 1000 })).find((l) => l.id === out.id)!;
    return c.json(log, 201);
  });

  api.openapi(createRoute({
    method: 'post', path: '/reception/visits/{id}/reply', middleware: [allow('reception.manage')] as const, request: { params: z.object({ id: z.string().max(64) }), ...body(replyInput) },
    responses: { 200: json(O.ReceptionLog, 'The log entry with the answer recorded (LTCD Art. 28(1))'), 409: json(ErrorSchema, 'Already answered'), ...errors },
  }), async (c) => {
    const { db } = c.get('deps');
    const log = await db.selectFrom('reception_logs').select(['id', 'unit_id']).where('id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!log || !(await mayManage(c as unknown as Ctx, log.unit_id))) throw notFound();
    const r = await recordReply(db, actorOf(c as unknown as Ctx), log.id, c.req.valid('json'));
    if (r === 'done') throw new HttpError(409, 'already_replied', 'reception.error.alreadyReplied');
    return c.json((await receptionLogs(db, { units: [log.unit_id], limit: 1000 })).find((l) => l.id === log.id)!, 200);
  });

  api.openapi(createRoute({ method: 'get', path: '/petitions/templates', middleware: [allow('petitions.templates')] as const, request: { query: z.object({ unitId: z.string().max(64).optional() }) }, responses: { 200: json(O.Templates, "A unit's answer templates by state"), ...errors } }), async (c) => {
    const units = await intakeUnits(c as unknown as Ctx, 'petitions.templates');
    const unitId = c.req.valid('query').unitId ?? units[0]?.[0];
    if (!unitId || !units.some(([id]) => id === unitId)) throw notFound();
    return c.json({ unitId, templates: await templatesOf(c.get('deps').db, unitId, c.get('t')) }, 200);
  });

  api.openapi(createRoute({ method: 'post', path: '/petitions/templates', middleware: [allow('petitions.templates')] as const, request: body(templateInput), responses: { 200: json(O.Templates, 'Saved: the unit\'s templates'), ...errors } }), async (c) => {
    const i = c.req.valid('json');
    await checkUnit(c as unknown as Ctx, 'petitions.templates', i.unitId);
    await saveTemplate(c.get('deps').db, actorOf(c as unknown as Ctx), i);
    return c.json({ unitId: i.unitId, templates: await templatesOf(c.get('deps').db, i.unitId, c.get('t')) }, 200);
  });

  api.openapi(createRoute({ method: 'get', path: '/petitions/remote-units', middleware: [allow('petitions.view')] as const, responses: { 200: json(O.RemoteUnits, 'Communes in remote areas'), ...errors } }), async (c) =>
    c.json({ items: (await remoteUnits(c.get('deps').db)).map((r) => ({ unitId: r.unit_id, name: r.full_name, note: r.note, addedAt: r.added_at })) }, 200));

  api.openapi(createRoute({ method: 'post', path: '/petitions/remote-units', middleware: [allow('petitions.configure')] as const, request: body(remoteUnitInput), responses: { 201: json(z.object({ unitId: z.string() }), 'Added'), ...errors } }), async (c) => {
    const i = c.req.valid('json');
    const u = await c.get('deps').db.selectFrom('units').select(['id', 'kind']).where('id', '=', i.unitId).where('valid_to', 'is', null).executeTakeFirst();
    if (!u || u.kind !== 'commune-committee') throw validationError({ unitId: c.get('t')('petitions.error.unitMissing') });
    await addRemoteUnit(c.get('deps').db, actorOf(c as unknown as Ctx), i);
    return c.json({ unitId: i.unitId }, 201);
  });
}
