/**
 * The CLI commands that load the application's features (seeding, units, users, plans, demo data,
 * re-sealing); src/cli.ts imports this module only when one of them is asked for.
 */
import { loadConfig } from './config.ts';
import { migrate } from './platform/db/index.ts';
import type { Actor } from './platform/audit/index.ts';
import { importUnits, listProvinces } from './features/units/index.ts';
import { seedDemo } from './seed.ts';
import { adminCommands } from './features/admin/admin.cli.ts';
import { plansCommands } from './features/plans/index.ts';
import { resealAll } from './features/petitions/index.ts';
import { demoCommands } from './demo/national/cli.ts';
import { opt, type Command } from './cli-args.ts';

export function featureCommands(cliActor: Actor): Record<string, Command> {
  return {
  seed: {
    usage: 'seed [--province 52]',
    run: async (h, args) => {
      const config = loadConfig();
      if (config.env === 'production') { console.error('Không tạo dữ liệu mẫu khi NODE_ENV=production'); return 1; }
      await migrate(h.db);
      const r = await seedDemo(h.db, { provinceCode: opt(args, 'province') ?? config.provinceCode, demoPassword: config.demoPassword });
      console.log(r.created ? `Seeded demo data${r.password ? `; demo password: ${r.password}` : ''}` : 'Database not empty: nothing seeded');
      return 0;
    },
  },
  'units import': {
    usage: 'units import [--province 52]',
    run: async (h, args) => {
      const code = opt(args, 'province') ?? loadConfig().provinceCode;
      if (!listProvinces().some((p) => p.code === code)) { console.error(`Unknown province code ${code}. Known: ${listProvinces().map((p) => `${p.code} ${p.name}`).join(', ')}`); return 1; }
      await migrate(h.db);
      const r = await importUnits(h.db, cliActor, code);
      console.log(r.created ? `Imported ${r.created} units for province ${code}` : `Province ${code} already imported`);
      return 0;
    },
  },
  'seal rotate': {
    usage: 'seal rotate   (after putting the new key first in SEAL_KEYS)',
    run: async (h) => {
      const r = await resealAll(h.db);
      console.log(`Re-sealed ${r.petitions} petition senders and ${r.receptionLogs} reception visitors with the current key`);
      return 0;
    },
  },
  ...adminCommands(cliActor),
  ...plansCommands(cliActor),
  ...demoCommands(cliActor),
  };
}
