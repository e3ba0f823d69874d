import type { AppDeps } from '../http/context.ts';
import { nowIso } from '../db/index.ts';
import { nowMs } from '../clock.ts';
import { sql } from 'kysely';

/**
 * Background work off the request path. Each job runs on an interval in whichever process holds
 * its lease (a row in `job_leases`), so several app processes never run the same job at once.
 * State lives in the database; a restart simply resumes.
 */
export interface Job { name: string; everyMs: number; run: (deps: AppDeps) => Promise<string | void> }
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

/** Runs one job now if its lease is free, recording the outcome. */
export async function runJob(deps: AppDeps, job: Job): Promise<void> {
  if (!(await takeLease(deps, job.name, leaseMs(job)))) return;
  let result: string;
  try {
    result = (await job.run(deps)) || 'ok';
  } catch (e) {
    result = `error: ${e instanceof Error ? e.message : String(e)}`;
    console.error(`[job ${job.name}]`, e);
  }
  await deps.db.updateTable('job_leases').set({ last_run_at: nowIso(), last_result: result.slice(0, 500), runs: sql<number>`coalesce(runs, 0) + 1` }).where('name', '=', job.name).execute();
}

/** Starts every registered job on its interval; returns a stop function. */
export function startJobs(deps: AppDeps): () => void {
  const timers = jobs.map((job) => {
    const tick = () => void runJob(deps, job);
    const t = setInterval(tick, job.everyMs);
    t.unref();
    setTimeout(tick, 2000).unref();
    return t;
  });
  return () => timers.forEach(clearInterval);
}
