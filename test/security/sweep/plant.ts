/**
 * Planted objects for the authorization sweep: for each object kind, one copy in the demo users' own
 * units and one in a FOREIGN unit (another commune, another department, a village of another commune),
 * each carrying a unique marker string in the text the pages show. Rows are cloned from seeded ones
 * with their unit and relations replaced (no audit: this is test set-up, not a user's change).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../../../src/platform/db/index.ts';
import { nowIso } from '../../../src/platform/clock.ts';

/** A planted object: its marker, the unit it belongs to and the action whose scope decides who may read it. */
export interface Planted {
  kind: string;
  id: string;
  marker: string;
  unitId: string;
  /** Action a reader needs on `unitId` (from the feature's declared actions); null: public by design. */
  readAction: string | null;
  /** Other units whose readers may also read it (a commune-wide decision: each of its villages). */
  orUnitIds?: string[];
  /** Only these users may read it whatever their scope (notifications). */
  onlyUser?: string;
  foreign: boolean;
}

export interface Units { ownCommune: string; foreignCommune: string; ownDept: string; foreignDept: string; ownVillage: string; foreignVillage: string; periodId: string }

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Copies one row of `table` (the first matching `where`) with a new id and the overrides; returns the new id. */
async function clone(db: AnyDb, table: string, over: Record<string, unknown>, where?: [string, unknown]): Promise<string> {
  let q = db.selectFrom(table).selectAll();
  if (where) q = q.where(where[0], '=', where[1]);
  const row = await q.limit(1).executeTakeFirstOrThrow();
  const id = (over.id as string | undefined) ?? randomUUID();
  await db.insertInto(table).values({ ...row, ...over, id }).execute();
  return id;
}

/** A small PDF whose bytes contain the marker, stored like an upload. */
async function plantFile(db: AnyDb, dataDir: string, marker: string, uploadedBy: string | null = null): Promise<string> {
  const id = randomUUID();
  const rel = path.join('files', id.slice(0, 2), id);
  fs.mkdirSync(path.join(dataDir, path.dirname(rel)), { recursive: true });
  const buf = Buffer.from(`%PDF-1.4\n% ${marker}\n%%EOF\n`);
  fs.writeFileSync(path.join(dataDir, rel), buf);
  await db.insertInto('files').values({ id, name: `${marker}.pdf`, mime: 'application/pdf', kind: 'pdf', size: buf.length, sha256: 'x'.repeat(64), path: rel, uploaded_by: uploadedBy, created_at: nowIso() }).execute();
  return id;
}

const unitId = (db: AnyDb, key: string) => db.selectFrom('units').select('id').where('key', '=', key).executeTakeFirstOrThrow().then((r) => r.id as string);

/** The units of the sweep: the demo commune (Pleiku) and a sibling commune that reports in the same period, Sở Tư pháp and Sở Y tế, a village of each commune. */
export async function sweepUnits(db: Db): Promise<Units> {
  const a = db as unknown as AnyDb;
  const ownCommune = await unitId(a, 'commune:23575:2025-07-01');
  const own = await a.selectFrom('reports').select('period_id').where('unit_id', '=', ownCommune).executeTakeFirstOrThrow();
  const other = await a.selectFrom('reports').innerJoin('units', 'units.id', 'reports.unit_id').select('units.id')
    .where('reports.period_id', '=', own.period_id).where('units.kind', '=', 'commune-committee').where('units.id', '!=', ownCommune).orderBy('units.id').executeTakeFirstOrThrow();
  const ownVillage = (await a.selectFrom('units').select('id').where('parent_id', '=', ownCommune).where('kind', '=', 'village').orderBy('code').executeTakeFirstOrThrow()).id as string;
  const foreignVillage = await clone(a, 'units', { parent_id: other.id, key: `village:sweep:${randomUUID()}`, name: 'Thôn Sweep', full_name: 'Thôn Sweep (xã khác)', search_text: ' thon sweep ' }, ['id', ownVillage]);
  return { ownCommune, foreignCommune: other.id as string, ownDept: await unitId(a, 'body:52:tu-phap'), foreignDept: await unitId(a, 'body:52:y-te'), ownVillage, foreignVillage, periodId: own.period_id as string };
}

/** Plants every kind in own and foreign units; returns the planted objects (files included). */
export async function plantAll(db: Db, dataDir: string, u: Units): Promise<Planted[]> {
  const a = db as unknown as AnyDb;
  const out: Planted[] = [];
  const now = nowIso();
  const add = (p: Omit<Planted, 'foreign'>, foreign: boolean) => { out.push({ ...p, foreign }); return p.id; };
  const mk = (tag: string, kind: string) => `Zq${tag}${kind.replace(/[^a-z]/gi, '')}Qz`;
  const places: [string, string, string, boolean][] = [['OC', u.ownCommune, u.ownVillage, false], ['FC', u.foreignCommune, u.foreignVillage, true], ['FD', u.foreignDept, '', true]];
  // Unit plans hang under a province plan (top-level plans are read by everyone by design).
  const provincePlan = (await a.selectFrom('plans').select('id').where('parent_plan_id', 'is', null).executeTakeFirstOrThrow()).id as string;
  const sectionKey = (await a.selectFrom('report_sections').innerJoin('reports', 'reports.id', 'report_sections.report_id').select('key').where('reports.period_id', '=', u.periodId).executeTakeFirstOrThrow()).key as string;
  for (const [tag, unit, village, foreign] of places) {
    const commune = village !== '';
    const m = (k: string) => mk(tag, k);
    // Petitions and their scanned files (the file holds its own marker).
    const pf = await plantFile(a, dataDir, m('petitionfile'));
    add({ kind: 'petition-file', id: pf, marker: m('petitionfile'), unitId: unit, readAction: 'petitions.view' }, foreign);
    const pid = await clone(a, 'petitions', {
      tracking_code: `SW${tag}${randomUUID().slice(0, 6).toUpperCase()}`, handling_unit_id: unit, addressed_unit_id: unit, accused_unit_id: null, assigned_user_id: null, decision_unit_id: null,
      duplicate_of: null, sealed: 0, sender_sealed: null, anonymous: 1, title: m('petition'), content: `Nội dung ${m('petition')}`, search_text: ` ${m('petition').toLowerCase()} `, files: JSON.stringify([pf]),
    });
    add({ kind: 'petition', id: pid, marker: m('petition'), unitId: unit, readAction: 'petitions.view' }, foreign);
    // Reception log entries.
    const rl = await clone(a, 'reception_logs', { unit_id: unit, summary: m('receptionlog'), petition_id: null });
    add({ kind: 'reception-log', id: rl, marker: m('receptionlog'), unitId: unit, readAction: 'reception.manage' }, foreign);
    // Tasks and their evidence file.
    const tid = await clone(a, 'tasks', { unit_id: unit, title: m('task'), note: m('tasknote'), co_unit_ids: '[]', plan_id: null, plan_item_id: null, parent_task_id: null, assignee_id: null });
    add({ kind: 'task', id: tid, marker: m('task'), unitId: unit, readAction: 'tasks.view' }, foreign);
    const tf = await plantFile(a, dataDir, m('taskfile'));
    await a.insertInto('task_updates').values({ id: randomUUID(), task_id: tid, kind: 'evidence', note: m('taskupdate'), progress: null, file_id: tf, user_id: null, created_at: now }).execute();
    add({ kind: 'task-file', id: tf, marker: m('taskfile'), unitId: unit, readAction: 'tasks.view' }, foreign);
    add({ kind: 'task-update', id: tid, marker: m('taskupdate'), unitId: unit, readAction: 'tasks.view' }, foreign);
    // Unit plans.
    const plan = await clone(a, 'plans', { unit_id: unit, title: m('plan'), parent_plan_id: provincePlan });
    add({ kind: 'plan', id: plan, marker: m('plan'), unitId: unit, readAction: 'plans.view' }, foreign);
    // Recommendations register (Front, boards): assigned to the unit.
    const reg = await clone(a, 'register_entries', { assignee_unit_id: unit, issuer_unit_id: null, subject: m('register'), content: m('register') });
    add({ kind: 'register', id: reg, marker: m('register'), unitId: unit, readAction: 'register.view' }, foreign);
    if (!commune) continue;
    // Reports: the unit's report of the period gets a marked section.
    const rep = await a.selectFrom('reports').select('id').where('period_id', '=', u.periodId).where('unit_id', '=', unit).executeTakeFirstOrThrow();
    await a.deleteFrom('report_sections').where('report_id', '=', rep.id).where('key', '=', sectionKey).execute();
    await a.insertInto('report_sections').values({ report_id: rep.id, key: sectionKey, text: m('report'), comment: null }).execute();
    add({ kind: 'report', id: unit, marker: m('report'), unitId: unit, readAction: 'reports.view' }, foreign);
    // Disclosures and consultations are public by law (the board); planted to give every route a real id.
    const df = await plantFile(a, dataDir, m('disclosurefile'));
    const dis = await clone(a, 'disclosures', { unit_id: unit, title: m('disclosure'), search_text: ` ${m('disclosure').toLowerCase()} `, file_id: df, consultation_id: null });
    add({ kind: 'disclosure', id: dis, marker: m('disclosure'), unitId: unit, readAction: null }, foreign);
    add({ kind: 'disclosure-file', id: df, marker: m('disclosurefile'), unitId: unit, readAction: null }, foreign);
    const con = await clone(a, 'consultations', { unit_id: unit, title: m('consultation'), search_text: ` ${m('consultation').toLowerCase()} ` });
    add({ kind: 'consultation', id: con, marker: m('consultation'), unitId: unit, readAction: null }, foreign);
    const com = await clone(a, 'consultation_comments', { consultation_id: con, text: m('comment') });
    add({ kind: 'comment', id: com, marker: m('comment'), unitId: unit, readAction: null }, foreign);
    // Community decisions of a village, and a commune-wide decision.
    const dec = await clone(a, 'community_decisions', { village_id: village, commune_id: unit, question: m('decision'), parent_id: null, follows_id: null });
    add({ kind: 'decision', id: dec, marker: m('decision'), unitId: village, readAction: 'community.view' }, foreign);
    const cdec = await clone(a, 'commune_decisions', { commune_id: unit, question: m('communedecision') });
    // A commune-wide decision has a part in every village: the village's readers see it (community.pages.tsx).
    const villages = (await a.selectFrom('units').select('id').where('parent_id', '=', unit).where('kind', '=', 'village').execute()).map((v) => v.id as string);
    add({ kind: 'commune-decision', id: cdec, marker: m('communedecision'), unitId: unit, orUnitIds: villages, readAction: 'community.view' }, foreign);
    // People's inspection board with a recommendation and an activity photo.
    const board = await clone(a, 'boards', { unit_id: unit, project_title: m('board') });
    add({ kind: 'board', id: board, marker: m('board'), unitId: unit, readAction: 'boards.view' }, foreign);
    const brec = await clone(a, 'board_recommendations', { board_id: board, text: m('boardrec') });
    add({ kind: 'board-rec', id: brec, marker: m('boardrec'), unitId: unit, readAction: 'boards.view' }, foreign);
    const act = await clone(a, 'board_activities', { board_id: board, text: m('boardactivity') });
    const bp = await plantFile(a, dataDir, m('boardphoto'));
    await a.insertInto('board_activity_files').values({ id: randomUUID(), board_id: board, activity_id: act, file_id: bp, created_at: now }).execute();
    add({ kind: 'board-photo', id: bp, marker: m('boardphoto'), unitId: unit, readAction: 'boards.view' }, foreign);
    // Mediation team of the village and a case.
    const team = await clone(a, 'mediation_teams', { village_id: village, name: m('mediationteam') });
    add({ kind: 'mediation-team', id: team, marker: m('mediationteam'), unitId: village, readAction: 'mediation.view' }, foreign);
    const mcase = await clone(a, 'mediation_cases', { team_id: team, summary: m('mediationcase') });
    add({ kind: 'mediation-case', id: mcase, marker: m('mediationcase'), unitId: village, readAction: 'mediation.view' }, foreign);
    // A draft exemplar (drafts are never public) with a non-public file.
    const ex = await clone(a, 'exemplar_entries', { unit_id: unit, commune_unit_id: unit, code: `SW-${tag}-${randomUUID().slice(0, 6)}`, name: m('exemplar'), search_text: ` ${m('exemplar').toLowerCase()} `, status: 'draft', previous_entry_id: null }, ['status', 'draft']);
    add({ kind: 'exemplar', id: ex, marker: m('exemplar'), unitId: unit, readAction: 'exemplars.view' }, foreign);
    const ef = await plantFile(a, dataDir, m('exemplarfile'));
    await a.insertInto('exemplar_files').values({ id: randomUUID(), entry_id: ex, file_id: ef, purpose: 'evidence', public: 0, created_at: now }).execute();
    add({ kind: 'exemplar-file', id: ef, marker: m('exemplarfile'), unitId: unit, readAction: 'exemplars.view' }, foreign);
  }
  return out;
}

/** A notification for one user, which nobody else may see. */
export async function plantNotification(db: Db, userId: string, marker: string): Promise<Planted> {
  const id = randomUUID();
  await db.insertInto('notifications').values({ id, user_id: userId, title: marker, body: marker, link: null, dedupe_key: null, created_at: nowIso(), read_at: null, email_status: 'none', email_sent_at: null }).execute();
  return { kind: 'notification', id, marker, unitId: '', readAction: null, onlyUser: userId, foreign: true };
}
