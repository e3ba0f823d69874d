import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestApp, forEachDialect, TEST_PASSWORD, type TestApp } from '../helpers/app.ts';
import { untypedOperations } from '../helpers/openapi-untyped.ts';
import { docPath } from '../../src/platform/http/openapi.ts';
import { PERMISSION } from '../../src/platform/authz/index.ts';

type Op = { security?: unknown[]; parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; properties?: Record<string, unknown> } }> }>; 'x-permission'?: string };
type ClientFactory = (f: (url: string, init?: RequestInit) => Promise<Response>, base: string) => {
  token(b: { username: string; password: string }): Promise<{ token: string }>; me(token: string): Promise<{ username: string }>;
  units(token: string, q: Record<string, string | number>): Promise<{ items: { name: string }[] }>;
};
type Doc = { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, Op>>; components: { securitySchemes: Record<string, { scheme?: string }>; schemas: Record<string, unknown> } };

const root = path.resolve(import.meta.dirname, '../..');
const bin = (pkg: string, file: string) => path.join(root, 'node_modules', pkg, file);
let t: TestApp;
let doc: Doc;
let dir: string;
before(async () => {
  t = await createTestApp('sqlite', { seed: false });
  doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as Doc;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coso-openapi-'));
  fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
});
after(async () => { await t.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const operations = () => Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op })));

test('openapi: every /api/v1 route is described, under the /api/v1 server', () => {
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(doc.servers.map((s) => s.url), ['/api/v1']);
  const described = new Set(operations().map((o) => o.key));
  const routes = (t.app.routes as { method: string; path: string; handler: unknown }[])
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && r.path !== '/api/v1/openapi.json' && (r.handler as Record<symbol, string>)[PERMISSION]);
  const missing = [...new Set(routes.map((r) => `${r.method} ${docPath(r.path.slice('/api/v1'.length))}`))].filter((k) => !described.has(k));
  assert.deepEqual(missing, []);
  assert.ok(described.has('GET /petitions/export.csv') && described.has('GET /reports/{periodId}/{file}.docx'), 'plain .get() exports are in the document');
  console.log(`openapi: ${described.size} operations`);
});

test('openapi: bearer security per operation, public ones with security: [], the shared error on every 4xx', () => {
  assert.equal(doc.components.securitySchemes.bearerAuth?.scheme, 'bearer');
  for (const { key, op } of operations()) {
    const expected = op['x-permission'] === 'public' ? [] : [{ bearerAuth: [] }];
    assert.deepEqual(op.security, expected, key);
    if (op['x-permission'] !== 'public') assert.ok(op.responses['401'], `${key} documents 401`);
    for (const [status, r] of Object.entries(op.responses)) {
      if (status.startsWith('4')) assert.equal(r.content?.['application/json']?.schema?.$ref, '#/components/schemas/Error', `${key} ${status}`);
    }
  }
  assert.deepEqual(doc.paths['/auth/token'].post.security, []);
});

test('openapi: lists that return { items, next } take limit and cursor', () => {
  const paginated = operations().filter(({ op }) => op.responses['200']?.content?.['application/json']?.schema?.properties?.next);
  assert.ok(paginated.length >= 3, `found ${paginated.length} paginated lists`);
  for (const { key, op } of paginated) {
    const q = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    assert.ok(q.has('limit') && q.has('cursor'), `${key} takes limit and cursor`);
  }
});

test('openapi: no untyped request or response bodies', () => {
  const untyped = untypedOperations(doc as never);
  console.log(`openapi: ${untyped.size} operations with an untyped body`);
  const spots = [...untyped].map(([k, where]) => `${k}: ${where.slice(0, 3).join(', ')}`);
  assert.deepEqual(spots, [], 'give these routes their real zod schemas');
});

test('openapi: @redocly/cli lint finds no error', () => {
  const r = spawnSync(process.execPath, [bin('@redocly/cli', 'bin/cli.js'), 'lint', path.join(dir, 'openapi.json'), '--format=json'], { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
  const json = r.stdout.slice(r.stdout.indexOf('{'));
  const problems = (JSON.parse(json) as { problems: { severity: string; message: string; location: { pointer: string }[] }[] }).problems;
  const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.message} at ${p.location[0]?.pointer}`);
  assert.deepEqual(errors, []);
  assert.equal(r.status, 0, r.stderr);
});

test('openapi: openapi-typescript types type-check a client (and refuse a wrong enum value)', () => {
  const gen = spawnSync(process.execPath, [bin('openapi-typescript', 'bin/cli.js'), path.join(dir, 'openapi.json'), '-o', path.join(dir, 'api.d.ts')], { encoding: 'utf8' });
  assert.equal(gen.status, 0, gen.stderr);
  fs.copyFileSync(path.join(import.meta.dirname, 'openapi-client/client.ts'), path.join(dir, 'client.ts'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', allowImportingTsExtensions: true, lib: ['ES2022', 'DOM'], types: [], skipLibCheck: true }, files: ['client.ts'] }));
  const tsc = spawnSync(process.execPath, [bin('typescript', 'bin/tsc'), '-p', dir], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

forEachDialect('openapi client', (dialect) => {
  let app: TestApp;
  before(async () => { app = await createTestApp(dialect); });
  after(() => app.close());
  test('the typed client performs three real calls', async () => {
    // A computed path: the project's tsc skips the client (its types exist only once generated above).
    const { cosoClient } = (await import(pathToFileURL(path.join(import.meta.dirname, 'openapi-client/client.ts')).href)) as { cosoClient: ClientFactory };
    const client = cosoClient((url, init) => Promise.resolve(app.app.request(url, init)), doc.servers[0].url);
    const { token } = await client.token({ username: 'demo.commune', password: TEST_PASSWORD });
    const me = await client.me(token);
    assert.equal(me.username, 'demo.commune');
    const page = await client.units(token, { q: 'pleiku', limit: 5 });
    assert.ok(page.items.some((u) => u.name.includes('Pleiku')), JSON.stringify(page.items.map((u) => u.name)));
  });
});

test('/api/docs renders the document for people, in both languages, without scripts', async () => {
  const res = await t.app.request('/api/docs');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<html lang="vi"/);
  assert.match(html, /Tài liệu API/);
  assert.ok(html.includes('POST /api/v1/consultations') && html.includes('ldc25.1'), 'operations with their enums');
  assert.ok(html.includes('GET /api/v1/petitions/export.csv'), 'file exports listed');
  assert.doesNotMatch(html, /<script/);
  const en = await (await t.app.request('/api/docs?lang=en')).text();
  assert.match(en, /<html lang="en"[^>]*>[\s\S]*API documentation/);
});
