import type { MiddlewareHandler } from 'hono';
import { forbidden, unauthorized } from '../http/errors.ts';

export const ROLES = ['admin', 'coordinator', 'leader', 'unit-head', 'unit-officer', 'reception-officer', 'observer', 'board-member'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose grant reaches the whole province whatever unit it names (they oversee everyone). */
export const PROVINCE_WIDE_ROLES: readonly Role[] = ['admin', 'coordinator', 'leader', 'observer'];

export interface Grant {
  role: Role;
  unitId: string;
  includeDescendants: boolean;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  grants: Grant[];
  /** Ancestor ids of every unit, filled lazily by the unit scope loader (unitId -> ancestors). */
  sessionId: string;
}

/** Who may do an action: the roles allowed. Actions are declared by features (see `defineActions`). */
const actionRoles = new Map<string, readonly Role[]>();

/** Declares the roles allowed for each action of a feature. Deny by default: unknown actions are refused. */
export function defineActions(rules: Record<string, readonly Role[]>): void {
  for (const [action, roles] of Object.entries(rules)) actionRoles.set(action, roles);
}

/** Lists the declared actions (for the admin page and tests). */
export function declaredActions(): [string, readonly Role[]][] {
  return [...actionRoles.entries()];
}

/** Resolves a unit's ancestor chain (nearest first), so grants with descendants can be checked. */
export type AncestorsOf = (unitId: string) => Promise<string[]>;

/** True when the user holds one of the action's roles, province-wide or over `unitId` (directly or through an ancestor grant with descendants). */
export async function can(user: CurrentUser | null, action: string, unitId?: string | null, ancestorsOf?: AncestorsOf): Promise<boolean> {
  if (!user) return false;
  const roles = actionRoles.get(action);
  if (!roles) return false;
  const grants = user.grants.filter((g) => roles.includes(g.role));
  if (grants.length === 0) return false;
  if (grants.some((g) => PROVINCE_WIDE_ROLES.includes(g.role))) return true;
  if (!unitId) return false;
  if (grants.some((g) => g.unitId === unitId)) return true;
  const withDesc = grants.filter((g) => g.includeDescendants);
  if (withDesc.length === 0 || !ancestorsOf) return false;
  const ancestors = await ancestorsOf(unitId);
  return withDesc.some((g) => ancestors.includes(g.unitId));
}

/** Asserts `can`; throws 401 without a user and 403 otherwise. */
export async function authorize(user: CurrentUser | null, action: string, unitId?: string | null, ancestorsOf?: AncestorsOf): Promise<void> {
  if (!user) throw unauthorized();
  if (!(await can(user, action, unitId, ancestorsOf))) throw forbidden();
}

/** Unit ids a user can act on for an action, or 'all' when a province-wide role allows it. */
export function scopeOf(user: CurrentUser | null, action: string): { all: true } | { all: false; unitIds: string[]; withDescendants: string[] } {
  const roles = actionRoles.get(action) ?? [];
  const grants = (user?.grants ?? []).filter((g) => roles.includes(g.role));
  if (grants.some((g) => PROVINCE_WIDE_ROLES.includes(g.role))) return { all: true };
  return { all: false, unitIds: grants.map((g) => g.unitId), withDescendants: grants.filter((g) => g.includeDescendants).map((g) => g.unitId) };
}

/**
 * The units a user answers for under an action: the units of their grants of roles allowed it (with
 * descendants where the grant says so), and whether one of those grants is province-wide. Unlike
 * `scopeOf`, a province-wide role does not widen this to every unit: it is what lands on the
 * person's own desk ("Việc của tôi").
 */
export function ownScopeOf(user: CurrentUser | null, action: string): { provinceWide: boolean; unitIds: string[]; withDescendants: string[] } {
  const roles = actionRoles.get(action) ?? [];
  const grants = (user?.grants ?? []).filter((g) => roles.includes(g.role));
  return { provinceWide: grants.some((g) => PROVINCE_WIDE_ROLES.includes(g.role)), unitIds: grants.map((g) => g.unitId), withDescendants: grants.filter((g) => g.includeDescendants).map((g) => g.unitId) };
}

export const PERMISSION = Symbol.for('coso.permission');
export type Permission = 'public' | 'authenticated' | string;

/**
 * Route guard: every route declares who may use it. 'public' lets anyone in, 'authenticated' any
 * signed-in user, anything else is an action checked with `can` (no unit: a province-wide or any
 * grant of an allowed role suffices at the door; handlers check the unit itself).
 */
export function allow(permission: Permission): MiddlewareHandler {
  const mw: MiddlewareHandler = async (c, next) => {
    if (permission !== 'public') {
      const user = c.get('user' as never) as CurrentUser | null;
      if (!user) throw unauthorized();
      if (permission !== 'authenticated') {
        const roles = actionRoles.get(permission);
        if (!roles || !user.grants.some((g) => roles.includes(g.role))) throw forbidden();
      }
    }
    await next();
  };
  Object.defineProperty(mw, PERMISSION, { value: permission });
  return mw;
}

/** Whether the user may pass the door of a route with this permission (same test as `allow`). */
export function mayEnter(user: CurrentUser | null, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (!user) return false;
  if (permission === 'authenticated') return true;
  const roles = actionRoles.get(permission);
  return !!roles && user.grants.some((g) => roles.includes(g.role));
}
