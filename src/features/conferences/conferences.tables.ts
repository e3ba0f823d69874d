/** Commune democracy events (LDC Art. 32(1), 33; NĐ 59/2023 Art. 10–11): schedule, notice and record. */
export interface ConferencesTable {
  id: string;
  /** commune-dialogue (Art. 32) | village-periodic (Art. 33) */
  kind: string;
  unit_id: string; commune_id: string; held_on: string; place: string; convener: string;
  plan_sent_on: string | null; notice_sent_on: string | null;
  /** scheduled | held */
  status: string;
  households_present: number | null; households_total: number | null;
  /** JSON list of agenda item codes covered; JSON list of {question, answer}. */
  agenda: string | null; questions: string | null;
  conclusions: string | null; commendations: string | null; report_sent_on: string | null; recorded_at: string | null;
  created_by: string | null; created_at: string; updated_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database { conferences: ConferencesTable }
}
