import { Hono, type MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { allow } from '../authz/index.ts';
import type { AppEnv } from '../http/context.ts';
import { forbidden } from '../http/errors.ts';
import { registeredJobs } from '../jobs/index.ts';
import { logLine } from './log.ts';
import { observeRequest, renderMetrics, type Gauge } from './metrics.ts';
import { safePath } from './log.ts';

/** The pattern that served the request (`/units/:id`), never the raw path, so metric labels stay few. */
function routeOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const routes = matchedRoutes(c).filter((r) => r.method !== 'ALL');
  return routes.length ? routes[routes.length - 1].path : '(unmatched)';
}

/** One log line per request (time, request id, method, path without secrets, status, duration, user) and its metrics. */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = performance.now() - start;
    const route = routeOf(c);
    const status = c.res.status;
    observeRequest(c.req.method, route, status, ms / 1000);
    if (c.get('deps').config.logFormat === 'off') return;
    const url = c.req.url;
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    logLine(status >= 500 ? 'error' : 'info', 'request', {
      requestId: c.get('requestId'), method: c.req.method, path: safePath(url.slice(pathStart)), route, status,
      durationMs: Math.round(ms * 10) / 10, userId: c.get('user')?.id ?? null,
    });
  };
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The gauges read at scrape time: e-mail outbox, each job's queue, database connections. */
async function gauges(deps: AppEnv['Variables']['deps']): Promise<Gauge[]> {
  const { db } = deps;
  const mail = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('email_status', '=', 'pending').executeTakeFirstOrThrow();
  const queues = [{ labels: { queue: 'email' }, value: Number(mail.n) }];
  for (const job of registeredJobs()) if (job.pending) queues.push({ labels: { queue: job.name }, value: await job.pending(deps) });
  const pool = deps.dbStats?.() ?? { total: 1, idle: 0, waiting: 0, max: 1 };
  return [
    { name: 'coso_queue_length', help: 'Work waiting in each queue.', values: queues },
    { name: 'coso_db_connections', help: 'Database connections by state (SQLite: one connection).', values: [
      { labels: { state: 'total' }, value: pool.total }, { labels: { state: 'idle' }, value: pool.idle },
      { labels: { state: 'waiting_clients' }, value: pool.waiting }, { labels: { state: 'max' }, value: pool.max }] },
  ];
}

/** `GET /metrics` (Prometheus text): for a signed-in admin, or from this machine (loopback) for the scraper. */
export function metricsRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get('/metrics', allow('public'), async (c) => {
    const isAdmin = !!c.get('user')?.grants.some((g) => g.role === 'admin');
    if (!isAdmin && !LOOPBACK.test(c.get('ip'))) throw forbidden();
    return c.body(renderMetrics(await gauges(c.get('deps'))), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
  });
  return routes;
}
