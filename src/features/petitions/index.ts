import type { Feature } from '../../platform/http/feature.ts';
import { subscribe } from '../../platform/events/index.ts';
import './petitions.opendata.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import './petitions.tables.ts';
import { petitionsApi } from './petitions.api.ts';
import { petitionPages } from './petitions.pages.tsx';
import { seedPetitions } from './petitions.seed.ts';
import { PETITION_ACTIONS } from './petitions.actions.ts';
import { moveToSuccessors } from './petitions.restructure.ts';
import { registerPetitionIndicators } from './petitions.indicators.ts';
import './petitions.work.ts';
import { registerClockRecompute } from '../calendar/index.ts';
import { recomputePetitionClocks } from './petitions.recompute.ts';

registerPetitionIndicators();
subscribe('unit.succeeded', moveToSuccessors);
registerClockRecompute('petitions', recomputePetitionClocks);

/** Citizen reception and petitions: intake on every channel, triage, routing with loop detection, legal clocks, sealed denouncers, public tracking. */
export const petitionsFeature: Feature = {
  name: 'petitions',
  actions: PETITION_ACTIONS,
  messages: { vi, en },
  nav: [
    { href: '/petitions', labelKey: 'petitions.nav', permission: 'petitions.view', order: 30 },
    { href: '/reception', labelKey: 'reception.nav', permission: 'reception.manage', order: 31 },
    { href: '/public/petitions/new', labelKey: 'petitions.public.nav', permission: 'public', order: 80 },
  ],
  pages: petitionPages,
  api: petitionsApi,
  seedDemo: (db, ctx) => seedPetitions(db, ctx),
};
export { petitionIndicators, publicPetitionCounts, registerPetitionIndicators } from './petitions.indicators.ts';
export { resealAll } from './petitions.keys.ts';
export { receptionUnits } from './reception.pages.tsx';
