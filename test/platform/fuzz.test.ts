import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Agent, createTestApp, forEachDialect, type TestApp } from '../helpers/app.ts';
import { apiErrorProblem, apiFields, changingRoutes, formsOf, type OpenApiDoc, type Route } from '../helpers/fuzz.ts';

/**
 * Sends broken input to every state-changing route, anonymously and as demo.admin, and checks the
 * app answers 4xx (never 5xx), with the API error shape and a Vietnamese message on /api.
 */

const HUGE = 'x'.repeat(100 * 1024);
const DEFAULT_FIELDS = ['username', 'password', 'name', 'title', 'id', 'q', 'next'];

type Target = Route & { url: string };
type Variant = { name: string; body: string; contentType?: string };

/** Every POST/PUT/PATCH/DELETE route, with its path parameters filled by random UUIDs. */
function targets(app: TestApp['app']): Target[] {
  return changingRoutes(app.routes).map((r) => ({ ...r, url: r.path.replace(/:[A-Za-z_]\w*(\{[^}]*\})?/g, () => randomUUID()).replace(/\*/g, 'x') }));
}

/** The form fields a page route's GET form shows (same path), if there is one. */
async function pageFields(admin: Agent, t: Target): Promise<string[]> {
  const r = await admin.get(t.url);
  if (r.status !== 200 || !(r.headers.get('content-type') ?? '').includes('html')) return [];
  return [...new Set(formsOf(await r.text(), t.url).flatMap((f) => f.fields.map((x) => x.name)))];
}

function apiVariants(fields: string[]): Variant[] {
  const all = [...new Set([...fields, ...DEFAULT_FIELDS])];
  const json = 'application/json';
  return [
    // First: a route that accepts an empty body takes no input.
    { name: 'empty body', body: '', contentType: json },
    { name: 'malformed JSON', body: '{"username": "a", ', contentType: json },
    { name: 'JSON that is not an object', body: '"chuỗi"', contentType: json },
    { name: 'wrong types', body: JSON.stringify(Object.fromEntries(all.map((f, i) => [f, i % 2 ? [i] : 123]))), contentType: json },
    { name: 'username as a number', body: '{"username":123}', contentType: json },
    { name: '100 kB in every field', body: JSON.stringify(Object.fromEntries(all.map((f) => [f, HUGE]))), contentType: json },
    { name: 'unknown fields', body: '{"khongCoTruongNay":"x","__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}', contentType: json },
    { name: 'form instead of JSON', body: 'username=a&password=b', contentType: 'application/x-www-form-urlencoded' },
  ];
}

function pageVariants(fields: string[], csrf: string): Variant[] {
  const all = [...new Set([...fields, ...DEFAULT_FIELDS])];
  const form = 'application/x-www-form-urlencoded';
  const enc = (pairs: [string, string][]) => new URLSearchParams([['_csrf', csrf], ...pairs]).toString();
  return [
    // First: a route that accepts an empty form takes no input (sign out, mark all read).
    { name: 'empty body', body: enc([]), contentType: form },
    { name: 'malformed form encoding', body: `_csrf=${csrf}&${all[0]}=%E0%A4%A&%zz=%&&==&${all[1] ?? 'x'}=%FF%FE`, contentType: form },
    { name: 'malformed JSON', body: '{"username": ', contentType: 'application/json' },
    { name: 'repeated and array fields', body: enc(all.flatMap((f): [string, string][] => [[f, '123'], [f, 'khác'], [`${f}[]`, '1']])), contentType: form },
    { name: '100 kB in every field', body: enc(all.map((f) => [f, HUGE])), contentType: form },
    { name: 'unknown fields', body: enc([['khongCoTruongNay', 'x'], ['__proto__', 'x'], ['constructor', 'x']]), contentType: form },
  ];
}

forEachDialect('fuzz: state-changing routes refuse bad input with 4xx', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let adminToken: string;
  let doc: OpenApiDoc;
  before(async () => {
    t = await createTestApp(dialect);
    admin = await t.as('demo.admin');
    adminToken = await t.token('demo.admin');
    doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as OpenApiDoc;
  });
  after(() => t.close());

  test('every POST/PUT/PATCH/DELETE route', async (ctx: TestContext) => {
    const list = targets(t.app);
    assert.ok(list.length >= 3, `found ${list.length} state-changing routes`);
    for (const target of list) {
      await ctx.test(`${target.method} ${target.path}`, async (sub) => {
        const fields = target.api ? apiFields(doc, target.method, target.path) : await pageFields(admin, target);
        const problems: string[] = [];
        for (const who of ['anonymous', 'demo.admin'] as const) {
          const anonymous = t.agent();
          const agentOf = () => (who === 'anonymous' ? anonymous : admin);
          // Built per request: after a sign-out the admin signs in again and has a new CSRF token.
          const variants = async () => (target.api ? apiVariants(fields) : pageVariants(fields, await agentOf().csrf()));
          const statuses: number[] = [];
          let inputless = false;
          for (let i = 0; i < (await variants()).length; i++) {
            const v = (await variants())[i];
            const headers: Record<string, string> = {};
            if (v.contentType) headers['content-type'] = v.contentType;
            if (target.api && who === 'demo.admin') headers.authorization = `Bearer ${adminToken}`;
            const res = target.api
              ? await t.app.request(target.url, { method: target.method, headers, body: v.body })
              : await agentOf().request(target.url, { method: target.method, headers, body: v.body });
            const label = `${who}, ${v.name}: ${res.status}`;
            const text = await res.text();
            statuses.push(res.status);
            if (res.status >= 500) problems.push(`${label} ${text.slice(0, 300)}`);
            else if (v.name === 'empty body' && res.status < 400) inputless = true;
            else if (res.status < 400 && !inputless) problems.push(`${label} (accepted)`);
            if (who === 'anonymous' && target.permission !== 'public' && ![401, 403].includes(res.status)) problems.push(`${label} (anonymous not refused)`);
            const shape = target.api && res.status >= 400 ? apiErrorProblem(text) : null;
            if (shape) problems.push(`${label} ${shape}`);
            // A route that signs the admin out (POST /logout) must not spoil the next requests.
            if (who === 'demo.admin' && !admin.cookie('coso_sid')) admin = await t.as('demo.admin');
            // Likewise a route that revokes the admin's token (DELETE /api/v1/auth/token).
            if (who === 'demo.admin' && target.api && res.status === 204 && target.path === '/api/v1/auth/token') adminToken = await t.token('demo.admin');
          }
          sub.diagnostic(`${who}: ${statuses.join(' ')}${inputless ? ' (takes no input)' : ''}`);
        }
        assert.deepEqual(problems, []);
      });
    }
  });
});
