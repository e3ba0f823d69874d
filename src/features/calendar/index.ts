import type { Feature } from '../../platform/http/feature.ts';
import { ROLES } from '../../platform/authz/index.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { calendarPages } from './calendar.pages.tsx';
import { calendarApi } from './calendar.api.ts';

/** The legal time engine in the product: yearly calendars (admin-correctable), public deadline calculator and API. */
export const calendarFeature: Feature = {
  name: 'calendar',
  actions: { 'calendar.view': ROLES, 'calendar.manage': ['admin', 'coordinator'] },
  messages: { vi, en },
  nav: [
    { href: '/calendar', labelKey: 'calendar.nav', permission: 'calendar.view', order: 70 },
    { href: '/public/deadlines', labelKey: 'calendar.navCalc', permission: 'public', order: 75 },
  ],
  pages: calendarPages,
  api: calendarApi,
};
export { loadCalendar, loadDeadlineOptions, loadLegalTime } from './calendar.service.ts';
export { registerClockRecompute, type ClockRecomputer, type MovedDeadline } from './calendar.recompute.ts';
