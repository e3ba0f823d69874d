import type { Db } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import type { SeedContext } from '../../platform/http/feature.ts';
import { getUnitByKey } from '../units/index.ts';
import { exemplarChoices } from '../exemplars/index.ts';
import { answerEntry, closeEntry, fileEntry } from './register.service.ts';
import { addCommendation, addDiscipline, addTraining } from './records.service.ts';
import type { EntryInput } from './register.schema.ts';

const FRONT = 'Ủy ban MTTQ Việt Nam tỉnh Gia Lai';

/**
 * Demo: nine register entries placed relative to today (with the boards' recommendation, ten in the
 * register): some answered, one closed, one overdue; three commendations (a unit, a person, a model),
 * two disciplinary cases and three training courses.
 */
export async function seedOversightRecords(db: Db, ctx: SeedContext): Promise<void> {
  if (ctx.provinceCode !== '52') return;
  const pleiku = await getUnitByKey(db, 'commune:23575:2025-07-01');
  const [front, justice, finance, building, noivu] = await Promise.all(['mat-tran', 'tu-phap', 'tai-chinh', 'xay-dung', 'noi-vu'].map((k) => getUnitByKey(db, `body:52:${k}`)));
  const other = await db.selectFrom('units').select(['id', 'full_name']).where('kind', '=', 'commune-committee').where('valid_to', 'is', null).where('code', '!=', '23575').orderBy('code').executeTakeFirst();
  if (!pleiku || !front || !justice || !finance || !building || !noivu || !other) return;
  const y = ctx.today.slice(0, 4);
  const day = (n: number) => ctx.workday(n);
  const entry = (daysAgo: number, source: EntryInput['source'], unitId: string, subject: string, issuer = FRONT): EntryInput => ({
    source, issuerName: issuer, documentNumber: `${10 + daysAgo}/MTTQ-BTT`, documentDate: day(daysAgo + 2), receivedOn: day(daysAgo), subject, content: `${subject}. Đề nghị đơn vị xem xét, trả lời bằng văn bản.`, assigneeUnitId: unitId,
  });
  const file = (e: EntryInput) => ctx.at(e.receivedOn, () => fileEntry(db, SYSTEM_ACTOR, e, front.id));
  const answer = async (id: string, daysAgo: number, outcome: 'accepted' | 'partly' | 'explained', text: string) => ctx.at(day(daysAgo), () => answerEntry(db, SYSTEM_ACTOR, id, { answeredOn: day(daysAgo), outcome, answerDocument: `${40 + daysAgo}/UBND-VP`, answerText: text }));

  const a = await file(entry(60, 'front-supervision', pleiku.id, `Kiến nghị sau giám sát việc công khai thu, chi quỹ vận động năm ${y}`));
  if (a.ok) { await answer(a.value.id, 50, 'accepted', 'Đã niêm yết công khai tại trụ sở và các tổ dân phố.'); await ctx.at(day(45), () => closeEntry(db, SYSTEM_ACTOR, a.value.id, { closedOn: day(45), note: 'Mặt trận đã kiểm tra lại, thống nhất kết thúc.' })); }
  const b = await file(entry(45, 'front-critique', justice.id, 'Phản biện dự thảo quy định hỗ trợ pháp lý cho người dân vùng sâu, vùng xa'));
  if (b.ok) await answer(b.value.id, 36, 'partly', 'Tiếp thu ý kiến về đối tượng hỗ trợ; giải trình về mức hỗ trợ do giới hạn ngân sách.');
  const c = await file(entry(40, 'party-124', other.id, 'Kiến nghị về việc người đứng đầu chưa tiếp xúc, đối thoại định kỳ với Nhân dân', 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh'));
  if (c.ok) await answer(c.value.id, 20, 'explained', 'Giải trình: lịch đối thoại quý đã điều chỉnh do trùng kỳ họp HĐND; đã tổ chức bù.');
  await file(entry(30, 'front-supervision', finance.id, 'Kiến nghị sau giám sát việc giải ngân vốn hỗ trợ nhà ở cho hộ nghèo'));
  await file(entry(9, 'front-supervision', building.id, 'Kiến nghị về tiến độ sửa chữa đường liên xã sau mùa mưa'));
  await file(entry(6, 'inspection-board', pleiku.id, 'Kiến nghị của Ban Thanh tra nhân dân về thu phí trông giữ xe tại chợ', 'Ban Thanh tra nhân dân phường Pleiku (xác nhận của UBMTTQ phường)'));
  const g = await file(entry(12, 'investment-board', other.id, 'Kiến nghị của Ban Giám sát đầu tư của cộng đồng về chất lượng bê tông kênh mương', 'Ban Giám sát đầu tư của cộng đồng (xác nhận của UBMTTQ xã)'));
  if (g.ok) await answer(g.value.id, 5, 'accepted', 'Đã yêu cầu nhà thầu khoan lấy mẫu kiểm định.');
  await file(entry(4, 'front-critique', noivu.id, 'Phản biện dự thảo quy chế phối hợp giữa UBND tỉnh và Ủy ban MTTQ tỉnh'));
  await file(entry(2, 'front-supervision', pleiku.id, 'Kiến nghị về giải quyết phản ánh ngập úng tổ dân phố 3'));

  const decision = (n: number) => ({ decisionOn: day(n) });
  await ctx.at(day(70), () => addCommendation(db, SYSTEM_ACTOR, { form: 'bang-khen', level: 'province', issuer: 'Chủ tịch UBND tỉnh', decisionNumber: `1520/QĐ-UBND`, ...decision(70), recipientKind: 'unit', unitId: pleiku.id, personName: null, exemplarId: null, reason: 'Thực hiện tốt dân chủ ở cơ sở và tiếp công dân.' }));
  await ctx.at(day(50), () => addCommendation(db, SYSTEM_ACTOR, { form: 'giay-khen', level: 'department', issuer: 'Giám đốc Sở Tư pháp', decisionNumber: `88/QĐ-STP`, ...decision(50), recipientKind: 'person', unitId: justice.id, personName: 'Nguyễn Thị Hạnh', exemplarId: null, reason: 'Hoàn thành xuất sắc tuyên truyền pháp luật ở vùng đồng bào dân tộc thiểu số.' }));
  const model = (await exemplarChoices(db, 'all'))[0];
  if (model) await ctx.at(day(20), () => addCommendation(db, SYSTEM_ACTOR, { form: 'bieu-duong', level: 'province', issuer: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', decisionNumber: `35-QĐ/BTGDVTU`, ...decision(20), recipientKind: 'exemplar', unitId: null, personName: null, exemplarId: model.id, reason: 'Mô hình "Dân vận khéo" tiêu biểu.' }));
  await ctx.at(day(35), () => addDiscipline(db, SYSTEM_ACTOR, { unitId: other.id, personName: 'Trần Văn Bình', personPosition: 'Công chức Văn phòng - Thống kê', personCategory: 'cong-chuc', violation: 'Không niêm yết công khai dự toán ngân sách xã đúng thời hạn', legalBasis: 'Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 11–13', measure: 'khien-trach', decisionNumber: '15/QĐ-UBND', ...decision(35), decidedBy: 'Chủ tịch UBND xã' }));
  await ctx.at(day(15), () => addDiscipline(db, SYSTEM_ACTOR, { unitId: building.id, personName: 'Lê Quang Minh', personPosition: 'Phó Trưởng phòng', personCategory: 'cong-chuc', violation: 'Không tổ chức lấy ý kiến người dân về phương án bồi thường trước khi trình', legalBasis: 'Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 25–28', measure: 'canh-cao', decisionNumber: '210/QĐ-SXD', ...decision(15), decidedBy: 'Giám đốc Sở Xây dựng' }));
  const course = (n: number, topic: string, organiser: string, unitId: string, hours: number, participants: { unitId: string; participants: number }[]) =>
    ctx.at(day(n), () => addTraining(db, SYSTEM_ACTOR, { unitId, organiser, topic, startsOn: day(n + 2), endsOn: day(n), hours, participants }));
  await course(80, 'Bồi dưỡng kỹ năng dân vận cho cán bộ, công chức cấp xã', 'Sở Nội vụ', noivu.id, 16, [{ unitId: pleiku.id, participants: 12 }, { unitId: other.id, participants: 9 }]);
  await course(40, 'Triển khai Luật Thực hiện dân chủ ở cơ sở trong cơ quan, đơn vị', 'Sở Tư pháp', justice.id, 8, [{ unitId: justice.id, participants: 25 }, { unitId: finance.id, participants: 14 }]);
  await course(10, 'Kỹ năng tiếp công dân, đối thoại với Nhân dân', 'Ủy ban nhân dân phường Pleiku', pleiku.id, 4, [{ unitId: pleiku.id, participants: 30 }]);
}
