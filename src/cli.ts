import { loadConfig } from './config.ts';
import { migrate, openDb } from './platform/db/index.ts';
import { SYSTEM_ACTOR, verifyChain } from './platform/audit/index.ts';
import { nowIso } from './platform/clock.ts';
import fs from 'node:fs';
import { opt, type Command } from './cli-args.ts';
import path from 'node:path';
import { restoreBackup, writeBackup } from './platform/backup/index.ts';

const cliActor = { ...SYSTEM_ACTOR, name: `cli:${process.env.USER ?? 'unknown'}` };

/** Commands that need only the database: they start without loading the application's features. */
const light: Record<string, Command> = {
  migrate: { usage: 'migrate', run: async (h) => { const a = await migrate(h.db); console.log(a.length ? `Applied: ${a.join(', ')}` : 'Up to date'); return 0; } },
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
};

/** Every command: the light ones, and those that load features (seed, users, plans, demo data…). */
async function allCommands(): Promise<Record<string, Command>> {
  const { featureCommands } = await import('./cli-commands.ts');
  return { ...light, ...featureCommands(cliActor) };
}

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
  const find = (all: Record<string, Command>) => Object.keys(all).sort((a, b) => b.length - a.length).find((k) => k.split(' ').every((w, i) => args[i] === w));
  const commands = find(light) ? light : await allCommands();
  const name = find(commands);
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
