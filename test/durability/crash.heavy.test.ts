/**
 * Crash durability, short form (issue 17 item 3; the longer run is `npm run bench -- crash`): on each
 * database a real server is killed with SIGKILL under concurrent load, during background exports and
 * during a bulk import, then started again. Prints the figures (acknowledged / found / lost).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDialect } from '../helpers/app.ts';
import { createStore, type Store } from '../helpers/proc.ts';
import { crashDuringExport, crashDuringImport, crashUnderLoad } from './crash.ts';

forEachDialect('crash durability (SIGKILL)', (dialect) => {
  if (process.env.CRASH_ONLY && process.env.CRASH_ONLY !== dialect) return;
  let store: Store;
  before(async () => { store = await createStore(dialect); });
  after(async () => { await store?.drop(); });

  it('keeps every acknowledged petition and staff comment, each with its audit event, after SIGKILL under load', { timeout: 240_000 }, async () => {
    const f = await crashUnderLoad(store, { workers: 8, killAfterMs: 1500 });
    console.log(`[crash ${dialect}] load: ${JSON.stringify(f)}`);
    assert.ok(f.acknowledged > 10, `some requests were acknowledged before the kill (${f.acknowledged})`);
    assert.equal(f.lost, 0, 'no acknowledged request is lost');
    assert.equal(f.found, f.acknowledged);
    assert.equal(f.halfWritten, 0, 'no petition or comment without its audit event and history');
    assert.equal(f.trackedAfterRestart, Math.min(5, f.acknowledged ? 5 : 0), 'citizens can track their petitions after the restart');
    assert.ok(f.chainOk, 'the audit chain verifies');
    if (dialect === 'sqlite') assert.equal(f.integrity, 'ok');
  });

  it('builds every export after a SIGKILL in the middle of building one (none left running)', { timeout: 240_000 }, async () => {
    const f = await crashDuringExport(store, 3);
    console.log(`[crash ${dialect}] export: ${JSON.stringify(f)}`);
    assert.equal(f.audited, f.requested, 'each acknowledged export request has its audit event');
    assert.equal(f.stuck, 0, 'no export left "running" by the dead process');
    assert.equal(f.done, f.requested);
    assert.equal(f.downloaded, f.requested, 'each export downloads as a DOCX from the restarted server');
  });

  it('applies a bulk task import all-or-nothing when the server is killed during it', { timeout: 240_000 }, async () => {
    for (const delay of [60, 300]) {
      const f = await crashDuringImport(store, delay);
      console.log(`[crash ${dialect}] import (kill after ${delay} ms): ${JSON.stringify(f)}`);
      assert.ok(f.allOrNothing, `all ${f.rows} rows or none (found ${f.applied})`);
      if (f.acknowledged) assert.equal(f.applied, f.rows, 'an acknowledged import is complete');
    }
  });
});
