import { z } from 'zod';
import { FORMS, MATTERS, PROPOSERS } from '../../domain/democracy/index.ts';
import { dateField } from '../units/units.schema.ts';

const optDate = z.union([dateField, z.literal('')]).optional().transform((s) => s || null);
const count = z.coerce.number({ message: 'validation.invalidType' }).int().min(0).max(100000);
const optCount = z.union([z.literal(''), count]).optional().transform((v) => (v === '' || v === undefined ? null : v));

export const householdInput = z.object({
  representative: z.string().trim().min(1).max(200),
  address: z.string().trim().max(300).optional().transform((s) => s || null),
  addedOn: optDate,
});
export type HouseholdInput = z.infer<typeof householdInput>;
export const householdList = z.array(householdInput).min(1).max(5000);

export const countQuery = z.object({ at: optDate });

export const decisionInput = z.object({
  villageId: z.string().trim().min(1).max(64),
  matter: z.enum(MATTERS),
  form: z.enum(FORMS),
  question: z.string().trim().min(1).max(2000),
  proposer: z.enum(PROPOSERS).default('village-head'),
  initiativeSupporters: optCount,
  initiativeAgreedOn: optDate,
  frontApproved: z.union([z.boolean(), z.literal('1'), z.literal('')]).optional().transform((v) => v === true || v === '1'),
  noticeOn: optDate,
  voteOn: optDate,
});
export type DecisionInput = z.infer<typeof decisionInput>;

/** Names as a JSON list or typed one per line (forms); empty = not recorded. */
const names = z.union([z.array(z.string().trim().min(1).max(200)).max(10), z.string().max(2000).transform((s) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean))])
  .optional().transform((v) => v ?? []).pipe(z.array(z.string().max(200)).max(10));
const flag = z.union([z.boolean(), z.literal('1'), z.literal('on'), z.literal('')]).optional().transform((v) => v === true || v === '1' || v === 'on');

/** The tally of the counting team (paper first): yes / no / other, households present at a meeting, the team and its 2 witnesses. */
export const tallyInput = z.object({ householdsPresent: optCount, yes: count, no: count, other: count, secretBallot: flag, team: names, witnesses: names });
export type TallyInput = z.infer<typeof tallyInput>;

export const recognizeInput = z.object({
  decision: z.enum(['recognized', 'refused']),
  receivedOn: optDate,
  note: z.string().trim().max(2000).optional().transform((s) => s || null),
});
export const annulInput = z.object({ reason: z.string().trim().min(1).max(2000), kind: z.enum(['unlawful', 'procedure']).default('unlawful') });
export const optInInput = z.object({ on: optDate });

export const onlineVoteInput = z.object({ householdId: z.string().trim().min(1).max(64), choice: z.enum(['yes', 'no', 'other']) });

export const communeDecisionInput = z.object({
  communeId: z.string().trim().min(1).max(64),
  matter: z.enum(MATTERS),
  form: z.enum(FORMS),
  question: z.string().trim().min(1).max(2000),
  noticeOn: optDate,
  voteOn: optDate,
});
export type CommuneDecisionInput = z.infer<typeof communeDecisionInput>;
export const communeCloseInput = z.object({ effectiveOn: optDate });
