import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { exemplarById } from '../exemplars/index.ts';
import type { CommendationInput, DisciplineInput, TrainingInput } from './records.schema.ts';

type E = 'invalid';
const audit = (trx: Trx, actor: Actor, action: string, type: string, id: string, unitId: string, changes: unknown) =>
  record(trx, actor, { action: `records.${action}`, subjectType: type, subjectId: id, unitId, changes, visibility: 'unit' });
const unitName = (trx: Trx, id: string) => trx.selectFrom('units').select('full_name').where('id', '=', id).executeTakeFirst().then((u) => u?.full_name);

/** The unit a commendation belongs to: the recipient unit, the person's unit, or the model's owner unit. */
export async function commendationUnit(db: Db, input: CommendationInput): Promise<string | null> {
  if (input.recipientKind === 'exemplar') return (await exemplarById(db, input.exemplarId!))?.unitId ?? null;
  return input.unitId;
}

/** Records a commendation (plan 188 II.7: commend good examples); the recipient's name is kept as written on the decision. */
export async function addCommendation(db: Db, actor: Actor, input: CommendationInput): Promise<Result<string, E>> {
  const ex = input.recipientKind === 'exemplar' ? await exemplarById(db, input.exemplarId!) : undefined;
  if (input.recipientKind === 'exemplar' && !ex) return fail('invalid', { exemplarId: 'records.error.exemplarMissing' });
  return inTransaction(db, async (trx) => {
    const unitId = ex?.unitId ?? input.unitId!;
    const uname = await unitName(trx, unitId);
    if (!uname) return fail('invalid', { unitId: 'records.error.unitMissing' });
    const id = randomUUID();
    const recipientName = ex ? ex.name : input.recipientKind === 'person' ? input.personName! : uname;
    await trx.insertInto('commendation_records').values({ id, unit_id: unitId, form: input.form, level: input.level, issuer: input.issuer, decision_number: input.decisionNumber, decision_on: input.decisionOn,
      recipient_kind: input.recipientKind, recipient_name: recipientName, exemplar_id: ex?.id ?? null, reason: input.reason, created_at: nowIso() }).execute();
    await audit(trx, actor, 'commend', 'commendation', id, unitId, { ...input, recipientName });
    return ok(id);
  });
}

/** Records a disciplinary case for a violation of democracy rules (plan 188 II.7); never shown on public pages. */
export async function addDiscipline(db: Db, actor: Actor, input: DisciplineInput): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    if (!(await unitName(trx, input.unitId))) return fail('invalid', { unitId: 'records.error.unitMissing' });
    const id = randomUUID();
    await trx.insertInto('discipline_records').values({ id, unit_id: input.unitId, person_name: input.personName, person_position: input.personPosition, person_category: input.personCategory, violation: input.violation,
      legal_basis: input.legalBasis, measure: input.measure, decision_number: input.decisionNumber, decision_on: input.decisionOn, decided_by: input.decidedBy, created_at: nowIso() }).execute();
    await audit(trx, actor, 'discipline', 'discipline', id, input.unitId, input);
    return ok(id);
  });
}

/** Records a training course and its participants per unit (plan 188 II.8: train officials in mass-mobilisation work). */
export async function addTraining(db: Db, actor: Actor, input: TrainingInput): Promise<Result<string, E>> {
  return inTransaction(db, async (trx) => {
    if (!(await unitName(trx, input.unitId))) return fail('invalid', { unitId: 'records.error.unitMissing' });
    const ids = [...new Set(input.participants.map((p) => p.unitId))];
    const known = await trx.selectFrom('units').select('id').where('id', 'in', ids).execute();
    if (known.length !== ids.length) return fail('invalid', { participants: 'records.error.participantUnit' });
    const id = randomUUID();
    const now = nowIso();
    await trx.insertInto('training_courses').values({ id, unit_id: input.unitId, organiser: input.organiser, topic: input.topic, starts_on: input.startsOn, ends_on: input.endsOn, hours: input.hours, created_at: now }).execute();
    for (const p of input.participants) await trx.insertInto('training_participants').values({ id: randomUUID(), course_id: id, unit_id: p.unitId, participants: p.participants, created_at: now }).execute();
    await audit(trx, actor, 'training', 'training', id, input.unitId, input);
    return ok(id);
  });
}
