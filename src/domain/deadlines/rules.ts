/** The registry of statutory deadline rules: all versions, looked up by id and date. */
import { isIsoDate } from '../calendar/dates.ts';
import { DEMOCRACY_RULES } from './rules-democracy.ts';
import { COMPLAINT_RULES, DENUNCIATION_RULES, RECEPTION_RULES } from './rules-justice.ts';
import { PROCEDURE_RULES } from './rules-procedure.ts';
import type { DeadlineRule } from './types.ts';

/** Every version of every rule. */
export const DEADLINE_RULES: readonly DeadlineRule[] = [...COMPLAINT_RULES, ...DENUNCIATION_RULES, ...RECEPTION_RULES, ...PROCEDURE_RULES, ...DEMOCRACY_RULES];

const inForce = (r: DeadlineRule, on: string) => r.validFrom <= on && (r.validTo === null || on <= r.validTo);
const byId = new Map<string, DeadlineRule[]>();
for (const r of DEADLINE_RULES) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);

/** The version of rule `id` in force on `onDate` (the start date), or undefined. */
export function findRule(id: string, onDate: string): DeadlineRule | undefined {
  const versions = byId.get(id);
  if (!versions) return undefined;
  for (const r of versions) if (inForce(r, onDate)) return r;
  return undefined;
}

/** True when some version of rule `id` exists (whatever its dates). */
export function ruleExists(id: string): boolean {
  return byId.has(id);
}

/** Rules in force on `onDate`, or every version when no date is given; sorted by id then validFrom. */
export function listRules(onDate?: string): DeadlineRule[] {
  if (onDate !== undefined && !isIsoDate(onDate)) throw new RangeError(`not a date: ${onDate}`);
  const rules = onDate === undefined ? [...DEADLINE_RULES] : DEADLINE_RULES.filter((r) => inForce(r, onDate));
  return rules.sort((a, b) => (a.id === b.id ? (a.validFrom < b.validFrom ? -1 : 1) : a.id < b.id ? -1 : 1));
}
