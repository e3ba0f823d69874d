import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { defineActions, type CurrentUser } from '../../platform/authz/index.ts';
import { EXEMPLAR_ACTIONS } from './exemplars.actions.ts';
import { REGISTRATION_ITEMS, type Field } from '../../domain/exemplars/forms.ts';
import { getUnitByKey } from '../units/index.ts';
import { createCampaign } from './exemplars.campaigns.ts';
import { act, registerEntry, type ActionPayload } from './exemplars.service.ts';

type Step = ActionPayload['action'];
const PATHS: Record<string, Step[]> = {
  draft: [], registered: [], building: ['build'], proposed: ['build', 'propose'], 'under-review': ['propose', 'review'],
  recognised: ['propose', 'recognize'], provincial: ['propose', 'review', 'recognize', 'recognizeProvince' as Step], typical: ['propose', 'recognize', 'typical'],
  commended: ['propose', 'recognize', 'recognizeProvince' as Step, 'typical', 'commend'], replicated: ['propose', 'recognize', 'commend', 'replicate'],
  returned: ['propose', 'return'], rejected: ['propose', 'review', 'reject'], discontinued: ['build', 'discontinue'],
};

/** [name, commune code or null (department), body key or null, field, kind, subject, path] */
const DEMO: [string, string | null, string | null, Field, 'model' | 'exemplar', 'collective' | 'individual', keyof typeof PATHS][] = [
  ['Ngày thứ Bảy lắng nghe dân nói', '21859', null, 'political-system', 'model', 'collective', 'commended'],
  ['Nghe dân nói – nói dân hiểu – làm dân tin', '21697', null, 'political-system', 'model', 'collective', 'provincial'],
  ['Tổ dân phố tự quản về an ninh trật tự', '23575', null, 'defence-security', 'model', 'collective', 'replicated'],
  ['Hiến đất làm đường liên thôn', '23938', null, 'culture-society', 'model', 'collective', 'provincial'],
  ['Già làng Rơ Mah Hyưr vận động bà con trồng cà phê bền vững', '23734', null, 'economy', 'exemplar', 'individual', 'typical'],
  ['Chi hội phụ nữ tiết kiệm giúp nhau thoát nghèo', '23722', null, 'economy', 'model', 'collective', 'recognised'],
  ['Dân vận khéo trong giải phóng mặt bằng', '23575', null, 'culture-society', 'model', 'collective', 'recognised'],
  ['Camera an ninh do dân đóng góp', '21583', null, 'defence-security', 'model', 'collective', 'commended'],
  ['Thôn không có tội phạm và tệ nạn xã hội', '23857', null, 'defence-security', 'model', 'collective', 'under-review'],
  ['Bí thư chi bộ gương mẫu hiến đất xây nhà văn hóa', '23887', null, 'political-system', 'exemplar', 'individual', 'proposed'],
  ['Hợp tác xã cà phê liên kết người đồng bào', '23941', null, 'economy', 'model', 'collective', 'building'],
  ['Đoàn viên thanh niên với người già neo đơn', '23575', null, 'culture-society', 'model', 'collective', 'registered'],
  ['Sân chơi an toàn cho trẻ em làng', '23938', null, 'culture-society', 'model', 'collective', 'draft'],
  ['Phụ nữ làm kinh tế giỏi', '21640', null, 'economy', 'exemplar', 'individual', 'returned'],
  ['Đường hoa nông thôn mới', '23722', null, 'culture-society', 'model', 'collective', 'rejected'],
  ['Sổ tay điện tử tổ dân phố', '21583', null, 'political-system', 'model', 'collective', 'discontinued'],
  ['Trợ giúp pháp lý lưu động tại thôn, làng', null, 'tu-phap', 'political-system', 'model', 'collective', 'commended'],
  ['Một cửa thân thiện, hẹn đúng giờ trả kết quả', null, 'noi-vu', 'political-system', 'model', 'collective', 'provincial'],
  ['Cán bộ tư pháp đồng hành cùng hòa giải viên', null, 'tu-phap', 'defence-security', 'exemplar', 'individual', 'registered'],
  ['Khuyến nông viên bám bản', null, 'nong-nghiep-moi-truong', 'economy', 'exemplar', 'individual', 'replicated'],
  ['Công an xã nghe dân nói', null, 'cong-an', 'defence-security', 'model', 'collective', 'recognised'],
];

const ADMIN = (provinceId: string): CurrentUser => ({ id: 'seed', username: 'seed', displayName: 'seed', sessionId: '', grants: [{ role: 'admin', unitId: provinceId, includeDescendants: true }] });

/** Demo data: a 2025 campaign and entries in every state across communes and departments. */
export async function seedExemplars(db: Db, ctx: { provinceCode: string }): Promise<void> {
  if (ctx.provinceCode !== '52') return;
  const province = await getUnitByKey(db, 'province:52:2025-07-01');
  const bdv = await getUnitByKey(db, 'body:52:ban-dan-van');
  if (!province || !bdv) return;
  defineActions(EXEMPLAR_ACTIONS);
  const user = ADMIN(province.id);
  const c = await createCampaign(db, SYSTEM_ACTOR, {
    name: 'Phong trào thi đua "Dân vận khéo" năm 2025', year: 2025, periodFrom: 2025, periodTo: 2030, launchedByUnitId: bdv.id,
    legalBasis: 'Hướng dẫn 02-HD/BDVTU ngày 27/3/2023 (Ban Dân vận Tỉnh ủy)\nKế hoạch 188/KH-UBND ngày 22/01/2025 của UBND tỉnh',
    criteria: 'Có tên, địa chỉ cụ thể; thuộc 1 trong 4 lĩnh vực\nĐăng ký với cơ quan phát động\nHuy động được nhiều lực lượng tham gia\nCó kết quả thiết thực, kiểm chứng được\nĐược Nhân dân đồng tình, hưởng ứng\nBền vững, có khả năng nhân rộng',
    registrationDeadline: '2025-10-25', quotaMin: 1, quotaMax: 10,
  });
  if (!c.ok) throw new Error('demo campaign');
  let n = 0;
  for (const [name, commune, body, field, kind, subject, path] of DEMO) {
    const unit = commune ? await getUnitByKey(db, `commune:${commune}:2025-07-01`) : await getUnitByKey(db, `body:52:${body}`);
    if (!unit) continue;
    n++;
    const registration = Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, `${name}: ${SAMPLE[k]}`])) as Record<(typeof REGISTRATION_ITEMS)[number], string>;
    const r = await registerEntry(db, SYSTEM_ACTOR, {
      campaignId: c.value, kind, subject, field, track: commune ? 'residential' : 'government', name, personName: subject === 'individual' ? 'Rơ Mah Hyưr' : null,
      unitId: unit.id, communeCode: commune ?? undefined, village: commune ? 'Thôn 1' : null, lat: null, lng: null, registration,
      pressLinks: n % 3 === 0 ? [{ outlet: 'Báo Gia Lai', url: 'https://baogialai.com.vn/' }] : [], draft: path === 'draft', confirmDuplicate: true,
    }, { dataDir: '', refuseDuplicates: false });
    if (!r.ok) throw new Error(`demo entry ${name}: ${r.error}`);
    const target = commune ? (await getUnitByKey(db, 'commune:23584:2025-07-01'))! : (await getUnitByKey(db, 'body:52:tai-chinh'))!;
    for (const step of PATHS[path].filter((s) => commune || (s as string) !== 'recognizeProvince')) {
      const p: ActionPayload = (step as string) === 'recognizeProvince' ? { action: 'recognize', level: 'province', decisionNumber: `${100 + n}-QĐ/BTGDVTU`, decisionOn: '2025-08-20' }
        : step === 'recognize' ? { action: 'recognize', level: commune ? 'commune' : 'province', decisionNumber: `${10 + n}/QĐ-BCĐ`, decisionOn: '2025-07-15' }
        : step === 'propose' ? { action: 'propose', resultsReport: `Kết quả: ${SAMPLE.outputs} (đạt 100% chỉ tiêu).`, reviewVote: { for: 7, total: 9 } }
        : step === 'commend' ? { action: 'commend', form: n % 2 ? 'bang-khen' : 'giay-khen', issuer: 'Chủ tịch UBND tỉnh', decisionNumber: `${2000 + n}/QĐ-UBND`, decisionOn: '2025-08-27' }
        : step === 'replicate' ? { action: 'replicate', toUnitId: target.id, note: null }
        : step === 'discontinue' ? { action: 'discontinue', reason: 'Không còn phù hợp sau sắp xếp đơn vị hành chính' }
        : step === 'return' || step === 'reject' ? { action: step, note: 'Chưa có số liệu kiểm chứng' }
        : { action: step as 'build' };
      const s = await act(db, SYSTEM_ACTOR, user, r.value.id, p, '');
      if (!s.ok) throw new Error(`demo entry ${name} step ${step}: ${s.error}`);
    }
  }
}

const SAMPLE: Record<(typeof REGISTRATION_ITEMS)[number], string> = {
  situation: 'người dân còn ít cơ hội trao đổi trực tiếp với chính quyền; nhiều kiến nghị chưa được giải quyết kịp thời.',
  objectives: 'tăng đối thoại trực tiếp, giải quyết kiến nghị trong 15 ngày.',
  criteria: 'số buổi tiếp dân, tỷ lệ kiến nghị được trả lời, mức hài lòng.',
  content: 'lãnh đạo xã gặp dân định kỳ tại nhà văn hóa thôn, ghi nhận và phân công xử lý từng ý kiến.',
  beneficiaries: 'toàn thể Nhân dân các thôn, làng trên địa bàn.',
  forces: 'chủ trì: Đảng ủy, UBND xã; phối hợp: Ủy ban MTTQ, các đoàn thể; tham gia: trưởng thôn, già làng, người có uy tín.',
  resources: 'ngân sách xã 20 triệu đồng/năm; 300 ngày công; xã hội hóa 50 triệu đồng.',
  timeline: 'bắt đầu 01/3/2025; sơ kết 30/6/2025; đánh giá 30/9/2025.',
  outputs: '48 buổi đối thoại; 95% kiến nghị được trả lời; 2 km đường được người dân hiến đất.',
  sustainability: 'duy trì bằng quy chế của Đảng ủy; có thể nhân rộng ra các xã lân cận.',
};
