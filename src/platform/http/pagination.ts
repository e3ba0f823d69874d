import { z } from '@hono/zod-openapi';

/** Page size of every API list when the caller names none, and the most one page may hold. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** The opaque cursor of the page starting at `offset` (clients pass back `next`, never build it). */
export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

/** The offset behind a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

/**
 * The query fields of a paginated list: `limit` (1–200, default 50) and `cursor` (the `next` of the
 * previous page). Bad values give 400 with the field named (Vietnamese by default).
 */
export const pageQuery = {
  limit: z.coerce.number({ message: 'validation.limit' }).int('validation.limit').min(1).max(MAX_LIMIT).optional()
    .openapi({ description: `Page size, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT})` }),
  cursor: z.string().max(64).refine((s) => decodeCursor(s) !== null, 'validation.cursor').optional()
    .openapi({ description: 'The `next` of the previous page' }),
};

/** Limit and offset of a validated page query. */
export function pageOf(q: { limit?: number; cursor?: string }): { limit: number; offset: number } {
  return { limit: q.limit ?? DEFAULT_LIMIT, offset: q.cursor ? (decodeCursor(q.cursor) ?? 0) : 0 };
}

/**
 * One page from rows read with `limit + 1` (the extra row only says whether a next page exists):
 * `{ items, next }`, `next` being the cursor of the following page or null on the last.
 */
export function pageFrom<T>(rows: T[], p: { limit: number; offset: number }): { items: T[]; next: string | null } {
  const more = rows.length > p.limit;
  return { items: more ? rows.slice(0, p.limit) : rows, next: more ? encodeCursor(p.offset + p.limit) : null };
}

/** The response schema of a paginated list of `item`. */
export const pageSchema = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item), next: z.string().nullable() });

/** The page number of a paginated HTML page (`?page=`): 1 when missing or not a number, at most `max`. */
export const pageNumber = (raw: string | undefined, max = 10_000) => Math.max(1, Math.min(max, Number.parseInt(raw ?? '1', 10) || 1));
