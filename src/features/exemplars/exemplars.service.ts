import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { can, PROVINCE_WIDE_ROLES, type CurrentUser } from '../../platform/authz/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { storeUpload, UPLOAD_ERROR_KEYS } from '../../platform/files/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { REGISTRATION_ITEMS, similarNames } from '../../domain/exemplars/forms.ts';
import { DEFAULT_RECOGNITION, mayRecognize, type RecognitionConfig } from '../../domain/exemplars/recognition.ts';
import { higherLevel, LEVELS, transition, type Status, type WorkflowAction } from '../../domain/exemplars/workflow.ts';
import { ancestorIds, getUnit } from '../units/index.ts';
import { communeByCode, countForQuota, duplicateCandidates, getEntry, listCampaigns, type EntryView } from './exemplars.repository.ts';
import type { EntryInput } from './exemplars.schema.ts';
import { claimVersion, nextVersion } from '../../platform/http/concurrency.ts';

export type WorkflowError = 'not_found' | 'forbidden' | 'not_allowed' | 'invalid' | 'duplicate';
export interface Duplicate { id: string; code: string; name: string; year: number }

const searchText = (name: string, code: string, person: string | null) => ` ${foldVietnamese([name, code, person ?? ''].join(' '))} `;

/** The recognition rules: the `exemplars.recognition` setting when valid, else the proposed default. */
export async function recognitionConfig(db: Db | Trx): Promise<RecognitionConfig> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'exemplars.recognition').executeTakeFirst();
  const rule = z.object({ roles: z.array(z.string()), scope: z.enum(['unit', 'province']), body: z.string() });
  const parsed = row ? z.object({ commune: rule, province: rule }).safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? parsed.data : DEFAULT_RECOGNITION;
}

/** Saves who recognises at each level (the `exemplars.recognition` setting); audited with before and after. */
export async function setRecognitionConfig(db: Db, actor: Actor, cfg: RecognitionConfig): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await recognitionConfig(trx);
    const value = JSON.stringify(cfg);
    const exists = await trx.selectFrom('settings').select('key').where('key', '=', 'exemplars.recognition').executeTakeFirst();
    if (exists) await trx.updateTable('settings').set({ value, updated_at: nowIso() }).where('key', '=', 'exemplars.recognition').execute();
    else await trx.insertInto('settings').values({ key: 'exemplars.recognition', value, updated_at: nowIso() }).execute();
    await record(trx, actor, { action: 'exemplars.recognition.set', subjectType: 'setting', subjectId: 'exemplars.recognition', changes: { before, after: cfg }, visibility: 'public' });
  });
}

/** Whether the user may act on the entry for an action: on its owner unit or its commune. */
export async function mayActOn(db: Db | Trx, user: CurrentUser | null, action: string, e: { unitId: string; communeUnitId?: string | null }): Promise<boolean> {
  const anc = (id: string) => ancestorIds(db, id);
  return (await can(user, action, e.unitId, anc)) || (!!e.communeUnitId && (await can(user, action, e.communeUnitId, anc)));
}

/** Whether the user may recognise the entry at a level, per the configured rules. */
export async function mayRecognizeEntry(db: Db | Trx, user: CurrentUser | null, level: (typeof LEVELS)[number], e: { unitId: string; communeUnitId?: string | null }): Promise<boolean> {
  if (!user) return false;
  const ids = [e.unitId, ...(e.communeUnitId ? [e.communeUnitId] : [])];
  const anc = new Map(await Promise.all(ids.map(async (id) => [id, await ancestorIds(db, id)] as [string, string[]])));
  return mayRecognize(await recognitionConfig(db), level, user.grants, ids, anc, PROVINCE_WIDE_ROLES);
}

async function attach(trx: Trx, dataDir: string, userId: string | null, entryId: string, files: File[], purpose: string): Promise<string | null> {
  for (const file of files) {
    if (!file || file.size === 0) continue;
    const r = await storeUpload(trx, { dataDir, userId, file });
    if (!r.ok) return UPLOAD_ERROR_KEYS[r.error];
    const isPhoto = r.value.kind === 'jpg' || r.value.kind === 'png';
    await trx.insertInto('exemplar_files').values({ id: randomUUID(), entry_id: entryId, file_id: r.value.id, purpose, public: isPhoto && purpose === 'photo' ? 1 : 0, created_at: nowIso() }).execute();
  }
  return null;
}

/** Similar entries of the same commune (or owner unit when no commune), diacritics ignored. */
export async function findDuplicates(db: Db | Trx, input: { name: string; communeCode: string | null; unitId: string }, excludeId?: string): Promise<Duplicate[]> {
  const folded = foldVietnamese(input.name);
  const rows = await duplicateCandidates(db, input, excludeId);
  return rows.filter((r) => similarNames(folded, foldVietnamese(r.name)))
    .slice(0, 10).map((r) => ({ id: r.id, code: r.code, name: r.name, year: Number(r.year) }));
}

export interface RegisterOptions { dataDir: string; files?: { evidence?: File[]; photos?: File[] }; refuseDuplicates: boolean; year?: number }

/**
 * Registers a model or exemplar (or saves a draft): checks the campaign, its quota and the
 * commune, warns about similar names in the same commune, stores evidence, audits.
 */
export function registerEntry(db: Db, actor: Actor, input: EntryInput, opts: RegisterOptions): Promise<Result<{ id: string; status: Status; duplicates: Duplicate[] }, WorkflowError>> {
  return inTransaction(db, (trx) => insertEntry(trx, actor, input, opts));
}

/** The body of registerEntry in the caller's transaction (another feature's change and this entry commit together). */
export async function insertEntry(trx: Trx, actor: Actor, input: EntryInput, opts: RegisterOptions): Promise<Result<{ id: string; status: Status; duplicates: Duplicate[] }, WorkflowError>> {
  if (!(await getUnit(trx, input.unitId))) return fail('invalid', { unitId: 'exemplars.error.unit' });
  const commune = input.communeCode ? await communeByCode(trx, input.communeCode) : undefined;
  if (input.communeCode && !commune) return fail('invalid', { communeCode: 'exemplars.error.communeCode' });
  const campaign = input.campaignId ? (await listCampaigns(trx)).find((c) => c.id === input.campaignId) : undefined;
  if (input.campaignId && !campaign) return fail('invalid', { campaignId: 'exemplars.error.campaign' });
  if (campaign?.quotaMax && !input.draft && (await countForQuota(trx, campaign.id, input.unitId)) >= campaign.quotaMax) return fail('invalid', { unitId: 'exemplars.error.quota' });
  const duplicates = await findDuplicates(trx, { name: input.name, communeCode: input.communeCode ?? null, unitId: input.unitId });
  if (duplicates.length && opts.refuseDuplicates && !input.confirmDuplicate) return fail('duplicate', { name: 'exemplars.error.duplicate' });
  const id = randomUUID();
  const now = nowIso();
  const year = campaign?.year ?? opts.year ?? Number(localToday().slice(0, 4));
  const code = `DVK-${year}-${id.slice(0, 8).toUpperCase()}`;
  const status: Status = input.draft ? 'draft' : 'registered';
  await trx.insertInto('exemplar_entries').values({
    id, code, campaign_id: campaign?.id ?? null, year, kind: input.kind, subject: input.subject, field: input.field, track: input.track, name: input.name,
    search_text: searchText(input.name, code, input.personName), person_name: input.personName, unit_id: input.unitId, commune_code: input.communeCode ?? null,
    commune_unit_id: commune?.id ?? null, village: input.village, lat: input.lat === null ? null : String(input.lat), lng: input.lng === null ? null : String(input.lng),
    registration: JSON.stringify(input.registration), press_links: JSON.stringify(input.pressLinks), status, level: null, typical: 0, results_report: null,
    vote_for: null, vote_total: null, status_note: null, previous_entry_id: null, recognised_on: null, created_by: actor.userId, created_at: now, updated_at: now,
    criteria_version: campaign?.criteriaVersion ?? null,
  }).execute();
  const bad = (await attach(trx, opts.dataDir, actor.userId, id, opts.files?.evidence ?? [], 'evidence')) ?? (await attach(trx, opts.dataDir, actor.userId, id, opts.files?.photos ?? [], 'photo'));
  if (bad) throw new UploadRefused(bad);
  await trx.insertInto('exemplar_history').values({ id: randomUUID(), entry_id: id, action: input.draft ? 'draft' : 'register', from_status: null, to_status: status, note: null, actor_id: actor.userId, at: now }).execute();
  await record(trx, actor, { action: input.draft ? 'exemplars.draft' : 'exemplars.register', subjectType: 'exemplar', subjectId: id, unitId: input.unitId, changes: { ...input, code, year, duplicates: duplicates.map((d) => d.id) }, visibility: 'unit' });
  return ok({ id, status, duplicates });
}

/** Statuses in which the owner may still edit the registration (before the proposal, or after it was returned). */
export const EDITABLE: readonly Status[] = ['draft', 'registered', 'building', 'returned'];

/**
 * Edits an entry's registration (a draft, a registered or building entry, or one returned for
 * completion); a draft saved without `draft` is registered (all 10 items then required by the
 * schema). Evidence and photos may be added. History and audit in the same transaction. Saved only if the
 * entry is still at version `expected` (else 'conflict': someone saved in between).
 */
export async function updateEntry(db: Db, actor: Actor, user: CurrentUser | null, id: string, input: EntryInput, opts: RegisterOptions, expected: number): Promise<Result<{ id: string; status: Status; duplicates: Duplicate[] }, WorkflowError | 'conflict'>> {
  return inTransaction(db, async (trx) => {
    const e = await getEntry(trx, id);
    if (!e) return fail('not_found');
    if (!(await mayActOn(trx, user, 'exemplars.register', e))) return fail('forbidden');
    if (e.lockVersion !== expected) return fail('conflict');
    if (!EDITABLE.includes(e.status)) return fail('not_allowed', { status: 'exemplars.error.not_allowed' });
    if (input.draft && e.status !== 'draft') return fail('not_allowed', { status: 'exemplars.error.not_allowed' });
    if (!(await getUnit(trx, input.unitId))) return fail('invalid', { unitId: 'exemplars.error.unit' });
    const commune = input.communeCode ? await communeByCode(trx, input.communeCode) : undefined;
    if (input.communeCode && !commune) return fail('invalid', { communeCode: 'exemplars.error.communeCode' });
    const campaign = input.campaignId ? (await listCampaigns(trx)).find((c) => c.id === input.campaignId) : undefined;
    if (input.campaignId && !campaign) return fail('invalid', { campaignId: 'exemplars.error.campaign' });
    const registering = e.status === 'draft' && !input.draft;
    const quotaChanged = registering || (e.status !== 'draft' && (campaign?.id ?? null) !== e.campaignId) || (e.status !== 'draft' && input.unitId !== e.unitId);
    if (campaign?.quotaMax && !input.draft && quotaChanged && (await countForQuota(trx, campaign.id, input.unitId)) >= campaign.quotaMax) return fail('invalid', { unitId: 'exemplars.error.quota' });
    const placeChanged = input.name !== e.name || (input.communeCode ?? null) !== e.communeCode || input.unitId !== e.unitId;
    const duplicates = placeChanged ? await findDuplicates(trx, { name: input.name, communeCode: input.communeCode ?? null, unitId: input.unitId }, id) : [];
    if (duplicates.length && opts.refuseDuplicates && !input.confirmDuplicate) return fail('duplicate', { name: 'exemplars.error.duplicate' });
    const now = nowIso();
    const status: Status = registering ? 'registered' : e.status;
    const year = campaign?.year ?? e.year;
    if (!(await claimVersion(trx, 'exemplar_entries', id, expected))) return fail('conflict');
    await trx.updateTable('exemplar_entries').set({
      campaign_id: campaign?.id ?? null, year, kind: input.kind, subject: input.subject, field: input.field, track: input.track, name: input.name,
      search_text: searchText(input.name, e.code, input.personName), person_name: input.personName, unit_id: input.unitId, commune_code: input.communeCode ?? null,
      commune_unit_id: commune?.id ?? null, village: input.village, lat: input.lat === null ? null : String(input.lat), lng: input.lng === null ? null : String(input.lng),
      registration: JSON.stringify(input.registration), press_links: JSON.stringify(input.pressLinks), status, updated_at: now,
      // A draft takes the campaign's current criteria when it is registered; a registered entry keeps its version unless it moves campaign.
      criteria_version: campaign ? (registering || e.status === 'draft' || campaign.id !== e.campaignId ? campaign.criteriaVersion : e.criteriaVersion ?? campaign.criteriaVersion) : null,
    }).where('id', '=', id).execute();
    const bad = (await attach(trx, opts.dataDir, actor.userId, id, opts.files?.evidence ?? [], 'evidence')) ?? (await attach(trx, opts.dataDir, actor.userId, id, opts.files?.photos ?? [], 'photo'));
    if (bad) throw new UploadRefused(bad);
    await trx.insertInto('exemplar_history').values({ id: randomUUID(), entry_id: id, action: registering ? 'register' : 'edit', from_status: e.status, to_status: status, note: null, actor_id: actor.userId, at: now }).execute();
    const before = { name: e.name, kind: e.kind, subject: e.subject, field: e.field, track: e.track, unitId: e.unitId, communeCode: e.communeCode, village: e.village, campaignId: e.campaignId, registration: e.registration };
    await record(trx, actor, { action: registering ? 'exemplars.register' : 'exemplars.edit', subjectType: 'exemplar', subjectId: id, unitId: input.unitId, changes: { before, after: input, from: e.status, to: status }, visibility: 'unit' });
    return ok({ id, status, duplicates });
  });
}

/** Thrown inside the transaction so a refused upload rolls everything back; the handler shows its message key. */
export class UploadRefused extends Error {
  constructor(readonly messageKey: string) { super(messageKey); }
}

export type ActionPayload =
  | { action: 'register' | 'build' | 'review' | 'typical'; note?: string | null }
  | { action: 'return' | 'reject'; note: string | null }
  | { action: 'propose'; resultsReport: string; reviewVote: { for: number; total: number }; files?: File[] }
  | { action: 'recognize'; level: (typeof LEVELS)[number]; decisionNumber: string; decisionOn: string }
  | { action: 'commend'; form: string; issuer: string; decisionNumber: string; decisionOn?: string }
  | { action: 'replicate'; toUnitId: string; note?: string | null }
  | { action: 'discontinue'; reason: string };

/** The permission each workflow action needs on the entry's unit (recognition follows the configured rules). */
export const ACTION_PERMISSION: Record<Exclude<WorkflowAction, 'recognize'>, string> = {
  register: 'exemplars.register', build: 'exemplars.propose', propose: 'exemplars.propose', discontinue: 'exemplars.propose',
  review: 'exemplars.review', return: 'exemplars.review', reject: 'exemplars.review', typical: 'exemplars.review',
  commend: 'exemplars.commend', replicate: 'exemplars.replicate',
};

async function allowed(trx: Trx, user: CurrentUser | null, e: EntryView, p: ActionPayload): Promise<boolean> {
  if (p.action === 'recognize') return mayRecognizeEntry(trx, user, p.level, e);
  return mayActOn(trx, user, ACTION_PERMISSION[p.action], e);
}

/** Moves an entry through the workflow: checks the permission and the state machine, records history and audit in one transaction. */
export async function act(db: Db, actor: Actor, user: CurrentUser | null, id: string, p: ActionPayload, dataDir: string): Promise<Result<EntryView, WorkflowError>> {
  return inTransaction(db, async (trx) => {
    const e = await getEntry(trx, id);
    if (!e) return fail('not_found');
    if (!(await allowed(trx, user, e, p))) return fail('forbidden');
    const tr = transition(e.status, p.action, p.action === 'recognize' ? { currentLevel: e.level, level: p.level } : {});
    if (!tr.ok) return fail('not_allowed', { status: `exemplars.error.${tr.reason}` });
    const missing = p.action === 'register' ? REGISTRATION_ITEMS.filter((k) => !e.registration[k]?.trim()) : [];
    if (missing.length) return fail('invalid', Object.fromEntries(missing.map((k) => [`registration.${k}`, `exemplars.missing.${k}`])));
    const now = nowIso();
    const set: Record<string, unknown> = { status: tr.to, updated_at: now, lock_version: nextVersion() };
    let note: string | null = null;
    if (p.action === 'propose') {
      Object.assign(set, { results_report: p.resultsReport, vote_for: p.reviewVote.for, vote_total: p.reviewVote.total });
      const bad = await attach(trx, dataDir, actor.userId, id, p.files ?? [], 'dossier');
      if (bad) throw new UploadRefused(bad);
    } else if (p.action === 'recognize') {
      const cfg = await recognitionConfig(trx);
      await trx.insertInto('exemplar_recognitions').values({ id: randomUUID(), entry_id: id, level: p.level, body: cfg[p.level].body, decision_number: p.decisionNumber, decision_on: p.decisionOn, year: Number(p.decisionOn.slice(0, 4)), recognised_by: actor.userId, created_at: now }).execute();
      Object.assign(set, { level: higherLevel(e.level, p.level), recognised_on: e.recognisedOn && e.recognisedOn > p.decisionOn ? e.recognisedOn : p.decisionOn });
      note = `${p.level}: ${p.decisionNumber}`;
    } else if (p.action === 'typical') set.typical = 1;
    else if (p.action === 'commend') {
      await trx.insertInto('exemplar_commendations').values({ id: randomUUID(), entry_id: id, form: p.form, issuer: p.issuer, decision_number: p.decisionNumber, decision_on: p.decisionOn ?? localToday(), created_at: now }).execute();
      note = `${p.form}: ${p.decisionNumber}`;
    } else if (p.action === 'replicate') {
      const to = await getUnit(trx, p.toUnitId);
      if (!to || to.validTo) return fail('invalid', { toUnitId: 'exemplars.error.unit' });
      await trx.insertInto('exemplar_replications').values({ id: randomUUID(), entry_id: id, to_unit_id: p.toUnitId, replicated_on: localToday(), note: p.note ?? null, created_at: now }).execute();
      note = to.fullName;
    } else if (p.action === 'discontinue') { set.status_note = p.reason; note = p.reason; }
    else if (p.action === 'return' || p.action === 'reject') { set.status_note = p.note; note = p.note; }
    await trx.updateTable('exemplar_entries').set(set).where('id', '=', id).execute();
    await trx.insertInto('exemplar_history').values({ id: randomUUID(), entry_id: id, action: p.action, from_status: e.status, to_status: tr.to, note, actor_id: actor.userId, at: now }).execute();
    const { files: _files, ...changes } = p as ActionPayload & { files?: unknown };
    await record(trx, actor, { action: `exemplars.${p.action}`, subjectType: 'exemplar', subjectId: id, unitId: e.unitId, changes: { from: e.status, to: tr.to, ...changes }, visibility: tr.to === 'recognised' ? 'public' : 'unit' });
    return ok((await getEntry(trx, id))!);
  });
}

/** Re-proposes a recognised entry in a later year: a new registered entry linked to the earlier one. */
export async function carryOver(db: Db, actor: Actor, user: CurrentUser | null, id: string, year: number): Promise<Result<string, WorkflowError>> {
  return inTransaction(db, async (trx) => {
    const e = await getEntry(trx, id);
    if (!e) return fail('not_found');
    if (!(await mayActOn(trx, user, 'exemplars.propose', e))) return fail('forbidden');
    if (!['recognised', 'typical', 'commended', 'replicated'].includes(e.status)) return fail('not_allowed', { status: 'exemplars.error.not_allowed' });
    if (!Number.isInteger(year) || year <= e.year || year > 2100) return fail('invalid', { year: 'exemplars.error.carryOverYear' });
    const src = await trx.selectFrom('exemplar_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const nid = randomUUID();
    const now = nowIso();
    const code = `DVK-${year}-${nid.slice(0, 8).toUpperCase()}`;
    await trx.insertInto('exemplar_entries').values({ ...src, id: nid, code, year, campaign_id: null, status: 'registered', level: null, typical: 0, results_report: null, vote_for: null, vote_total: null, status_note: null, previous_entry_id: id, recognised_on: null, criteria_version: null, lock_version: null, search_text: searchText(src.name, code, src.person_name), created_by: actor.userId, created_at: now, updated_at: now }).execute();
    await trx.insertInto('exemplar_history').values({ id: randomUUID(), entry_id: nid, action: 'carry-over', from_status: null, to_status: 'registered', note: e.code, actor_id: actor.userId, at: now }).execute();
    await record(trx, actor, { action: 'exemplars.carryOver', subjectType: 'exemplar', subjectId: nid, unitId: e.unitId, changes: { from: id, year }, visibility: 'unit' });
    return ok(nid);
  });
}
