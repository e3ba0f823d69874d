import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { translator, translatorOver, type Lang } from '../i18n/index.ts';
import type { LocaleStore } from '../i18n/locales.ts';
import { HttpError } from './errors.ts';
import type { AppDeps, AppEnv } from './context.ts';

/** Puts the shared services on the context and gives each request an id and the client's IP. */
export function contextMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    c.set('requestId', c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID());
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    const forwarded = deps.config.trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    c.set('ip', forwarded || incoming?.socket?.remoteAddress || '127.0.0.1');
    c.set('auditCount', 0);
    c.set('isApi', c.req.path.startsWith('/api/'));
    await next();
    c.header('X-Request-Id', c.get('requestId'));
  };
}

/**
 * Vietnamese by default; `?lang=` switches (vi, en or an additional language of `store`) and is
 * remembered in a cookie. Additional languages fall back to Vietnamese per string.
 */
export function languageMiddleware(store: LocaleStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.get('deps');
    const q = c.req.query('lang');
    const wanted = q ?? getCookie(c, 'lang') ?? 'vi';
    const extra = wanted === 'vi' || wanted === 'en' ? undefined : await store.get(db, wanted);
    const locale = extra ? extra.code : wanted === 'en' ? 'en' : 'vi';
    if (q && q === locale) setCookie(c, 'lang', q, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
    const lang: Lang = locale === 'en' ? 'en' : 'vi';
    c.set('lang', lang);
    c.set('locale', locale);
    c.set('locales', store);
    c.set('t', extra ? translatorOver(extra.messages) : translator(lang));
    c.set('languages', c.get('isApi') ? [] : (await store.all(db)).filter((l) => l.listed || l.code === locale).map((l) => ({ code: l.code, name: l.name })));
    await next();
  };
}

/** Security headers: CSP without inline scripts, nosniff, no framing, strict referrer. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"], formAction: ["'self'"], baseUri: ["'self'"], objectSrc: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    xContentTypeOptions: 'nosniff',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Form CSRF check (double-submit): a state-changing page request must carry `_csrf` equal to the
 * cookie token. Runs before the handlers, so no handler can forget it.
 */
export function csrfCheck(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const m = c.req.method;
    if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || c.get('isApi')) return next();
    const ct = c.req.header('content-type') ?? '';
    let sent: unknown;
    if (ct.includes('application/x-www-form-urlencoded') || ct.includes('multipart/form-data')) {
      try {
        sent = (await c.req.parseBody())['_csrf'];
      } catch {
        throw new HttpError(400, 'invalid_body', 'error.invalidBody');
      }
    }
    const cookie = getCookie(c, 'coso_csrf');
    if (!cookie || typeof sent !== 'string' || sent !== cookie) throw new HttpError(403, 'csrf', 'error.csrf');
    await next();
  };
}

/**
 * "Every change is audited", second line of defence: a successful state-changing request that wrote
 * no audit event is answered with an error in every environment (and logged). The first line is
 * `inTransaction`, which rolls back a transaction that wrote rows without an audit event.
 */
export function auditGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const m = c.req.method;
    if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return;
    if (c.res.status >= 400 || c.get('auditCount') > 0) return;
    if ((c.res.headers.get('x-coso-no-change') ?? '') === '1') return;
    console.error(`[${c.get('requestId')}] unaudited state change: ${m} ${c.req.path} -> ${c.res.status}`);
    c.res = new Response(JSON.stringify({ error: { code: 'unaudited', message: c.get('t')('error.internal') } }), { status: 500, headers: { 'content-type': 'application/json' } });
  };
}
