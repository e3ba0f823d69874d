import type { Db } from '../../platform/db/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { CLASS_CODES } from '../../domain/inspections/index.ts';
import { findingsOf } from './inspections.repository.ts';

const dd = (d: string | null | undefined) => (d ? d.split('-').reverse().join('/') : '');
const CLASS_VI: Record<string, string> = { HTXS: 'Hoàn thành xuất sắc', HTT: 'Hoàn thành tốt', HT: 'Hoàn thành', KHT: 'Không hoàn thành', NOT_ELIGIBLE: 'Không đủ điều kiện xếp loại' };
void CLASS_CODES;

/**
 * The rows of the §7.3 summary (proposed columns, not an official form): one per target of the
 * year's plans. `issuedOnly` keeps targets whose conclusion is issued (for overseers).
 */
export async function summaryRows(db: Db, year: number, issuedOnly: boolean) {
  const head = ['STT', 'Đơn vị được kiểm tra', 'Loại đơn vị', 'Đoàn/ngày kiểm tra', 'Điểm tự chấm', 'Điểm đoàn chấm', 'Xếp loại', 'Số tiêu chí không đạt', 'Số kiến nghị', 'Hạn khắc phục', 'Tình trạng khắc phục', 'Mô hình hay phát hiện', 'Ghi chú'];
  let q = db.selectFrom('inspection_targets as t').innerJoin('inspection_plans as p', 'p.id', 't.plan_id').innerJoin('units as u', 'u.id', 't.unit_id').innerJoin('inspection_teams as tm', 'tm.id', 't.team_id')
    .leftJoin('inspection_conclusions as c', 'c.target_id', 't.id').leftJoin('inspection_assessments as a', (j) => j.onRef('a.unit_id', '=', 't.unit_id').onRef('a.year', '=', 'p.year'))
    .select(['t.id', 't.visit_date', 't.visited_on', 't.self_score', 'u.full_name', 'u.kind', 'tm.name as team', 'c.status as cstatus', 'c.good_models', 'a.final_score', 'a.class', 'a.status as astatus'])
    .where('p.year', '=', year).where('p.status', '=', 'approved');
  if (issuedOnly) q = q.where('c.status', '=', 'issued');
  const targets = await q.orderBy('u.full_name').execute();
  const today = localToday();
  const rows: (string | number)[][] = [];
  for (const [i, x] of targets.entries()) {
    const f = await findingsOf(db, x.id);
    const recs = await db.selectFrom('inspection_recommendations').select(['due_on', 'remediated_on', 'closed_on']).where('target_id', '=', x.id).execute();
    const teamScore = f.length ? Math.round(f.reduce((s, y) => s + (y.points ?? 0), 0) * 100) / 100 : '';
    const open = recs.filter((r) => !r.closed_on);
    const state = !recs.length ? '' : !open.length ? 'Đã khắc phục' : open.some((r) => r.due_on < today && !r.remediated_on) ? 'Quá hạn' : 'Đang khắc phục';
    rows.push([i + 1, x.full_name, x.kind === 'commune-committee' ? 'UBND xã' : 'Sở, ngành', `${x.team} / ${dd(x.visited_on ?? x.visit_date)}`, x.self_score ?? '', teamScore,
      x.astatus === 'published' || !issuedOnly ? CLASS_VI[x.class ?? ''] ?? '' : '', f.filter((y) => y.result === 'not_met').length, recs.length, recs.map((r) => dd(r.due_on)).join(', '), state, x.good_models ?? '', x.cstatus === 'issued' ? '' : 'Chưa ban hành kết luận']);
  }
  return { head, rows };
}
