import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { ROLES } from '../../platform/authz/index.ts';
import { subscribe } from '../../platform/events/index.ts';
import './disclosures.opendata.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { disclosurePages } from './disclosures.pages.tsx';
import { compliancePages } from './compliance.pages.tsx';
import { boardPages } from './board.pages.tsx';
import { disclosuresApi } from './disclosures.api.ts';
import { handOverDisclosures } from './disclosures.service.ts';
import { seedDisclosures } from './disclosures.seed.ts';

const pages = new Hono<AppEnv>();
pages.route('/', compliancePages);
pages.route('/', disclosurePages);
pages.route('/', boardPages);

subscribe('unit.succeeded', handOverDisclosures);

/** Mandatory disclosure (LDC Art. 11–14, 46–48): postings with proof, compliance, the public notice board. */
export const disclosuresFeature: Feature = {
  name: 'disclosures',
  actions: {
    'disclosures.view': ROLES,
    'disclosures.manage': ['admin', 'unit-head', 'unit-officer'],
  },
  messages: { vi, en },
  nav: [
    { href: '/disclosures', labelKey: 'disclosures.nav', permission: 'disclosures.view', order: 30 },
    { href: '/board', labelKey: 'board.title', permission: 'public', order: 88 },
  ],
  pages,
  api: disclosuresApi,
  seedDemo: seedDisclosures,
};
export { complianceOfUnits, disclosureCountsByUnit, disclosureStats } from './disclosures.stats.ts';
export { findDisclosures, getDisclosure, type DisclosureRow } from './disclosures.repository.ts';
export { bulletinText } from './bulletin.ts';
