import type { Feature } from '../../platform/http/feature.ts';
import { Hono } from 'hono';
import { ROLES } from '../../platform/authz/index.ts';
import { subscribe } from '../../platform/events/index.ts';
import { registerJob } from '../../platform/jobs/index.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRouter } from '../../platform/http/api.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import './plans.tables.ts';
import { planPages } from './plans.pages.tsx';
import { taskPages } from './tasks.pages.tsx';
import { plansApi } from './plans.api.ts';
import { tasksApi } from './tasks.api.ts';
import { assignmentPages, assignmentsApi } from './assignments.routes.tsx';
import { moveToSuccessor, runTaskReminders } from './plans.jobs.ts';
import { seedPlans } from './plans.seed.ts';
import { registerTaskIndicators } from './plans.indicators.ts';
import './plans.work.ts';

registerTaskIndicators();

subscribe('unit.succeeded', moveToSuccessor);
registerJob({ name: 'tasks.remind', everyMs: 60 * 60 * 1000, run: (deps) => runTaskReminders(deps) });

const pages = new Hono<AppEnv>();
pages.route('/', planPages);
pages.route('/', taskPages);
pages.route('/', assignmentPages);
const api = apiRouter();
api.route('/', plansApi);
api.route('/', tasksApi);
api.route('/', assignmentsApi);

/** Plans (188/KH-UBND as data), unit implementation plans, coverage, tasks with progress and evidence. */
export const plansFeature: Feature = {
  name: 'plans',
  actions: {
    'plans.view': ROLES,
    'plans.manage': ['admin', 'coordinator', 'unit-head', 'unit-officer'],
    'plans.issue': ['admin', 'unit-head'],
    'plans.coverage': ['admin', 'coordinator', 'leader', 'observer'],
    'plans.remind': ['admin', 'coordinator'],
    'assignments.record': ['admin', 'coordinator', 'unit-head', 'unit-officer'],
    'tasks.view': ROLES,
    'tasks.edit': ['admin', 'coordinator', 'unit-head', 'unit-officer'],
    'tasks.comment': ['admin', 'coordinator', 'leader', 'unit-head', 'unit-officer'],
  },
  messages: { vi, en },
  nav: [
    { href: '/plans', labelKey: 'plans.nav', permission: 'plans.view', order: 30 },
    { href: '/tasks', labelKey: 'tasks.nav', permission: 'tasks.view', order: 31 },
    { href: '/assignments', labelKey: 'assignments.nav', permission: 'plans.coverage', order: 32 },
  ],
  pages,
  api,
  seedDemo: seedPlans,
};
export { plansCommands } from './plans.cli.ts';
export { importPlan } from './plans.service.ts';
export { findTasks } from './tasks.repository.ts';
