/** People's Inspection Boards and Community Investment Supervision Boards (LDC Art. 36–45, 60–63). */
export interface BoardsTable {
  id: string; kind: string; scope: string; unit_id: string; project_title: string | null; term_start: string; term_end: string | null;
  status: string; dissolved_on: string | null; investor_notified_on: string | null; report_to: string | null; created_at: string; updated_at: string;
}
export interface BoardMembersTable { id: string; board_id: string; name: string; role: string; village_id: string | null; is_unit_official: number; from_on: string; to_on: string | null; created_at: string }
export interface BoardRecommendationsTable { id: string; board_id: string; to_authority: string; text: string; kind: string; sent_on: string; answer_due: string; answered_on: string | null; answer: string | null; created_at: string }
export interface BoardActivitiesTable { id: string; board_id: string; kind: string; held_on: string; notice_on: string | null; text: string; created_at: string }

/** Photos of a supervision visit (or any activity), stored with platform/files. */
export interface BoardActivityFilesTable { id: string; board_id: string; activity_id: string; file_id: string; created_at: string }

declare module '../../platform/db/tables.ts' {
  interface Database { boards: BoardsTable; board_members: BoardMembersTable; board_recommendations: BoardRecommendationsTable; board_activities: BoardActivitiesTable; board_activity_files: BoardActivityFilesTable }
}
