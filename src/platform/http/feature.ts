import type { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Role } from '../authz/index.ts';
import type { Messages } from '../i18n/index.ts';
import type { AppEnv } from './context.ts';
import type { Db } from '../db/index.ts';

/** A feature's manifest: what app.ts mounts and registers. */
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
  seedDemo?: (db: Db, ctx: { provinceCode: string; today: string }) => Promise<void>;
}
