import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { ROLES } from '../../platform/authz/index.ts';
import { registerJob } from '../../platform/jobs/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { seedAgency } from './agency.seed.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { agencyPages } from './agency.pages.tsx';
import { agencyApi } from './agency.api.ts';
import { remindConferenceFollowUps, remindRegulationReviews } from './agency.service.ts';

const pages = new Hono<AppEnv>();
pages.route('/', agencyPages);

registerJob({ name: 'agency-democracy.regulation-review', everyMs: 6 * 3600_000, run: async ({ db }) => `${await remindRegulationReviews(db, localToday())} reminders, ${await remindConferenceFollowUps(db, localToday())} follow-ups` });

/** Democracy inside agencies: staff conferences, workplace dialogues and the regulation registry (LDC Art. 46–63; plan II.6). */
export const agencyDemocracyFeature: Feature = {
  name: 'agency-democracy',
  actions: { 'agency.view': ROLES, 'agency.manage': ['admin', 'unit-head', 'unit-officer'] },
  messages: { vi, en },
  nav: [{ href: '/agency-democracy', labelKey: 'agency.nav', permission: 'agency.view', order: 43 }],
  pages,
  api: agencyApi,
  seedDemo: seedAgency,
};
export { agencyStats } from './agency.repository.ts';
export { recordConference, registerRegulation, remindRegulationReviews } from './agency.service.ts';
