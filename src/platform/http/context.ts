import type { Context } from 'hono';
import type { CurrentUser } from '../authz/index.ts';
import type { Actor, OfflineCapture } from '../audit/index.ts';
import type { Db, Dialect } from '../db/index.ts';
import type { Lang, T } from '../i18n/index.ts';
import type { LocaleStore } from '../i18n/locales.ts';
import type { Config } from '../../config.ts';

/** Services every handler can reach through `c.var`. */
export interface AppDeps {
  db: Db;
  dialect: Dialect;
  config: Config;
  /** Connection pool use (PostgreSQL), for /metrics. */
  dbStats?: () => { total: number; idle: number; waiting: number; max: number };
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    user: CurrentUser | null;
    /** Vietnamese or English, for data that has both (an additional language reads Vietnamese data). */
    lang: Lang;
    /** The language the page is shown in: vi, en or an additional language's code. */
    locale: string;
    locales: LocaleStore;
    /** Additional languages offered in the language switch. */
    languages: { code: string; name: string }[];
    t: T;
    /** The CSRF token: the valid cookie's, or one made for a form (read it through `csrfToken`). */
    csrf: string | undefined;
    requestId: string;
    ip: string;
    auditCount: number;
    isApi: boolean;
    /** Set by the `idempotent()` middleware when the request carries an `Idempotency-Key`. */
    offline: OfflineCapture | undefined;
  };
};

export type Ctx = Context<AppEnv>;

/** The actor of the current request, for audit events. */
export function actorOf(c: Ctx): Actor {
  const user = c.get('user');
  return {
    userId: user?.id ?? null,
    name: user?.username ?? null,
    ip: c.get('ip'),
    requestId: c.get('requestId'),
    onRecord: () => c.set('auditCount', (c.get('auditCount') ?? 0) + 1),
    offline: c.get('offline'),
  };
}
