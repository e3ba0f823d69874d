import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { fieldErrors } from './validate.ts';
import type { T } from '../i18n/index.ts';

test('fieldErrors names extra fields called constructor or __proto__ (own properties, so the 400 says which field)', () => {
  const r = z.object({ a: z.string() }).strict().safeParse(JSON.parse('{"a":"x","constructor":"","__proto__":1,"toString":2}'));
  assert.ok(!r.success);
  const f = fieldErrors(r.error, ((k: string) => k) as T);
  assert.deepEqual(JSON.parse(JSON.stringify(f)), JSON.parse('{"constructor":"validation.unknownField","__proto__":"validation.unknownField","toString":"validation.unknownField"}'));
});
