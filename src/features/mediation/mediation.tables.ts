/** Grassroots mediation teams and cases (Luật Hòa giải ở cơ sở 35/2013/QH13). */
export interface MediationTeamsTable { id: string; village_id: string; name: string; ethnic_minority_area: number; reviewed_on: string | null; created_at: string }
export interface MediatorsTable { id: string; team_id: string; name: string; gender: string; ethnic_minority: number; is_leader: number; recognized_on: string | null; created_at: string; /** Art. 8 election: votes of household representatives, out of all households. */ election_votes: number | null; election_households: number | null }
export interface MediationCasesTable {
  id: string; team_id: string; assigned_on: string; start_due: string; started_on: string | null; /** JSON list of party names. */ parties: string; summary: string;
  result: string | null; /** JSON settlement record (Art. 24(2)). */ record: string | null; closed_on: string | null; created_at: string; updated_at: string;
}
export interface MediationSessionsTable { id: string; case_id: string; held_on: string; note: string; created_at: string }

declare module '../../platform/db/tables.ts' {
  interface Database { mediation_teams: MediationTeamsTable; mediators: MediatorsTable; mediation_cases: MediationCasesTable; mediation_sessions: MediationSessionsTable }
}
