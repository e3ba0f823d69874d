/**
 * Size budget of the public pages: an anonymous visitor crawls the demo data from every public GET
 * route (the route table gives the entry points; links on the pages give the rest, ids included),
 * and every HTML page must be at most 30 KB, so that a citizen on a slow phone network gets it in a
 * few seconds (issue 14 item 5). A byte budget, not a timing test.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { routeTable } from '../helpers/routes.ts';

const BUDGET = 30 * 1024;
const PER_SHAPE = 4;
/** A link's shape: ids and numbers replaced, query values dropped (`/board/:id?page`). */
const shape = (href: string) => {
  const [p, q = ''] = href.split('?');
  return `${p.replace(/\/[0-9a-f-]{8,}|\/\d+/gi, '/:id')}?${[...new URLSearchParams(q).keys()].sort().join('&')}`;
};
let t: TestApp;
before(async () => { t = await createTestApp('sqlite'); });
after(() => t.close());

/** Same-origin page links of an HTML page (no static files, API, feeds, downloads or other languages). */
function links(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
    const href = m[1].replace(/&amp;/g, '&');
    if (/^\/(static|api)\//.test(href) || /\.(csv|xlsx|docx|json|atom|svg|ics|pdf)(\?|$)/.test(href) || /[?&](lang|format)=/.test(href)) continue;
    out.push(href);
  }
  return out;
}

/** Pages of the demo data no list links to by default: the busiest unit's board and consultations, every consultation, a few receipts. */
async function demoEntries(): Promise<string[]> {
  const busiest = await t.db.selectFrom('disclosures').select(['unit_id', (e) => e.fn.countAll().as('n')]).groupBy('unit_id').orderBy('n', 'desc').limit(2).execute();
  const consultations = await t.db.selectFrom('consultations').select('id').execute();
  const petitions = await t.db.selectFrom('petitions').select('tracking_code').limit(3).execute();
  return [
    ...busiest.flatMap((u) => [`/board/${u.unit_id}`, `/consult/unit/${u.unit_id}`]),
    ...consultations.flatMap((c) => [`/consult/${c.id}`, `/consult/${c.id}/report`]),
    ...petitions.map((p) => `/public/petitions/${p.tracking_code}/receipt`),
  ];
}

test('every public page of the demo data is at most 30 KB of HTML', async () => {
  const routes = routeTable(t.app.routes as never).filter((r) => r.method === 'GET' && r.permissions.includes('public') && !r.path.startsWith('/api/') && !r.path.startsWith('/static'));
  const queue = [...routes.filter((r) => !r.path.includes(':') && !r.path.includes('*')).map((r) => r.path), ...await demoEntries()];
  const seen = new Set<string>(queue);
  const shapes = new Map<string, number>();
  const sizes: [string, number][] = [];
  const agent = t.agent();
  while (queue.length && sizes.length < 600) {
    const p = queue.shift()!;
    const res = await agent.get(p);
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) { await res.arrayBuffer(); continue; }
    const html = await res.text();
    sizes.push([p, Buffer.byteLength(html)]);
    for (const l of links(html)) {
      // a few pages per path shape and query keys bound each template; the largest units are in the demo
      const k = shape(l);
      if (seen.has(l) || (shapes.get(k) ?? 0) >= PER_SHAPE) continue;
      seen.add(l); shapes.set(k, (shapes.get(k) ?? 0) + 1); queue.push(l);
    }
  }
  if (process.env.COSO_SIZES) for (const [p, n] of [...sizes].sort((a, b) => b[1] - a[1])) process.stdout.write(`${(n / 1024).toFixed(1).padStart(7)} KB  ${p}\n`);
  assert.ok(sizes.length >= 20, `crawled only ${sizes.length} public pages`);
  for (const must of ['/', '/board', '/showcase/exemplars', '/public/map', '/open-data', '/public/petitions/track']) assert.ok(sizes.some(([p]) => p === must), `not crawled: ${must}`);
  const over = sizes.filter(([, n]) => n > BUDGET).map(([p, n]) => `${p} ${(n / 1024).toFixed(1)} KB`);
  assert.deepEqual(over, [], `public pages above 30 KB: ${over.join(', ')}`);
});
