import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { ROLES } from '../../platform/authz/index.ts';
import { subscribe } from '../../platform/events/index.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { communityPages } from './community.pages.tsx';
import { decisionPages } from './decisions.pages.tsx';
import { communePages } from './commune.pages.tsx';
import { communityApi } from './community.api.ts';
import { seedCommunity } from './community.seed.ts';
import { handOverCommunity } from './community.stats.ts';
import './community.work.ts';

const pages = new Hono<AppEnv>();
pages.route('/', communityPages);
pages.route('/', decisionPages);
pages.route('/', communePages);

subscribe('unit.succeeded', handOverCommunity);

/** Household register and community decisions (LDC Art. 15–23, NĐ 59/2023, NĐ 61/2023). */
export const communityFeature: Feature = {
  name: 'community',
  actions: {
    'community.view': ROLES,
    'community.manage': ['admin', 'unit-head', 'unit-officer'],
    'community.recognize': ['admin', 'unit-head', 'unit-officer'],
  },
  messages: { vi, en },
  nav: [{ href: '/community', labelKey: 'community.nav', permission: 'community.view', order: 40 }],
  pages,
  api: communityApi,
  seedDemo: seedCommunity,
};
export { communityStats, democracyNumbers } from './community.stats.ts';
export { explain, failure, scopeFor } from './community.access.ts';
export { householdCount, getVillage, listDecisions } from './community.repository.ts';
