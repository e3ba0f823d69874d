import type { Db, Trx } from '../../platform/db/index.ts';
import { registerState, type AnswerTerm, type RegisterSource, type RegisterState } from '../../domain/oversight/index.ts';
import { boardRecommendationsForRegister } from '../boards/index.ts';
import type { RegisterEntriesTable } from './oversight.tables.ts';

type Q = Db | Trx;
export type Scope = 'all' | string[];

/** One line of the register, whether filed here or recorded by a board (boards feature). */
export interface RegisterRow {
  key: string; origin: 'register' | 'board'; id: string; source: RegisterSource; issuer: string; documentNumber: string | null; documentDate: string | null; receivedOn: string;
  subject: string; content: string; unitId: string; unitName: string; answerDue: string; termBasis: string | null; termVerified: boolean | null;
  answeredOn: string | null; outcome: string | null; answerDocument: string | null; answerText: string | null; closedOn: string | null; state: RegisterState; href: string;
}

export interface RegisterFilter { source?: string; state?: string; unitId?: string; from?: string; to?: string }

export async function getEntry(db: Q, id: string): Promise<RegisterEntriesTable | undefined> {
  return db.selectFrom('register_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

const fromEntry = (e: RegisterEntriesTable & { unitName: string }, today: string): RegisterRow => ({
  key: `register:${e.id}`, origin: 'register', id: e.id, source: e.source as RegisterSource, issuer: e.issuer_name, documentNumber: e.document_number, documentDate: e.document_date,
  receivedOn: e.received_on, subject: e.subject, content: e.content, unitId: e.assignee_unit_id, unitName: e.unitName, answerDue: e.answer_due, termBasis: e.term_basis, termVerified: !!e.term_verified,
  answeredOn: e.answered_on, outcome: e.outcome, answerDocument: e.answer_document, answerText: e.answer_text, closedOn: e.closed_on,
  state: registerState({ answerDue: e.answer_due, answeredOn: e.answered_on, closedOn: e.closed_on }, today), href: `/recommendations/${e.id}`,
});

/**
 * The register for units in scope: entries filed here and the boards' recommendations (read through
 * the boards feature), newest received first, filtered by source, state, answering unit and received dates.
 */
export async function listRegister(db: Q, scope: Scope, f: RegisterFilter, today: string): Promise<RegisterRow[]> {
  if (scope !== 'all' && !scope.length) return [];
  const units = f.unitId ? (scope === 'all' || scope.includes(f.unitId) ? [f.unitId] : []) : scope;
  if (units !== 'all' && !units.length) return [];
  let q = db.selectFrom('register_entries as e').innerJoin('units as u', 'u.id', 'e.assignee_unit_id').selectAll('e').select('u.full_name as unitName');
  if (units !== 'all') q = q.where('e.assignee_unit_id', 'in', units);
  if (f.from) q = q.where('e.received_on', '>=', f.from);
  if (f.to) q = q.where('e.received_on', '<=', f.to);
  if (f.source) q = q.where('e.source', '=', f.source);
  const own = (await q.orderBy('e.received_on', 'desc').limit(2000).execute()).map((e) => fromEntry(e, today));
  const boardSource = f.source === 'inspection-board' ? 'inspection' : f.source === 'investment-board' ? 'investment-supervision' : f.source ? null : undefined;
  const boards = boardSource === null ? [] : (await boardRecommendationsForRegister(db, { unitIds: units, from: f.from, to: f.to }))
    .filter((b) => !boardSource || b.boardKind === boardSource)
    .map((b): RegisterRow => ({
      key: `board:${b.id}`, origin: 'board', id: b.id, source: b.boardKind === 'investment-supervision' ? 'investment-board' : 'inspection-board', issuer: b.projectTitle ? `${b.unitName} · ${b.projectTitle}` : b.unitName,
      documentNumber: null, documentDate: b.sentOn, receivedOn: b.sentOn, subject: b.text.length > 140 ? `${b.text.slice(0, 137)}…` : b.text, content: b.text, unitId: b.unitId, unitName: b.unitName, answerDue: b.answerDue,
      termBasis: b.boardKind === 'investment-supervision' ? 'Điều 45 khoản 2 điểm c Luật 10/2022/QH15' : 'Điều 40 khoản 1 điểm c Luật 10/2022/QH15', termVerified: true,
      answeredOn: b.answeredOn, outcome: null, answerDocument: null, answerText: b.answer, closedOn: null,
      state: registerState({ answerDue: b.answerDue, answeredOn: b.answeredOn }, today), href: `/boards/${b.boardId}`,
    }));
  const all = [...own, ...boards].filter((r) => !f.state || r.state === f.state || (f.state === 'answered' && r.state === 'answered-late'));
  return all.sort((a, b) => (a.receivedOn === b.receivedOn ? a.key.localeCompare(b.key) : a.receivedOn < b.receivedOn ? 1 : -1));
}

/** The province's own answer terms (newest first), as domain terms. */
export async function provinceTerms(db: Q): Promise<AnswerTerm[]> {
  const rows = await db.selectFrom('register_answer_terms').selectAll().orderBy('valid_from', 'desc').execute();
  return rows.map((r) => ({ source: r.source as RegisterSource, days: r.days, unit: r.unit as AnswerTerm['unit'], legalBasis: r.legal_basis, verified: !!r.verified, validFrom: r.valid_from, validTo: r.valid_to, note: r.note ?? undefined }));
}

/** Units that may be asked to answer (current communes, departments, public service units, provincial committee). */
export async function answeringUnits(db: Q, scope: Scope): Promise<[string, string][]> {
  let q = db.selectFrom('units').select(['id', 'full_name']).where('kind', 'in', ['commune-committee', 'department', 'public-service-unit', 'province-committee']).where('valid_to', 'is', null);
  if (scope !== 'all') q = scope.length ? q.where('id', 'in', scope) : q.where('id', '=', '-');
  return (await q.orderBy('full_name').limit(500).execute()).map((u) => [u.id, u.full_name]);
}
