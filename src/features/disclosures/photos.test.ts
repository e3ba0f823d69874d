/**
 * Photos of a posted notice as evidence, through the API (the offline capture page sends them later
 * with an Idempotency-Key): staff of the disclosing unit only, checked by content like the staff
 * form's photo, stored as the sender's own upload, audited with both times, never twice, and refused
 * with 409 (the posting as it now is) once the posting was taken down.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { localDateOf, localToday, nowMs } from '../../platform/clock.ts';
import { getUnitByKey } from '../units/index.ts';

type Json = Record<string, any>;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 3)]);

forEachDialect('disclosures: a photo of the posted notice through the API', (dialect) => {
  let t: TestApp;
  let token: string;
  let id: string;
  const send = (who: string, disclosure: string, file: File, headers: Record<string, string> = {}) => {
    const body = new FormData();
    body.append('file', file);
    return t.app.request(`/api/v1/disclosures/${disclosure}/photos`, { method: 'POST', headers: { authorization: `Bearer ${who}`, ...headers }, body });
  };
  const disclose = async (on = localToday()) => {
    const commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    const r = await t.app.request('/api/v1/disclosures', {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ unitId: commune, itemCode: 'c07', title: 'Danh sách hộ nghèo', decisionOn: on, postedOn: on, forms: ['posting'] }),
    });
    assert.equal(r.status, 201);
    return ((await r.json()) as Json).id as string;
  };

  before(async () => {
    t = await createTestApp(dialect);
    token = await t.token('demo.commune');
    id = await disclose();
  });
  after(() => t.close());

  test('staff of the unit add a photo once (a retry replays), the audit has both times, the board serves it', async () => {
    const key = randomUUID();
    const capturedAt = new Date(nowMs() - 3 * 3600_000).toISOString();
    const headers = { 'idempotency-key': key, 'x-captured-at': capturedAt };
    const first = await send(token, id, new File([PNG], 'bang-tin.png', { type: 'image/png' }), headers);
    assert.equal(first.status, 201, await first.clone().text());
    const answer = (await first.json()) as Json;
    const again = await send(token, id, new File([PNG], 'bang-tin.png', { type: 'image/png' }), headers);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), answer);
    const d = await t.db.selectFrom('disclosures').select('forms').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(d.forms)[0].photoFileId, answer.fileId);
    const me = await t.db.selectFrom('users').select('id').where('username', '=', 'demo.commune').executeTakeFirstOrThrow();
    assert.equal((await t.db.selectFrom('files').select('uploaded_by').where('id', '=', answer.fileId).executeTakeFirstOrThrow()).uploaded_by, me.id);
    assert.equal((await t.db.selectFrom('files').select('id').where('name', '=', 'bang-tin.png').execute()).length, 1);
    const ev = await t.db.selectFrom('audit_events').select(['at', 'changes']).where('action', '=', 'disclosures.photo').where('subject_id', '=', id).execute();
    assert.equal(ev.length, 1);
    assert.deepEqual(JSON.parse(ev[0].changes!).offline, { capturedAt, syncedAt: ev[0].at, key });
    const served = await t.app.request(`/board/files/${answer.fileId}`);
    assert.equal(served.status, 200);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), PNG);
    // A second photo (another day, another officer) is kept beside the first, not instead of it.
    assert.equal((await send(await t.token('demo.commune.head'), id, new File([PNG, 'x'], 'lan-2.png'))).status, 201);
    assert.match(await (await t.app.request(`/board/d/${id}`)).text(), /Ảnh chụp bảng niêm yết<\/a>.*Ảnh chụp bảng niêm yết 2<\/a>/s);
  });

  test('staff of another unit are refused (403) and nothing is stored', async () => {
    const files = await t.db.selectFrom('files').select('id').execute();
    const r = await send(await t.token('demo.department'), id, new File([PNG], 'x.png'));
    assert.equal(r.status, 403);
    assert.equal((await t.db.selectFrom('files').select('id').execute()).length, files.length);
  });

  test('a file that is not a photo (by its content) is refused with a Vietnamese 400', async () => {
    const r = await send(token, id, new File(['<html>not a photo</html>'], 'anh.png', { type: 'image/png' }), { 'idempotency-key': randomUUID() });
    assert.equal(r.status, 400);
    assert.match(((await r.json()) as Json).error.fields.file, /Chỉ nhận tệp PDF, DOCX, XLSX, JPG hoặc PNG/);
  });

  test('a posting taken down meanwhile, or whose period ended before the photo, answers 409 with the posting as it now is', async () => {
    const other = await disclose();
    const removed = await t.app.request(`/api/v1/disclosures/${other}/removal`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ removedOn: localToday() }) });
    assert.equal(removed.status, 200);
    const r = await send(token, other, new File([PNG], 'x.png'), { 'idempotency-key': randomUUID(), 'x-captured-at': new Date(nowMs()).toISOString() });
    assert.equal(r.status, 409);
    const e = ((await r.json()) as Json).error;
    assert.match(e.message, /đã được gỡ bỏ/);
    assert.deepEqual([e.current.id, e.current.status, e.current.statusLabel, e.current.removedOn], [other, 'removed', 'Đã gỡ bỏ', localToday()]);
    // Posted 120 days ago: its posting period (LDC Art. 13(2)) ended before a photo taken today.
    const old = await disclose(localDateOf(nowMs() - 120 * 86400_000));
    const late = await send(token, old, new File([PNG], 'x.png'));
    assert.equal(late.status, 409);
    assert.equal(((await late.json()) as Json).error.current.status, 'ended');
  });
});
