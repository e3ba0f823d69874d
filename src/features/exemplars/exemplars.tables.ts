/** Row types of the exemplars feature (snake_case, as stored). */
export interface ExemplarCampaignsTable {
  id: string; name: string; year: number; period_from: number; period_to: number; launched_by_unit_id: string;
  /** JSON: [{ number, issuer, date }] */
  legal_basis: string; criteria_version: number;
  /** JSON: string[] */
  criteria: string; registration_deadline: string | null; quota_min: number | null; quota_max: number | null; created_at: string; updated_at: string;
}
export interface ExemplarEntriesTable {
  id: string; code: string; campaign_id: string | null; year: number; kind: string; subject: string; field: string; track: string;
  name: string; search_text: string; person_name: string | null; unit_id: string; commune_code: string | null; commune_unit_id: string | null;
  village: string | null; lat: string | null; lng: string | null;
  /** JSON of the 10 registration items. */
  registration: string;
  /** JSON: [{ outlet, url, date }] */
  press_links: string; status: string; level: string | null; typical: number; results_report: string | null;
  vote_for: number | null; vote_total: number | null; status_note: string | null; previous_entry_id: string | null;
  recognised_on: string | null; created_by: string | null; created_at: string; updated_at: string;
  /** The campaign's criteria version the entry was registered under (null without a campaign). */
  criteria_version: number | null;
  /** Optimistic concurrency of the registration (platform/http/concurrency.ts); NULL reads as 0. */
  lock_version: number | null;
}
/** Each version of a campaign's criteria set, kept when the set is revised. */
export interface ExemplarCampaignCriteriaTable { id: string; campaign_id: string; version: number; criteria: string; created_at: string }
export interface ExemplarHistoryTable { id: string; entry_id: string; action: string; from_status: string | null; to_status: string; note: string | null; actor_id: string | null; at: string }
export interface ExemplarRecognitionsTable { id: string; entry_id: string; level: string; body: string; decision_number: string; decision_on: string; year: number; recognised_by: string | null; created_at: string }
export interface ExemplarCommendationsTable { id: string; entry_id: string; form: string; issuer: string; decision_number: string; decision_on: string; created_at: string }
export interface ExemplarReplicationsTable { id: string; entry_id: string; to_unit_id: string; replicated_on: string; note: string | null; created_at: string }
export interface ExemplarFilesTable { id: string; entry_id: string; file_id: string; purpose: string; public: number; created_at: string }

declare module '../../platform/db/tables.ts' {
  interface Database {
    exemplar_campaigns: ExemplarCampaignsTable;
    exemplar_campaign_criteria: ExemplarCampaignCriteriaTable;
    exemplar_entries: ExemplarEntriesTable;
    exemplar_history: ExemplarHistoryTable;
    exemplar_recognitions: ExemplarRecognitionsTable;
    exemplar_commendations: ExemplarCommendationsTable;
    exemplar_replications: ExemplarReplicationsTable;
    exemplar_files: ExemplarFilesTable;
  }
}
