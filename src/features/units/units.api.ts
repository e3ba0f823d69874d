import { createRoute } from '@hono/zod-openapi';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pageFrom, pageOf, pageQuery, pageSchema } from '../../platform/http/pagination.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { ErrorSchema } from '../auth/index.ts';
import { findUnits, getUnit, type UnitView } from './units.repository.ts';
import { UNIT_KINDS } from './units.kinds.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date').refine((s) => !Number.isNaN(Date.parse(s)), 'validation.date');

const Unit = z.object({
  id: z.string(), code: z.string().nullable(), name: z.string(), fullName: z.string(), kind: z.string(),
  parentId: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable(),
  predecessorIds: z.array(z.string()), successorIds: z.array(z.string()),
}).openapi('Unit');

const present = (u: UnitView) => ({
  id: u.id, code: u.code, name: u.name, fullName: u.fullName, kind: u.kind, parentId: u.parentId,
  validFrom: u.validFrom, validTo: u.validTo, predecessorIds: u.predecessorIds, successorIds: u.successorIds,
});

export const unitsApi = apiRouter();

unitsApi.openapi(
  createRoute({
    method: 'get', path: '/units', middleware: [allow('units.view')] as const,
    request: { query: z.object({ q: z.string().max(200).optional(), kind: z.enum(UNIT_KINDS).optional(), at: isoDate.optional(), parentId: z.string().max(64).optional(), ...pageQuery }) },
    responses: { 200: json(pageSchema(Unit), 'Units valid on the date, one page (follow `next`)'), 400: json(ErrorSchema, 'Invalid query'), 401: json(ErrorSchema, 'No token') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const p = pageOf(q);
    const rows = await findUnits(c.get('deps').db, { q: q.q, kind: q.kind, at: q.at ?? localToday(), parentId: q.parentId, limit: p.limit + 1, offset: p.offset });
    const page = pageFrom(rows, p);
    return c.json({ items: page.items.map(present), next: page.next }, 200);
  },
);

unitsApi.openapi(
  createRoute({
    method: 'get', path: '/units/{id}', middleware: [allow('units.view')] as const,
    request: { params: z.object({ id: z.string().max(64) }) },
    responses: { 200: json(Unit, 'One unit'), 404: json(ErrorSchema, 'Unknown unit'), 401: json(ErrorSchema, 'No token') },
  }),
  async (c) => {
    const u = await getUnit(c.get('deps').db, c.req.valid('param').id);
    if (!u) throw notFound();
    return c.json(present(u), 200);
  },
);
