import { ROLES, type Role } from '../../platform/authz/index.ts';

/** Action → roles of the exemplars feature (deny by default; recognition levels are configured separately). */
export const EXEMPLAR_ACTIONS: Record<string, readonly Role[]> = {
  'exemplars.view': ROLES,
  'exemplars.register': ['admin', 'coordinator', 'unit-head', 'unit-officer'],
  'exemplars.propose': ['admin', 'coordinator', 'unit-head'],
  'exemplars.review': ['admin', 'coordinator', 'leader'],
  'exemplars.commend': ['admin', 'coordinator', 'leader'],
  'exemplars.replicate': ['admin', 'coordinator', 'leader', 'unit-head'],
  'exemplars.report': ['admin', 'coordinator', 'leader', 'observer', 'unit-head', 'unit-officer'],
  'exemplars.campaigns': ['admin', 'coordinator'],
  /** Who recognises at each level (configurable after the 2025 restructuring). */
  'exemplars.settings': ['admin'],
};
