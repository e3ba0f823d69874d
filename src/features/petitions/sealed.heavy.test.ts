/**
 * Denouncer protection, proved by search: every GET route of the whole app (pages, API, exports),
 * every notification and the audit log are searched, as each demo role and anonymously, for a sealed
 * denouncer's name and ID number. They may appear only in the audited reveal of the allowed people.
 * A control sender who is not sealed must be found by the same search (so the search can fail).
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { forEachDialect, createTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { DEMO_ACCOUNTS } from '../../seed.ts';
import { getUnitByKey } from '../units/index.ts';
import { localToday } from '../../platform/i18n/index.ts';

const NAME = 'Đoàn Thị Kín Tên';
const IDNO = '079188776655';
const VISITOR = 'Hà Văn Giấu Mặt';
const VISITOR_ID = '079177665544';
const CONTROL = 'Trần Văn Công Khai';
const SECRETS = [NAME, IDNO, VISITOR, VISITOR_ID];
// The walk looks up tracking codes with wrong keys many times: lift the failed-lookup limit for it.
process.env.PETITIONS_TRACK_LIMIT = '1000000/600';

/** Text of a response body: zip containers (XLSX, DOCX) are opened and all their XML read. */
async function textOf(r: Response): Promise<string> {
  const buf = Buffer.from(await r.arrayBuffer());
  if (buf.subarray(0, 2).toString('latin1') === 'PK') {
    const zip = await JSZip.loadAsync(buf);
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
    return parts.join('\n');
  }
  return buf.toString('utf8');
}

/**
 * Every GET path of the app with its params filled: petition and reception routes with each
 * candidate (case ids, tracking code, log id, unit id), other features' routes with a case id and a unit id.
 */
function getPaths(routes: readonly { method: string; path: string }[], candidates: string[], others: string[]): string[] {
  const paths = [...new Set(routes.filter((r) => r.method === 'GET').map((r) => r.path))];
  const out: string[] = [];
  for (const p of paths) {
    const clean = p.replace(/\*/g, 'x');
    if (!/:[A-Za-z]/.test(clean)) out.push(clean);
    else for (const v of /petition|reception/.test(p) ? candidates : others) out.push(clean.replace(/:[A-Za-z]+(\{(?:[^{}]|\{[^{}]*\})*\})?/g, v));
  }
  return out;
}

forEachDialect('sealed denouncer identity', (dialect) => {
  let t: TestApp;
  let commune: string, noiVu: string;
  let caseId: string, visitCaseId: string, controlId: string, logId: string, code: string, key: string;
  const users = DEMO_ACCOUNTS.map((a) => a.username);
  const agents = new Map<string, Agent>();
  const tokens = new Map<string, string>();

  before(async () => {
    t = await createTestApp(dialect);
    commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    noiVu = (await getUnitByKey(t.db, 'body:52:noi-vu'))!.id;
    for (const u of users) {
      agents.set(u, await t.as(u));
      tokens.set(u, await t.token(u));
    }
    const api = (user: string, path: string, body: unknown) => t.app.request(`/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${tokens.get(user)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // 1. A named denunciation from the public form, with every identity field.
    const r = await t.app.request('/api/v1/public/petitions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({
      senderName: NAME, senderIdNumber: IDNO, senderPhone: '0905123456', senderEmail: 'kin.ten@example.vn', senderAddress: 'Tổ 9, Phường Pleiku', anonymous: false,
      addressedUnitId: commune, title: 'Tố cáo cán bộ', content: 'Tố cáo cán bộ Sở Nội vụ nhận tiền khi giải quyết hồ sơ tuyển dụng.', kindHint: 'denunciation',
    }) });
    assert.equal(r.status, 201);
    ({ trackingCode: code, accessKey: key } = (await r.json()) as { trackingCode: string; accessKey: string });
    caseId = (await t.db.selectFrom('petitions').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
    assert.equal((await api('demo.commune', `/petitions/${caseId}/classify`, { kind: 'denunciation', field: 'conduct', accusedUnitId: noiVu })).status, 200);
    assert.equal((await api('demo.commune', `/petitions/${caseId}/accept`, { acceptedOn: localToday() })).status, 200);
    // 2. A denunciation told in person at the reception desk (the reception log keeps the visitor).
    const v = await api('demo.reception.commune', '/reception/visits', { unitId: commune, receivedOn: '24/11/2026', visitorName: VISITOR, visitorIdNumber: VISITOR_ID, visitorAddress: 'Tổ 10', peopleCount: 1, kind: 'denunciation', summary: 'Tố cáo việc thu tiền sai quy định ở tổ 10.' });
    assert.equal(v.status, 201);
    const vb = (await v.json()) as { id: string; petitionId: string };
    logId = vb.id;
    visitCaseId = vb.petitionId;
    // 3. The control: a complaint whose sender is not sealed.
    await t.db.deleteFrom('petition_intake_attempts').execute();
    const c = await t.app.request('/api/v1/public/petitions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ senderName: CONTROL, senderAddress: 'Tổ 1', anonymous: false, addressedUnitId: commune, title: 'Khiếu nại', content: 'Khiếu nại quyết định xử phạt số 77 về trật tự xây dựng.' }) });
    controlId = (await t.db.selectFrom('petitions').select('id').where('tracking_code', '=', ((await c.json()) as { trackingCode: string }).trackingCode).executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  // The walk runs on SQLite: on both databases the authorization sweep (test/security/authz-sweep.heavy.test.ts)
  // searches every GET answer of every role for the sealed identities, and what a name search can find is the
  // search text the application builds (the same for both dialects). Walking it twice cost CI about 3 minutes.
  if (dialect === 'sqlite') test('no GET route, export, search or public page shows the sealed identities, as any role or anonymously', async () => {
    const candidates = [caseId, visitCaseId, code, logId, commune];
    const paths = getPaths(t.app.routes as { method: string; path: string }[], candidates, [caseId, commune]);
    assert.ok(paths.length > 150, `walked ${paths.length} paths`);
    const leaks: string[] = [];
    let controlSeen = 0;
    let read = 0;
    let searched = 0;
    const fetchAs = async (user: string | null, url: string) => {
      const res = url.startsWith('/api/')
        ? await t.app.request(url, { headers: user ? { authorization: `Bearer ${tokens.get(user)}` } : {} })
        : user ? await agents.get(user)!.get(url) : await t.app.request(url);
      read++;
      if (res.status >= 500) leaks.push(`${user ?? 'anonymous'} ${url}: HTTP ${res.status}`);
      const text = await textOf(res);
      if (text.includes(CONTROL)) controlSeen++;
      return text;
    };
    const base = `key=${encodeURIComponent(key)}&code=${code}&month=2026-11`;
    const walk = async (user: string | null) => {
      const who = user ?? 'anonymous';
      for (const path of paths) {
        const sep = path.includes('?') ? '&' : '?';
        const text = await fetchAs(user, `${path}${sep}${base}`);
        for (const s of SECRETS) if (text.includes(s)) leaks.push(`${who} ${path}: ${s}`);
        if (/:/.test(path) || path.includes(caseId)) continue;
        // Search: a query by the denouncer's name or ID number must not find the sealed case.
        // (Pages echo the query, so the searched secret itself is not counted; the case code is.)
        const none = await fetchAs(user, `${path}${sep}q=zzqqxxkhongco`);
        // A page that does not keep the query in a search box has no search: searching it again adds nothing.
        if (!path.startsWith('/api/') && !none.includes('zzqqxxkhongco')) continue;
        searched++;
        for (const q of [NAME, IDNO]) {
          const found = await fetchAs(user, `${path}${sep}q=${encodeURIComponent(q)}`);
          for (const s of SECRETS.filter((x) => x !== q)) if (found.includes(s)) leaks.push(`${who} ${path}?q=${q}: ${s}`);
          if (!none.includes(code) && found.includes(code)) leaks.push(`${who} ${path}?q=${q}: finds the sealed case`);
        }
      }
    };
    const who = [null, ...users];
    for (let i = 0; i < who.length; i += 4) await Promise.all(who.slice(i, i + 4).map(walk));
    assert.deepEqual(leaks, []);
    assert.ok(read > 1000, `read ${read} responses`);
    assert.ok(searched > 100, `searched by name on only ${searched} paths × roles`);
    assert.ok(controlSeen > 0, 'the search finds an unsealed sender (it can fail)');
  });

  test('the control sender is found in the exports (CSV and XLSX) the same search reads', async () => {
    const a = agents.get('demo.commune')!;
    for (const p of ['/petitions/export.csv', '/petitions/export.xlsx', `/petitions/${controlId}`]) assert.ok((await textOf(await a.get(p))).includes(CONTROL), p);
    for (const p of ['/petitions/export.csv', '/petitions/export.xlsx', '/reception/log.csv', '/reception/log.xlsx']) {
      const text = await textOf(await a.get(p));
      assert.ok(text.includes('[niêm phong]'), `${p} shows the seal`);
    }
  });

  test('notifications (in-app and e-mail outbox) and the audit log never hold the sealed identities', async () => {
    const notes = await t.db.selectFrom('notifications').select(['title', 'body', 'link']).execute();
    assert.ok(notes.length > 0);
    const audit = await t.db.selectFrom('audit_events').selectAll().execute();
    const events = await t.db.selectFrom('petition_events').selectAll().execute();
    for (const s of SECRETS) {
      assert.ok(!JSON.stringify(notes).includes(s), `notifications: ${s}`);
      assert.ok(!JSON.stringify(audit).includes(s), `audit: ${s}`);
      assert.ok(!JSON.stringify(events).includes(s), `history: ${s}`);
    }
    const rows = JSON.stringify(await t.db.selectFrom('petitions').selectAll().execute()) + JSON.stringify(await t.db.selectFrom('reception_logs').selectAll().execute());
    for (const s of SECRETS) assert.ok(!rows.includes(s), `encrypted at rest: ${s}`);
  });

  test('reveal: only the assigned handler and the head of the handling unit, audited with the reason; never the accused unit', async () => {
    const reveal = async (user: string, id: string) => {
      const r = await t.app.request(`/api/v1/petitions/${id}/reveal`, { method: 'POST', headers: { authorization: `Bearer ${tokens.get(user)}`, 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'Xác minh nội dung tố cáo' }) });
      return { status: r.status, text: await r.text() };
    };
    const allowed: string[] = [];
    for (const u of users) {
      const r = await reveal(u, caseId);
      if (r.status === 200) {
        assert.ok(r.text.includes(NAME) && r.text.includes(IDNO));
        allowed.push(u);
      } else {
        assert.ok([403, 404].includes(r.status), `${u}: ${r.status}`);
        assert.ok(!r.text.includes(NAME));
      }
    }
    assert.deepEqual(allowed.sort(), ['demo.commune', 'demo.commune.head']);
    const audited = await t.db.selectFrom('audit_events').select(['changes', 'actor_id']).where('action', '=', 'petitions.reveal').where('subject_id', '=', caseId).execute();
    assert.equal(audited.length, 2);
    assert.ok(audited.every((e) => e.changes!.includes('Xác minh nội dung tố cáo')));
    // The page form: the same rule, the identity on the page only after the audited reveal.
    const head = agents.get('demo.commune.head')!;
    const page = await head.post(`/petitions/${caseId}/reveal`, { reason: 'Bảo vệ người tố cáo' });
    assert.equal(page.status, 200);
    assert.match(await page.text(), new RegExp(NAME));
    assert.equal((await agents.get('demo.leader')!.post(`/petitions/${caseId}/reveal`, { reason: 'x' })).status, 403);
    // Accused unit: the commune head handles a case accusing the commune itself: refused.
    await t.app.request(`/api/v1/petitions/${visitCaseId}/classify`, { method: 'POST', headers: { authorization: `Bearer ${tokens.get('demo.commune')}`, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'denunciation', field: 'conduct', accusedUnitId: commune }) });
    assert.equal((await reveal('demo.commune.head', visitCaseId)).status, 403);
    assert.equal((await reveal('demo.commune', visitCaseId)).status, 403);
  });
});
