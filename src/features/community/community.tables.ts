/** Household register and community decisions (LDC Art. 15–22). */
export interface HouseholdsTable {
  id: string; village_id: string; representative: string; address: string | null;
  added_on: string; removed_on: string | null; online_opt_in_on: string | null; created_at: string;
}

export interface CommunityDecisionsTable {
  id: string; village_id: string; commune_id: string | null; matter: string; form: string; question: string; proposer: string;
  initiative_supporters: number | null; initiative_expires: string | null; notice_on: string | null; vote_on: string | null;
  /** open | ballot-offered | closed | recognized | refused | annulled */
  status: string;
  households_present: number | null; yes: number | null; no: number | null; other: number | null;
  total_households: number | null; passed: number | null; rule: string | null; record_due: string | null; record_sent_on: string | null;
  recognize_due: string | null; recognition: string | null; recognition_on: string | null; recognition_note: string | null;
  annulled_on: string | null; annulment_reason: string | null; follows_id: string | null; created_by: string | null; created_at: string; updated_at: string;
}

/** One online vote per household and decision (NĐ 59 Art. 5): agree, disagree or other. */
export interface OnlineVotesTable { id: string; decision_id: string; household_id: string; choice: string; cast_at: string }

declare module '../../platform/db/tables.ts' {
  interface Database { households: HouseholdsTable; community_decisions: CommunityDecisionsTable; online_votes: OnlineVotesTable }
}
