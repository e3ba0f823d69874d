/**
 * The public board serves any file a posting names (`/board/files/:fileId`). A posting made through
 * the API names its file by id, so it must not be able to name another feature's file (a petition's
 * scan, task evidence): that would publish it to anyone (checked after the last session's note on this route).
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { storeUpload } from '../../platform/files/index.ts';
import { getUnitByKey } from '../units/index.ts';

const PDF = Buffer.from('%PDF-1.4\n% don to cao\n%%EOF\n');

forEachDialect('disclosures: the board publishes only files the posting\'s author uploaded', (dialect) => {
  let t: TestApp;
  let token: string;
  let commune: string;
  const upload = async (username: string) => {
    const user = await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const r = await t.db.transaction().execute((trx) => storeUpload(trx, { dataDir: t.config.dataDir, userId: user.id, file: new File([PDF], 'scan.pdf') }));
    assert.ok(r.ok);
    return r.value.id;
  };
  const post = (extra: Record<string, unknown>) => t.app.request('/api/v1/disclosures', {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ unitId: commune, itemCode: 'c07', title: 'Danh sách hộ nghèo', decisionOn: '2026-11-06', postedOn: '2026-11-10', forms: ['posting'], ...extra }),
  });

  before(async () => {
    t = await createTestApp(dialect);
    commune = (await getUnitByKey(t.db, 'commune:23575:2025-07-01'))!.id;
    token = await t.token('demo.commune');
  });
  after(() => t.close());

  test('naming a petition scan uploaded by someone else is refused (400), and the board does not serve it', async () => {
    const scan = await upload('demo.reception.commune');
    const petition = await t.db.selectFrom('petitions').select('id').executeTakeFirstOrThrow();
    await t.db.updateTable('petitions').set({ files: JSON.stringify([scan]) }).where('id', '=', petition.id).execute();
    const asFile = await post({ fileId: scan });
    assert.equal(asFile.status, 400);
    assert.match(((await asFile.json()) as { error: { fields: Record<string, string> } }).error.fields.fileId, /không phải tệp do bạn tải lên/);
    const asPhoto = await post({ forms: [{ form: 'posting', photoFileId: scan }] });
    assert.equal(asPhoto.status, 400);
    assert.equal((await t.app.request(`/board/files/${scan}`)).status, 404);
    assert.equal(await t.db.selectFrom('disclosures').select('id').where('file_id', '=', scan).executeTakeFirst(), undefined);
  });

  test('a file the author uploaded can be named and is then on the board', async () => {
    const own = await upload('demo.commune');
    assert.equal((await post({ fileId: own })).status, 201);
    const r = await t.app.request(`/board/files/${own}`);
    assert.equal(r.status, 200);
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), PDF);
  });
});
