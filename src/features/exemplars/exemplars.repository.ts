import type { Db, Trx } from '../../platform/db/index.ts';
import { searchWords } from '../../domain/text/normalize.ts';
import { PUBLIC_STATUSES, type Level, type Status } from '../../domain/exemplars/workflow.ts';
import type { CommendationForm, CountableEntry, Field, Subject } from '../../domain/exemplars/forms.ts';
import type { ExemplarEntriesTable } from './exemplars.tables.ts';
import './exemplars.tables.ts';

export type Scope = 'all' | string[];

export interface EntryView {
  id: string; code: string; campaignId: string | null; year: number; kind: string; subject: string; field: string; track: string;
  name: string; personName: string | null; unitId: string; unitName: string; communeUnitId: string | null; communeCode: string | null; communeName: string | null; village: string | null;
  lat: number | null; lng: number | null; registration: Record<string, string>; pressLinks: { outlet: string; url: string; date?: string }[];
  status: Status; level: Level | null; typical: boolean; resultsReport: string | null; vote: { for: number; total: number } | null;
  statusNote: string | null; previousEntryId: string | null; recognisedOn: string | null; createdAt: string; updatedAt: string;
  criteriaVersion: number | null;
  /** Optimistic concurrency: the version an edit must send back. */ lockVersion: number;
}

const toView = (r: ExemplarEntriesTable & { unit_name: string; commune_name: string | null }): EntryView => ({
  id: r.id, code: r.code, campaignId: r.campaign_id, year: Number(r.year), kind: r.kind, subject: r.subject, field: r.field, track: r.track,
  name: r.name, personName: r.person_name, unitId: r.unit_id, unitName: r.unit_name, communeUnitId: r.commune_unit_id, communeCode: r.commune_code, communeName: r.commune_name, village: r.village,
  lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng), registration: JSON.parse(r.registration), pressLinks: JSON.parse(r.press_links),
  status: r.status as Status, level: r.level as Level | null, typical: Number(r.typical) === 1, resultsReport: r.results_report,
  vote: r.vote_total === null ? null : { for: Number(r.vote_for), total: Number(r.vote_total) }, statusNote: r.status_note,
  previousEntryId: r.previous_entry_id, recognisedOn: r.recognised_on, createdAt: r.created_at, updatedAt: r.updated_at, lockVersion: Number(r.lock_version ?? 0),
  criteriaVersion: r.criteria_version === null ? null : Number(r.criteria_version),
});

function base(db: Db | Trx) {
  return db.selectFrom('exemplar_entries as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .leftJoin('units as cu', 'cu.id', 'e.commune_unit_id')
    .selectAll('e').select(['u.full_name as unit_name', 'cu.full_name as commune_name']);
}

/** One entry by id (no scope check: the caller authorises against its unit). */
export async function getEntry(db: Db | Trx, id: string): Promise<EntryView | undefined> {
  const r = await base(db).where('e.id', '=', id).executeTakeFirst();
  return r ? toView(r) : undefined;
}

export interface EntryFilter { q?: string; year?: number; status?: string; field?: string; communeCode?: string; unitId?: string; limit?: number; offset?: number }

/** Entries in the caller's scope (owner unit or commune in scope), newest first. */
export async function findEntries(db: Db | Trx, scope: Scope, f: EntryFilter): Promise<EntryView[]> {
  let q = base(db);
  if (scope !== 'all') {
    if (scope.length === 0) return [];
    // A union of two indexed lookups (an OR of the two columns would defeat the indexes).
    const by = (col: 'unit_id' | 'commune_unit_id') => {
      let s = db.selectFrom('exemplar_entries').select('id').where(col, 'in', scope);
      if (f.year) s = s.where('year', '=', f.year);
      return s;
    };
    q = q.where('e.id', 'in', by('unit_id').union(by('commune_unit_id')));
  }
  if (f.year) q = q.where('e.year', '=', f.year);
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.field) q = q.where('e.field', '=', f.field);
  if (f.communeCode) q = q.where('e.commune_code', '=', f.communeCode);
  if (f.unitId) q = q.where('e.unit_id', '=', f.unitId);
  for (const w of searchWords(f.q ?? '')) q = q.where('e.search_text', 'like', `% ${w}%`);
  const rows = await q.orderBy('e.year', 'desc').orderBy('e.updated_at', 'desc').orderBy('e.id', 'desc').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
  return rows.map(toView);
}

/** Entries of the same commune (or owner unit) in the last years whose folded name is similar. */
export async function duplicateCandidates(db: Db | Trx, where: { communeCode: string | null; unitId: string }, excludeId?: string) {
  let q = db.selectFrom('exemplar_entries').select(['id', 'code', 'name', 'search_text', 'year', 'status']);
  q = where.communeCode ? q.where('commune_code', '=', where.communeCode) : q.where('unit_id', '=', where.unitId);
  if (excludeId) q = q.where('id', '!=', excludeId);
  return q.where('status', 'not in', ['rejected', 'discontinued']).orderBy('year', 'desc').limit(2000).execute();
}

export interface PublicFilter { field?: string; communeCode?: string; year?: number; limit?: number; offset?: number }

/** Recognised entries only (never drafts or internal fields), newest recognition first. */
export async function publicEntries(db: Db | Trx, f: PublicFilter): Promise<EntryView[]> {
  // Public entries always have a recognition date; saying so lets PostgreSQL skip the NULLs that sort first in DESC order.
  let q = base(db).where('e.status', 'in', [...PUBLIC_STATUSES]).where('e.recognised_on', 'is not', null);
  if (f.field) q = q.where('e.field', '=', f.field);
  if (f.communeCode) q = q.where('e.commune_code', '=', f.communeCode);
  if (f.year) q = q.where('e.year', '=', f.year);
  const rows = await q.orderBy('e.recognised_on', 'desc').orderBy('e.id', 'desc').limit(f.limit ?? 24).offset(f.offset ?? 0).execute();
  return rows.map(toView);
}

/** How many public entries match the filters. */
export async function publicCount(db: Db | Trx, f: PublicFilter): Promise<number> {
  let q = db.selectFrom('exemplar_entries').select((e) => e.fn.countAll<number>().as('n')).where('status', 'in', [...PUBLIC_STATUSES]);
  if (f.field) q = q.where('field', '=', f.field);
  if (f.communeCode) q = q.where('commune_code', '=', f.communeCode);
  if (f.year) q = q.where('year', '=', f.year);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** Public entry counts per commune code (for the map). */
export async function publicCountsByCommune(db: Db | Trx, f: { field?: string; year?: number }): Promise<Map<string, number>> {
  let q = db.selectFrom('exemplar_entries').select(['commune_code', (e) => e.fn.countAll<number>().as('n')])
    .where('status', 'in', [...PUBLIC_STATUSES]).where('commune_code', 'is not', null);
  if (f.field) q = q.where('field', '=', f.field);
  if (f.year) q = q.where('year', '=', f.year);
  const rows = await q.groupBy('commune_code').execute();
  return new Map(rows.map((r) => [r.commune_code!, Number(r.n)]));
}

export interface Recognition { level: Level; body: string; decisionNumber: string; decisionOn: string; year: number }
export interface Commendation { form: string; issuer: string; decisionNumber: string; decisionOn: string }

/** Recognitions, commendations and replications of the given entries. */
export async function outcomesOf(db: Db | Trx, ids: string[]) {
  const rec = new Map<string, Recognition[]>();
  const com = new Map<string, Commendation[]>();
  const rep = new Map<string, { toUnitId: string; toUnitName: string; on: string }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (chunk.length === 0) break;
    for (const r of await db.selectFrom('exemplar_recognitions').selectAll().where('entry_id', 'in', chunk).orderBy('decision_on').execute()) {
      (rec.get(r.entry_id) ?? rec.set(r.entry_id, []).get(r.entry_id)!).push({ level: r.level as Level, body: r.body, decisionNumber: r.decision_number, decisionOn: r.decision_on, year: Number(r.year) });
    }
    for (const r of await db.selectFrom('exemplar_commendations').selectAll().where('entry_id', 'in', chunk).orderBy('decision_on').execute()) {
      (com.get(r.entry_id) ?? com.set(r.entry_id, []).get(r.entry_id)!).push({ form: r.form, issuer: r.issuer, decisionNumber: r.decision_number, decisionOn: r.decision_on });
    }
    for (const r of await db.selectFrom('exemplar_replications as r').innerJoin('units as u', 'u.id', 'r.to_unit_id').select(['r.entry_id', 'r.to_unit_id', 'u.full_name', 'r.replicated_on']).where('r.entry_id', 'in', chunk).execute()) {
      (rep.get(r.entry_id) ?? rep.set(r.entry_id, []).get(r.entry_id)!).push({ toUnitId: r.to_unit_id, toUnitName: r.full_name, on: r.replicated_on });
    }
  }
  return { recognitions: rec, commendations: com, replications: rep };
}

/** Workflow history of an entry, oldest first. */
export function historyOf(db: Db | Trx, id: string) {
  return db.selectFrom('exemplar_history as h').leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.action', 'h.from_status', 'h.to_status', 'h.note', 'h.at', 'u.display_name']).where('h.entry_id', '=', id).orderBy('h.at').execute();
}

/** Files of an entry (`publicOnly` for the showcase: photos marked public). */
export function filesOf(db: Db | Trx, id: string, publicOnly = false) {
  let q = db.selectFrom('exemplar_files as x').innerJoin('files as f', 'f.id', 'x.file_id').select(['f.id', 'f.name', 'f.kind', 'f.size', 'x.purpose', 'x.public']).where('x.entry_id', '=', id);
  if (publicOnly) q = q.where('x.public', '=', 1);
  return q.orderBy('x.created_at').execute();
}

/** What form 3 counts, for a year and (optionally) a set of owner units; one query per table, grouped in memory. */
export async function countableEntries(db: Db | Trx, year: number, unitIds: Scope): Promise<CountableEntry[]> {
  if (unitIds !== 'all' && unitIds.length === 0) return [];
  let q = db.selectFrom('exemplar_entries').select(['id', 'unit_id', 'status', 'subject', 'field', 'typical']).where('year', '=', year);
  if (unitIds !== 'all') q = q.where('unit_id', 'in', unitIds);
  const rows = await q.execute();
  const levels = new Map<string, Level[]>();
  const forms = new Map<string, CommendationForm[]>();
  const reps = new Map<string, number>();
  // Outcomes of the year's entries: IN (sub-select) is a semi-join on PostgreSQL and an indexed lookup on SQLite.
  const ids = () => {
    const q2 = db.selectFrom('exemplar_entries').select('id').where('year', '=', year);
    return unitIds === 'all' ? q2 : q2.where('unit_id', 'in', unitIds);
  };
  for (const r of await db.selectFrom('exemplar_recognitions').select(['entry_id', 'level']).where('entry_id', 'in', ids()).execute()) (levels.get(r.entry_id) ?? levels.set(r.entry_id, []).get(r.entry_id)!).push(r.level as Level);
  for (const r of await db.selectFrom('exemplar_commendations').select(['entry_id', 'form']).where('entry_id', 'in', ids()).execute()) (forms.get(r.entry_id) ?? forms.set(r.entry_id, []).get(r.entry_id)!).push(r.form as CommendationForm);
  for (const r of await db.selectFrom('exemplar_replications').select(['entry_id']).where('entry_id', 'in', ids()).execute()) reps.set(r.entry_id, (reps.get(r.entry_id) ?? 0) + 1);
  return rows.map((r) => ({
    unitId: r.unit_id, status: r.status as Status, subject: r.subject as Subject, field: r.field as Field, typical: Number(r.typical) === 1,
    levels: levels.get(r.id) ?? [], commendationForms: forms.get(r.id) ?? [], replications: reps.get(r.id) ?? 0,
  }));
}

/** Campaigns, newest first. */
export async function listCampaigns(db: Db | Trx) {
  const rows = await db.selectFrom('exemplar_campaigns as c').innerJoin('units as u', 'u.id', 'c.launched_by_unit_id').selectAll('c').select('u.full_name as launched_by').orderBy('c.year', 'desc').orderBy('c.created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, year: Number(r.year), periodFrom: Number(r.period_from), periodTo: Number(r.period_to), launchedBy: r.launched_by, launchedByUnitId: r.launched_by_unit_id, legalBasis: JSON.parse(r.legal_basis) as string[], criteriaVersion: Number(r.criteria_version), criteria: JSON.parse(r.criteria) as string[], registrationDeadline: r.registration_deadline, quotaMin: r.quota_min, quotaMax: r.quota_max }));
}
export type CampaignView = Awaited<ReturnType<typeof listCampaigns>>[number];

/** Entries a unit registered (not draft) for a campaign: for the quota check. */
export async function countForQuota(db: Db | Trx, campaignId: string, unitId: string): Promise<number> {
  const r = await db.selectFrom('exemplar_entries').select((e) => e.fn.countAll<number>().as('n')).where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).where('status', '!=', 'draft').executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The current commune unit with this code (null when unknown). */
export async function communeByCode(db: Db | Trx, code: string) {
  return db.selectFrom('units').select(['id', 'full_name']).where('code', '=', code).where('kind', '=', 'commune-committee').where('valid_to', 'is', null).executeTakeFirst();
}

/** Current communes (code, name) of the province, by name: for filters and selects. */
export async function currentCommunes(db: Db | Trx) {
  return db.selectFrom('units').select(['code', 'full_name', 'id']).where('kind', '=', 'commune-committee').where('valid_to', 'is', null).where('code', 'is not', null).orderBy('search_text').execute();
}

/** A campaign's criteria set at a version (the set an entry was registered under). */
export async function criteriaAt(db: Db | Trx, campaignId: string, version: number): Promise<{ campaignName: string; criteria: string[] } | undefined> {
  const r = await db.selectFrom('exemplar_campaign_criteria as k').innerJoin('exemplar_campaigns as c', 'c.id', 'k.campaign_id').select(['c.name', 'k.criteria'])
    .where('k.campaign_id', '=', campaignId).where('k.version', '=', version).executeTakeFirst();
  return r ? { campaignName: r.name, criteria: JSON.parse(r.criteria) as string[] } : undefined;
}
