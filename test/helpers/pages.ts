import assert from 'node:assert/strict';

type Json = Record<string, any>;

/**
 * Every item of a paginated API list (`{ items, next }`), following `next` at `limit` a page; also
 * returns the first page's body (for members beside the items, such as a summary).
 */
export async function allPages(get: (path: string) => Promise<{ status: number; body: Json }>, path: string, limit = 200): Promise<{ items: Json[]; first: Json }> {
  const url = (cursor?: string) => `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
  const items: Json[] = [];
  let first: Json | undefined;
  for (let r = await get(url()); ; r = await get(url(r.body.next))) {
    assert.equal(r.status, 200, JSON.stringify(r.body));
    first ??= r.body;
    items.push(...r.body.items);
    if (!r.body.next) return { items, first };
  }
}
