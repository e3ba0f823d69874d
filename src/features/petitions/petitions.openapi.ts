/** Response schemas of the petitions API (request schemas are those of petitions.schema.ts). */
import { Instant, IsoDate, oneOf, z } from '../../platform/http/api.ts';
import { CHANNELS, COMPETENCE, COMPLEXITY_CRITERIA, PETITION_FIELDS, PETITION_KINDS, TEMPLATE_STATUSES } from '../../domain/petitions/index.ts';
import { SUPERVISION_AREA_CODES } from '../../domain/supervision-areas.ts';
import { NOTICES } from './petitions.schema.ts';

const STATUSES = ['received', 'triaged', 'accepted', 'suspended', 'resolved', 'closed'];
const Status = oneOf(STATUSES);

export const PetitionListItem = z.object({
  id: z.string(), trackingCode: z.string(), kind: oneOf(PETITION_KINDS).nullable().openapi({ description: 'Null until classified' }), status: Status,
  handlingUnitId: z.string(), receivedAt: Instant, dueOn: IsoDate.nullable(),
});

/** The sender as the case holds it (personal data: shown to staff of a case that is not sealed, and by an audited reveal). */
export const Sender = z.object({ name: z.string().nullable(), idNumber: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() }).openapi('PetitionSender');
const Clock = z.object({ ruleId: z.string(), start: IsoDate, due: IsoDate, variant: z.string().nullable(), basis: z.string().openapi({ description: 'Legal basis (law, article, clause)' }), title: z.string() });
const ClockEntry = z.object({
  on: IsoDate.openapi({ description: 'Date written on the document' }), at: Instant.openapi({ description: 'When it was entered' }),
  event: z.enum(['start', 'stop', 'resume', 'extend', 'end', 'notice-due', 'notice-sent', 'recompute', 'time-bar']),
  clock: z.string(), due: IsoDate.nullable(), previousDue: IsoDate.nullable().optional(), basis: z.string(), note: z.string().nullable().optional(),
});
const Eligibility = z.object({
  hasSenderIdentity: z.boolean(), hasAddress: z.boolean(), hasContent: z.boolean(), notDuplicate: z.boolean(), notAlreadyGuided: z.boolean(),
  outcome: oneOf(['handle', 'guide-split', 'guide-missing', 'file-anonymous', 'duplicate']),
});

/** The full case for staff. */
export const Petition = PetitionListItem.extend({
  kindHint: oneOf(PETITION_KINDS).nullable(), channel: oneOf(CHANNELS), title: z.string(), content: z.string(), field: oneOf(PETITION_FIELDS).nullable(),
  areas: z.array(oneOf(SUPERVISION_AREA_CODES)), anonymous: z.boolean(), remote: z.boolean(), complex: z.boolean(), competence: oneOf(COMPETENCE).nullable(),
  receivedOn: IsoDate, acceptedOn: IsoDate.nullable(), overdue: z.boolean(), extensions: z.number().int(), complexityCriteria: z.array(oneOf(COMPLEXITY_CRITERIA)),
  deadlines: z.record(z.string(), Clock).openapi({ description: 'The case\'s statutory clocks by name' }), duplicateOf: z.string().nullable(), sourceBody: z.string().nullable(),
  accusedUnitId: z.string().nullable(), assignedUserId: z.string().nullable(), eligibility: Eligibility.nullable(),
  forwards: z.array(z.object({ fromUnitId: z.string(), toUnitId: z.string(), at: Instant, reason: z.string(), legalStep: z.string() })),
  history: z.array(z.object({ at: Instant, event: z.string(), public: z.boolean(), note: z.string().nullable() })),
  outcome: z.string().nullable(), documentNumber: z.string().nullable(), answer: z.string().nullable(), resolvedOn: IsoDate.nullable(), files: z.array(z.string()),
  sender: z.union([Sender, z.object({ sealed: z.literal(true) })]).nullable().openapi({ description: 'The sender, `{ sealed: true }` for a sealed case (reveal it with POST /petitions/{id}/reveal), or null' }),
  clockHistory: z.array(ClockEntry),
  notices: z.record(z.string(), z.object({ sentOn: IsoDate, documentNumber: z.string(), late: z.boolean() })).openapi({ description: `Notices sent, by kind (${NOTICES.join(', ')})` }),
  awaitingReceipt: z.boolean(), suspendedOn: IsoDate.nullable(), suspendedDays: z.number().int(), decisionUnitId: z.string().nullable(),
  timeBar: z.object({ knewOn: IsoDate, due: IsoDate, excludedDays: z.number().int(), late: z.boolean(), days: z.number().int() }).nullable(),
  resolver: z.object({ resolver: z.string(), routeTo: z.string().nullable(), basis: z.string().optional(), verified: z.boolean().optional() }).nullable(),
}).openapi('Petition');

/** What a citizen sees with the tracking code and access key. */
export const PublicPetition = z.object({
  trackingCode: z.string(), status: Status, handlingUnit: z.object({ id: z.string(), name: z.string() }), dueOn: IsoDate.nullable(),
  history: z.array(z.object({ at: Instant, event: z.string() })), answer: z.string().nullable().openapi({ description: 'The answer once resolved or closed' }),
}).openapi('PublicPetition');

const month = z.string().openapi({ description: 'yyyy-mm', example: '2026-03' });
/** Days held against the statutory minimum, per unit with a head's reception duty (LTCD Art. 15). */
export const ReceptionCompliance = z.object({
  month, items: z.array(z.object({
    unitId: z.string(), name: z.string(), required: z.number().int(), held: z.number().int().openapi({ description: 'Days that count as held by the head' }), byDeputy: z.number().int(),
    deputyNotCounted: z.number().int(), missed: z.number().int(), ok: z.boolean(), basis: z.string(),
  })),
});
export const ReceptionDays = z.object({
  month, items: z.array(z.object({ id: z.string(), unitId: z.string(), onDate: IsoDate, headName: z.string(), held: z.boolean(), heldBy: oneOf(['head', 'deputy']), countsAsHead: z.boolean(), note: z.string().nullable() })),
});
/** One entry of the reception log (LTCD Art. 25(2)); the visitor of a denunciation or a sealed case stays `{ sealed: true }`. */
export const ReceptionLog = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(), receivedOn: IsoDate,
  visitor: z.union([z.object({ sealed: z.literal(true) }), z.object({ sealed: z.literal(false), name: z.string(), address: z.string(), idNumber: z.string().nullable() })]),
  peopleCount: z.number().int(), group: z.boolean().openapi({ description: '5 people or more' }), kind: oneOf(PETITION_KINDS), summary: z.string(), refused: z.boolean(), refusalReason: z.string().nullable(),
  handling: z.string().nullable(), priorHandling: z.string().nullable(), requests: z.string().nullable(), petitionId: z.string().nullable(), trackingCode: z.string().nullable(),
  replyDue: IsoDate.nullable(), repliedOn: IsoDate.nullable(), replyOutcome: oneOf(['accepted', 'verifying', 'refused', 'forwarded']).nullable(), replyOverdue: z.boolean(),
}).openapi('ReceptionLog');
const Template = z.object({ body: z.string(), custom: z.boolean().openapi({ description: 'false: the default text' }), updatedAt: Instant.nullable() });
export const Templates = z.object({ unitId: z.string(), templates: z.record(z.enum(TEMPLATE_STATUSES), Template).openapi({ description: 'The answer template of each state' }) });
export const RemoteUnits = z.object({ items: z.array(z.object({ unitId: z.string(), name: z.string(), note: z.string().nullable(), addedAt: Instant })) });
