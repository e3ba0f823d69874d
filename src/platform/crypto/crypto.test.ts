import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSealer, DEV_SEAL_KEY, newSealKey, parseSealKeys, sealKeysFromEnv } from './index.ts';

test('sealing round-trips, hides the text and is randomised', () => {
  const s = createSealer(parseSealKeys(newSealKey('v1')));
  const a = s.seal('Nguyễn Văn A 012345678901');
  assert.ok(!a.includes('Nguy') && a.startsWith('seal:v1:'));
  assert.notEqual(a, s.seal('Nguyễn Văn A 012345678901'));
  assert.equal(s.open(a), 'Nguyễn Văn A 012345678901');
});

test('a tampered value or an unknown key version is refused', () => {
  const s = createSealer(parseSealKeys(newSealKey('v1')));
  const parts = s.seal('bí mật').split(':');
  parts[4] = Buffer.from('xxxxxx').toString('base64');
  assert.throws(() => s.open(parts.join(':')));
  const other = createSealer(parseSealKeys(newSealKey('v9')));
  assert.throws(() => other.open(s.seal('x')), /no seal key/);
});

test('rotation: v1 values open with "v2,v1" and are re-sealed with v2', () => {
  const v1 = newSealKey('v1');
  const old = createSealer(parseSealKeys(v1)).seal('Trần Thị B');
  const rotated = createSealer(parseSealKeys(`${newSealKey('v2')},${v1}`));
  assert.equal(rotated.open(old), 'Trần Thị B');
  assert.ok(rotated.needsReseal(old));
  const re = rotated.reseal(old);
  assert.ok(re.startsWith('seal:v2:') && !rotated.needsReseal(re));
  assert.equal(rotated.open(re), 'Trần Thị B');
});

test('keys from the environment: production refuses without SEAL_KEYS, tests use the dev key', () => {
  assert.throws(() => sealKeysFromEnv({ NODE_ENV: 'production' }), /SEAL_KEYS/);
  assert.deepEqual(sealKeysFromEnv({ NODE_ENV: 'test' }), [DEV_SEAL_KEY]);
  const warned: string[] = [];
  sealKeysFromEnv({ NODE_ENV: 'development' }, (m) => warned.push(m));
  assert.equal(warned.length, 1);
  assert.throws(() => parseSealKeys('v1:c2hvcnQ='), /32 bytes/);
});
