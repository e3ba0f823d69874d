/**
 * Sealed denouncer identities for the sweep: named denunciations from the public form to the demo
 * commune (classified and accepted there) and to a foreign commune, and one told at the commune's
 * reception desk. Their name, ID number, phone and address may appear only in the audited reveal.
 */
import assert from 'node:assert/strict';
import type { TestApp } from '../../helpers/app.ts';
import { localToday } from '../../../src/platform/i18n/index.ts';
import { formatDate } from '../../../src/platform/i18n/index.ts';
import type { Units } from './plant.ts';

const PEOPLE = [
  { name: 'Đoàn Thị Niêm Phong', id: '079188001122', phone: '0939112233', address: 'Số 77 hẻm Kín Đáo, tổ 9', email: 'niem.phong.77@example.vn' },
  { name: 'Lò Văn Bí Mật', id: '064199334455', phone: '0977445566', address: 'Số 12 ngõ Giấu Tên, thôn 3', email: 'bi.mat.12@example.vn' },
  { name: 'Hà Thị Vô Danh', id: '052177889900', phone: '0911778899', address: 'Nhà 5 đường Không Tên', email: 'vo.danh.5@example.vn' },
];
export const SECRETS = PEOPLE.flatMap((p) => [p.name, p.id, p.phone, p.address, p.email]);

export async function plantSealed(t: TestApp, u: Units): Promise<void> {
  const token = await t.token('demo.commune');
  const api = (path: string, body: unknown, bearer?: string) => t.app.request(`/api/v1${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body),
  });
  for (const [i, unit] of [u.ownCommune, u.foreignCommune].entries()) {
    const p = PEOPLE[i];
    await t.db.deleteFrom('petition_intake_attempts').execute();
    const r = await api('/public/petitions', {
      senderName: p.name, senderIdNumber: p.id, senderPhone: p.phone, senderEmail: p.email, senderAddress: p.address, anonymous: false,
      addressedUnitId: unit, title: 'Tố cáo cán bộ', content: 'Tố cáo cán bộ nhận tiền khi giải quyết hồ sơ đất đai của dân.', kindHint: 'denunciation',
    });
    assert.equal(r.status, 201, await r.clone().text());
    if (unit !== u.ownCommune) continue;
    const code = ((await r.json()) as { trackingCode: string }).trackingCode;
    const id = (await t.db.selectFrom('petitions').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
    assert.equal((await api(`/petitions/${id}/classify`, { kind: 'denunciation', field: 'conduct', accusedUnitId: u.ownDept }, token)).status, 200);
    assert.equal((await api(`/petitions/${id}/accept`, { acceptedOn: localToday() }, token)).status, 200);
  }
  const v = PEOPLE[2];
  const desk = await t.token('demo.reception.commune');
  const r = await api('/reception/visits', { unitId: u.ownCommune, receivedOn: formatDate(localToday()), visitorName: v.name, visitorIdNumber: v.id, visitorAddress: v.address, peopleCount: 1, kind: 'denunciation', summary: 'Tố cáo việc thu tiền sai quy định ở tổ 10.' }, desk);
  assert.equal(r.status, 201, await r.clone().text());
}
