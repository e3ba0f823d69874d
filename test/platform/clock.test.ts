import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { localDateOf, localToday, nowIso, nowMs, parseInstant, setClock } from '../../src/platform/clock.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('the one clock', () => {
  test('nothing in src/ reads the system clock except src/platform/clock.ts', () => {
    // Date.now(), new Date() with no argument, and the old todayLocal() default all read the host clock.
    const forbidden = /\bDate\.now\s*\(|new Date\s*\(\s*\)|new Date\b(?!\s*\()|\btodayLocal\s*\(/;
    const offenders: string[] = [];
    for (const file of sources(path.join(root, 'src'))) {
      if (file.endsWith(path.join('platform', 'clock.ts'))) continue;
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (forbidden.test(line)) offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offenders, [], 'use nowMs()/nowDate()/nowIso()/localToday() from src/platform/clock.ts');
  });

  test('COSO_NOW starts the clock at that instant (Vietnam time when no offset is given) and it runs on', () => {
    const script = "import { nowIso, localToday } from './src/platform/clock.ts'; const a = nowIso(); await new Promise((r) => setTimeout(r, 30)); console.log(JSON.stringify({ a, b: nowIso(), today: localToday() }));";
    const run = (env: Record<string, string>) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout.trim()) as { a: string; b: string; today: string };
    };
    const running = run({ COSO_NOW: '2028-01-27T23:30:00', COSO_CLOCK: '' });
    assert.ok(running.a.startsWith('2028-01-27T16:30:0'), running.a);
    assert.ok(running.b > running.a, 'the clock runs on from COSO_NOW');
    assert.equal(running.today, '2028-01-27');
    const frozen = run({ COSO_NOW: '2027-10-15T08:00:00+07:00', COSO_CLOCK: 'frozen' });
    assert.equal(frozen.a, '2027-10-15T01:00:00.000Z');
    assert.equal(frozen.b, frozen.a, 'COSO_CLOCK=frozen stops it');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, env: { ...process.env, COSO_NOW: 'tomorrow' }, encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /COSO_NOW="tomorrow" is not an ISO timestamp/);
  });

  test('today is the Vietnam calendar date: 23:59 on 30/06 UTC+7 and 00:00 on 01/07 are different days', () => {
    try {
      setClock('2025-06-30T23:59:00+07:00', { frozen: true });
      assert.equal(localToday(), '2025-06-30');
      setClock('2025-06-30T17:00:00Z', { frozen: true });
      assert.equal(localToday(), '2025-07-01');
      assert.equal(nowIso(), '2025-06-30T17:00:00.000Z');
      assert.equal(nowMs(), Date.parse('2025-06-30T17:00:00Z'));
    } finally {
      setClock(null);
    }
    assert.equal(localDateOf(Date.parse('2026-02-16T17:00:00Z')), '2026-02-17', 'Mùng 1 Tết Bính Ngọ begins at midnight Vietnam time');
  });

  test('instants are read strictly', () => {
    assert.equal(parseInstant('2027-05-10'), Date.parse('2027-05-10T08:00:00+07:00'));
    assert.equal(parseInstant('2027-05-10T09:00:00+07:00'), Date.parse('2027-05-10T02:00:00Z'));
    assert.equal(parseInstant('10/05/2027'), null);
    assert.equal(parseInstant('2027-13-40T00:00:00Z'), null);
  });
});
