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
import type { Db, Trx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/audit/index.ts';
import { ok, type Result } from '../../platform/http/errors.ts';
import { FIELDS, KINDS, REGISTRATION_ITEMS, SUBJECTS } from '../../domain/exemplars/forms.ts';
import { insertEntry } from './exemplars.service.ts';
import type { EntryInput } from './exemplars.schema.ts';
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

/**
 * A DRAFT entry of a unit proposed on another feature's behalf (e.g. a good model found by an
 * inspection), written and audited in the caller's transaction; the unit completes and registers it
 * in /exemplars. `origin` is kept as the first registration item (situation) for the unit to edit.
 */
export async function proposeDraftEntry(trx: Trx, actor: Actor, p: { unitId: string; name: string; kind: (typeof KINDS)[number]; subject: (typeof SUBJECTS)[number]; field: (typeof FIELDS)[number]; origin: string }): Promise<Result<{ id: string; code: string }, string>> {
  const registration = Object.fromEntries(REGISTRATION_ITEMS.map((k) => [k, k === 'situation' ? p.origin : ''])) as EntryInput['registration'];
  const input: EntryInput = { campaignId: null, kind: p.kind, subject: p.subject, field: p.field, track: 'other', name: p.name, personName: null, unitId: p.unitId, communeCode: undefined, village: null, lat: null, lng: null, registration, pressLinks: [], draft: true, confirmDuplicate: true };
  const r = await insertEntry(trx, actor, input, { dataDir: '', refuseDuplicates: false });
  if (!r.ok) return r;
  const e = (await getEntry(trx, r.value.id))!;
  return ok({ id: e.id, code: e.code });
}

/** Name, code and current status of entries by id (for features that link to them); unknown ids are left out. */
export async function exemplarStatuses(db: Db | Trx, ids: string[]): Promise<Map<string, { id: string; code: string; name: string; status: string }>> {
  const out = new Map<string, { id: string; code: string; name: string; status: string }>();
  for (const id of ids) {
    const e = await getEntry(db, id);
    if (e) out.set(id, { id: e.id, code: e.code, name: e.name, status: e.status });
  }
  return out;
}
