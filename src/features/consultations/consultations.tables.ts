export interface ConsultationsTable {
  id: string;
  unit_id: string;
  title: string;
  matter: string;
  consulted: string | null;
  /** JSON string[] (Art. 26(1), 54). */
  forms: string;
  opens_on: string;
  closes_on: string;
  /** The specific law allowing a period shorter than Art. 28's 20 days. */
  specific_law: string | null;
  /** JSON Section[]. */
  sections: string;
  file_id: string | null;
  status: 'open' | 'closed';
  decision: string | null;
  departure_reason: string | null;
  closed_at: string | null;
  search_text: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConsultationCommentsTable {
  id: string;
  consultation_id: string;
  section_key: string | null;
  channel: string;
  organization: string | null;
  social_critique: number;
  author_name: string | null;
  text: string;
  received_on: string;
  decision: 'accepted' | 'partly' | 'rejected' | null;
  explanation: string | null;
  disposed_by: string | null;
  disposed_at: string | null;
  created_at: string;
}

/** Art. 27: informing affected citizens and the dialogue with them, filed with the decision dossier. */
export interface ConsultationDialoguesTable {
  id: string;
  consultation_id: string;
  /** 'meeting' (a dialogue meeting was held) or 'notice' (those affected were informed and gave views otherwise). */
  kind: 'meeting' | 'notice';
  held_on: string;
  place: string | null;
  /** Who attended for the authority: UBND, UBMTTQ, Ban TTND … */
  participants: string | null;
  /** The affected citizens informed or present. */
  affected: string;
  /** Their views, as recorded. */
  opinions: string;
  /** The explanation / acceptance given (giải trình, tiếp thu). */
  answers: string | null;
  created_by: string | null;
  created_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database { consultations: ConsultationsTable; consultation_comments: ConsultationCommentsTable; consultation_dialogues: ConsultationDialoguesTable }
}
