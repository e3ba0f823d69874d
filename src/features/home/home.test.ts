import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, forEachDialect, type TestApp } from '../../../test/helpers/app.ts';

const headerLinks = (html: string) => [...(html.split('aria-label="Điều hướng chính"')[1] ?? '').split('</ul>')[0].matchAll(/href="([^"]+)"/g)].map((m) => m[1]);

forEachDialect('navigation by work area', (dialect) => {
  let t: TestApp;
  before(async () => { t = await createTestApp(dialect); });
  after(() => t.close());

  test('the header holds a few work areas, each listing only the pages the user may enter', async () => {
    const commune = await t.as('demo.commune');
    const home = await (await commune.get('/')).text();
    const areas = headerLinks(home);
    assert.ok(areas.length >= 4 && areas.length <= 8, `${areas}`);
    assert.ok(areas.every((h) => h.startsWith('/areas/')));
    assert.ok(!areas.includes('/areas/system'), 'no administration area for a commune officer');
    assert.match(home, /<a href="\/areas\/work">Kế hoạch, báo cáo<\/a>/, 'the home page links every work area');
    const work = await commune.get('/areas/work');
    assert.equal(work.status, 200);
    const workHtml = await work.text();
    assert.match(workHtml, /<h1 id="area-work">Kế hoạch, báo cáo<\/h1>/);
    assert.match(workHtml, /<a href="\/tasks">Nhiệm vụ<\/a>/, 'the area page lists its pages');
    assert.match(workHtml, /aria-current="page"[^>]*>Kế hoạch, báo cáo|href="\/areas\/work" aria-current="page"/);
    assert.equal((await commune.get('/areas/system')).status, 404);
    assert.match(await (await commune.get('/tasks')).text(), /href="\/areas\/work" aria-current="page"/, 'a page marks its area as current');
    const admin = await t.as('demo.admin');
    assert.match(await (await admin.get('/areas/system')).text(), /href="\/audit"/);
  });

  test('anonymous visitors see the public area only', async () => {
    const res = await t.app.request('/');
    const html = await res.text();
    assert.deepEqual(headerLinks(html), ['/areas/public']);
    assert.match(html, /href="\/public\/petitions\/new"/);
    assert.equal((await t.app.request('/areas/work')).status, 404);
  });
});

test('every page in the navigation belongs to a named work area (none falls into "Khác")', async () => {
  const { navByArea } = await import('../../platform/views/layout.tsx');
  const { createTestApp: make } = await import('../../../test/helpers/app.ts');
  const t = await make('sqlite');
  try {
    const admin = await t.as('demo.admin');
    const html = await (await admin.get('/')).text();
    assert.ok(!html.includes('href="/areas/other"'), 'no "other" area for the admin, who sees every page');
    assert.ok(navByArea(null).length >= 1);
  } finally {
    await t.close();
  }
});
