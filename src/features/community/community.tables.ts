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
  /** The commune-wide decision this village part belongs to (Art. 21(1), commune scope). */
  parent_id: string | null;
  /** JSON lists of names: the counting / ballot / online team and the 2 household witnesses (NĐ 59 Art. 3(5)(c), 4(3), 4(6), 5(2)). */
  count_team: string | null; count_witnesses: string | null; secret_ballot: number | null;
  /** Optimistic concurrency of the tally (platform/http/concurrency.ts); NULL reads as 0. */
  lock_version: number | null;
}

/** One online vote per household and decision (NĐ 59 Art. 5): agree, disagree or other. */
export interface OnlineVotesTable { id: string; decision_id: string; household_id: string; choice: string; cast_at: string }

/** A commune-wide decision on items 1–2 (Art. 16(1), 21(1)): one village part per village, passed by 2/3 of all villages. */
export interface CommuneDecisionsTable {
  id: string; commune_id: string; matter: string; form: string; question: string; vote_on: string | null;
  /** open | closed | annulled */
  status: string; villages_total: number | null; villages_passed: number | null; passed: number | null; rule: string | null; effective_on: string | null;
  created_by: string | null; created_at: string; updated_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database { households: HouseholdsTable; community_decisions: CommunityDecisionsTable; online_votes: OnlineVotesTable; commune_decisions: CommuneDecisionsTable }
}
