/** Row types of plans, their items and duties, tasks and written assignments. */
export interface PlansTable {
  id: string; parent_plan_id: string | null; unit_id: string; document_number: string | null; title: string; issued_on: string | null;
  place: string | null; status: string; due_on: string | null; /** JSON of the document's other parts (see PlanDocument). */ document: string;
  note: string | null; created_at: string; updated_at: string;
}
export interface PlanItemsTable {
  id: string; plan_id: string; parent_id: string | null; source_item_id: string | null; number: string; title: string; body: string | null;
  /** JSON [{mark, text}] */ footnotes: string; tracked: number; position: number; /** JSON supervision area codes (II.11), or null */ areas: string | null;
}
export interface PlanDutiesTable { id: string; plan_id: string; number: string; heading: string; unit_id: string | null; unit_kind: string | null; body: string; note: string | null; position: number }
export interface TasksTable {
  id: string; plan_id: string | null; plan_item_id: string | null; parent_task_id: string | null; unit_id: string; assignee_id: string | null;
  /** JSON string[] */ co_unit_ids: string; /** JSON supervision area codes */ areas: string; title: string; start_on: string | null; due_on: string | null;
  due_rule: string | null; status: string; /** Day marked done (YYYY-MM-DD), null while not done. */ done_on: string | null; progress: number; progress_manual: number; weight: number; note: string | null; created_at: string; updated_at: string;
  /** Optimistic concurrency (platform/http/concurrency.ts); NULL reads as 0. */ lock_version: number | null;
}
export interface TaskUpdatesTable { id: string; task_id: string; kind: string; note: string; progress: number | null; file_id: string | null; user_id: string | null; created_at: string }
export interface PlanAssignmentsTable {
  id: string; unit_id: string; head_user_id: string | null; head_name: string; focal_user_id: string | null; focal_name: string;
  document_number: string; document_date: string; file_id: string | null; active: number; created_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    plans: PlansTable;
    plan_items: PlanItemsTable;
    plan_duties: PlanDutiesTable;
    tasks: TasksTable;
    task_updates: TaskUpdatesTable;
    plan_assignments: PlanAssignmentsTable;
  }
}
