import type { Feature } from '../../platform/http/feature.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { languagePages } from './languages.pages.tsx';

/** Citizen pages in additional languages, as data: language files uploaded here or added to `locales/`, with coverage. */
export const languagesFeature: Feature = {
  name: 'languages',
  actions: { 'languages.manage': ['admin'] },
  messages: { vi, en },
  nav: [{ href: '/admin/languages', labelKey: 'languages.nav', permission: 'languages.manage', order: 91 }],
  pages: languagePages,
};
