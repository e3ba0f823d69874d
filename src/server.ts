import { serve } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { migrate, openDb } from './platform/db/index.ts';
import { pruneSessions } from './platform/http/session.ts';
import { buildApp } from './app.ts';
import { DEMO_ACCOUNTS, seedDemo } from './seed.ts';
import { startJobs } from './platform/jobs/index.ts';
import { sealer } from './platform/crypto/index.ts';
import { clockIsShifted, nowIso } from './platform/clock.ts';
import { formatDateTime } from './platform/i18n/index.ts';

/** Starts Coso: migrate, seed demo data on an empty database (never in production), serve. */
async function main() {
  const config = loadConfig();
  sealer(); // fail fast on missing or malformed SEAL_KEYS
  if (clockIsShifted()) console.log(`Đồng hồ của Coso đặt theo COSO_NOW: ${formatDateTime(nowIso())} (giờ Việt Nam)${process.env.COSO_CLOCK === 'frozen' ? ', đứng yên' : ''}`);
  const handle = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(handle.db);
  if (applied.length) console.log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
  if (config.env !== 'production') {
    const seeded = await seedDemo(handle.db, { provinceCode: config.provinceCode, demoPassword: config.demoPassword });
    if (seeded.created) {
      console.log(`Đã tạo dữ liệu mẫu (demo). Tài khoản: ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
      if (seeded.password) console.log(`Mật khẩu demo (chỉ in một lần): ${seeded.password}`);
    }
  }
  await pruneSessions(handle.db);
  const prune = setInterval(() => void pruneSessions(handle.db).catch(() => {}), 3600_000);
  prune.unref();
  const deps = { db: handle.db, dialect: handle.dialect, config };
  const app = buildApp(deps);
  startJobs(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
    console.log(`Coso đang chạy tại http://localhost:${info.port} (${handle.dialect === 'sqlite' ? `SQLite ${handle.file}` : 'PostgreSQL'})`);
  });
  const stop = () => server.close(() => void handle.close().then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
