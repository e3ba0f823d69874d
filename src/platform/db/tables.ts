/** Row types of the platform's own tables (snake_case columns, as stored). */
export interface UnitsTable {
  id: string;
  code: string | null;
  key: string | null;
  name: string;
  full_name: string;
  name_en: string | null;
  kind: string;
  commune_type: string | null;
  parent_id: string | null;
  province_code: string | null;
  valid_from: string;
  valid_to: string | null;
  search_text: string;
  created_at: string;
  updated_at: string;
}
export interface ReorganizationsTable {
  id: string;
  kind: string;
  effective_date: string;
  legal_basis: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}
export interface UnitLineageTable {
  id: string;
  reorganization_id: string | null;
  predecessor_id: string;
  successor_id: string;
  kind: string;
  partial: number;
  effective_date: string;
  legal_basis: string | null;
}
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  active: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}
export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: string;
  unit_id: string;
  include_descendants: number;
  granted_by: string | null;
  created_at: string;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  kind: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
}
export interface LoginAttemptsTable {
  id: string;
  username: string;
  ip: string;
  at: string;
}
export interface AuditEventsTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  unit_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  changes: string | null;
  ip: string | null;
  request_id: string | null;
  visibility: string;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface FilesTable {
  id: string;
  name: string;
  mime: string;
  kind: string;
  size: number;
  sha256: string;
  path: string;
  uploaded_by: string | null;
  created_at: string;
}
export interface NotificationsTable {
  id: string;
  user_id: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
  /** 'none' (no e-mail wanted or no address), 'pending', 'sent', 'failed' */
  email_status: string;
  email_sent_at: string | null;
}
export interface JobLeasesTable {
  name: string;
  locked_until: string;
  last_run_at: string | null;
  last_result: string | null;
  /** How many times the job ran (any process), for checking "once per interval". */
  runs: number | null;
}

/**
 * The whole schema. Features add their own tables by module augmentation in their
 * `<feature>.tables.ts`: `declare module '../../platform/db/tables.ts' { interface Database { … } }`. Features add their tables here as they arrive (one interface per table). */
export interface Database {
  units: UnitsTable;
  reorganizations: ReorganizationsTable;
  unit_lineage: UnitLineageTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  settings: SettingsTable;
  files: FilesTable;
  notifications: NotificationsTable;
  job_leases: JobLeasesTable;
}
