/** Statutory deadlines as data, and the arithmetic over the legal calendar. */
export type { DeadlineOptions, DeadlineRequest, DeadlineResult, DeadlineRule, Extension, LegalBasis, Unit, Variant } from './types.ts';
export { DEADLINE_RULES, findRule, listRules, ruleExists } from './rules.ts';
export { computeDeadline, deadlineStatus, DeadlineError, pickVariant, type DeadlineErrorCode } from './compute.ts';
export { countsAsHeadDay, DEPUTY_RULES, deputyRule, RECEPTION_FREQUENCIES, RECEPTION_HOLDERS, receptionFrequency, requiredReceptionDays, type DeputyRule, type ReceptionFrequency, type ReceptionHolder, type ReceptionUnitKind } from './reception-frequency.ts';
export { UNIT_VI } from './define.ts';
export { BEFORE_READING, CONSULTATION_WINDOW_READING, READINGS, readingOn, type Reading } from './readings.ts';
