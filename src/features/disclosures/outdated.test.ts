import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complianceOf, outdatedPermanent } from './disclosures.rules.ts';

// LDC Art. 13(2): items 4 and 13 of Art. 11 are "niêm yết thường xuyên" (posted permanently), so the
// board must show their current version.
const p = (id: string, decision_on: string, removed_on: string | null = null) => ({ id, item_code: 'c04', decision_on, posted_on: decision_on, removed_on });

test('a permanent item whose board shows an older version than the latest decision is flagged; the current version alone is fine', () => {
  assert.deepEqual(outdatedPermanent([p('v1', '2025-03-01', '2025-09-02'), p('v2', '2025-09-01')], '2025-12-31'), [], 'old version taken down, new one up');
  assert.deepEqual(outdatedPermanent([p('v1', '2025-03-01'), p('v2', '2025-09-01')], '2025-12-31'), ['v1'], 'old version left beside the new one');
  assert.deepEqual(outdatedPermanent([p('v1', '2025-03-01'), p('v2', '2025-09-01', '2025-10-01')], '2025-12-31'), ['v1'], 'new version removed, old one still up');
});

test('compliance: the item counts as on the board only in its current version', () => {
  const c = complianceOf('commune', [], [p('v1', '2025-03-01'), p('v2', '2025-09-01', '2025-10-01')], '2025-12-31', '2026-01-05');
  assert.ok(c.missing.includes('c04'), 'current version not posted');
  assert.deepEqual(c.outdated, ['v1']);
  const ok = complianceOf('commune', [], [p('v1', '2025-03-01', '2025-09-02'), p('v2', '2025-09-01')], '2025-12-31', '2026-01-05');
  assert.ok(!ok.missing.includes('c04'));
  assert.deepEqual(ok.outdated, []);
});
