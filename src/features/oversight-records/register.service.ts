import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import { answerDue, termFor } from '../../domain/oversight/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { getEntry, provinceTerms } from './register.repository.ts';
import type { AnswerInput, EntryInput, TermInput } from './register.schema.ts';

type E = 'not_found' | 'rule' | 'state' | 'invalid';
const audit = (trx: Trx, actor: Actor, action: string, id: string, unitId: string | null, changes: unknown) =>
  record(trx, actor, { action: `register.${action}`, subjectType: 'register-entry', subjectId: id, unitId, changes, visibility: 'unit' });
const dmy = (d: string) => d.split('-').reverse().join('/');

/**
 * Files a recommendation or critique: the answer is due after the term of its source in force on
 * the received date (the province's term, else the bundled one with its basis and verified flag),
 * counted by the legal calendar; the answering unit's head and officers are notified.
 */
export async function fileEntry(db: Db, actor: Actor, input: EntryInput, issuerUnitId: string | null): Promise<Result<{ id: string; answerDue: string }, E>> {
  return inTransaction(db, async (trx) => {
    const unit = await trx.selectFrom('units').select(['id', 'full_name']).where('id', '=', input.assigneeUnitId).executeTakeFirst();
    if (!unit) return fail('invalid', { assigneeUnitId: 'register.error.unitMissing' });
    const term = termFor(input.source, input.receivedOn, await provinceTerms(trx));
    if (!term) return fail('rule', { receivedOn: 'register.error.noTerm' });
    const due = answerDue((await loadLegalTime(trx)).calendar, term, input.receivedOn);
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('register_entries').values({
      id, source: input.source, issuer_name: input.issuerName, issuer_unit_id: issuerUnitId, document_number: input.documentNumber, document_date: input.documentDate, received_on: input.receivedOn,
      subject: input.subject, content: input.content, assignee_unit_id: unit.id, answer_due: due, term_days: term.days, term_unit: term.unit, term_basis: term.legalBasis, term_verified: term.verified ? 1 : 0,
      status: 'open', answered_on: null, answer_document: null, outcome: null, answer_text: null, closed_on: null, close_note: null, created_by: actor.userId, created_at: now, updated_at: now,
    }).execute();
    const users = await usersWithRole(trx, unit.id, ['unit-head', 'unit-officer']);
    await notifyUsers(trx, users, { title: `Kiến nghị cần trả lời trước ${dmy(due)}`, body: `${input.issuerName} (${input.documentNumber}): ${input.subject}`, link: `/recommendations/${id}`, dedupeKey: `register:${id}` });
    await audit(trx, actor, 'file', id, unit.id, { ...input, answerDue: due, term: { days: term.days, unit: term.unit, basis: term.legalBasis, verified: term.verified } });
    return ok({ id, answerDue: due });
  });
}

/** Records the answering unit's answer (accepted / partly / explained) with its document. */
export async function answerEntry(db: Db, actor: Actor, id: string, input: AnswerInput): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const e = await getEntry(trx, id);
    if (!e) return fail('not_found');
    if (e.status !== 'open') return fail('state', { answerText: 'register.error.answered' });
    if (input.answeredOn < e.received_on) return fail('rule', { answeredOn: 'register.error.answerBeforeReceived' });
    await trx.updateTable('register_entries').set({ status: 'answered', answered_on: input.answeredOn, outcome: input.outcome, answer_document: input.answerDocument, answer_text: input.answerText, updated_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, actor, 'answer', id, e.assignee_unit_id, { ...input, onTime: input.answeredOn <= e.answer_due });
    return ok(id);
  });
}

/** Closes an answered entry (the issuing body or the coordinator is satisfied), with an optional note. */
export async function closeEntry(db: Db, actor: Actor, id: string, input: { closedOn: string; note: string | null }): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const e = await getEntry(trx, id);
    if (!e) return fail('not_found');
    if (e.status !== 'answered') return fail('state', { closedOn: e.status === 'closed' ? 'register.error.closed' : 'register.error.notAnswered' });
    if (input.closedOn < e.answered_on!) return fail('rule', { closedOn: 'register.error.closeBeforeAnswer' });
    await trx.updateTable('register_entries').set({ status: 'closed', closed_on: input.closedOn, close_note: input.note, updated_at: nowIso() }).where('id', '=', id).execute();
    await audit(trx, actor, 'close', id, e.assignee_unit_id, input);
    return ok(id);
  });
}

/** Adds a province answer term (e.g. from its coordination regulation with the Front); it applies to entries received from `validFrom`. */
export async function addTerm(db: Db, actor: Actor, input: TermInput): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    const id = randomUUID();
    await trx.insertInto('register_answer_terms').values({ id, source: input.source, days: input.days, unit: input.unit, legal_basis: input.legalBasis, verified: 0, valid_from: input.validFrom, valid_to: input.validTo, note: input.note, created_at: nowIso() }).execute();
    await record(trx, actor, { action: 'register.term', subjectType: 'register-term', subjectId: id, unitId: null, changes: input, visibility: 'unit' });
    return ok(id);
  });
}
