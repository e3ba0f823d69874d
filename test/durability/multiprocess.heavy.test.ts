/**
 * Several app processes on one PostgreSQL (issue 17 item 5): two real server processes share one
 * database. Background jobs run once per interval between them, a session made on one works on
 * the other, rate limits (login, public intake, tracking lookups) are shared, an export requested
 * on one downloads from the other, and concurrent writes through both keep one audit chain.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../helpers/app.ts';
import { apiToken, createStore, startProc, WebClient, type ServerProc, type Store } from '../helpers/proc.ts';
import { openStore } from './crash.ts';
import { verifyChain } from '../../src/platform/audit/index.ts';
import type { DbHandle } from '../../src/platform/db/index.ts';
import { leaseMs, registeredJobs } from '../../src/platform/jobs/index.ts';
import '../../src/features/index.ts';

const LIMITS = { PETITIONS_INTAKE_LIMIT: '4/600', PETITIONS_TRACK_LIMIT: '4/600', TRUST_PROXY: '1' };
const petition = (i: number) => JSON.stringify({ senderName: `Người gửi ${i}`, senderAddress: 'Tổ 1, Phường Pleiku', title: `Hai tiến trình ${i}`, content: `Kiến nghị số ${i} gửi qua hai tiến trình.` });
const post = (base: string, p: string, body: string, headers: Record<string, string> = {}) => fetch(`${base}${p}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('two app processes on one PostgreSQL [postgres]', { skip: !dialects.includes('postgres') && 'PostgreSQL not started' }, () => {
  let store: Store;
  let a: ServerProc;
  let b: ServerProc;
  let h: DbHandle;
  let startedAt = 0;
  before(async () => {
    store = await createStore('postgres');
    startedAt = Date.now();
    [a, b] = await Promise.all([startProc(store, { env: LIMITS }), startProc(store, { env: LIMITS })]);
    h = openStore(store);
  });
  after(async () => {
    await h?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await store?.drop();
  });

  it('a session made on one process works on the other, and sign-out on one ends it on both', async () => {
    const web = await new WebClient(a.url).login('demo.commune');
    assert.equal((await web.fetch('/tasks')).status, 200);
    web.base = b.url;
    assert.equal((await web.fetch('/tasks')).status, 200, 'the cookie from A opens pages on B');
    const token = await apiToken(a.url, 'demo.commune');
    assert.equal((await fetch(`${b.url}/api/v1/tasks`, { headers: { authorization: `Bearer ${token}` } })).status, 200, 'a token from A works on B');
    assert.equal((await web.post('/logout', {})).status, 303);
    web.base = a.url;
    assert.equal((await web.fetch('/tasks')).status, 303, 'signed out on B means signed out on A');
  });

  it('shares the login throttle: five failures spread over both processes lock the username on both', async () => {
    const bad = (base: string) => post(base, '/api/v1/auth/token', JSON.stringify({ username: 'demo.observer', password: 'sai-mat-khau-123' })).then((r) => r.status);
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await bad(i % 2 ? b.url : a.url));
    assert.deepEqual(seen, [401, 401, 401, 401, 401]);
    assert.equal(await bad(a.url), 429);
    assert.equal(await bad(b.url), 429);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => post(i % 2 ? b.url : a.url, '/api/v1/auth/token', JSON.stringify({ username: 'demo.leader', password: `sai-${i}-mat-khau` })).then((r) => r.status)));
    const checked = burst.filter((s) => s === 401).length;
    assert.ok(checked <= 5 && burst.every((s) => s === 401 || s === 429), `12 concurrent guesses on both: at most 5 passwords checked, the rest 429 (${burst.join(',')})`);
  });

  it('shares the public intake limit, also under concurrent submissions to both', async () => {
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? b.url : a.url, '/api/v1/public/petitions', petition(i)).then(async (r) => { await r.arrayBuffer(); return r.status; })));
    assert.equal(statuses.filter((s) => s === 201).length, 4, `exactly the limit (4) is accepted across both: ${statuses.join(',')}`);
    assert.equal(statuses.filter((s) => s === 429).length, 6);
  });

  it('shares the tracking-lookup limit (failed lookups counted on either process)', async () => {
    const look = (base: string) => fetch(`${base}/api/v1/public/petitions/GL-XXXX-XXXX?key=sai`).then((r) => r.status);
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await look(i % 2 ? b.url : a.url));
    assert.deepEqual(seen, [404, 404, 404, 404]);
    assert.equal(await look(a.url), 429);
    assert.equal(await look(b.url), 429);
  });

  it('counts concurrent failed lookups on both processes against one limit', async () => {
    const look = (base: string) => fetch(`${base}/api/v1/public/petitions/GL-YYYY-YYYY?key=sai`, { headers: { 'x-forwarded-for': '203.0.113.9' } }).then((r) => r.status);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => look(i % 2 ? b.url : a.url)));
    const served = burst.filter((s) => s === 404).length;
    // A burst may lock itself out entirely (each guess counts before it is checked): never more than the limit.
    assert.ok(served <= 4, `at most 4 guesses answered, the rest 429 (${burst.join(',')})`);
    assert.equal(burst.filter((s) => s !== 404 && s !== 429).length, 0);
  });

  it('an export requested on one process is built once and downloads from the other', async () => {
    const webA = await new WebClient(a.url).login('demo.coordinator');
    const period = await h.db.selectFrom('report_periods').select('id').orderBy('to_date', 'desc').executeTakeFirstOrThrow();
    const r = await webA.post(`/report-periods/${period.id}/exports`, { format: 'xlsx' });
    assert.equal(r.status, 303);
    const id = r.headers.get('location')!.split('/').pop()!;
    const webB = await new WebClient(b.url).login('demo.coordinator');
    let file: Response | undefined;
    for (let i = 0; i < 80; i++) {
      file = await webB.fetch(`/report-periods/${period.id}/exports/${id}/file`);
      if (file.status === 200) break;
      await file.arrayBuffer();
      await new Promise((res) => setTimeout(res, 250));
    }
    assert.equal(file!.status, 200);
    assert.equal(Buffer.from(await file!.arrayBuffer()).subarray(0, 2).toString(), 'PK', 'an XLSX (zip) file');
  });

  it('concurrent writes through both processes keep one audit chain: no fork, no duplicate sequence', async () => {
    const tokA = await apiToken(a.url, 'demo.admin');
    const tokB = await apiToken(b.url, 'demo.admin');
    const tasks = ((await (await fetch(`${a.url}/api/v1/tasks?limit=20`, { headers: { authorization: `Bearer ${tokA}` } })).json()) as { items: { id: string }[] }).items;
    const before = Number((await h.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
    const writes = Array.from({ length: 80 }, (_, i) => {
      const [base, tok] = i % 2 ? [b.url, tokB] : [a.url, tokA];
      return post(base, `/api/v1/tasks/${tasks[i % tasks.length].id}/comments`, JSON.stringify({ note: `Hai tiến trình ghi ${i}` }), { authorization: `Bearer ${tok}` }).then((r) => r.status);
    });
    const statuses = await Promise.all(writes);
    assert.deepEqual([...new Set(statuses)], [201]);
    const seqs = await h.db.selectFrom('audit_events').select('seq').where('seq', '>', before).execute();
    assert.equal(seqs.length, 80, 'one event per write');
    assert.equal(new Set(seqs.map((s) => Number(s.seq))).size, 80, 'no duplicate sequence number');
    const v = await verifyChain(h.db);
    assert.ok(v.ok, `the chain verifies as one line: ${JSON.stringify(v)}`);
    console.log(`[two processes] audit chain after 80 concurrent writes through both: ${JSON.stringify(v)}`);
  });

  it('each background job ran once per interval between the two processes (never two runs within one lease), not once per process', async () => {
    const elapsed = Date.now() - startedAt;
    const rows = await h.db.selectFrom('job_leases').select(['name', 'runs']).execute();
    const figures = registeredJobs().map((j) => ({ job: j.name, everyS: j.everyMs / 1000, runs: Number(rows.find((r) => r.name === j.name)?.runs ?? 0), max: Math.floor(elapsed / leaseMs(j)) + 1 }));
    console.log(`[two processes] job runs in ${(elapsed / 1000).toFixed(1)} s: ${JSON.stringify(figures)}`);
    for (const f of figures) {
      assert.ok(f.runs >= 1, `${f.job} ran`);
      assert.ok(f.runs <= f.max, `${f.job}: ${f.runs} runs in ${elapsed} ms, more than once per interval`);
    }
  });
});
