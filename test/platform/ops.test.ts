import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { configureLog } from '../../src/platform/ops/log.ts';
import { runJob } from '../../src/platform/jobs/index.ts';
import { createTestApp, forEachDialect, Agent, type TestApp } from '../helpers/app.ts';

const lines: string[] = [];
const capture = (format: 'json' | 'text') => { lines.length = 0; configureLog({ format, sink: (l) => lines.push(l) }); };
after(() => configureLog({ format: 'text', sink: (l) => process.stdout.write(l + '\n') }));

test('config: every wrong variable gets its own line naming it and its value', () => {
  assert.throws(() => loadConfig({ PORT: 'abc', LOG_FORMAT: 'xml', DATABASE_URL: 'mysql://db', TRUST_PROXY: 'yes' }), (e: Error) => {
    const lines = e.message.split('\n');
    assert.match(lines[0], /Cấu hình không hợp lệ/);
    for (const v of ['PORT="abc"', 'LOG_FORMAT="xml"', 'DATABASE_URL="mysql://db"', 'TRUST_PROXY="yes"']) assert.equal(lines.filter((l) => l.includes(v)).length, 1, `${v} in ${e.message}`);
    assert.equal(lines.length, 5);
    return true;
  });
  assert.throws(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' }), /SESSION_SECRET \(>= 32 ký tự\)/);
  assert.equal(loadConfig({ NODE_ENV: 'test' }).logFormat, 'off');
  assert.equal(loadConfig({ LOG_FORMAT: 'json' }).logFormat, 'json');
});

forEachDialect('operations', (dialect) => {
  let t: TestApp;
  let logged: ReturnType<typeof buildApp>;
  before(async () => {
    t = await createTestApp(dialect);
    logged = buildApp({ db: t.db, dialect, config: { ...t.config, logFormat: 'json', trustProxy: true } });
  });
  after(() => t.close());

  test('one JSON log line per request: id, method, path without secrets, route, status, duration, user', async () => {
    const token = await t.token('demo.commune');
    capture('json');
    const res = await logged.request('/api/v1/units?q=pleiku&token=s3cret&limit=2', { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-ops-1' } });
    assert.equal(res.status, 200);
    assert.equal(lines.length, 1, lines.join('\n'));
    const line = JSON.parse(lines[0]);
    const me = await (await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).json() as { id: string };
    assert.equal(line.msg, 'request');
    assert.equal(line.requestId, 'req-ops-1');
    assert.equal(line.method, 'GET');
    assert.equal(line.path, '/api/v1/units?q=pleiku&token=***&limit=2');
    assert.equal(line.route, '/api/v1/units');
    assert.equal(line.status, 200);
    assert.equal(line.userId, me.id);
    assert.ok(typeof line.durationMs === 'number' && line.durationMs >= 0);
    assert.ok(!Number.isNaN(Date.parse(line.time)));
    assert.ok(!lines[0].includes('s3cret'));
  });

  test('text log lines are readable key=value', async () => {
    capture('text');
    await logged.request('/login?next=%2Fplans', { headers: { 'x-request-id': 'req-ops-2' } });
    assert.match(lines[0], /^\d{4}-\d\d-\d\dT\S+ INFO {2}request requestId=req-ops-2 method=GET path="\/login\?next=%2Fplans" route=\/login status=200 durationMs=[\d.]+ userId=-$/);
  });

  test('/metrics: Prometheus text with requests by route, latency histogram, jobs, queues and pool', async () => {
    for (let i = 0; i < 3; i++) await logged.request(`/api/v1/units/unknown-${i}`, { headers: { authorization: `Bearer ${await t.token('demo.admin')}` } });
    let calls = 0;
    await runJob({ db: t.db, dialect, config: t.config }, { name: `ops.test.fail.${dialect}`, everyMs: 60_000, run: async () => { calls++; throw new Error('boom'); } });
    assert.equal(calls, 1);
    const res = await logged.request('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(text, /^coso_http_requests_total\{method="GET",route="\/api\/v1\/units\/:id",status="404"\} [3-9]\d*$/m, 'by pattern, not raw path');
    assert.doesNotMatch(text, /unknown-1/);
    assert.match(text, /^coso_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/units\/:id",le="\+Inf"\} \d+$/m);
    assert.match(text, /^# TYPE coso_http_request_duration_seconds histogram$/m);
    assert.match(text, new RegExp(`^coso_job_runs_total\\{job="ops\\.test\\.fail\\.${dialect}",outcome="error"\\} 1$`, 'm'));
    assert.match(text, /^coso_queue_length\{queue="email"\} \d+$/m);
    assert.match(text, /^coso_queue_length\{queue="reports\.exports"\} \d+$/m);
    assert.match(text, /^coso_db_connections\{state="max"\} (1|10)$/m);
  });

  test('/metrics: refused to remote callers unless signed in as admin', async () => {
    const remote = { 'x-forwarded-for': '203.0.113.7' };
    assert.equal((await logged.request('/metrics', { headers: remote })).status, 403);
    const as = async (username: string) => {
      const a = new Agent(logged, username);
      assert.equal((await a.login(username)).status, 303);
      return (await a.get('/metrics', remote)).status;
    };
    assert.equal(await as('demo.commune'), 403);
    assert.equal(await as('demo.admin'), 200);
  });
});
