import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { itemsOf } from '../../domain/disclosure/catalogue.ts';
import { addDays } from '../../domain/disclosure/clock.ts';
import { getUnitByKey } from '../units/index.ts';
import { createDisclosure, removeDisclosure } from './disclosures.service.ts';
import type { FormEvidence } from './disclosures.schema.ts';

/** Titles of the demo disclosures; {next} is the year after today's (plans, conscription lists are for next year). */
const TITLES: Record<string, string> = {
  c01: 'Kế hoạch phát triển kinh tế - xã hội năm {next}', c02: 'Công khai dự toán ngân sách quý IV', c03: 'Phương án bồi thường, hỗ trợ tái định cư dự án đường liên xã',
  c04: 'Quy chế thực hiện dân chủ ở cơ sở', c05: 'Quyết toán quỹ phòng, chống thiên tai', c06: 'Danh mục tài sản công thanh lý',
  c07: 'Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ nhà ở', c08: 'Hỗ trợ gia đình bị thiệt hại do bão số 13', c09: 'Danh sách công dân gọi nhập ngũ năm {next}',
  c10: 'Kết quả kiểm tra việc quản lý đất công', c11: 'Kế hoạch lấy ý kiến về quy chế dân chủ', c12: 'Mức thu phí chợ', c13: 'Bộ thủ tục hành chính cấp xã',
};
const form = (f: FormEvidence['form'], extra: Partial<FormEvidence> = {}): FormEvidence => ({ form: f, photoFileId: null, url: null, informedOn: null, broadcastDays: [], note: null, ...extra });

async function post(db: Db, unitId: string, code: string, decisionOn: string, postedOn: string, radio: boolean) {
  const forms = [form('posting'), form('portal', { url: `https://gialai.gov.vn/cong-khai/${code}` })];
  if (radio) forms.push(form('radio', { broadcastDays: [postedOn, addDays(postedOn, 1), addDays(postedOn, 2)] }), form('village_heads', { informedOn: addDays(postedOn, 1) }));
  const r = await createDisclosure(db, SYSTEM_ACTOR, { unitId, itemCode: code, title: TITLES[code].replace('{next}', String(Number(decisionOn.slice(0, 4)) + 1)), documentNo: null, decisionOn, postedOn, forms, fileId: null });
  return r.ok ? r.value.id : null;
}

/**
 * Demo: Xã Ia Mơ discloses every required item on time (complete); Phường Pleiku some items
 * (partial, none late, so the tests of the demo commune stay stable); a third commune publishes
 * late and takes a posting down early.
 */
export async function seedDisclosures(db: Db, ctx: { provinceCode: string; today: string }): Promise<void> {
  const t = ctx.today;
  const communes = await db.selectFrom('units').select(['id', 'key']).where('kind', '=', 'commune-committee').where('valid_to', 'is', null).orderBy('code').limit(40).execute();
  const complete = (await getUnitByKey(db, 'commune:23938:2025-07-01'))?.id ?? communes[0]?.id;
  const partial = (await getUnitByKey(db, 'commune:23575:2025-07-01'))?.id ?? communes[1]?.id;
  const late = communes.find((c) => c.id !== complete && c.id !== partial)?.id;
  if (!complete || !partial || !late) return;
  const items = itemsOf('commune', t).filter((i) => i.code !== 'c14');
  for (const [n, i] of items.entries()) {
    const decisionOn = i.permanent ? '2025-08-01' : addDays(t, -10 - (n % 6));
    await post(db, complete, i.code, decisionOn, addDays(decisionOn, 1), i.radioDays !== null);
  }
  for (const code of ['c02', 'c07', 'c13', 'c12']) await post(db, partial, code, code === 'c13' ? '2025-08-01' : addDays(t, -9), code === 'c13' ? '2025-08-04' : addDays(t, -8), code === 'c07' || code === 'c12');
  await post(db, late, 'c04', '2025-08-01', '2025-08-02', false);
  await post(db, late, 'c03', addDays(t, -25), addDays(t, -6), false);
  await post(db, late, 'c09', addDays(t, -20), addDays(t, -5), true);
  const removed = await post(db, late, 'c05', addDays(t, -15), addDays(t, -14), false);
  if (removed) await removeDisclosure(db, SYSTEM_ACTOR, removed, addDays(t, -4));
}
