/**
 * Generated petitions: the real shape of a case (tracking code, sealed sender, folded search text,
 * legal clocks from the deadline engine), spread over the communes and two years before today.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { sealer } from '../../platform/crypto/index.ts';
import { plusDays } from '../../domain/calendar/dates.ts';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { clockRules, resolveVariant, trackingCode, type PetitionKind } from '../../domain/petitions/index.ts';
import { clock, legalTime, type Clock, type LegalTime } from '../../features/petitions/petitions.clock.ts';
import { keyHash, senderHash } from '../../features/petitions/petitions.service.ts';
import { bulkInsert, type Random } from './bulk.ts';
import type { Commune } from './units.ts';

/** What citizens write about, by field: [field, kind, supervision area or '', title, content]. */
const TOPICS: [string, PetitionKind, string, string, string][] = [
  ['land', 'recommendation', 'land-environment', 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất', 'Gia đình tôi sử dụng đất ổn định từ năm 1998, đã nộp hồ sơ nhưng chưa được cấp giấy chứng nhận.'],
  ['land', 'complaint', 'land-environment', 'Khiếu nại việc giải quyết tranh chấp ranh giới đất', 'Tôi không đồng ý với kết quả hòa giải tranh chấp ranh giới đất với hộ liền kề.'],
  ['compensation', 'complaint', 'land-environment', 'Khiếu nại quyết định thu hồi đất và mức bồi thường', 'Mức bồi thường khi thu hồi đất làm đường thấp hơn giá thị trường, đề nghị xem xét lại.'],
  ['environment', 'feedback', 'land-environment', 'Phản ánh ô nhiễm từ cơ sở chế biến nông sản', 'Cơ sở chế biến xả nước thải ra mương thoát nước chung, gây mùi hôi ảnh hưởng các hộ dân.'],
  ['environment', 'feedback', 'land-environment', 'Phản ánh rác thải tồn đọng ở khu dân cư', 'Rác thải không được thu gom đúng lịch, tồn đọng nhiều ngày ở đầu ngõ.'],
  ['social-policy', 'recommendation', 'people-with-merit', 'Kiến nghị giải quyết chế độ người có công', 'Đề nghị xem xét hồ sơ hưởng chế độ của thân nhân liệt sĩ đã nộp từ năm trước.'],
  ['social-policy', 'recommendation', 'people-funds', 'Kiến nghị công khai các khoản đóng góp xây dựng nhà văn hóa', 'Đề nghị công khai thu chi khoản Nhân dân đóng góp xây dựng nhà văn hóa thôn.'],
  ['conduct', 'denunciation', 'anti-corruption', 'Tố cáo hành vi gây khó khăn khi giải quyết hồ sơ', 'Cán bộ tiếp nhận hồ sơ yêu cầu nộp thêm khoản tiền ngoài quy định.'],
  ['admin-procedure', 'feedback', 'admin-reform', 'Phản ánh chậm trễ giải quyết thủ tục hành chính', 'Hồ sơ chứng thực nộp qua dịch vụ công trực tuyến quá hạn chưa có kết quả.'],
  ['other', 'recommendation', 'public-investment', 'Kiến nghị sửa chữa đường giao thông nông thôn', 'Đoạn đường liên thôn xuống cấp, mùa mưa đi lại khó khăn, đề nghị sớm sửa chữa.'],
  ['other', 'recommendation', '', 'Kiến nghị lắp đặt đèn chiếu sáng công cộng', 'Tuyến đường từ trường học về khu dân cư chưa có đèn chiếu sáng.'],
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Siu', 'Rơ Châm', 'Ksor'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Quốc', 'Thu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng', 'Lan', 'Linh', 'Mai', 'Nam', 'Phương', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến', 'H\'Hen', 'Blơng'];
const CHANNELS = ['online', 'letter', 'letter', 'in-person', 'in-person', 'phone', 'forwarded'];
const ELIGIBLE = JSON.stringify({ hasSenderIdentity: true, hasAddress: true, hasContent: true, notDuplicate: true, notAlreadyGuided: true, outcome: 'handle' });
const BATCH = 20_000;

/** The status a case of this age has reached (older cases are mostly answered; some stay open past their term). */
function statusOf(age: number, rnd: Random): string {
  const x = rnd.next();
  if (age < 10) return x < 0.5 ? 'received' : x < 0.8 ? 'triaged' : 'accepted';
  if (age < 45) return x < 0.1 ? 'triaged' : x < 0.5 ? 'accepted' : x < 0.9 ? 'resolved' : 'closed';
  return x < 0.05 ? 'accepted' : x < 0.75 ? 'resolved' : 'closed';
}

/** Clocks per (rule, start, variant), from the deadline engine once each (about 730 start days). */
function clockCache(lt: LegalTime) {
  const memo = new Map<string, Clock>();
  return (rule: string, start: string, variant?: string) => {
    const k = `${rule}|${start}|${variant ?? ''}`;
    return memo.get(k) ?? memo.set(k, clock(lt, rule, start, { variant })).get(k)!;
  };
}

/** How an answered case ended, by kind (the outcomes the resolve form offers). */
const outcomeOf = (kind: PetitionKind, rnd: Random) => (kind === 'complaint' ? rnd.pick(['upheld', 'partly-upheld', 'rejected']) : kind === 'denunciation' ? 'concluded' : 'answered');

/** One generated case received `age` days before today at a commune. */
function petitionRow(rnd: Random, today: string, c: Commune, clockOf: ReturnType<typeof clockCache>, codes: Set<string>) {
  const age = rnd.daysAgo(730);
  const receivedOn = plusDays(today, -age);
  const [field, kind, area, topic, body] = rnd.pick(TOPICS);
  const village = c.villages.length ? `thôn, tổ dân phố số ${1 + rnd.int(c.villages.length)}` : 'khu dân cư';
  const title = `${topic} tại ${village}, ${c.name}`;
  const sender = { name: `${rnd.pick(FAMILY)} ${rnd.pick(MIDDLE)} ${rnd.pick(GIVEN)}`, idNumber: null, phone: `09${String(rnd.int(1e8)).padStart(8, '0')}`, email: null, address: `${village}, ${c.name}` };
  const status = statusOf(age, rnd);
  let code = trackingCode(randomBytes(8));
  while (codes.has(code)) code = trackingCode(randomBytes(8));
  codes.add(code);
  const sealed = kind === 'denunciation';
  const clocks: Record<string, Clock> = { process: clockOf('petition.process', receivedOn) };
  const classified = status !== 'received';
  const accepted = status === 'accepted' || status === 'resolved' || status === 'closed';
  const acceptedOn = accepted ? [plusDays(receivedOn, 3 + rnd.int(7)), today].sort()[0] : null;
  const rule = clockRules(kind).resolve;
  if (accepted && rule) clocks.resolve = clockOf(rule, kind === 'recommendation' || kind === 'feedback' ? receivedOn : acceptedOn!, resolveVariant(kind, { complex: false, extensions: 0 }));
  const done = status === 'resolved' || status === 'closed';
  const resolvedOn = done ? [plusDays(acceptedOn!, 5 + rnd.int(40)), today].sort()[0] : null;
  const at = `${receivedOn}T0${rnd.int(9)}:${String(rnd.int(60)).padStart(2, '0')}:00.000Z`;
  return {
    id: randomUUID(), tracking_code: code, access_key_hash: keyHash(randomBytes(9).toString('base64url')), channel: rnd.pick(CHANNELS), status,
    kind: classified ? kind : null, kind_hint: null, field: classified ? field : null, areas: area && classified ? `["${area}"]` : '[]',
    title, content: `${body} Địa chỉ: ${village}, ${c.name}.`, search_text: ` ${foldVietnamese(`${code} ${title} ${body}`)} `,
    anonymous: 0, sealed: sealed ? 1 : 0, sender_sealed: sealer().seal(JSON.stringify(sender)), sender_hash: senderHash(sender),
    source_body: null, addressed_unit_id: c.id, handling_unit_id: c.id, accused_unit_id: null, assigned_user_id: null,
    competence: classified ? 'this-unit' : null, eligibility: classified ? ELIGIBLE : null, remote: 0, complex: 0, instance: 'first',
    received_on: receivedOn, received_at: at, accepted_on: acceptedOn, due_on: (clocks.resolve ?? clocks.process).due, deadlines: JSON.stringify(clocks), extensions: 0,
    complexity_criteria: '[]', outcome: done ? outcomeOf(kind, rnd) : null, document_number: done ? `${1 + rnd.int(900)}/QĐ-UBND` : null,
    answer: done ? 'Đã trả lời bằng văn bản cho công dân.' : null, resolved_on: resolvedOn, duplicate_of: null, files: '[]', created_by: null, updated_at: at,
  };
}

/** Inserts `n` generated petitions (communes weighted alike), in batches; returns the count. */
export async function generatePetitions(db: Db, rnd: Random, today: string, communes: Commune[], n: number, progress: (done: number) => void): Promise<number> {
  const clockOf = clockCache(await legalTime(db));
  // Codes are unique: 32^8 codes give a collision about every million, so the run keeps the ones in use.
  const codes = new Set((await db.selectFrom('petitions').select('tracking_code').execute()).map((r) => r.tracking_code));
  let done = 0;
  while (done < n) {
    const rows = Array.from({ length: Math.min(BATCH, n - done) }, () => petitionRow(rnd, today, rnd.pick(communes), clockOf, codes));
    done += await bulkInsert(db, 'petitions', rows);
    progress(done);
  }
  return done;
}
