import { createRoute } from '@hono/zod-openapi';
import { allow, type Grant } from '../../platform/authz/index.ts';
import { apiRouter, z } from '../../platform/http/api.ts';
import { actorOf } from '../../platform/http/context.ts';
import { HttpError, unauthorized } from '../../platform/http/errors.ts';
import { login, logout } from './auth.service.ts';

export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional(), current: z.unknown().optional().describe('With 409: the record as it is now on the server') }) }).openapi('Error');
const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });

export const authApi = apiRouter();

const TokenBody = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).openapi('TokenRequest');
const TokenResponse = z.object({ token: z.string(), expiresAt: z.string() }).openapi('Token');

authApi.openapi(
  createRoute({
    method: 'post', path: '/auth/token', middleware: [allow('public')] as const,
    request: { body: { content: { 'application/json': { schema: TokenBody } }, required: true } },
    responses: { 200: json(TokenResponse, 'Bearer token'), 400: json(ErrorSchema, 'Invalid input'), 401: json(ErrorSchema, 'Wrong credentials'), 429: json(ErrorSchema, 'Too many attempts') },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { db, config } = c.get('deps');
    const result = await login(db, actorOf(c), { ...body, kind: 'api', ttlMinutes: config.apiTokenHours * 60 });
    if (!result) throw new HttpError(401, 'invalid_credentials', 'auth.invalid');
    return c.json({ token: result.secret, expiresAt: result.expiresAt }, 200);
  },
);

const Me = z.object({
  id: z.string(), username: z.string(), displayName: z.string(),
  roles: z.array(z.object({ role: z.string(), unitId: z.string(), includeDescendants: z.boolean() })),
}).openapi('Me');

authApi.openapi(
  createRoute({ method: 'get', path: '/me', middleware: [allow('authenticated')] as const, responses: { 200: json(Me, 'The signed-in user'), 401: json(ErrorSchema, 'No token') } }),
  (c) => {
    const u = c.get('user');
    if (!u) throw unauthorized();
    return c.json({ id: u.id, username: u.username, displayName: u.displayName, roles: u.grants.map((g: Grant) => ({ role: g.role, unitId: g.unitId, includeDescendants: g.includeDescendants })) }, 200);
  },
);

authApi.openapi(
  createRoute({ method: 'delete', path: '/auth/token', middleware: [allow('authenticated')] as const, responses: { 204: { description: 'The token no longer works' }, 401: json(ErrorSchema, 'No token') } }),
  async (c) => {
    const secret = c.req.header('authorization')!.slice(7).trim();
    await logout(c.get('deps').db, actorOf(c), c.get('user')!.id, secret, 'api');
    return c.body(null, 204);
  },
);
