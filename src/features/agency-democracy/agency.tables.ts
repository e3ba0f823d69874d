/** Democracy inside agencies: staff conferences (LDC Art. 50–52), workplace dialogues (NĐ 145/2020 Art. 39), regulation registry (plan II.6). */
export interface StaffConferencesTable {
  id: string; unit_id: string; year: number; kind: string; held_on: string; due_by: string; staff_total: number; attendees: number; resolution_yes: number;
  quorum: number; passed: number; follow_up_due: string | null; created_at: string;
  /** Extraordinary conference (LDC Art. 51(1)): union | head | staff, and how many staff asked. */
  requested_by: string | null; requesting: number | null;
}
export interface WorkplaceDialoguesTable { id: string; unit_id: string; held_on: string; legal_rep_present: number; worker_reps: number; worker_reps_present: number; valid: number; note: string | null; created_at: string }
export interface UnitRegulationsTable { id: string; unit_id: string; kind: string; title: string; issued_on: string; review_due: string; reviewed_on: string | null; created_at: string }

declare module '../../platform/db/tables.ts' {
  interface Database { staff_conferences: StaffConferencesTable; workplace_dialogues: WorkplaceDialoguesTable; unit_regulations: UnitRegulationsTable }
}
