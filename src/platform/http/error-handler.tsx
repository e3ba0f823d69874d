import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.ts';
import { HttpError } from './errors.ts';
import { translator } from '../i18n/index.ts';

function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof HTTPException) {
    const s = err.status;
    if (s === 413) return new HttpError(413, 'too_large', 'error.tooLarge');
    if (s === 401) return new HttpError(401, 'unauthorized', 'error.unauthorized');
    if (s === 403) return new HttpError(403, 'forbidden', 'error.forbidden');
    if (s >= 400 && s < 500) return new HttpError(400, 'bad_request', 'error.invalidBody');
  }
  if (err instanceof SyntaxError || (err instanceof TypeError && /body|form|multipart|json/i.test(err.message))) {
    return new HttpError(400, 'invalid_body', 'error.invalidBody');
  }
  const code = (err as { code?: unknown } | null)?.code;
  // Safety nets for input no validator caught, found by the fuzz: PostgreSQL cannot store a NUL character
  // in text (22021), and a reference to a row that does not exist breaks a foreign key (SQLite, PostgreSQL
  // 23503). Both are the client's input, not a server fault: 400, and the transaction has rolled back.
  if (code === '22021' || code === '22P05') return new HttpError(400, 'invalid_characters', 'error.invalidCharacters');
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return new HttpError(400, 'invalid_reference', 'error.invalidReference');
  return new HttpError(500, 'internal', 'error.internal');
}

/** One error path: the API answers `{error:{code,message,fields}}`, pages an error page; never leaks a stack. */
export function handleError(err: unknown, c: Context<AppEnv>) {
  const e = toHttpError(err);
  if (e.status === 500) console.error(`[${c.get('requestId')}]`, err);
  const t = c.get('t') ?? translator('vi');
  const message = t(e.messageKey, e.params);
  if (e.status === 429) c.header('Retry-After', '900');
  if (c.get('isApi') ?? c.req.path.startsWith('/api/')) {
    return c.json({ error: { code: e.code, message, ...(e.fields ? { fields: e.fields } : {}), ...e.extra } }, e.status);
  }
  if (e.status === 401 && c.req.method === 'GET') {
    return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
  }
  c.status(e.status);
  return c.render(
    <>
      <h1>{message}</h1>
      {e.fields && <ul>{Object.entries(e.fields).map(([k, v]) => <li>{k}: {v}</li>)}</ul>}
      <p><a href="/">{t('nav.home')}</a></p>
      <p class="muted">{t('error.requestId', { id: c.get('requestId') ?? '' })}</p>
    </>,
    { title: message },
  );
}

/** 404 for unknown routes, in the same shapes. */
export function handleNotFound(c: Context<AppEnv>) {
  return handleError(new HttpError(404, 'not_found', 'error.notFound'), c);
}
