import type { Feature } from '../../platform/http/feature.ts';
import { authApi } from './auth.api.ts';
import { authPages } from './auth.pages.tsx';

/** Sign-in and sign-out for staff, API tokens and the current user. */
export const authFeature: Feature = { name: 'auth', pages: authPages, api: authApi };
export { hashPassword, PASSWORD_MIN_LENGTH } from './auth.service.ts';
export { ErrorSchema } from './auth.api.ts';
