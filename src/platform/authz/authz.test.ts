import { test } from 'node:test';
import assert from 'node:assert/strict';
import { can, defineActions, mayEnter, scopeOf, type CurrentUser } from './index.ts';

defineActions({ 'test.edit': ['unit-officer', 'admin'], 'test.read': ['observer', 'unit-officer'] });
const user = (grants: CurrentUser['grants']): CurrentUser => ({ id: 'u', username: 'u', displayName: 'U', sessionId: 's', grants });
// tree: P > C > V
const ancestors = async (id: string) => ({ V: ['C', 'P'], C: ['P'], P: [] } as Record<string, string[]>)[id] ?? [];

test('deny by default: unknown actions and users without grants are refused', async () => {
  assert.equal(await can(user([{ role: 'admin', unitId: 'P', includeDescendants: true }]), 'test.unknown', 'V', ancestors), false);
  assert.equal(await can(null, 'test.read', 'V', ancestors), false);
  assert.equal(await can(user([]), 'test.read', 'V', ancestors), false);
  assert.equal(mayEnter(null, 'test.read'), false);
  assert.equal(mayEnter(null, 'public'), true);
});

test('a unit grant covers its descendants only when it says so', async () => {
  const officer = user([{ role: 'unit-officer', unitId: 'C', includeDescendants: false }]);
  assert.equal(await can(officer, 'test.edit', 'C', ancestors), true);
  assert.equal(await can(officer, 'test.edit', 'V', ancestors), false);
  const withDesc = user([{ role: 'unit-officer', unitId: 'C', includeDescendants: true }]);
  assert.equal(await can(withDesc, 'test.edit', 'V', ancestors), true);
  assert.equal(await can(withDesc, 'test.edit', 'P', ancestors), false, 'not upwards');
});

test('province-wide roles (observer) reach every unit; the wrong role does not', async () => {
  const observer = user([{ role: 'observer', unitId: 'X', includeDescendants: false }]);
  assert.equal(await can(observer, 'test.read', 'V', ancestors), true);
  assert.equal(await can(observer, 'test.edit', 'V', ancestors), false);
  assert.deepEqual(scopeOf(observer, 'test.read'), { all: true });
  assert.deepEqual(scopeOf(user([{ role: 'unit-officer', unitId: 'C', includeDescendants: true }]), 'test.edit'), { all: false, unitIds: ['C'], withDescendants: ['C'] });
});
