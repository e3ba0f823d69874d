import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** A stylesheet or script served from memory: hashed, compressed once at start. */
export interface StaticAsset {
  /** The URL to put in pages: the path with the content hash (`?v=…`), so it may be cached for a year. */
  href: string;
  /** Answers a GET of the asset (304 on a matching ETag; brotli or gzip when the client takes it). */
  serve(c: Context): Response;
}

const YEAR = 'public, max-age=31536000, immutable';

/**
 * Makes a static asset of `path`. Pages link `href` (versioned by content hash), which is cached for a
 * year; the bare path (old pages, bookmarks) is cached for an hour. Compression happens here, once.
 */
export function staticAsset(path: string, body: string, contentType: string): StaticAsset {
  const raw = Buffer.from(body, 'utf8');
  const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 12);
  const etag = `"${hash}"`;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const gz = gzipSync(raw, { level: 9 });
  const href = `${path}?v=${hash}`;
  return {
    href,
    serve(c) {
      const headers: Record<string, string> = {
        'Content-Type': contentType, ETag: etag, Vary: 'Accept-Encoding',
        'Cache-Control': c.req.query('v') === hash ? YEAR : 'public, max-age=3600',
      };
      if ((c.req.header('if-none-match') ?? '').split(',').some((t) => t.trim() === etag)) return c.body(null, 304, headers);
      const accept = c.req.header('accept-encoding') ?? '';
      if (/\bbr\b/.test(accept)) return c.body(new Uint8Array(br), 200, { ...headers, 'Content-Encoding': 'br' });
      if (/\bgzip\b/.test(accept)) return c.body(new Uint8Array(gz), 200, { ...headers, 'Content-Encoding': 'gzip' });
      return c.body(new Uint8Array(raw), 200, headers);
    },
  };
}
