import type { AppDeps } from '../http/context.ts';
import { nowIso } from '../db/index.ts';
import { nowMs } from '../clock.ts';
import { sql } from 'kysely';
import { logLine } from '../ops/log.ts';
import { observeJob } from '../ops/metrics.ts';

const running = new Set<Promise<void>>();

/**
 * Background work off the request path. Each job runs on an interval in whichever process holds
 * its lease (a row in `job_leases`), so several app processes never run the same job at once.
 * State lives in the database; a restart simply resumes.
 */
export interface Job {
  name: string; everyMs: number; run: (deps: AppDeps) => Promise<string | void>;
  /** How much work waits for this job (for the `coso_queue_length` metric). */
  pending?: (deps: AppDeps) => Promise<number>;
}
const jobs: Job[] = [];

/** Registers a job (features do this from their index.ts). */
export function registerJob(job: Job): void {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job);
}

export function registeredJobs(): readonly Job[] {
  return jobs;
}

/** Takes the lease of a job for `ms`; false when another process holds it. */
async function takeLease(deps: AppDeps, name: string, ms: number): Promise<boolean> {
  const now = nowIso();
  const until = new Date(nowMs() + ms).toISOString();
  const { db } = deps;
  const row = await db.selectFrom('job_leases').select('locked_until').where('name', '=', name).executeTakeFirst();
  if (!row) {
    try {
      await db.insertInto('job_leases').values({ name, locked_until: until, last_run_at: null, last_result: null, runs: 0 }).execute();
      return true;
    } catch {
      return false;
    }
  }
  const r = await db.updateTable('job_leases').set({ locked_until: until }).where('name', '=', name).where('locked_until', '<', now).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * How long a run holds its job: a little less than the interval, so the same process's next tick
 * (timers fire a few ms early or late) finds it free, while another process's tick in between does not.
 */
export function leaseMs(job: Job): number {
  return Math.max(job.everyMs - 1000, Math.floor(job.everyMs * 0.8));
}

/** Runs one job now if its lease is free, recording the outcome (job_leases, a log line, the metrics). */
export function runJob(deps: AppDeps, job: Job): Promise<void> {
  const p = runOnce(deps, job).finally(() => running.delete(p));
  running.add(p);
  return p;
}

async function runOnce(deps: AppDeps, job: Job): Promise<void> {
  if (!(await takeLease(deps, job.name, leaseMs(job)))) return;
  const start = performance.now();
  let result: string;
  let outcome: 'ok' | 'error' = 'ok';
  try {
    result = (await job.run(deps)) || 'ok';
  } catch (e) {
    outcome = 'error';
    result = `error: ${e instanceof Error ? e.message : String(e)}`;
  }
  observeJob(job.name, outcome);
  if (deps.config.logFormat !== 'off' || outcome === 'error') {
    logLine(outcome === 'ok' ? 'info' : 'error', 'job', { job: job.name, outcome, durationMs: Math.round(performance.now() - start), result: result.slice(0, 200) });
  }
  await deps.db.updateTable('job_leases').set({ last_run_at: nowIso(), last_result: result.slice(0, 500), runs: sql<number>`coalesce(runs, 0) + 1` }).where('name', '=', job.name).execute();
}

/** Waits for the jobs running now to finish (graceful shutdown); false when `ms` passed first. */
export async function drainJobs(ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((res) => { timer = setTimeout(() => res(false), ms); });
  const done = Promise.allSettled(running).then(() => true);
  const r = await Promise.race([done, timeout]);
  clearTimeout(timer);
  return r;
}

/** Starts every registered job on its interval; returns a stop function. */
export function startJobs(deps: AppDeps): () => void {
  const timers = jobs.flatMap((job) => {
    const tick = () => void runJob(deps, job);
    const t = setInterval(tick, job.everyMs);
    t.unref();
    const first = setTimeout(tick, 2000);
    first.unref();
    return [t, first];
  });
  return () => timers.forEach((t) => clearTimeout(t));
}
