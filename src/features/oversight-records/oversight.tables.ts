/** Inbound recommendations register and the commendation, discipline and training records (issue 16 items 7–8). */
export interface RegisterEntriesTable {
  id: string; source: string; issuer_name: string; issuer_unit_id: string | null; document_number: string; document_date: string; received_on: string;
  subject: string; content: string; assignee_unit_id: string; answer_due: string; term_days: number; term_unit: string; term_basis: string; term_verified: number;
  status: string; answered_on: string | null; answer_document: string | null; outcome: string | null; answer_text: string | null; closed_on: string | null; close_note: string | null;
  created_by: string | null; created_at: string; updated_at: string;
}
export interface RegisterAnswerTermsTable { id: string; source: string; days: number; unit: string; legal_basis: string; verified: number; valid_from: string; valid_to: string | null; note: string | null; created_at: string }
export interface CommendationRecordsTable {
  id: string; unit_id: string; form: string; level: string; issuer: string; decision_number: string; decision_on: string;
  recipient_kind: string; recipient_name: string; exemplar_id: string | null; reason: string; created_at: string;
}
export interface DisciplineRecordsTable {
  id: string; unit_id: string; person_name: string; person_position: string; person_category: string; violation: string; legal_basis: string;
  measure: string; decision_number: string; decision_on: string; decided_by: string; created_at: string;
}
export interface TrainingCoursesTable { id: string; unit_id: string; organiser: string; topic: string; starts_on: string; ends_on: string; hours: number; created_at: string }
export interface TrainingParticipantsTable { id: string; course_id: string; unit_id: string; participants: number; created_at: string }

declare module '../../platform/db/tables.ts' {
  interface Database {
    register_entries: RegisterEntriesTable; register_answer_terms: RegisterAnswerTermsTable; commendation_records: CommendationRecordsTable;
    discipline_records: DisciplineRecordsTable; training_courses: TrainingCoursesTable; training_participants: TrainingParticipantsTable;
  }
}
