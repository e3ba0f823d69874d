/** Row types of the petitions feature (see migrations/20261125152000_petitions.ts). */
export interface PetitionsTable {
  id: string; tracking_code: string; access_key_hash: string; channel: string; status: string;
  kind: string | null; kind_hint: string | null; field: string | null; areas: string; title: string; content: string; search_text: string;
  anonymous: number; sealed: number; sender_sealed: string | null; sender_hash: string | null; source_body: string | null;
  addressed_unit_id: string | null; handling_unit_id: string; accused_unit_id: string | null; assigned_user_id: string | null;
  competence: string | null; eligibility: string | null; remote: number; complex: number; instance: string;
  received_on: string; received_at: string; accepted_on: string | null; due_on: string | null; deadlines: string; extensions: number;
  /** JSON array of the NĐ 31/2019 Art. 3(2) criteria met (migrations/20261204120000_law_fixes.ts). */
  complexity_criteria: string;
  outcome: string | null; document_number: string | null; answer: string | null; resolved_on: string | null; duplicate_of: string | null;
  files: string; created_by: string | null; updated_at: string;
  /** Issue 18 items 6–9, 11 (migrations/20261211030000_petition_procedure.ts). */
  clock_history: string; last_step_on: string | null; suspended_on: string | null; suspended_days: number; awaiting_receipt: number;
  time_bar: string | null; decision_unit_id: string | null; resolver: string | null; notices: string;
  /** Issue 18 item 10: the complaint dialogue, JSON (migrations/20261212090000_petition_dialogue.ts). */
  dialogue: string | null;
}
export interface PetitionEventsTable { id: string; petition_id: string; seq: number; at: string; actor_id: string | null; unit_id: string | null; event: string; public: number; note: string | null }
export interface PetitionForwardsTable { id: string; petition_id: string; from_unit_id: string; to_unit_id: string; at: string; by_user_id: string | null; reason: string; legal_step: string }
export interface PetitionIntakeAttemptsTable { id: string; ip: string; at: string }
/** `held_by`: 'head' or 'deputy' (migrations/20261204120000_law_fixes.ts). */
export interface ReceptionDaysTable { id: string; unit_id: string; on_date: string; head_name: string; held: number; held_by: string; note: string | null; created_by: string | null; created_at: string }
export interface ReceptionLogsTable {
  id: string; unit_id: string; received_on: string; visitor_sealed: string; people_count: number; summary: string; kind: string;
  refused: number; refusal_reason: string | null; handling: string | null; petition_id: string | null; reply_due: string | null; replied_on: string | null; reply_outcome: string | null; prior_handling: string | null; requests: string | null;
  created_by: string | null; created_at: string;
}
/** A unit's answer template for a state (see migrations/20261126120000_petitions_more.ts). */
export interface PetitionTemplatesTable { id: string; unit_id: string; status: string; body: string; updated_by: string | null; updated_at: string }
/** Communes in remote, hard-to-reach areas (vùng sâu, vùng xa): cases there get the remote time limits. */
export interface PetitionRemoteUnitsTable { unit_id: string; note: string | null; added_by: string | null; added_at: string }

declare module '../../platform/db/tables.ts' {
  interface Database {
    petitions: PetitionsTable;
    petition_events: PetitionEventsTable;
    petition_forwards: PetitionForwardsTable;
    petition_intake_attempts: PetitionIntakeAttemptsTable;
    reception_days: ReceptionDaysTable;
    reception_logs: ReceptionLogsTable;
    petition_templates: PetitionTemplatesTable;
    petition_remote_units: PetitionRemoteUnitsTable;
  }
}
