import type { Db } from '../../platform/db/index.ts';
import { CONCLUSION_RULE, conclusionDue, isLate, NOTICE_RULE, noticeDue } from '../../domain/inspections/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { conclusionOf, findingsOf, getScheme, recommendationsOf, teamsOf } from './inspections.repository.ts';
import type { InspectionPlansTable, InspectionTargetsTable } from './inspections.tables.ts';
import { autoFill, targetScore, type AutoFill } from './inspections.visit.ts';
import { goodModelsOf } from './inspections.models.ts';
import { evidenceOf, type Evidence } from './inspections.evidence.ts';

/** Everything a target page, its API view and its documents show; findings only when `withFindings`. */
export async function loadTarget(db: Db, t: InspectionTargetsTable, plan: InspectionPlansTable, today: string, withFindings: boolean) {
  const scheme = (await getScheme(db, plan.scheme_id))!;
  const team = (await teamsOf(db, plan.id)).find((x) => x.id === t.team_id)!;
  const unit = await db.selectFrom('units').select(['full_name', 'kind']).where('id', '=', t.unit_id).executeTakeFirstOrThrow();
  const cal = (await loadLegalTime(db)).calendar;
  const dates = {
    noticeDue: noticeDue(cal, t.visit_date, { days: plan.notice_days, unit: NOTICE_RULE.unit }),
    selfReportDue: t.self_report_due,
    conclusionDue: conclusionDue(cal, t.visited_on ?? t.visit_date, { days: plan.conclusion_days, unit: CONCLUSION_RULE.unit }),
  };
  const conclusion = await conclusionOf(db, t.id);
  const flags = {
    noticeLate: plan.mode === 'planned' && isLate(t.notice_sent_on, dates.noticeDue, today),
    selfReportLate: plan.mode === 'planned' && isLate(t.self_report_filed_on, dates.selfReportDue, today),
    conclusionLate: !!t.visited_on && isLate(conclusion?.status === 'issued' ? conclusion.issued_on : null, dates.conclusionDue, today),
  };
  const findings = withFindings ? await findingsOf(db, t.id) : [];
  const auto = withFindings ? await autoFill(db, scheme, plan, t) : new Map<string, AutoFill>();
  const score = withFindings ? await targetScore(db, scheme, t) : null;
  const recs = withFindings || conclusion?.status === 'issued' ? await recommendationsOf(db, t.id) : [];
  const evidence: Evidence[] = withFindings ? await evidenceOf(db, t.id) : [];
  const goodModels = conclusion && (withFindings || conclusion.status === 'issued') ? await goodModelsOf(db, t.id) : [];
  return { t, plan, scheme, team, unitName: unit.full_name, unitKind: unit.kind, dates, flags, conclusion, findings, auto, score, recs, goodModels, evidence };
}
export type TargetView = Awaited<ReturnType<typeof loadTarget>>;
