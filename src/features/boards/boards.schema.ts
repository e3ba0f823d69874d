import { z } from 'zod';
import { dateField } from '../units/units.schema.ts';

const optDate = z.union([z.literal(''), dateField]).optional().transform((s) => s || null);
const flag = z.union([z.boolean(), z.literal('1'), z.literal('on'), z.literal('')]).optional().transform((v) => v === true || v === '1' || v === 'on');

export const memberInput = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.enum(['head', 'deputy', 'member']),
  villageId: z.string().trim().max(64).optional().transform((s) => s || null),
  isUnitOfficial: flag,
  isRelative: flag,
});
export type MemberInput = z.infer<typeof memberInput>;

export const boardInput = z.object({
  kind: z.enum(['inspection', 'investment-supervision']),
  unitId: z.string().trim().min(1).max(64),
  projectTitle: z.string().trim().max(500).optional().transform((s) => s || null),
  termStart: dateField,
  staffCount: z.union([z.literal(''), z.coerce.number().int().min(0).max(1000000)]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
  investorNotifiedOn: optDate,
  reportTo: z.string().trim().max(300).optional().transform((s) => s || null),
  members: z.array(memberInput).min(1).max(60),
}).refine((b) => b.kind !== 'investment-supervision' || !!b.projectTitle, { path: ['projectTitle'], message: 'boards.error.projectTitle' });
export type BoardInput = z.infer<typeof boardInput>;

export const recommendationInput = z.object({
  to: z.string().trim().min(1).max(300),
  text: z.string().trim().min(1).max(4000),
  sentOn: dateField,
  kind: z.enum(['recommendation', 'suspension']).default('recommendation'),
});
export type RecommendationInput = z.infer<typeof recommendationInput>;

export const answerInput = z.object({ answeredOn: dateField, answer: z.string().trim().min(1).max(4000) });
export const ACTIVITY_KINDS = ['plan', 'inspection', 'visit', 'finding', 'report', 'election', 'by-election'] as const;
/** An activity; a by-election names the member elected (and the member whose seat fell vacant). */
export const activityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS), heldOn: dateField, noticeOn: optDate, text: z.string().trim().min(1).max(4000),
  memberName: z.string().trim().max(200).optional().transform((s) => s || null),
  memberRole: z.union([z.enum(['head', 'deputy', 'member']), z.literal('')]).optional().transform((s) => s || 'member'),
  memberVillageId: z.string().trim().max(64).optional().transform((s) => s || null),
  replacesMemberId: z.string().trim().max(64).optional().transform((s) => s || null),
}).refine((a) => a.kind !== 'by-election' || !!a.memberName, { path: ['memberName'], message: 'boards.error.memberName' });
export type ActivityInput = z.infer<typeof activityInput>;
export const dissolveInput = z.object({ on: dateField });
