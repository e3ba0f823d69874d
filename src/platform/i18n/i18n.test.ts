import { test } from 'node:test';
import assert from 'node:assert/strict';
import { features } from '../../features/index.ts';
import { messageBundles, formatDate, formatDateTime, parseDateInput, localDateOf, localToday, translator } from './index.ts';

test('every message bundle has the same keys in Vietnamese and English, none empty', () => {
  const bundles = [...messageBundles(), ...features.filter((f) => f.messages).map((f) => ({ name: f.name, ...f.messages! }))];
  assert.ok(bundles.length >= 2);
  for (const b of bundles) {
    assert.deepEqual(Object.keys(b.en).sort(), Object.keys(b.vi).sort(), `bundle ${b.name}`);
    for (const [k, v] of Object.entries({ ...b.vi, ...b.en })) assert.ok(v.trim(), `${b.name}:${k} is empty`);
  }
});

test('Vietnamese is the default and parameters are filled in', () => {
  assert.equal(translator('vi')('nav.page', { page: 3 }), 'Trang 3');
  assert.equal(translator('en')('nav.page', { page: 3 }), 'Page 3');
});

test('dates are shown dd/mm/yyyy in Vietnam time, whatever the server time zone', () => {
  assert.equal(formatDate('2025-07-01'), '01/07/2025');
  // 17:30 UTC on 30/06 is already 01/07 00:30 in Asia/Ho_Chi_Minh
  assert.equal(formatDateTime('2025-06-30T17:30:00Z'), '01/07/2025 00:30');
  assert.equal(localDateOf(new Date('2025-06-30T17:30:00Z')), '2025-07-01');
});

test('date input accepts dd/mm/yyyy and ISO, and rejects impossible dates', () => {
  assert.equal(parseDateInput('1/7/2025'), '2025-07-01');
  assert.equal(parseDateInput('2025-07-01'), '2025-07-01');
  assert.equal(parseDateInput('29/02/2025'), null);
  assert.equal(parseDateInput('29/02/2024'), '2024-02-29');
  assert.equal(parseDateInput('2025-13-01'), null);
  assert.equal(parseDateInput('hôm nay'), null);
});
