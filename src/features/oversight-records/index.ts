import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRouter } from '../../platform/http/api.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import './oversight.tables.ts';
import './register.work.ts';
import { registerPages } from './register.pages.tsx';
import { recordPages } from './records.pages.tsx';
import { registerApi } from './register.api.ts';
import { recordsApi } from './records.api.ts';
import { registerRecordIndicators } from './records.indicators.ts';
import { seedOversightRecords } from './oversight.seed.ts';

registerRecordIndicators();

const pages = new Hono<AppEnv>();
pages.route('/', registerPages);
pages.route('/', recordPages);
const api = apiRouter();
api.route('/', registerApi);
api.route('/', recordsApi);

const UNIT_READERS = ['admin', 'coordinator', 'leader', 'observer', 'unit-head', 'unit-officer'] as const;

/**
 * Inbound recommendations register (Front supervision and critique, People's Inspection Boards,
 * investment supervision boards, Party-rule 124; one register with the boards' recommendations) and the
 * commendation, discipline and training records of plan 188/KH-UBND II.7–II.8 (issue 16 items 7–8).
 */
export const oversightRecordsFeature: Feature = {
  name: 'oversight-records',
  actions: {
    'register.view': UNIT_READERS,
    'register.file': ['admin', 'coordinator', 'observer'],
    'register.answer': ['admin', 'unit-head', 'unit-officer'],
    'register.close': ['admin', 'coordinator', 'observer'],
    'register.configure': ['admin', 'coordinator'],
    'records.view': UNIT_READERS,
    'records.manage': ['admin', 'coordinator', 'unit-head', 'unit-officer'],
  },
  messages: { vi, en },
  nav: [
    { href: '/recommendations', labelKey: 'register.nav', permission: 'register.view', order: 42 },
    { href: '/records', labelKey: 'records.nav', permission: 'records.view', order: 43 },
  ],
  pages,
  api,
  seedDemo: seedOversightRecords,
};
export { registerRecordIndicators } from './records.indicators.ts';
