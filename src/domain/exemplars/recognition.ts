/**
 * Who recognises DVK models at each level. After the 2025 restructuring this is not confirmed for
 * Gia Lai (DVK-AND-INSPECTIONS.md §1.1.6: "Model it as configurable"), so it is data: the roles
 * allowed per level, whether a unit-level role must hold the entry's unit (or an ancestor), and the
 * recognising body's name shown on decisions. Pure: the caller supplies the user's grants.
 */
import type { Level } from './workflow.ts';

export interface LevelRule {
  /** Roles that may recognise at this level. */
  roles: string[];
  /** 'unit': the grant must cover the entry's owner unit or commune; 'province': any grant of the role. */
  scope: 'unit' | 'province';
  /** The recognising body as printed (e.g. "Đảng ủy xã", "Ban Tuyên giáo và Dân vận Tỉnh ủy"). */
  body: string;
}
export type RecognitionConfig = Record<Level, LevelRule>;

/** Proposed default: the commune's head (Đảng ủy/UBND xã) at commune level; the province's leaders at province level. */
export const DEFAULT_RECOGNITION: RecognitionConfig = {
  commune: { roles: ['admin', 'unit-head'], scope: 'unit', body: 'Ban Chỉ đạo phong trào "Dân vận khéo" cấp xã' },
  province: { roles: ['admin', 'leader'], scope: 'province', body: 'Ban Tuyên giáo và Dân vận Tỉnh ủy' },
};

export interface GrantLike { role: string; unitId: string; includeDescendants: boolean }

/**
 * Whether grants allow recognising at a level an entry owned by `unitIds` (owner unit and commune
 * unit), given each unit's ancestors. Province-wide roles (admin, leader, coordinator, observer)
 * count only when the level's rule lists them.
 */
export function mayRecognize(config: RecognitionConfig, level: Level, grants: GrantLike[], unitIds: string[], ancestors: Map<string, string[]>, provinceWide: readonly string[]): boolean {
  const rule = config[level];
  const gs = grants.filter((g) => rule.roles.includes(g.role));
  if (gs.length === 0) return false;
  if (rule.scope === 'province' || gs.some((g) => provinceWide.includes(g.role))) return true;
  return gs.some((g) => unitIds.some((u) => u === g.unitId || (g.includeDescendants && (ancestors.get(u) ?? []).includes(g.unitId))));
}
