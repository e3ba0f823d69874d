import { z } from 'zod';
import { ROLES } from '../../platform/authz/index.ts';
import { PASSWORD_MIN_LENGTH } from '../auth/index.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const password = z.string().min(PASSWORD_MIN_LENGTH).max(200);

/** The new-account form. The username is folded to lower case (as the login form does). */
export const newUserInput = z.object({
  username: z.string().trim().min(1).max(64).transform((s) => s.toLowerCase()).pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'admin.error.usernameFormat')),
  displayName: z.string().trim().min(1).max(200),
  email: z.string().trim().max(254).optional().refine((s) => !s || EMAIL.test(s), 'admin.error.email').transform((s) => s || null),
  password,
});
export type NewUserInput = z.infer<typeof newUserInput>;

/** The grant form: a role over a unit, optionally with its descendants (checkbox). */
export const grantInput = z.object({
  role: z.enum(ROLES),
  unitId: z.string().trim().min(1).max(64),
  includeDescendants: z.string().optional().transform((v) => v === '1' || v === 'on'),
});

export const passwordInput = z.object({ password });

export const activeInput = z.object({ active: z.enum(['0', '1']).transform((v) => v === '1') });

export const userQuery = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10000).optional(),
});

/** Outcomes shown as a notice after a redirect (`?done=`). */
export const DONE = ['created', 'granted', 'revoked', 'password', 'activated', 'deactivated'] as const;
