import { can, authorize, type CurrentUser } from '../../platform/authz/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { ancestorIds, unitIdsInScope } from '../units/index.ts';
import { scopeOf } from '../../platform/authz/index.ts';
import { getPeriod, getRegime, isReportingUnit, type ReportStatus } from './reports.repository.ts';

/** Who may do what with reports (deny by default; unit roles act on their own unit). */
export const REPORT_ACTIONS = {
  'reports.view': ['admin', 'coordinator', 'leader', 'observer', 'unit-head', 'unit-officer'],
  'reports.write': ['unit-officer', 'unit-head'],
  'reports.submit': ['unit-head'],
  'reports.review': ['admin', 'coordinator'],
  'reports.aggregate': ['admin', 'coordinator', 'leader', 'observer'],
  'reports.manage': ['admin', 'coordinator'],
} as const;

const ancestors = (db: Db) => (id: string) => ancestorIds(db, id);

/** The period and its regime, or 404. */
export async function loadPeriod(db: Db, id: string) {
  const period = await getPeriod(db, id);
  if (!period) throw notFound();
  const regime = (await getRegime(db, period.regimeId))!;
  return { period, regime };
}

/** The period, regime and a reporting unit of it, or 404. */
export async function loadTarget(db: Db, periodId: string, unitId: string) {
  const p = await loadPeriod(db, periodId);
  if (!(await isReportingUnit(db, periodId, unitId))) throw notFound();
  return p;
}

export const mayWrite = (db: Db, user: CurrentUser | null, unitId: string) => can(user, 'reports.write', unitId, ancestors(db));
export const maySubmit = (db: Db, user: CurrentUser | null, unitId: string) => can(user, 'reports.submit', unitId, ancestors(db));
export const mayReview = (user: CurrentUser | null) => can(user, 'reports.review');

/**
 * Reading a report: the coordinator all; the unit its own; leaders and observers (the Party
 * commission) what was sent (submitted, returned, accepted), not drafts.
 */
export async function assertRead(db: Db, user: CurrentUser | null, unitId: string, status: ReportStatus): Promise<void> {
  if (await can(user, 'reports.review')) return;
  if (await mayWrite(db, user, unitId)) return;
  if ((await can(user, 'reports.aggregate')) && ['submitted', 'returned', 'accepted'].includes(status)) return;
  throw forbidden();
}

export const assertWrite = (db: Db, user: CurrentUser | null, unitId: string) => authorize(user, 'reports.write', unitId, ancestors(db));
export const assertSubmit = (db: Db, user: CurrentUser | null, unitId: string) => authorize(user, 'reports.submit', unitId, ancestors(db));

/** The units whose reports a user sees in lists: 'all' for province-wide roles, else their own. */
export async function visibleUnits(db: Db, user: CurrentUser | null): Promise<'all' | string[]> {
  if (await can(user, 'reports.aggregate')) return 'all';
  return unitIdsInScope(db, scopeOf(user, 'reports.write'));
}
