/** Grassroots-democracy rules (pure): decisions, boards, agencies and mediation, with a lookup by rule id. */
import { COMMUNE_RULES, COMMUNE_THRESHOLD, COUNT_TEAM_RULES, VILLAGE_HEAD_ELECTION, FORM_RULES, INITIATIVE, NOTICES, THRESHOLDS, type LegalRule } from './decisions.ts';
import { BOARD_RULES, QUARTERLY, RECOMMENDATION_REPLY, TERMS } from './boards.ts';
import { CONFERENCE, DIALOGUE, MEDIATION, REGULATION_REVIEW } from './agency.ts';

export * from './decisions.ts';
export * from './boards.ts';
export * from './agency.ts';
export * from './clocks.ts';
export * from './conferences.ts';

const all: LegalRule[] = [...THRESHOLDS, COMMUNE_THRESHOLD, ...Object.values(COMMUNE_RULES), ...Object.values(COUNT_TEAM_RULES), ...VILLAGE_HEAD_ELECTION, ...Object.values(FORM_RULES), INITIATIVE, ...NOTICES, ...Object.values(BOARD_RULES), ...Object.values(TERMS), RECOMMENDATION_REPLY, QUARTERLY,
  ...Object.values(CONFERENCE), ...Object.values(DIALOGUE), ...Object.values(MEDIATION), REGULATION_REVIEW];

/** Every encoded rule by id (for messages that name the broken rule). */
export const RULES: ReadonlyMap<string, LegalRule> = new Map(all.map((r) => [r.id, r]));
