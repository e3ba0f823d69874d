import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { ROLES } from '../../platform/authz/index.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import './conferences.tables.ts';
import './conferences.work.ts';
import { conferencePages } from './conferences.pages.tsx';
import { conferencesApi } from './conferences.api.ts';
import { registerConferenceIndicators } from './conferences.compliance.ts';
import { seedConferences } from './conferences.seed.ts';

registerConferenceIndicators();

const pages = new Hono<AppEnv>();
pages.route('/', conferencePages);

/**
 * Commune democracy events (issue 18 item 12): the commune People's Committee's dialogue conference
 * with the people (LDC Art. 32(1)) and the year-end periodic conference of each village (LDC Art. 33;
 * NĐ 59/2023 Art. 10–11): schedule with plan and notice, minutes (page, API, Decree 30 DOCX),
 * compliance per calendar year and the indicators `hn.dialogue`, `hn.periodic`. Commune staff act
 * for the commune and its villages, a village head (unit-head of the village) for the village; the
 * province-wide roles read.
 */
export const conferencesFeature: Feature = {
  name: 'conferences',
  actions: {
    'conferences.view': ROLES,
    'conferences.manage': ['admin', 'unit-head', 'unit-officer'],
  },
  messages: { vi, en },
  nav: [{ href: '/conferences', labelKey: 'conferences.nav', permission: 'conferences.view', order: 41 }],
  pages,
  api: conferencesApi,
  seedDemo: seedConferences,
};
export { complianceCounts, complianceOfYear } from './conferences.compliance.ts';
