import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { ROLES } from '../../platform/authz/index.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { inspectionPages } from './inspections.pages.tsx';
import { inspectionMorePages } from './inspections.more.pages.tsx';
import { inspectionsApi } from './inspections.api.ts';
import { evidencePages } from './inspections.evidence.pages.tsx';
import { seedInspections } from './inspections.seed.ts';
import './inspections.work.ts';
import { registerInspectionIndicators } from './inspections.indicators.ts';

registerInspectionIndicators();

const pages = new Hono<AppEnv>();
pages.route('/', inspectionPages);
pages.route('/', inspectionMorePages);
pages.route('/', evidencePages);

/**
 * Inspections of mass-mobilisation work and grassroots democracy by the Department of Home Affairs
 * (plan 188/KH-UBND III.1; issue 16 items 1–6, 9). Who may do what: the coordinator everything;
 * the province leader approves plans; team members record findings for their targets (checked per
 * target against the team list); a target unit files its self-report, explanation, remediation and
 * self-assessment; leaders and observers read what is issued.
 */
export const inspectionsFeature: Feature = {
  name: 'inspections',
  actions: {
    'inspections.view': ROLES,
    'inspections.manage': ['admin', 'coordinator'],
    'inspections.approve': ['admin', 'leader'],
    'inspections.publish': ['admin', 'coordinator', 'leader'],
    'inspections.oversee': ['admin', 'coordinator', 'leader', 'observer'],
    'inspections.respond': ['admin', 'unit-head', 'unit-officer'],
    // The door of the findings form; each target checks the team list (or the coordinator).
    'inspections.record': ROLES,
  },
  messages: { vi, en },
  nav: [
    { href: '/inspections', labelKey: 'inspections.nav', permission: 'inspections.view', order: 27 },
    { href: '/public/inspections', labelKey: 'inspections.public.nav', permission: 'public', order: 91 },
  ],
  pages,
  api: inspectionsApi,
  seedDemo: seedInspections,
};
