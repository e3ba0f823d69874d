import type { Feature } from '../../platform/http/feature.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { adminPages } from './admin.pages.tsx';

/** Staff accounts: create, search, grant and revoke roles, reset passwords, deactivate. */
export const adminFeature: Feature = {
  name: 'admin',
  actions: { 'users.manage': ['admin'] },
  messages: { vi, en },
  nav: [{ href: '/admin/users', labelKey: 'admin.nav', permission: 'users.manage', order: 90 }],
  pages: adminPages,
};
export { createUser, grantRole, resetPassword, revokeGrant, setActive } from './users.service.ts';
export { adminCommands } from './admin.cli.ts';
