import type { Feature } from '../../platform/http/feature.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { auditPages } from './audit.pages.tsx';
import { auditApi } from './audit.api.ts';

/** The hash-chained audit log: search, CSV export and the integrity check (pages and API). */
export const auditFeature: Feature = {
  name: 'audit',
  actions: { 'audit.view': ['admin', 'coordinator'] },
  messages: { vi, en },
  nav: [{ href: '/audit', labelKey: 'audit.nav', permission: 'audit.view', order: 95 }],
  pages: auditPages,
  api: auditApi,
};
export { findEvents } from './audit.repository.ts';
export type { AuditFilter, AuditItem } from './audit.repository.ts';
