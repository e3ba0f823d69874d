/**
 * A generated province for scale checks (bench/reports.bench.ts and reports.scale.test.ts): one
 * province, `departments` departments and the rest communes (3,321 units in all by default, the
 * size of the pre-2025 commune count of a large province), the plan 188 regime and its periods, and
 * a report from almost every unit (statuses mixed) with every indicator filled and two narrative
 * sections written (so the compiled DOCX has the size of a real province).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { aggregateValues, getIndicator } from '../../platform/indicators/index.ts';
import { seedPlan188Regime } from './reports.seed.ts';
import { getRegime, getPeriod } from './reports.repository.ts';
import { registerPlan188Indicators } from './reports.regime.ts';
import type { Aggregation } from './reports.aggregate.ts';

export async function generateProvince(db: Db, opts: { units?: number; departments?: number; at?: string } = {}) {
  registerPlan188Indicators();
  const total = opts.units ?? 3321;
  const departments = opts.departments ?? 30;
  const at = opts.at ?? '2025-07-01';
  const now = nowIso();
  const provinceId = randomUUID();
  const unit = (id: string, kind: string, name: string, parent: string | null) => ({
    id, code: null, key: null, name, full_name: name, name_en: null, kind, commune_type: kind === 'commune-committee' ? 'xa' : null, parent_id: parent,
    province_code: '99', valid_from: '2025-01-01', valid_to: null, search_text: ` ${name.toLowerCase()} `, created_at: now, updated_at: now,
  });
  const rows = [unit(provinceId, 'province-committee', 'Tỉnh Thử Nghiệm', null)];
  for (let i = 0; i < total; i++) rows.push(i < departments ? unit(randomUUID(), 'department', `Sở Thử ${i + 1}`, provinceId) : unit(randomUUID(), 'commune-committee', `Xã Thử ${i + 1}`, provinceId));
  for (let i = 0; i < rows.length; i += 300) await db.insertInto('units').values(rows.slice(i, i + 300)).execute();
  const { regimeId, periodIds } = await seedPlan188Regime(db, at);
  const regime = (await getRegime(db, regimeId))!;
  const period = (await getPeriod(db, periodIds[1]))!;
  let seed = 3321;
  const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const reports: { id: string; status: string; unitId: string }[] = [];
  const reportRows = [];
  const values = [];
  const sections: { report_id: string; key: string; text: string; comment: string | null }[] = [];
  for (const u of rows.slice(1)) {
    const x = rand();
    const status = x < 0.6 ? 'accepted' : x < 0.8 ? 'submitted' : x < 0.88 ? 'returned' : x < 0.94 ? 'draft' : 'missing';
    if (status === 'missing') continue;
    const id = randomUUID();
    reports.push({ id, status, unitId: u.id });
    const sent = status === 'draft' ? null : now;
    reportRows.push({ id, period_id: period.id, unit_id: u.id, status, version: sent ? 1 : 0, first_submitted_at: sent, submitted_at: sent, late: 0, reviewed_at: null, reviewed_by: null, review_comment: null, updated_by: null, created_at: now, updated_at: now });
    for (const key of ['item-5', 'limitations']) sections.push({ report_id: id, key, text: `${u.name}: ${key === 'item-5' ? 'tiếp công dân định kỳ theo lịch, đơn thư xử lý đúng thẩm quyền' : 'thiếu công chức chuyên trách, số liệu thôn chưa đầy đủ'} (${Math.floor(rand() * 100)}).`, comment: null });
    for (const code of regime.indicators) values.push({ report_id: id, code, value: rand() < 0.03 ? null : String(code === 'don.resolved.rate' ? Math.round(rand() * 1000) / 10 : Math.floor(rand() * 200)), computed: null, override_reason: null });
  }
  for (let i = 0; i < reportRows.length; i += 400) await db.insertInto('reports').values(reportRows.slice(i, i + 400)).execute();
  for (let i = 0; i < values.length; i += 400) await db.insertInto('report_values').values(values.slice(i, i + 400)).execute();
  for (let i = 0; i < sections.length; i += 400) await db.insertInto('report_sections').values(sections.slice(i, i + 400)).execute();
  return { period, regime, units: total, reports: reports.length, values: values.length };
}

/** Recomputes each indicator straight from the unit reports (independently of aggregatePeriod) and lists the mismatches. */
export async function checkAggregate(db: Db, periodId: string, agg: Aggregation): Promise<string[]> {
  const rows = await db.selectFrom('report_values as v').innerJoin('reports as r', 'r.id', 'v.report_id').innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['v.code', 'v.value', 'u.kind']).where('r.period_id', '=', periodId).where('r.status', 'in', ['submitted', 'accepted']).execute();
  const bad: string[] = [];
  for (const i of agg.indicators) {
    const how = getIndicator(i.code)!.aggregate;
    const xs = rows.filter((r) => r.code === i.code).map((r) => (r.value == null ? null : Number(r.value)));
    const expect = aggregateValues(how, xs);
    if (expect !== i.total) bad.push(`${i.code}: ${i.total} ≠ ${expect}`);
    for (const [kind, v] of Object.entries(i.byUnitKind)) {
      const e = aggregateValues(how, rows.filter((r) => r.code === i.code && r.kind === kind).map((r) => (r.value == null ? null : Number(r.value))));
      if (e !== v) bad.push(`${i.code}/${kind}: ${v} ≠ ${e}`);
    }
  }
  return bad;
}
