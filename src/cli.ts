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
import fs from 'node:fs';
import path from 'node:path';
import { restoreBackup, writeBackup } from './platform/backup/index.ts';

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
    usage: 'backup [--out FILE]   (database snapshot + uploaded files in one file)',
    run: async (h, args) => {
      const config = loadConfig();
      const out = path.resolve(opt(args, 'out') ?? path.join(config.dataDir, 'backups', `coso-${nowIso().replace(/[:.]/g, '-')}.backup`));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const r = await writeBackup({ dialect: h.dialect, sqliteFile: h.file, databaseUrl: config.databaseUrl, dataDir: config.dataDir, out });
      console.log(`Đã sao lưu (backup written): ${out} (${h.dialect}, ${r.manifest.files} tệp đính kèm)`);
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

/** `restore FILE`: runs before any database is opened (opening would create and migrate one). */
async function restore(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) { console.error('Usage: npm run coso -- restore FILE'); return 1; }
  const config = loadConfig();
  try {
    const r = await restoreBackup({ file: path.resolve(file), dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    console.log(`Đã khôi phục (restored) bản sao lưu ${r.manifest.createdAt} (${r.manifest.dialect}, ${r.files} tệp đính kèm) vào ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`);
  } catch (e) {
    console.error(`Không khôi phục được: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const h = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(h.db);
    const v = await verifyChain(h.db);
    console.log(v.ok ? `Nhật ký kiểm toán: ${v.count} sự kiện, chuỗi nguyên vẹn` : `CẢNH BÁO: chuỗi kiểm toán hỏng ở #${v.brokenAt}: ${v.reason}`);
    return v.ok ? 0 : 2;
  } finally {
    await h.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === 'restore') { process.exitCode = await restore(args.slice(1)); return; }
  const name = Object.keys(commands).sort((a, b) => b.length - a.length).find((k) => k.split(' ').every((w, i) => args[i] === w));
  if (!name) {
    console.log('Usage: npm run coso -- <command>\n' + [...Object.values(commands).map((c) => c.usage), 'restore FILE   (into an empty DATA_DIR / database)'].map((u) => `  ${u}`).join('\n'));
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
