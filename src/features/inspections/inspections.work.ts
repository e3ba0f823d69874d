import { registerWorkSource, type WorkItem } from '../../platform/work/index.ts';
import { plusDays } from '../../domain/calendar/index.ts';
import { CONCLUSION_RULE, conclusionDue, SELF_REPORT_RULE } from '../../domain/inspections/index.ts';
import { loadLegalTime } from '../calendar/index.ts';

const short = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

/** A target unit's self-report still to file (approved plans, planned mode) and its open recommendations (due or overdue). */
registerWorkSource({
  name: 'inspections.units',
  permission: 'inspections.respond',
  list: async (db, who) => {
    if (!who.units.length) return [];
    const en = who.lang === 'en';
    const targets = await db.selectFrom('inspection_targets as t').innerJoin('inspection_plans as p', 'p.id', 't.plan_id').innerJoin('units as u', 'u.id', 't.unit_id')
      .select(['t.id', 't.unit_id', 't.self_report_due', 't.visit_date', 'u.full_name', 'p.title'])
      .where('t.unit_id', 'in', who.units).where('p.status', '=', 'approved').where('p.mode', '=', 'planned').where('t.self_report_filed_on', 'is', null).where('t.visited_on', 'is', null)
      .where('t.visit_date', '>=', plusDays(who.today, -30)).limit(100).execute();
    const recs = await db.selectFrom('inspection_recommendations as r').innerJoin('inspection_conclusions as c', 'c.target_id', 'r.target_id').innerJoin('units as u', 'u.id', 'r.addressee_unit_id')
      .select(['r.id', 'r.text', 'r.due_on', 'r.target_id', 'r.addressee_unit_id', 'u.full_name'])
      .where('r.addressee_unit_id', 'in', who.units).where('c.status', '=', 'issued').where('r.remediated_on', 'is', null).where('r.closed_on', 'is', null).orderBy('r.due_on').limit(100).execute();
    return [
      ...targets.map((t): WorkItem => ({ key: `inspection-self-report:${t.id}`, kind: 'inspection.self-report', title: en ? `Self-report for the inspection on ${t.visit_date}` : `Gửi báo cáo tự kiểm tra, tự chấm điểm (kiểm tra ngày ${t.visit_date.split('-').reverse().join('/')})`, unitId: t.unit_id, unitName: t.full_name, due: t.self_report_due, basis: SELF_REPORT_RULE.verified ? SELF_REPORT_RULE.legalBasis.law : null, href: `/inspection-targets/${t.id}` })),
      ...recs.map((r): WorkItem => ({ key: `inspection-rec:${r.id}`, kind: 'inspection.remediate', title: short(`${en ? 'Remediate' : 'Khắc phục kiến nghị'}: ${r.text}`), unitId: r.addressee_unit_id, unitName: r.full_name, due: r.due_on, basis: null, href: `/inspection-targets/${r.target_id}` })),
    ];
  },
});

/** The coordinator's desk: conclusions to issue after visits, recommendations with remediation reports to accept. */
registerWorkSource({
  name: 'inspections.coordinator',
  permission: 'inspections.manage',
  list: async (db, who) => {
    if (!who.provinceWide) return [];
    const visited = await db.selectFrom('inspection_targets as t').innerJoin('units as u', 'u.id', 't.unit_id').innerJoin('inspection_plans as p', 'p.id', 't.plan_id').leftJoin('inspection_conclusions as c', 'c.target_id', 't.id')
      .select(['t.id', 't.unit_id', 't.visited_on', 'p.conclusion_days', 'u.full_name', 'c.status']).where('t.visited_on', 'is not', null).limit(200).execute();
    const toAccept = await db.selectFrom('inspection_recommendations as r').innerJoin('units as u', 'u.id', 'r.addressee_unit_id').select(['r.id', 'r.text', 'r.target_id', 'r.addressee_unit_id', 'r.due_on', 'u.full_name'])
      .where('r.remediated_on', 'is not', null).where('r.closed_on', 'is', null).limit(100).execute();
    const en = who.lang === 'en';
    const cal = (await loadLegalTime(db)).calendar;
    return [
      ...visited.filter((v) => v.status !== 'issued').map((v): WorkItem => ({ key: `inspection-conclusion:${v.id}`, kind: 'inspection.conclude', title: `${en ? 'Issue the conclusion' : 'Ban hành thông báo kết luận kiểm tra'}: ${v.full_name}`, unitId: v.unit_id, unitName: v.full_name, due: conclusionDue(cal, v.visited_on!, { days: v.conclusion_days, unit: CONCLUSION_RULE.unit }), basis: null, href: `/inspection-targets/${v.id}` })),
      ...toAccept.map((r): WorkItem => ({ key: `inspection-accept:${r.id}`, kind: 'inspection.accept', title: short(`${en ? 'Review the remediation report' : 'Xem xét báo cáo khắc phục'}: ${r.text}`), unitId: r.addressee_unit_id, unitName: r.full_name, due: null, basis: null, href: `/inspection-targets/${r.target_id}` })),
    ];
  },
});
