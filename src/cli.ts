import { loadConfig } from './config.ts';
import { migrate, openDb, type DbHandle } from './platform/db/index.ts';
import { SYSTEM_ACTOR, verifyChain } from './platform/audit/index.ts';
import { importUnits, listProvinces } from './features/units/index.ts';
import { seedDemo } from './seed.ts';
import { adminCommands } from './features/admin/admin.cli.ts';
import { plansCommands } from './features/plans/index.ts';
import { resealAll } from './features/petitions/index.ts';
import { nowIso } from './platform/clock.ts';
import { demoCommands } from './demo/national/cli.ts';

export type Command = { usage: string; run: (h: DbHandle, args: string[]) => Promise<number> };

/** Reads `--name value` from args. */
export function opt(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const cliActor = { ...SYSTEM_ACTOR, name: `cli:${process.env.USER ?? 'unknown'}` };

const commands: Record<string, Command> = {
  migrate: { usage: 'migrate', run: async (h) => { const a = await migrate(h.db); console.log(a.length ? `Applied: ${a.join(', ')}` : 'Up to date'); return 0; } },
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
  'audit verify': {
    usage: 'audit verify',
    run: async (h) => {
      const r = await verifyChain(h.db);
      if (r.ok) { console.log(`OK: ${r.count} events, chain intact`); return 0; }
      console.error(`BROKEN at event #${r.brokenAt}: ${r.reason} (${r.count} events verified before it)`);
      return 2;
    },
  },
  backup: {
    usage: 'backup [--out FILE]',
    run: async (h, args) => {
      if (h.dialect === 'postgres') {
        console.log(`PostgreSQL: pg_dump --format=custom --file=coso-$(date +%F).dump "$DATABASE_URL"`);
        return 0;
      }
      const out = opt(args, 'out') ?? `${loadConfig().dataDir}/backup-${nowIso().replace(/[:.]/g, '-')}.sqlite`;
      const { default: Sqlite } = await import('better-sqlite3');
      const src = new Sqlite(h.file!, { readonly: true });
      await src.backup(out);
      src.close();
      console.log(`Backup written: ${out}`);
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

async function main() {
  const args = process.argv.slice(2);
  const name = Object.keys(commands).sort((a, b) => b.length - a.length).find((k) => k.split(' ').every((w, i) => args[i] === w));
  if (!name) {
    console.log('Usage: npm run coso -- <command>\n' + Object.values(commands).map((c) => `  ${c.usage}`).join('\n'));
    process.exit(args.length ? 1 : 0);
  }
  const config = loadConfig();
  const h = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (name !== 'migrate') await migrate(h.db);
    process.exitCode = await commands[name].run(h, args.slice(name.split(' ').length));
  } finally {
    await h.close();
  }
}

main().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
