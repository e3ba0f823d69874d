import { foldVietnamese } from '../../domain/text/normalize.ts';

/** Unit kinds (GLOSSARY.md). */
export const UNIT_KINDS = [
  'province-committee', 'department', 'public-service-unit', 'commune-committee', 'village',
  'district-committee', 'party-commission', 'fatherland-front', 'press',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const COMMUNE_TYPES = ['xa', 'phuong', 'dac-khu', 'thi-tran'] as const;

/** Day the two-level local government started (NQ 202/2025/QH15, NQ 203/2025/QH15). */
export const REFORM_2025 = '2025-07-01';
/** Last day of the district level and of the old communes. */
export const REFORM_2025_EVE = '2025-06-30';
/**
 * Start of the pre-reform snapshot. The lists are the state of 01/03/2025; old Gia Lai's 218
 * communes date from 01/11/2024 (DOMAIN.md §10). Earlier history is not recorded.
 */
export const PRE2025_SNAPSHOT_FROM = '2024-11-01';

/** The folded search column: ' words ' with spaces at both ends so a query word can match a word start. */
export function unitSearchText(fullName: string, name: string, code: string | null): string {
  return ` ${foldVietnamese(`${fullName} ${name} ${code ?? ''}`)} `;
}
