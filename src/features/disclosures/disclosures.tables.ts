export interface DisclosuresTable {
  id: string;
  unit_id: string;
  item_code: string;
  title: string;
  document_no: string | null;
  decision_on: string;
  publish_due: string;
  posted_on: string;
  posted_until: string | null;
  removed_on: string | null;
  late: number;
  file_id: string | null;
  /** JSON: FormEvidence[]. */
  forms: string;
  search_text: string;
  /** The consultation this disclosure reports (Art. 11(11), 46(10)); null for postings made by hand. */
  consultation_id: string | null;
  /** 'opened' (plan and content) or 'closed' (summary, explanation); null when not from a consultation. */
  consultation_stage: 'opened' | 'closed' | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database { disclosures: DisclosuresTable }
}
