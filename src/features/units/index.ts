import type { Feature } from '../../platform/http/feature.ts';
import { ROLES } from '../../platform/authz/index.ts';
import './units.opendata.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { unitPages } from './units.pages.tsx';
import { unitsApi } from './units.api.ts';

/** Organisation registry: units, their history and lineage, restructuring. */
export const unitsFeature: Feature = {
  name: 'units',
  actions: {
    'units.view': ROLES,
    'units.manage': ['admin'],
    'units.reorganize': ['admin'],
  },
  messages: { vi, en },
  nav: [{ href: '/units', labelKey: 'units.nav', permission: 'units.view', order: 10 }],
  pages: unitPages,
  api: unitsApi,
};
export { importUnits, listProvinces } from './units.import.ts';
export { ancestorIds, findUnits, getUnit, getUnitByKey, unitIdsInScope, unitNames, withDescendants } from './units.repository.ts';
export type { UnitView } from './units.repository.ts';
export { reorganize } from './units.service.ts';
