import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredActions } from '../../src/platform/authz/index.ts';
import { routeTable, type RouteEntry } from '../helpers/routes.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => { t = await createTestApp('sqlite', { seed: false }); });
after(() => t.close());

test('route walker: every route declares who may use it with allow(...)', () => {
  const routes = routeTable(t.app.routes as RouteEntry[]);
  assert.ok(routes.length >= 10, `found ${routes.length} routes`);
  const missing = routes.filter((r) => r.permissions.length === 0).map((r) => `${r.method} ${r.path}`);
  assert.deepEqual(missing, [], `routes without allow(...): ${missing.join(', ')}`);
});

test('route walker: every permission is public, authenticated or a declared action', () => {
  const known = new Set(['public', 'authenticated', ...declaredActions().map(([a]) => a)]);
  const unknown = routeTable(t.app.routes as RouteEntry[]).flatMap((r) => r.permissions.filter((p) => !known.has(p)).map((p) => `${r.method} ${r.path}: ${p}`));
  assert.deepEqual(unknown, [], `unknown actions (refused to everyone): ${unknown.join(', ')}`);
});

test('route walker: the known routes are where they should be', () => {
  const byKey = new Map(routeTable(t.app.routes as RouteEntry[]).map((r) => [`${r.method} ${r.path}`, r.permissions]));
  assert.deepEqual(byKey.get('GET /healthz'), ['public']);
  assert.deepEqual(byKey.get('POST /login'), ['public']);
  assert.deepEqual(byKey.get('POST /logout'), ['authenticated']);
  assert.deepEqual(byKey.get('POST /api/v1/auth/token'), ['public']);
  assert.deepEqual(byKey.get('GET /api/v1/me'), ['authenticated']);
});

test('route walker: only the sign-in, health, home and static routes are public', () => {
  const allowedPublic = /^(GET \/|GET \/healthz|GET \/login|POST \/login|POST \/api\/v1\/auth\/token|GET \/api\/v1\/openapi\.json|GET \/static\/.*|GET \/public\/.*|GET \/p\/.*|POST \/p\/.*|POST \/public\/.*|POST \/api\/v1\/public\/.*)$/;
  // Public forms for citizens live under /public/, /p/ or /api/v1/public/ so that they are easy to review.
  const publicRoutes = routeTable(t.app.routes as RouteEntry[]).filter((r) => r.permissions.includes('public')).map((r) => `${r.method} ${r.path}`);
  for (const r of publicRoutes) assert.ok(r.startsWith('GET ') || allowedPublic.test(r), `public state-changing route needs review: ${r}`);
});
