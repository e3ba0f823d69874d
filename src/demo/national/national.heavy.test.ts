/** Smoke of the national generator at a tiny scale, on both databases: every province and commune, villages, and each kind of row in proportion. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/helpers/app.ts';
import { createTestDb } from '../../../test/helpers/db.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { plusDays } from '../../domain/calendar/dates.ts';
import { generateNational } from './index.ts';

forEachDialect('National demo data generator', (dialect) => {
  test('34 provinces, 3,321 communes with villages, and petitions, tasks, disclosures dated over two years before today', async () => {
    const t = await createTestDb(dialect);
    try {
      const { db } = t.handle;
      const r = await generateNational(db, SYSTEM_ACTOR, { scale: 0.0005, provinceCode: '52', demoPassword: 'mat-khau-thu-nghiem-2025' });
      const count = async (table: 'units' | 'petitions' | 'tasks' | 'disclosures', kind?: string) => {
        let q = db.selectFrom(table as 'units').select((e) => e.fn.countAll<number>().as('n'));
        if (kind) q = q.where('kind', '=', kind).where('valid_to', 'is', null);
        return Number((await q.executeTakeFirstOrThrow()).n);
      };
      assert.equal(await count('units', 'province-committee'), 34);
      assert.equal(await count('units', 'commune-committee'), 3321);
      assert.ok(await count('units', 'village') >= 4 * 3321);
      const petitions = await db.selectFrom('petitions').select(['received_on', 'search_text', 'sender_sealed', 'tracking_code']).where('created_by', 'is', null).where('channel', '!=', 'x').execute();
      assert.ok(petitions.length >= 500, `${petitions.length} petitions`);
      const today = localToday();
      for (const p of petitions) assert.ok(p.received_on <= today && p.received_on >= plusDays(today, -731), p.received_on);
      assert.equal(new Set(petitions.map((p) => p.tracking_code)).size, petitions.length, 'tracking codes are unique');
      assert.ok(petitions.every((p) => !p.sender_sealed || p.sender_sealed.startsWith('seal:')), 'senders are sealed');
      assert.ok(await count('tasks') >= 100 && await count('disclosures') >= 150);
      assert.deepEqual(r.steps.map((s) => s.name), ['provinces', 'demo seed', 'villages', 'tasks', 'disclosures', 'petitions', 'reports', 'analyze']);
    } finally {
      await t.drop();
    }
  });
});
