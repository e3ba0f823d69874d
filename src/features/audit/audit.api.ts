import { createRoute } from '@hono/zod-openapi';
import { verifyChain } from '../../platform/audit/index.ts';
import { allow } from '../../platform/authz/index.ts';
import { apiRouter, JsonValue, z } from '../../platform/http/api.ts';
import { ErrorSchema } from '../auth/index.ts';
import { findEvents } from './audit.repository.ts';

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date').refine((s) => !Number.isNaN(Date.parse(s)), 'validation.date');

const AuditEvent = z.object({
  seq: z.number().int(), id: z.string(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), unitId: z.string().nullable(),
  action: z.string(), subjectType: z.string(), subjectId: z.string().nullable(), changes: JsonValue.nullable().openapi({ description: 'What changed, as the action recorded it (JSON; its shape depends on `action`)' }), ip: z.string().nullable(), requestId: z.string().nullable(), visibility: z.string(),
}).openapi('AuditEvent');

const Verify = z.object({ ok: z.boolean(), count: z.number().int(), brokenAt: z.number().int().optional(), reason: z.string().optional() }).openapi('AuditVerify');

export const auditApi = apiRouter();

auditApi.openapi(
  createRoute({
    method: 'get', path: '/audit', middleware: [allow('audit.view')] as const,
    description: 'Audit events, newest first. `action` matches the start of the action code; `from`/`to` are Vietnamese calendar dates (inclusive).',
    request: {
      query: z.object({
        action: z.string().max(100).optional(), actor: z.string().max(100).optional(), subjectType: z.string().max(50).optional(), subjectId: z.string().max(100).optional(),
        from: isoDate.optional(), to: isoDate.optional(), limit: z.coerce.number().int().min(1).max(1000).optional(),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(AuditEvent) }), 'Audit events'), 400: json(ErrorSchema, 'Invalid query'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not an admin or coordinator') },
  }),
  async (c) => {
    const { limit, ...f } = c.req.valid('query');
    const items = await findEvents(c.get('deps').db, { ...f, actor: f.actor?.toLowerCase() }, { limit: limit ?? 100 });
    return c.json({ items }, 200);
  },
);

auditApi.openapi(
  createRoute({
    method: 'get', path: '/audit/verify', middleware: [allow('audit.view')] as const,
    description: 'Walks the whole hash chain: ok, or the first broken event and why.',
    responses: { 200: json(Verify, 'Result of the chain check'), 401: json(ErrorSchema, 'No token'), 403: json(ErrorSchema, 'Not an admin or coordinator') },
  }),
  async (c) => c.json(await verifyChain(c.get('deps').db), 200),
);
