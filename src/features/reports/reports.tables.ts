/** Row types of the reports capability (snake_case as stored; JSON columns as text). */
export interface ReportRegimesTable {
  id: string;
  code: string;
  name: string;
  /** Required content (nội dung yêu cầu báo cáo). */
  content: string;
  legal_basis: string;
  /** JSON string[]: unit kinds that report (the reporting units of a period are snapshotted). */
  unit_kinds: string;
  recipient: string;
  /** JSON string[]. */
  copy_to: string;
  sending_method: string;
  /** JSON PeriodTemplate[]: kinds, cut-offs and due dates of the periods. */
  frequency: string;
  /** JSON OutlineSection[]. */
  outline: string;
  /** JSON string[]: indicator codes of the data form. */
  indicators: string;
  guidance: string;
  reminder_days: number;
  created_at: string;
  updated_at: string;
}
export interface ReportPeriodsTable {
  id: string;
  regime_id: string;
  title: string;
  kind: string;
  from_date: string;
  to_date: string;
  due_date: string;
  /** 'by' (đến hết ngày) or 'before' (trước ngày), see migrations/20261204120000_law_fixes.ts. */
  due_mode: string;
  created_at: string;
}
export interface ReportPeriodUnitsTable { period_id: string; unit_id: string }
export interface ReportsTable {
  id: string;
  period_id: string;
  unit_id: string;
  status: string;
  version: number;
  first_submitted_at: string | null;
  submitted_at: string | null;
  late: number;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_comment: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency of the whole report (platform/http/concurrency.ts); NULL reads as 0. */
  lock_version: number | null;
}
export interface ReportValuesTable { report_id: string; code: string; value: string | null; computed: string | null; override_reason: string | null }
export interface ReportSectionsTable { report_id: string; key: string; text: string; comment: string | null }
export interface ReportVersionsTable { id: string; report_id: string; version: number; event: string; snapshot: string; actor_id: string | null; at: string }
/** The provincial report of a period compiled from the unit reports; edited as a draft, then issued under its own number. */
export interface ReportCompilationsTable {
  id: string;
  period_id: string;
  /** draft | issued */
  status: string;
  number: number | null;
  /** YYYY-MM-DD */
  signed_on: string | null;
  signer_name: string;
  intro: string;
  /** JSON Record<outline key, text>. */
  sections: string;
  version: number;
  updated_by: string | null;
  issued_by: string | null;
  issued_at: string | null;
  created_at: string;
  updated_at: string;
}
/** An export of a period's aggregate built off the request path (status queued | running | done | failed; progress 0–100). */
export interface ReportExportsTable {
  id: string;
  period_id: string;
  format: string;
  status: string;
  progress: number;
  step: string;
  file_name: string | null;
  /** The file as base64 once done. */
  content: string | null;
  error: string | null;
  requested_by: string | null;
  created_at: string;
  finished_at: string | null;
  /** When the builder last wrote progress (a `running` export without one for EXPORT_STALE_MS is re-queued). */
  heartbeat_at: string | null;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    report_regimes: ReportRegimesTable;
    report_periods: ReportPeriodsTable;
    report_period_units: ReportPeriodUnitsTable;
    reports: ReportsTable;
    report_values: ReportValuesTable;
    report_sections: ReportSectionsTable;
    report_versions: ReportVersionsTable;
    report_compilations: ReportCompilationsTable;
    report_exports: ReportExportsTable;
  }
}
