import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import type { SeedContext } from '../../platform/http/feature.ts';
import { plusDays } from '../../domain/calendar/index.ts';
import { STARTER_SCHEME } from '../../domain/inspections/index.ts';
import { getUnitByKey } from '../units/index.ts';
import { addTarget, addTeam, createPlan, createScheme, fileSelfReport, movePlan, saveExplanation, sendNotice } from './inspections.service.ts';
import { addRecommendation, appraiseAssessment, closeRecommendation, fileRemediation, issueConclusion, publishClassification, saveConclusion, selfAssess } from './inspections.followup.ts';
import { autoFill, saveFindings } from './inspections.visit.ts';
import { getPlan, getScheme, getTarget } from './inspections.repository.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: string; fields?: unknown }, what: string): T => {
  if (!r.ok) throw new Error(`inspections seed: ${what}: ${r.error} ${JSON.stringify(r.fields ?? {})}`);
  return r.value;
};

/**
 * Demo: this year's plan with two teams and six targets (three communes, three departments), placed
 * around today: Phường Pleiku visited 25 days ago with findings and an issued conclusion of three
 * recommendations (one overdue, one open, one remediated and closed); Sở Tư pháp's self-report due
 * in a few days; Sở Tài chính's self-report late; the yearly assessment in progress; last year's
 * classification published.
 */
export async function seedInspections(db: Db, ctx: SeedContext): Promise<void> {
  if (ctx.provinceCode !== '52') return;
  const year = Number(ctx.today.slice(0, 4));
  const pleiku = await getUnitByKey(db, 'commune:23575:2025-07-01');
  const body = (k: string) => getUnitByKey(db, `body:52:${k}`);
  const [tuPhap, taiChinh, xayDung] = [await body('tu-phap'), await body('tai-chinh'), await body('xay-dung')];
  const others = await db.selectFrom('units').select(['id', 'full_name']).where('kind', '=', 'commune-committee').where('valid_to', 'is', null).where('province_code', '=', '52').where('code', '!=', '23575').orderBy('code').limit(2).execute();
  if (!pleiku || !tuPhap || !taiChinh || !xayDung || others.length < 2) return;
  const sys = SYSTEM_ACTOR;
  const schemeId = must(await createScheme(db, sys, { code: 'dvcq-gia-lai', name: 'Bộ tiêu chí đánh giá công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở (khởi tạo)', decisionNo: null, validFrom: `${year}-01-01`, definition: JSON.stringify(STARTER_SCHEME) }), 'scheme');
  const planId = await ctx.at(plusDays(ctx.today, -75), async () => must(await createPlan(db, sys, {
    year, title: `Kế hoạch kiểm tra công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở năm ${year}`, documentNumber: null, scope: 'both', mode: 'planned',
    reviewFrom: plusDays(ctx.today, -365), reviewTo: plusDays(ctx.today, -35), windowFrom: plusDays(ctx.today, -40), windowTo: plusDays(ctx.today, 60),
    objectives: 'Đánh giá kết quả thực hiện Kế hoạch 188/KH-UBND và Luật Thực hiện dân chủ ở cơ sở; phát hiện ưu điểm, hạn chế, nguyên nhân; phát hiện mô hình, điển hình "Dân vận khéo" để nhân rộng.',
    contentItems: 'Công tác lãnh đạo, chỉ đạo của người đứng đầu\nCông khai, lấy ý kiến, đối thoại với Nhân dân\nTiếp công dân, giải quyết khiếu nại, tố cáo\nPhong trào thi đua "Dân vận khéo"\nChế độ thông tin, báo cáo',
    schemeId, noticeDays: undefined, selfReportDays: undefined, conclusionDays: undefined, recommendationDays: undefined,
  }), 'plan'));
  const team = async (name: string, leader: string, n: number) => must(await addTeam(db, sys, planId, {
    name, decisionNumber: `${10 + n}/QĐ-SNV`, decisionDate: ctx.workday(70),
    members: [
      { name: leader, body: 'Sở Nội vụ', role: 'leader', userId: null },
      { name: n === 1 ? 'Rơ Châm H\'Lan' : 'Trần Quốc Bảo', body: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', role: 'member', userId: n === 1 ? (await db.selectFrom('users').select('id').where('username', '=', 'demo.observer').executeTakeFirst())?.id ?? null : null },
      { name: n === 1 ? 'Lê Thị Hồng' : 'Nguyễn Văn Sơn', body: 'Ủy ban MTTQ Việt Nam tỉnh', role: 'member', userId: null },
      { name: n === 1 ? 'Phạm Minh Đức' : 'Võ Thị Thanh', body: 'Sở Nội vụ', role: 'secretary', userId: null },
    ],
  }), 'team');
  const t1 = await team('Đoàn kiểm tra số 1', 'Nguyễn Thị Hạnh', 1);
  const t2 = await team('Đoàn kiểm tra số 2', 'Đỗ Văn Toàn', 2);
  const visitA = ctx.workday(25);
  const target = async (unitId: string, teamId: string, visit: string) => must(await addTarget(db, sys, planId, { unitId, teamId, visitDate: visit }), 'target');
  const a = await target(pleiku.id, t1, visitA);
  const b = await target(tuPhap.id, t2, ctx.workday(-10));
  const c = await target(others[0].id, t1, ctx.workday(-25));
  const d = await target(taiChinh.id, t2, ctx.workday(-4));
  await target(others[1].id, t1, ctx.workday(-40));
  await target(xayDung.id, t2, ctx.workday(-50));
  await ctx.at(ctx.workday(62), () => movePlan(db, sys, planId, 'submit'));
  await ctx.at(ctx.workday(60), () => movePlan(db, sys, planId, 'approve'));
  for (const [id, visit] of [[a, visitA], [b, ctx.workday(-10)], [d, ctx.workday(-4)]] as const) must(await sendNotice(db, sys, id, plusDays(visit, -20)), 'notice');
  void c;
  must(await fileSelfReport(db, sys, a, { report: 'Phường đã ban hành kế hoạch thực hiện công tác dân vận chính quyền; công khai 46 nội dung theo Điều 11 Luật 10/2022/QH15; tổ chức 01 hội nghị đối thoại với Nhân dân cùng Ủy ban MTTQ phường.\nHạn chế: một số nội dung niêm yết chưa đủ 30 ngày; việc trả lời ý kiến Nhân dân còn chậm.', selfScore: 92, filedOn: plusDays(visitA, -9) }), 'self-report');
  // Sở Tài chính's self-report is late (due a few days ago), Sở Tư pháp's due in a few days: both on their work lists.
  const plan = (await getPlan(db, planId))!;
  const scheme = (await getScheme(db, schemeId))!;
  const auto = await autoFill(db, scheme, plan, (await getTarget(db, a))!);
  const items = scheme.def.criteria.map((cr) => {
    const v = auto.get(cr.code);
    if (cr.code === 'TC6') return { code: cr.code, result: 'partly' as const, points: 7, overrideReason: null, note: 'Một số nội dung niêm yết tại nhà văn hóa tổ dân phố chưa đủ 30 ngày liên tục (Điều 13 khoản 2)' };
    if (cr.code === 'TC4' && v) return { code: cr.code, result: 'partly' as const, points: Math.max(0, v.points - 1), overrideReason: 'Có 01 vụ việc thụ lý chưa đúng trình tự, không thể hiện trong số liệu đơn quá hạn', note: null };
    if (v) return { code: cr.code, result: v.points >= cr.maxPoints ? 'met' as const : 'partly' as const, points: null, overrideReason: null, note: null };
    return { code: cr.code, result: 'met' as const, points: cr.code === 'TC3' ? 9 : null, overrideReason: null, note: null };
  });
  must(await saveFindings(db, sys, a, { visitedOn: visitA, visitPlace: 'Hội trường UBND phường Pleiku', items }), 'findings');
  must(await saveExplanation(db, sys, a, 'Việc niêm yết chưa đủ 30 ngày do nhà văn hóa Tổ dân phố 3 sửa chữa; phường đã niêm yết bổ sung.'), 'explanation');
  must(await saveConclusion(db, sys, a, {
    documentNumber: null, strengths: 'Người đứng đầu quan tâm chỉ đạo; tổ chức đối thoại định kỳ với Nhân dân cùng Ủy ban MTTQ phường.\nCông khai đầy đủ các nội dung theo Điều 11 Luật 10/2022/QH15.',
    limitations: 'Thời gian niêm yết một số nội dung chưa đủ 30 ngày.\nTrả lời ý kiến Nhân dân sau lấy ý kiến còn chậm.', causes: 'Cơ sở vật chất tại một số tổ dân phố xuống cấp; công chức kiêm nhiệm nhiều việc.',
    goodModels: 'Mô hình "Ngày thứ Bảy lắng nghe dân nói" của phường (đề nghị đưa vào danh mục "Dân vận khéo").',
  }), 'conclusion');
  const issued = ctx.workday(15);
  const r1 = must(await addRecommendation(db, sys, a, { text: 'Niêm yết lại các nội dung chưa đủ thời gian tại nhà văn hóa các tổ dân phố', addresseeUnitId: null, dueOn: ctx.workday(3) }), 'rec');
  const r2 = must(await addRecommendation(db, sys, a, { text: 'Trả lời bằng văn bản các ý kiến Nhân dân còn tồn đọng, công khai kết quả tiếp thu, giải trình', addresseeUnitId: null, dueOn: plusDays(ctx.today, 20) }), 'rec');
  const r3 = must(await addRecommendation(db, sys, a, { text: 'Bổ sung sổ theo dõi tiếp công dân định kỳ của Chủ tịch UBND phường', addresseeUnitId: null, dueOn: ctx.workday(5) }), 'rec');
  void r1; void r2;
  must(await issueConclusion(db, sys, a, issued), 'issue');
  must(await fileRemediation(db, sys, r3.id, { report: 'Đã lập sổ theo dõi tiếp công dân theo mẫu, ghi đủ các ngày tiếp định kỳ.', on: ctx.workday(8) }), 'remediation');
  await ctx.at(ctx.workday(6), () => closeRecommendation(db, sys, r3.id));
  // Yearly assessment: last year published, this year in progress.
  for (const [unit, self, adj, reason] of [[pleiku.id, 90, -2, 'Chưa tổ chức đủ hội nghị đối thoại theo kế hoạch'], [tuPhap.id, 84, 0, '']] as const) {
    const id = must(await selfAssess(db, sys, { year: year - 1, unitId: unit, selfScore: self, note: null }, schemeId), 'self-assess');
    must(await appraiseAssessment(db, sys, id, { adjustments: adj ? [{ points: adj, reason }] : [], notEligibleReason: null }), 'appraise');
  }
  must(await publishClassification(db, sys, { year: year - 1, decisionNumber: `35/QĐ-UBND`, publishedOn: `${year}-01-20` < ctx.today ? `${year}-01-20` : ctx.today }), 'publish');
  const cur = must(await selfAssess(db, sys, { year, unitId: pleiku.id, selfScore: 92, note: 'Tự đánh giá theo bộ tiêu chí khởi tạo' }, schemeId), 'self-assess');
  must(await appraiseAssessment(db, sys, cur, { adjustments: [{ points: -6, reason: 'Kết luận kiểm tra: niêm yết chưa đủ thời gian, trả lời ý kiến Nhân dân chậm' }], notEligibleReason: null }), 'appraise');
  must(await selfAssess(db, sys, { year, unitId: tuPhap.id, selfScore: 86, note: null }, schemeId), 'self-assess');
}
