import { z } from 'zod';
import { dateField } from '../units/units.schema.ts';

const optDate = z.union([z.literal(''), dateField]).optional().transform((s) => s || null);
const flag = z.union([z.boolean(), z.literal('1'), z.literal('on'), z.literal('')]).optional().transform((v) => v === true || v === '1' || v === 'on');
const text = (max: number) => z.string().trim().min(1).max(max);

const optCount = z.union([z.literal(''), z.coerce.number({ message: 'validation.invalidType' }).int().min(0).max(100000)]).optional().transform((v) => (v === '' || v === undefined ? null : v));
/** A mediator; the election result (votes of household representatives out of all households, Art. 8) when known. */
export const mediatorInput = z.object({ name: text(200), gender: z.enum(['female', 'male']), ethnicMinority: flag, isLeader: flag, recognizedOn: optDate, electionVotes: optCount, electionHouseholds: optCount })
  .refine((m) => (m.electionVotes === null) === (m.electionHouseholds === null), { path: ['electionHouseholds'], message: 'mediation.error.electionBoth' })
  .refine((m) => m.electionVotes === null || m.electionHouseholds === null || m.electionVotes <= m.electionHouseholds, { path: ['electionVotes'], message: 'mediation.error.votesExceed' });
export const teamInput = z.object({ villageId: text(64), name: text(200), ethnicMinorityArea: flag, mediators: z.array(mediatorInput).max(30).default([]) });
export type TeamInput = z.infer<typeof teamInput>;

/** Parties by name only (no more personal data than the logbook needs). */
const party = z.union([text(200), z.object({ name: text(200) }).transform((p) => p.name)]);
export const caseInput = z.object({ teamId: text(64), assignedOn: dateField, parties: z.array(party).min(1).max(20), summary: text(4000) });
export type CaseInput = z.infer<typeof caseInput>;

export const sessionInput = z.object({ heldOn: dateField, note: text(4000) });

/** Settlement record, Art. 24(2): basis, facts, course, agreement, rights and obligations, performance. */
export const settlementRecord = z.object({
  basis: z.string().trim().max(2000).optional(),
  facts: z.string().trim().max(4000).optional(),
  course: z.string().trim().max(4000).optional(),
  agreement: text(4000),
  obligations: z.string().trim().max(4000).optional(),
  performance: z.string().trim().max(2000).optional(),
});
export const outcomeInput = z.object({ result: z.enum(['settled', 'not-settled', 'stopped']), closedOn: optDate, record: settlementRecord.optional() })
  .refine((o) => !o.record || o.result === 'settled', { path: ['record'], message: 'mediation.error.recordOnlySettled' });
export type OutcomeInput = z.infer<typeof outcomeInput>;
