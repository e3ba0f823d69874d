import type { Server } from 'node:http';
import { loadConfig } from './config.ts';
import { configureLog, logLine } from './platform/ops/log.ts';
import { sealer } from './platform/crypto/index.ts';
import { clockIsShifted, nowIso } from './platform/clock.ts';

/** Starts Coso: migrate, seed demo data on an empty database (never in production), serve. */
async function main() {
  const config = loadConfig();
  configureLog({ format: config.logFormat === 'json' ? 'json' : 'text' });
  sealer(); // fail fast on missing or malformed SEAL_KEYS
  // The application is loaded only once the configuration is known to be valid: a wrong variable is
  // reported in a fraction of a second instead of after loading some 400 modules.
  const [{ serve }, { migrate, openDb }, { pruneSessions }, { pruneIdempotencyKeys }, { buildApp }, { DEMO_ACCOUNTS, seedDemo }, { startJobs }, { formatDateTime }] = await Promise.all([
    import('@hono/node-server'), import('./platform/db/index.ts'), import('./platform/http/session.ts'), import('./platform/http/idempotency.ts'),
    import('./app.ts'), import('./seed.ts'), import('./platform/jobs/index.ts'), import('./platform/i18n/index.ts'),
  ]);
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
  const pruneAll = () => Promise.all([pruneSessions(handle.db), pruneIdempotencyKeys(handle.db)]);
  await pruneAll();
  const prune = setInterval(() => void pruneAll().catch(() => {}), 3600_000);
  prune.unref();
  const deps = { db: handle.db, dialect: handle.dialect, config, dbStats: handle.stats };
  const app = buildApp(deps);
  const stopJobs = startJobs(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Coso đang chạy tại http://localhost:${info.port} (${handle.dialect === 'sqlite' ? `SQLite ${handle.file}` : 'PostgreSQL'})`);
  }) as Server;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void shutdown(server, { stopJobs, close: handle.close, timeoutMs: config.shutdownTimeoutMs, signal }).then((code) => process.exit(code));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * Graceful stop: no new connections, no new job runs; in-flight requests and running jobs may
 * finish within `timeoutMs` (then the remaining connections are cut); then the database is closed.
 * Returns the exit code: 0 when everything finished in time, 1 otherwise.
 */
async function shutdown(server: Server, o: { stopJobs: () => void; close: () => Promise<void>; timeoutMs: number; signal: string }): Promise<number> {
  const started = performance.now();
  logLine('info', 'shutdown', { signal: o.signal, timeoutMs: o.timeoutMs });
  o.stopJobs();
  const closed = new Promise<boolean>((res) => server.close(() => res(true)));
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const inTime = await Promise.race([closed, new Promise<false>((res) => setTimeout(() => res(false), o.timeoutMs).unref())]);
  clearInterval(idle);
  if (!inTime) server.closeAllConnections();
  const { drainJobs } = await import('./platform/jobs/index.ts');
  const jobsDone = await drainJobs(Math.max(0, o.timeoutMs - (performance.now() - started)));
  await o.close();
  const ok = inTime && jobsDone;
  logLine(ok ? 'info' : 'warn', 'stopped', { requestsFinished: inTime, jobsFinished: jobsDone, durationMs: Math.round(performance.now() - started) });
  return ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
