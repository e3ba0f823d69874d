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
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database { disclosures: DisclosuresTable }
}
