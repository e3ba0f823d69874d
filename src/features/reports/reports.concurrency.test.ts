import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { apiCaller, apiConflict, inputValue, pageConflict, versionIn, type ApiCall } from '../../../test/helpers/concurrency.ts';
import { getUnitByKey } from '../units/index.ts';

type Section = { key: string; text: string };

/** Issue 17 item 4: two staff members writing one unit report (page form, autosave, API) do not silently overwrite each other. */
forEachDialect('reports: concurrent edits (optimistic concurrency)', (dialect) => {
  let t: TestApp;
  let call: ApiCall;
  let url: string;
  const sectionText = async (key: string) => ((await call('demo.commune', 'GET', url)).body.sections as Section[]).find((s) => s.key === key)!.text;
  before(async () => {
    t = await createTestApp(dialect);
    call = apiCaller(t.app, t.token);
    const periods = (await call('demo.coordinator', 'GET', '/report-periods')).body.items as { id: string; kind: string; due: string }[];
    const annual = periods.find((p) => p.kind === 'annual' && p.due.startsWith('2025'))!;
    url = `/reports/${annual.id}/${(await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id}`;
  });
  after(() => t.close());

  test('page: the second save is 409 with the first person’s text shown and its own text kept; a reload saves', async () => {
    assert.equal((await call('demo.commune', 'GET', url)).body.status, 'missing', 'the first save starts the report');
    const text = { a: 'Ban hành 3 văn bản chỉ đạo (officer).', b: 'Tổ chức 2 hội nghị đối thoại (head).' };
    await pageConflict({
      a: await t.as('demo.commune'), b: await t.as('demo.commune.head'), url, action: url,
      submit: (html, who) => ({ 's.item-1': text[who], lockVersion: inputValue(html, 'lockVersion') ?? '' }),
      shows: [text.a, 'Công chức phường (demo)'],
      keeps: [/<textarea id="f-s\.item-1" name="s\.item-1" rows="4">Tổ chức 2 hội nghị đối thoại \(head\)\.<\/textarea>/],
      unchanged: async () => assert.equal(await sectionText('item-1'), text.a),
    });
    assert.equal(await sectionText('item-1'), text.b, 'the reloaded form saved B’s text');
  });

  test('autosave: each answer carries the new version; a stale autosave is 409 (autosave stops), saves nothing; without a version 400', async () => {
    const [a, b] = [await t.as('demo.commune'), await t.as('demo.commune.head')];
    const v = versionIn(await (await a.get(url)).text());
    const bg = async (who: typeof a, lockVersion: number | null, text: string) => {
      const r = await who.request(url, { method: 'POST', body: new URLSearchParams({ _csrf: await who.csrf(), 's.limitations': text, ...(lockVersion === null ? {} : { lockVersion: String(lockVersion) }) }), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-coso-autosave': '1' } });
      return { status: r.status, body: await r.json() as Record<string, any> };
    };
    const first = await bg(a, v, 'Thiếu công chức chuyên trách');
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.lockVersion, v + 1);
    const stale = await bg(b, v, 'Kinh phí hạn chế');
    assert.equal(stale.status, 409, JSON.stringify(stale.body));
    assert.equal(stale.body.error, 'conflict');
    assert.match(stale.body.message, /^Đã dừng tự động lưu: người khác vừa lưu báo cáo này/);
    assert.equal(stale.body.currentVersion, v + 1);
    assert.equal(await sectionText('limitations'), 'Thiếu công chức chuyên trách');
    const next = await bg(a, first.body.lockVersion, 'Thiếu công chức chuyên trách; kinh phí hạn chế');
    assert.equal(next.status, 200, 'the next autosave with the version from the answer goes through');
    assert.equal(next.body.lockVersion, v + 2);
    const none = await bg(a, null, 'x');
    assert.equal(none.status, 400);
    assert.match(none.body.fields.lockVersion, /thiếu phiên bản dữ liệu/);
    const js = await (await t.agent().get('/reports/autosave.js')).text();
    assert.match(js, /x\.j\.lockVersion/, 'the script takes the version from each answer');
    assert.match(js, /x\.status === 409\) \{ stopped = true;/, 'and stops on a 409');
  });

  test('API: PUT with a stale lockVersion is 409 with currentVersion and the report as it is; without it 400', async () => {
    await apiConflict({
      call, users: ['demo.commune', 'demo.commune.head'], read: async () => (await call('demo.commune', 'GET', url)).body.lockVersion,
      write: { method: 'PUT', path: url, ok: 200 },
      body: (who) => ({ indicators: [], sections: [{ key: 'item-2', text: who === 'a' ? 'Văn bản A' : 'Văn bản B' }] }),
      current: (cur) => {
        assert.equal(cur.status, 'draft');
        assert.equal((cur.sections as Section[]).find((s) => s.key === 'item-2')!.text, 'Văn bản A');
      },
    });
    assert.equal(await sectionText('item-2'), 'Văn bản B');
  });

  test('sending and returning move the version on: a draft read before the return is stale afterwards', async () => {
    const sub = await call('demo.commune.head', 'POST', `${url}/submit`);
    assert.equal(sub.status, 200);
    const sent = await call('demo.commune', 'PUT', url, { indicators: [], sections: [], lockVersion: sub.body.lockVersion });
    assert.equal(sent.status, 409, 'a sent report is not editable');
    assert.equal(sent.body.error.currentVersion, sub.body.lockVersion);
    const ret = await call('demo.coordinator', 'POST', `${url}/return`, { comment: 'Bổ sung mục 2' });
    assert.equal(ret.status, 200);
    assert.equal(ret.body.lockVersion, sub.body.lockVersion + 1);
    const stale = await call('demo.commune', 'PUT', url, { indicators: [], sections: [{ key: 'item-2', text: 'Sửa theo bản cũ' }], lockVersion: sub.body.lockVersion });
    assert.equal(stale.status, 409);
    assert.match(stale.body.error.message, /Người khác đã lưu/);
    assert.equal(stale.body.error.current.status, 'returned');
    const fresh = await call('demo.commune', 'PUT', url, { indicators: [], sections: [{ key: 'item-2', text: 'Sửa theo ý kiến trả lại' }], lockVersion: ret.body.lockVersion });
    assert.equal(fresh.status, 200);
    assert.equal(await sectionText('item-2'), 'Sửa theo ý kiến trả lại');
    const huge = await call('demo.commune', 'PUT', url, { indicators: [], sections: [], lockVersion: 2 ** 40 });
    assert.equal(huge.status, 409, 'a version past the column’s range is stale, not a 500 (PostgreSQL integer)');
  });
});
