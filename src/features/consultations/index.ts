import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { ROLES } from '../../platform/authz/index.ts';
import { subscribe } from '../../platform/events/index.ts';
import './consultations.opendata.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { staffPages } from './staff.pages.tsx';
import { publicPages } from './public.pages.tsx';
import { consultationsApi } from './consultations.api.ts';
import { handOverConsultations } from './consultations.service.ts';
import { seedConsultations } from './consultations.seed.ts';
import './consultations.work.ts';

const pages = new Hono<AppEnv>();
pages.route('/', staffPages);
pages.route('/', publicPages);

subscribe('unit.succeeded', handOverConsultations);

/** Consultations (LDC Art. 25–28, 53–54): comments from citizens, staff and organisations, each answered; the explanation report. */
export const consultationsFeature: Feature = {
  name: 'consultations',
  actions: {
    'consultations.view': ROLES,
    'consultations.manage': ['admin', 'unit-head', 'unit-officer'],
  },
  messages: { vi, en },
  nav: [{ href: '/consultations', labelKey: 'consultations.nav', permission: 'consultations.view', order: 31 }],
  pages,
  api: consultationsApi,
  seedDemo: seedConsultations,
};
export { consultationStats } from './consultations.stats.ts';
export { findConsultations, getConsultation, type ConsultationRow } from './consultations.repository.ts';
