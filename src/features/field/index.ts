import type { Feature } from '../../platform/http/feature.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { fieldPages } from './field.pages.tsx';

/**
 * Offline capture for officers in the field (issue 20 item 1): a page kept by a service worker whose
 * entries wait in IndexedDB and are sent to the ordinary API with an Idempotency-Key when a
 * connection returns. The server side is the features' own API routes with `idempotent()`.
 */
export const fieldFeature: Feature = {
  name: 'field',
  actions: { 'field.capture': ['admin', 'coordinator', 'unit-head', 'unit-officer', 'reception-officer'] },
  messages: { vi, en },
  nav: [{ href: '/field', labelKey: 'field.nav', permission: 'field.capture', order: 33 }],
  pages: fieldPages,
};
