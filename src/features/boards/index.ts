import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { ROLES } from '../../platform/authz/index.ts';
import { subscribe } from '../../platform/events/index.ts';
import { seedBoards } from './boards.seed.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { boardPages } from './boards.pages.tsx';
import { boardsApi } from './boards.api.ts';
import { handOverBoards } from './boards.handover.ts';
import './boards.work.ts';

const pages = new Hono<AppEnv>();
pages.route('/', boardPages);
subscribe('unit.succeeded', handOverBoards);

/** People's Inspection Boards and Community Investment Supervision Boards (LDC Art. 36–45, 60–63). */
export const boardsFeature: Feature = {
  name: 'boards',
  actions: {
    'boards.view': ROLES,
    'boards.manage': ['admin', 'unit-head', 'unit-officer'],
    'boards.record': ['admin', 'unit-head', 'unit-officer', 'board-member'],
    'boards.answer': ['admin', 'unit-head', 'unit-officer'],
  },
  messages: { vi, en },
  nav: [{ href: '/boards', labelKey: 'boards.nav', permission: 'boards.view', order: 41 }],
  pages,
  api: boardsApi,
  seedDemo: seedBoards,
};
export { boardStats, boardRecommendationsForRegister, type BoardRegisterRow } from './boards.repository.ts';
export { createBoard, addRecommendation, addActivity } from './boards.service.ts';
