import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import { validationError } from '../../platform/http/validate.ts';
import { computeDeadline, DeadlineError, listRules, ruleExists } from '../../domain/deadlines/index.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { loadCalendar, loadLegalTime } from './calendar.service.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const isoDate = z.string().max(10).refine(isIsoDate, 'validation.date');

export const calendarApi = apiRouter();

const Day = z.object({ date: z.string(), kind: z.enum(['holiday', 'compensatory', 'official-break', 'working-weekend']), name: z.string() });

calendarApi.openapi(
  createRoute({
    method: 'get', path: '/public/calendar/working-day', middleware: [allow('public')] as const,
    request: { query: z.object({ date: isoDate }) },
    responses: { 200: json(z.object({ date: z.string(), working: z.boolean(), reason: z.string() }), 'Whether a date is a working day'), 400: json(ErrorSchema, 'Bad date') },
  }),
  async (c) => {
    const { date } = c.req.valid('query');
    const cal = await loadCalendar(c.get('deps').db);
    return c.json({ date, working: cal.isWorkingDay(date), reason: cal.reason(date) }, 200);
  },
);

const Basis = z.object({ law: z.string(), article: z.string(), clause: z.string().optional(), quote: z.string().optional() });

calendarApi.openapi(
  createRoute({
    method: 'get', path: '/public/calendar/{year}', middleware: [allow('public')] as const,
    request: { params: z.object({ year: z.coerce.number().int().min(1901).max(2199) }) },
    responses: { 200: json(z.object({ year: z.number(), days: z.array(Day) }).openapi('CalendarYear'), 'Every non-working weekday and working weekend day'), 400: json(ErrorSchema, 'Bad year') },
  }),
  async (c) => {
    const { year } = c.req.valid('param');
    const cal = (await loadCalendar(c.get('deps').db)).year(year);
    return c.json({ year, days: cal.entries.map((e) => ({ date: e.date, kind: e.kind, name: e.name })) }, 200);
  },
);

calendarApi.openapi(
  createRoute({
    method: 'get', path: '/public/deadlines', middleware: [allow('public')] as const,
    request: { query: z.object({ at: isoDate.optional() }) },
    responses: { 200: json(z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), unit: z.string(), days: z.number(), variants: z.array(z.object({ id: z.string(), title: z.string(), days: z.number() })), legalBasis: Basis, validFrom: z.string(), validTo: z.string().nullable() })) }).openapi('DeadlineRules'), 'Statutory deadline rules'), 400: json(ErrorSchema, 'Bad date') },
  }),
  async (c) => {
    const { at } = c.req.valid('query');
    const { options } = await loadLegalTime(c.get('deps').db);
    const items = listRules(at).map((r) => ({
      id: r.id, title: r.title, unit: options.unitOverrides?.[r.id] ?? r.unit, days: r.days,
      variants: r.variants.map((v) => ({ id: v.id, title: v.title, days: v.days })), legalBasis: r.legalBasis, validFrom: r.validFrom, validTo: r.validTo,
    }));
    return c.json({ items }, 200);
  },
);

calendarApi.openapi(
  createRoute({
    method: 'get', path: '/public/deadlines/{ruleId}', middleware: [allow('public')] as const,
    request: {
      params: z.object({ ruleId: z.string().max(100) }),
      query: z.object({ start: isoDate, variant: z.string().max(60).optional(), remote: z.enum(['true', 'false']).optional() }),
    },
    responses: { 200: json(z.object({ ruleId: z.string(), start: z.string(), due: z.string(), unit: z.string(), days: z.number(), legalBasis: Basis }).openapi('Deadline'), 'The due date'), 400: json(ErrorSchema, 'Bad input'), 404: json(ErrorSchema, 'Unknown rule') },
  }),
  async (c) => {
    const { ruleId } = c.req.valid('param');
    const q = c.req.valid('query');
    if (!ruleExists(ruleId)) throw notFound();
    const { calendar, options } = await loadLegalTime(c.get('deps').db);
    try {
      const r = computeDeadline(ruleId, { start: q.start, variant: q.variant, remote: q.remote === 'true' }, calendar, options);
      return c.json({ ruleId: r.ruleId, start: r.start, due: r.due, unit: r.unit, days: r.days, legalBasis: r.legalBasis, variant: r.variant, rolledForward: r.rolledForward, ...(r.localTargetDue ? { localTargetDue: r.localTargetDue } : {}) }, 200);
    } catch (e) {
      if (!(e instanceof DeadlineError)) throw e;
      if (e.code === 'unknown-variant') throw validationError({ variant: c.get('t')('calendar.error.variant') });
      if (e.code === 'not-in-force') throw validationError({ start: c.get('t')('calendar.error.notInForce', { today: localToday() }) });
      throw new HttpError(400, 'invalid_request', 'error.validation', { start: c.get('t')('validation.date') });
    }
  },
);
