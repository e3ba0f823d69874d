import type { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Role } from '../authz/index.ts';
import type { Messages } from '../i18n/index.ts';
import type { AppEnv } from './context.ts';
import type { Db } from '../db/index.ts';

/** A feature's manifest: what app.ts mounts and registers. */
/**
 * What a feature's demo seed gets: the province, today's date from the product clock, and two
 * helpers to tell a story relative to it on any date: `workday(n)` is the last working day on or
 * before n days ago (n < 0: after), `at(date, fn)` runs fn with the clock at 09:00 on that date, so
 * services that stamp "today" (acceptance, resolution, forwarding) write that day.
 */
export interface SeedContext {
  provinceCode: string;
  today: string;
  workday(daysAgo: number): string;
  at<T>(date: string, fn: () => Promise<T>): Promise<T>;
}

export interface Feature {
  name: string;
  /** Action -> roles allowed (deny by default). */
  actions?: Record<string, readonly Role[]>;
  messages?: { vi: Messages; en: Messages };
  nav?: { href: string; labelKey: string; permission: string; order: number }[];
  /** Pages and form handlers, mounted at '/'. */
  pages?: Hono<AppEnv>;
  /** JSON API, mounted at '/api/v1'. */
  api?: OpenAPIHono<AppEnv>;
  /** Demo data for this feature, run once after the base demo seed (units, accounts) on an empty database. */
  seedDemo?: (db: Db, ctx: SeedContext) => Promise<void>;
}
