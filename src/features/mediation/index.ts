import { Hono } from 'hono';
import type { Feature } from '../../platform/http/feature.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import type { Trx } from '../../platform/db/index.ts';
import { ROLES } from '../../platform/authz/index.ts';
import { subscribe, type UnitSucceededEvent } from '../../platform/events/index.ts';
import { record, SYSTEM_ACTOR } from '../../platform/audit/index.ts';
import { seedMediation } from './mediation.seed.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { mediationPages } from './mediation.pages.tsx';
import { mediationApi } from './mediation.api.ts';

const pages = new Hono<AppEnv>();
pages.route('/', mediationPages);

/** Teams of a village that ended move to the successor village (with their open cases). */
async function handOver(trx: Trx, e: UnitSucceededEvent): Promise<void> {
  for (const [from, to] of Object.entries(e.handover)) {
    const r = await trx.updateTable('mediation_teams').set({ village_id: to }).where('village_id', '=', from).executeTakeFirst();
    if (Number(r.numUpdatedRows)) await record(trx, SYSTEM_ACTOR, { action: 'mediation.handover', subjectType: 'unit', subjectId: from, unitId: to, changes: { teams: Number(r.numUpdatedRows) }, visibility: 'unit' });
  }
}
subscribe('unit.succeeded', handOver);

/** Grassroots mediation teams and cases (Luật Hòa giải ở cơ sở 35/2013/QH13). */
export const mediationFeature: Feature = {
  name: 'mediation',
  actions: { 'mediation.view': ROLES, 'mediation.manage': ['admin', 'unit-head', 'unit-officer'] },
  messages: { vi, en },
  nav: [{ href: '/mediation', labelKey: 'mediation.nav', permission: 'mediation.view', order: 42 }],
  pages,
  api: mediationApi,
  seedDemo: seedMediation,
};
export { casesOf, listTeams, mediationStats } from './mediation.repository.ts';
export { createTeam, createCase, addSession, recordOutcome } from './mediation.service.ts';
