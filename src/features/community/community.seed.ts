import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { createUnit } from '../units/units.service.ts';
import { getUnitByKey } from '../units/index.ts';
import { addDays } from '../../domain/democracy/index.ts';
import { addHouseholds } from './households.service.ts';
import { closeDecision, createDecision, enterTally, recognize } from './decisions.service.ts';
import { closeCommuneDecision, createCommuneDecision } from './commune.service.ts';
import type { DecisionInput } from './community.schema.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Rơ Mah', 'Ksor', 'Siu', 'Rơ Châm', 'Đinh', 'Hoàng'];
const GIVEN = ['Văn An', 'Thị Bình', 'Hyưr', 'Thị H\'Nhi', 'Văn Dũng', 'Blơi', 'Thị Hoa', 'Văn Minh', 'Thị Lan', 'Văn Phúc'];
const names = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ({ representative: `${FAMILY[(i + seed) % FAMILY.length]} ${GIVEN[(Math.floor(i / FAMILY.length) + seed) % GIVEN.length]}`, address: null, addedOn: '2025-07-01' }));

/** The rural commune of the demo: Xã Ia Mơ in Gia Lai, elsewhere the province's first commune of type xã. */
async function ruralCommune(db: Db, provinceCode: string) {
  if (provinceCode === '52') return getUnitByKey(db, 'commune:23938:2025-07-01');
  const r = await db.selectFrom('units').select('key').where('kind', '=', 'commune-committee').where('commune_type', '=', 'xa').where('valid_to', 'is', null).orderBy('code').executeTakeFirst();
  return r?.key ? getUnitByKey(db, r.key) : undefined;
}

/**
 * Demo: households for the 5 residential groups of Phường Pleiku and 3 villages of a rural xã, a
 * village head (demo.village.head, Tổ dân phố 1), a board member (demo.board, Phường Pleiku), and
 * decisions passed, failed, open and turned into a ballot.
 */
export async function seedCommunity(db: Db, ctx: { provinceCode: string; today: string }): Promise<void> {
  const wardVillages = await db.selectFrom('units').select(['id', 'full_name', 'parent_id']).where('kind', '=', 'village').where('full_name', 'like', 'Tổ dân phố %').orderBy('full_name').limit(5).execute();
  const sizes = [90, 64, 48, 40, 36];
  for (const [i, v] of wardVillages.entries()) await addHouseholds(db, SYSTEM_ACTOR, v.id, names(sizes[i] ?? 30, i));
  const rural = await ruralCommune(db, ctx.provinceCode);
  const ruralVillages: string[] = [];
  if (rural) {
    for (const [i, n] of ['Làng Bồ', 'Làng Mơ', 'Thôn Hòa Bình'].entries()) {
      const r = await createUnit(db, SYSTEM_ACTOR, { name: n.replace(/^(Làng|Thôn) /, ''), fullName: n, kind: 'village', communeType: null, code: null, parentId: rural.id, validFrom: '2025-07-01' });
      if (!r.ok) throw new Error(`demo village ${n}: ${r.error}`);
      ruralVillages.push(r.value);
      await addHouseholds(db, SYSTEM_ACTOR, r.value, names([45, 38, 30][i], i + 5));
    }
  }
  const vote = addDays(ctx.today, -20);
  const d = (villageId: string, matter: DecisionInput['matter'], form: DecisionInput['form'], question: string): DecisionInput =>
    ({ villageId, matter, form, question, proposer: 'village-head', initiativeSupporters: null, initiativeAgreedOn: null, frontApproved: false, noticeOn: addDays(vote, -5), voteOn: vote });
  const plan: [DecisionInput, { householdsPresent: number | null; yes: number; no: number; other: number; team?: string[]; witnesses?: string[] } | null][] = [];
  if (wardVillages[0]) plan.push(
    [d(wardVillages[0].id, 'contribution', 'meeting', 'Đóng góp làm đường bê tông hẻm 12, mức 500.000 đồng/hộ'), { householdsPresent: 80, yes: 62, no: 15, other: 3 }],
    [d(wardVillages[0].id, 'other', 'meeting', 'Lắp camera an ninh tại ngã ba tổ dân phố'), { householdsPresent: 70, yes: 44, no: 20, other: 6 }],
    [d(wardVillages[0].id, 'funds', 'meeting', `Quyết toán quỹ khuyến học năm ${Number(ctx.today.slice(0, 4)) - 1}`), { householdsPresent: 40, yes: 40, no: 0, other: 0 }],
    [d(wardVillages[0].id, 'other', 'meeting', 'Giờ tắt loa truyền thanh buổi tối'), null]);
  if (ruralVillages[0]) plan.push([{ ...d(ruralVillages[0], 'convention', 'meeting', 'Hương ước làng Bồ (sửa đổi)'), noticeOn: addDays(vote, -35) }, { householdsPresent: 40, yes: 33, no: 5, other: 2 }]);
  if (ruralVillages[1]) plan.push([d(ruralVillages[1], 'contribution', 'ballot', 'Góp ngày công làm kênh mương nội đồng'), { householdsPresent: null, yes: 24, no: 10, other: 4, team: ['Ksor Blơi', 'Rơ Châm H\'Nhi', 'Nguyễn Văn Minh'], witnesses: ['Siu Hyưr', 'Lê Thị Lan'] }]);
  for (const [input, tally] of plan) {
    const r = await createDecision(db, SYSTEM_ACTOR, input);
    if (!r.ok || !tally) continue;
    await enterTally(db, SYSTEM_ACTOR, r.value, tally);
    const closed = await closeDecision(db, SYSTEM_ACTOR, r.value);
    if (closed.ok && closed.value.passed && input.matter === 'convention') await recognize(db, SYSTEM_ACTOR, r.value, { decision: 'recognized', receivedOn: addDays(vote, 2), note: null });
  }
  // A commune-wide contribution (Art. 16(1), 21(1)) by household ballot in the rural xã: 2 of its 3 villages approve.
  if (rural && ruralVillages.length === 3) {
    const commune = await createCommuneDecision(db, SYSTEM_ACTOR, { communeId: rural.id, matter: 'contribution', form: 'ballot', question: 'Góp vốn đối ứng bê tông hóa đường liên thôn, 400.000 đồng/hộ', noticeOn: addDays(vote, -5), voteOn: vote });
    if (commune.ok) {
      const tallies = [{ yes: 32, no: 10, other: 3 }, { yes: 27, no: 9, other: 2 }, { yes: 15, no: 12, other: 3 }];
      for (const [i, part] of commune.value.parts.entries()) {
        await enterTally(db, SYSTEM_ACTOR, part.decisionId, { householdsPresent: null, ...tallies[ruralVillages.indexOf(part.villageId)] ?? tallies[i] });
        await closeDecision(db, SYSTEM_ACTOR, part.decisionId);
      }
      await closeCommuneDecision(db, SYSTEM_ACTOR, commune.value.id, { effectiveOn: addDays(vote, 10) });
    }
  }
}
