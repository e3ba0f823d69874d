import type { Feature } from '../../platform/http/feature.ts';
import { registerJob } from '../../platform/jobs/index.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { REPORT_ACTIONS } from './reports.access.ts';
import { reportsApi } from './reports.api.ts';
import { sendReportReminders } from './reports.jobs.ts';
import { runPendingExports } from './reports.exports.ts';
import { reportsPages } from './reports.pages.tsx';
import { registerPlan188Indicators } from './reports.regime.ts';
import { seedDemoReports } from './reports.seed.ts';
import { getUnitByKey } from '../units/index.ts';
import './reports.work.ts';

registerPlan188Indicators();
registerJob({
  name: 'reports.reminders', everyMs: 60 * 60 * 1000,
  run: async (deps) => { const r = await sendReportReminders(deps.db); return `reminded ${r.reminded}, overdue ${r.overdue}`; },
});
registerJob({
  name: 'reports.exports', everyMs: 5000, run: async (deps) => `built ${await runPendingExports(deps.db)}`,
  pending: async ({ db }) => Number((await db.selectFrom('report_exports').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'queued').executeTakeFirstOrThrow()).n),
});

/**
 * Periodic reports (plan 188 III.5, NĐ 09/2019): regimes as data, unit reports with computed
 * indicators, review and return, reminders, province-wide aggregation, Decree 30 DOCX, XLSX, CSV.
 */
export const reportsFeature: Feature = {
  name: 'reports',
  actions: REPORT_ACTIONS,
  messages: { vi, en },
  nav: [{ href: '/reports', labelKey: 'reports.nav', permission: 'reports.view', order: 40 }],
  pages: reportsPages,
  api: reportsApi,
  seedDemo: async (db, { provinceCode, today }) => {
    const pleiku = await getUnitByKey(db, 'commune:23575:2025-07-01');
    const tuPhap = await getUnitByKey(db, `body:${provinceCode}:tu-phap`);
    await seedDemoReports(db, { unitsAt: today, keepMissing: pleiku ? [pleiku.id] : [], draftFor: tuPhap ? [tuPhap.id] : [] });
  },
};
export { aggregatePeriod } from './reports.aggregate.ts';
export { seedPlan188Regime } from './reports.seed.ts';
export { listPeriods, reportTimeliness } from './reports.repository.ts';
export type { Period } from './reports.repository.ts';
