/** Tables of the inspections feature (migrations/20261210100000_inspections.ts). */
export interface InspectionSchemesTable { id: string; code: string; version: number; name: string; decision_no: string | null; valid_from: string; valid_to: string | null; definition: string; provisional: number; created_by: string | null; created_at: string }
export interface InspectionPlansTable {
  id: string; year: number; title: string; document_number: string | null; scope: string; mode: string; review_from: string; review_to: string; window_from: string; window_to: string;
  objectives: string; content_items: string; scheme_id: string; notice_days: number; self_report_days: number; conclusion_days: number; recommendation_days: number;
  status: string; submitted_on: string | null; approved_on: string | null; approved_by: string | null; created_by: string | null; created_at: string; updated_at: string;
}
export interface InspectionTeamsTable { id: string; plan_id: string; name: string; decision_number: string; decision_date: string; created_at: string }
export interface InspectionTeamMembersTable { id: string; team_id: string; name: string; body: string; role: string; user_id: string | null; created_at: string }
export interface InspectionTargetsTable {
  id: string; plan_id: string; team_id: string; unit_id: string; visit_date: string; notice_sent_on: string | null; self_report_due: string; self_report: string | null; self_score: number | null;
  self_report_filed_on: string | null; explanation: string | null; visited_on: string | null; visit_place: string | null; status: string; created_at: string; updated_at: string;
}
export interface InspectionFindingsTable { id: string; target_id: string; criterion_code: string; result: string; points: number | null; auto_points: number | null; auto_source: string | null; override_reason: string | null; note: string | null; updated_by: string | null; updated_at: string }
export interface InspectionConclusionsTable { id: string; target_id: string; document_number: string | null; strengths: string; limitations: string; causes: string; good_models: string; status: string; issued_on: string | null; created_at: string; updated_at: string }
export interface InspectionRecommendationsTable { id: string; target_id: string; addressee_unit_id: string; text: string; due_on: string; remediation_report: string | null; remediated_on: string | null; closed_on: string | null; created_at: string }
export interface InspectionAssessmentsTable {
  id: string; year: number; unit_id: string; scheme_id: string; self_score: number | null; self_note: string | null; self_submitted_on: string | null; adjustments: string; final_score: number | null;
  class: string | null; not_eligible_reason: string | null; status: string; decision_number: string | null; published_on: string | null; created_at: string; updated_at: string;
}

export interface InspectionGoodModelsTable { id: string; target_id: string; entry_id: string; name: string; created_by: string | null; created_at: string }
export interface InspectionEvidenceTable { id: string; target_id: string; criterion_code: string; file_id: string; uploaded_by: string | null; created_at: string }

declare module '../../platform/db/tables.ts' {
  interface Database {
    inspection_schemes: InspectionSchemesTable; inspection_plans: InspectionPlansTable; inspection_teams: InspectionTeamsTable; inspection_team_members: InspectionTeamMembersTable;
    inspection_targets: InspectionTargetsTable; inspection_findings: InspectionFindingsTable; inspection_conclusions: InspectionConclusionsTable;
    inspection_recommendations: InspectionRecommendationsTable; inspection_assessments: InspectionAssessmentsTable;
    inspection_good_models: InspectionGoodModelsTable; inspection_evidence: InspectionEvidenceTable;
  }
}
