import assert from 'node:assert/strict';
import type { Agent } from './app.ts';
import type { Db } from '../../src/platform/db/index.ts';
import type { VersionedTable } from '../../src/platform/http/concurrency.ts';

type Json = Record<string, any>;

/** The value of a named `<input>` in a page (first match), entities left as sent. */
export function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*name="${name.replace(/[.]/g, '\\.')}"[^>]*>`).exec(html)?.[0];
  return tag ? /value="([^"]*)"/.exec(tag)?.[1] : undefined;
}

/** The `lockVersion` a page's form carries. */
export const versionIn = (html: string) => Number(inputValue(html, 'lockVersion'));

/** The conflict panel of a 409 page (the other person's values). */
const panelOf = (html: string) => {
  const at = html.indexOf('id="f-lockVersion"');
  return at < 0 ? '' : html.slice(at, html.indexOf('</div>', at));
};

/**
 * The page flow of two people editing one object: both load the form, A saves (303); B's stale save
 * gets 409 showing A's values in the conflict panel and B's own input in the form, and changes nothing;
 * a form without its version is a 400 naming the field; B reloads and saves (303).
 */
export async function pageConflict(p: {
  a: Agent; b: Agent; url: string; action: string; submit: (html: string, who: 'a' | 'b') => Record<string, string>;
  shows: string[]; keeps: RegExp[]; unchanged: () => Promise<void>;
}): Promise<void> {
  const pa = await (await p.a.get(p.url)).text();
  const pb = await (await p.b.get(p.url)).text();
  const v = versionIn(pa);
  assert.ok(Number.isInteger(v) && versionIn(pb) === v, `both forms carry the same version (${v})`);
  const ra = await p.a.post(p.action, p.submit(pa, 'a'));
  assert.equal(ra.status, 303, (await ra.text()).slice(0, 800));
  const rb = await p.b.post(p.action, p.submit(pb, 'b'));
  const html = await rb.text();
  assert.equal(rb.status, 409, html.slice(0, 800));
  assert.match(html, /Người khác đã lưu thay đổi trong lúc bạn đang sửa/);
  const panel = panelOf(html);
  for (const s of p.shows) assert.ok(panel.includes(s), `the 409 page shows the other person's "${s}": ${panel.slice(0, 600)}`);
  for (const re of p.keeps) assert.match(html, re, 'B’s own input is kept in the form');
  assert.ok(versionIn(html) > v, 'the 409 form carries the current version');
  await p.unchanged();
  const { lockVersion: _, ...old } = p.submit(pb, 'b');
  const r400 = await p.b.post(p.action, old);
  const t400 = await r400.text();
  assert.equal(r400.status, 400, t400.slice(0, 500));
  assert.match(t400, /thiếu phiên bản dữ liệu/);
  const fresh = await (await p.b.get(p.url)).text();
  const rs = await p.b.post(p.action, p.submit(fresh, 'b'));
  assert.equal(rs.status, 303, (await rs.text()).slice(0, 800));
}

export type ApiCall = (user: string, method: string, path: string, body?: unknown) => Promise<{ status: number; body: Json }>;

/**
 * The API flow: both read the version, A writes; B's stale write is 409 in the shared error shape with
 * `currentVersion` and the object as A left it; without `lockVersion` 400 naming it; B reads again and writes.
 */
export async function apiConflict(p: {
  call: ApiCall; users: [string, string]; read: () => Promise<number>; write: { method: string; path: string; ok: number };
  body: (who: 'a' | 'b') => Json; current: (cur: Json) => void;
}): Promise<void> {
  const [ua, ub] = p.users;
  const v = await p.read();
  const ra = await p.call(ua, p.write.method, p.write.path, { ...p.body('a'), lockVersion: v });
  assert.equal(ra.status, p.write.ok, JSON.stringify(ra.body));
  const rb = await p.call(ub, p.write.method, p.write.path, { ...p.body('b'), lockVersion: v });
  assert.equal(rb.status, 409, JSON.stringify(rb.body));
  assert.equal(rb.body.error.code, 'conflict');
  assert.match(rb.body.error.message, /Người khác đã lưu/);
  assert.ok(rb.body.error.fields.lockVersion);
  assert.equal(rb.body.error.currentVersion, await p.read());
  assert.ok(rb.body.error.currentVersion > v);
  p.current(rb.body.error.current);
  const r400 = await p.call(ub, p.write.method, p.write.path, p.body('b'));
  assert.equal(r400.status, 400, JSON.stringify(r400.body));
  assert.ok(r400.body.error.fields.lockVersion, 'the missing field is named');
  const rs = await p.call(ub, p.write.method, p.write.path, { ...p.body('b'), lockVersion: await p.read() });
  assert.equal(rs.status, p.write.ok, JSON.stringify(rs.body));
}

/** An API caller with one Bearer token per user. */
export function apiCaller(app: { request: (p: string, init: RequestInit) => Response | Promise<Response> }, token: (user: string) => Promise<string>): ApiCall {
  const tokens = new Map<string, string>();
  return async (user, method, path, body) => {
    if (!tokens.has(user)) tokens.set(user, await token(user));
    const headers: Record<string, string> = { authorization: `Bearer ${tokens.get(user)}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await app.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Json };
  };
}

/** For tests not about concurrency: the row's current `lockVersion`, as a client that has just read it sends. */
export async function currentVersion(db: Db, table: VersionedTable, id: string): Promise<number> {
  const r = await db.selectFrom(table).select('lock_version').where('id', '=', id).executeTakeFirst();
  return Number(r?.lock_version ?? 0);
}
