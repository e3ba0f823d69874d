import type { Context } from 'hono';
import { createHash } from 'node:crypto';

/** A public, cacheable answer: strong ETag on the bytes, 304 when the client has them, five minutes' cache. */
export function cacheable(c: Context, body: string, contentType: string, extra: Record<string, string> = {}): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { 'Content-Type': contentType, ETag: etag, 'Cache-Control': 'public, max-age=300', ...extra };
  if ((c.req.header('if-none-match') ?? '').split(',').some((t) => t.trim() === etag)) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}
