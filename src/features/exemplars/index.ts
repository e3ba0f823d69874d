import type { Feature } from '../../platform/http/feature.ts';
import { subscribe } from '../../platform/events/index.ts';
import './exemplars.opendata.ts';
import vi from './i18n/vi.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import { exemplarsApi } from './exemplars.api.ts';
import { exemplarPages } from './exemplars.pages.tsx';
import { moveToSuccessor } from './exemplars.campaigns.ts';
import { seedExemplars } from './exemplars.seed.ts';
import { registerExemplarIndicators } from './exemplars.indicators.ts';
import './exemplars.tables.ts';
import { EXEMPLAR_ACTIONS } from './exemplars.actions.ts';
import type { Db } from '../../platform/db/index.ts';
import { findEntries, getEntry } from './exemplars.repository.ts';

subscribe('unit.succeeded', moveToSuccessor);
registerExemplarIndicators();

/** "Dân vận khéo" models and exemplars: campaigns, registration, multi-level recognition, forms 1–3, public showcase. */
export const exemplarsFeature: Feature = {
  name: 'exemplars',
  actions: EXEMPLAR_ACTIONS,
  messages: { vi, en },
  nav: [
    { href: '/exemplars', labelKey: 'exemplars.nav', permission: 'exemplars.view', order: 40 },
    { href: '/showcase/exemplars', labelKey: 'exemplars.showcase.nav', permission: 'public', order: 90 },
  ],
  pages: exemplarPages,
  api: exemplarsApi,
  seedDemo: seedExemplars,
};

export { exemplarIndicators, registerExemplarIndicators } from './exemplars.indicators.ts';

/** Models and exemplars other features may name (e.g. as the recipient of a commendation): id, name, owner unit; drafts left out. */
export async function exemplarChoices(db: Db, scope: 'all' | string[]): Promise<{ id: string; name: string; unitId: string; unitName: string }[]> {
  return (await findEntries(db, scope, { limit: 300 })).filter((e) => e.status !== 'draft').map((e) => ({ id: e.id, name: e.name, unitId: e.unitId, unitName: e.unitName }));
}

/** One model or exemplar by id (name and owner unit), or undefined. */
export async function exemplarById(db: Db, id: string): Promise<{ id: string; name: string; unitId: string } | undefined> {
  const e = await getEntry(db, id);
  return e ? { id: e.id, name: e.name, unitId: e.unitId } : undefined;
}
