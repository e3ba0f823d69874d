import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { forEachDialect } from '../helpers/app.ts';
import { childDatabase, startServer } from '../helpers/server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const connect = (port: number) => new Promise<net.Socket>((resolve, reject) => {
  const s = net.connect(port, '127.0.0.1', () => resolve(s)).once('error', reject);
});

forEachDialect('graceful shutdown', (dialect) => {
  test('SIGTERM: the in-flight request completes, new connections are refused, exit 0', async () => {
    const db = await childDatabase(dialect);
    const child = await startServer(root, { DATABASE_URL: db.url });
    try {
      const health = await fetch(`http://127.0.0.1:${child.port}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', database: dialect });
      // A slow client: headers and half the body now, the rest after SIGTERM.
      const body = JSON.stringify({ username: 'nobody.here', password: 'not-the-password' });
      const sock = await connect(child.port);
      let response = '';
      sock.on('data', (d) => { response += d; });
      const ended = new Promise((r) => sock.on('end', r));
      sock.write(`POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
      await new Promise((r) => setTimeout(r, 300));
      child.proc.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      await assert.rejects(connect(child.port), /ECONNREFUSED/, 'no new connections once stopping');
      assert.equal(child.proc.exitCode, null, 'still running while a request is in flight');
      sock.write(body.slice(10));
      await ended;
      assert.match(response, /^HTTP\/1\.1 401 /);
      assert.match(response, /"code":"invalid_credentials"/);
      assert.equal(await child.exited, 0, child.out());
      const logs = child.out().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.ok(logs.some((l) => l.msg === 'request' && l.path === '/api/v1/auth/token' && l.status === 401), 'the request was logged');
      assert.ok(logs.some((l) => l.msg === 'shutdown' && l.signal === 'SIGTERM'));
      assert.ok(logs.some((l) => l.msg === 'stopped' && l.requestsFinished === true && l.jobsFinished === true));
    } finally {
      if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
      fs.rmSync(child.dataDir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
