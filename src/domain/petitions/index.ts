/**
 * Petition rules without I/O (shared/DOMAIN.md §3–5, §13 Q1): kinds, fields, the state machine per
 * kind, the eligibility checklist (TT 07/2014 Art. 6(2), carried into TT 05/2021), forward-loop
 * detection (TT 05/2021 Art. 14: a denunciation is forwarded once) and near-duplicate text.
 */
import { foldVietnamese } from '../text/normalize.ts';

export const PETITION_KINDS = ['complaint', 'denunciation', 'recommendation', 'feedback', 'mixed'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];
export const PETITION_FIELDS = ['land', 'environment', 'compensation', 'social-policy', 'conduct', 'admin-procedure', 'other'] as const;
export type PetitionField = (typeof PETITION_FIELDS)[number];
export const CHANNELS = ['online', 'letter', 'in-person', 'phone', 'forwarded'] as const;
export type Channel = (typeof CHANNELS)[number];
export const COMPETENCE = ['this-unit', 'other-unit', 'court', 'procuracy', 'party'] as const;
export type Competence = (typeof COMPETENCE)[number];

/**
 * received → triaged → accepted → resolved; `closed` = answered with guidance (mixed, ineligible,
 * other branch), refused (time-barred) or withdrawn; `suspended` = resolution suspended (clock stopped).
 */
export const STATUSES = ['received', 'triaged', 'accepted', 'suspended', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export type Step = 'classify' | 'forward' | 'accept' | 'extend' | 'resolve' | 'guide' | 'extend-triage' | 'receive' | 'suspend' | 'resume' | 'withdraw' | 'notice' | 'dialogue' | 'dialogue-minutes';
const DECIDED: (PetitionKind | null)[] = ['complaint', 'denunciation'];

const OPEN: Status[] = ['received', 'triaged'];
/** Whether a step is allowed from a status for a kind (null kind = not yet classified). */
export function canStep(step: Step, status: Status, kind: PetitionKind | null, extensions = 0): boolean {
  switch (step) {
    case 'classify': return OPEN.includes(status);
    case 'forward': return OPEN.includes(status);
    case 'guide': return OPEN.includes(status);
    case 'accept': return status === 'triaged' && kind !== null && kind !== 'mixed';
    case 'extend':
      if (status !== 'accepted') return false;
      if (kind === 'denunciation') return extensions < 2; // LTC Art. 30(2)–(3)
      if (kind === 'complaint') return extensions < 1; // LKN Art. 28, 37: "phức tạp" once
      return false;
    case 'resolve': return status === 'accepted';
    // LTC Art. 24(1): the 7-working-day triage of a denunciation may run to 10 (once, before acceptance).
    case 'extend-triage': return OPEN.includes(status) && kind === 'denunciation';
    // Forwarded: the competent body enters the day it received the case (issue 18 item 7).
    case 'receive': return status === 'received';
    // LKN Art. 11a; LTC Art. 31: suspension of the resolution, resumption, withdrawal.
    case 'suspend': return status === 'accepted' && DECIDED.includes(kind);
    case 'resume': return status === 'suspended';
    case 'withdraw': return [...OPEN, 'accepted', 'suspended'].includes(status) && DECIDED.includes(kind);
    case 'notice': return true;
    // LKN Art. 30, 39: the dialogue of a complaint during its resolution (issue 18 item 10).
    case 'dialogue': case 'dialogue-minutes': return status === 'accepted' && kind === 'complaint';
  }
}
export const isOpen = (s: Status) => s !== 'resolved' && s !== 'closed';

/** Legal clock rule ids of each stage, by kind (ids of src/domain/deadlines). */
export function clockRules(kind: PetitionKind, instance: 'first' | 'second' = 'first'): { beforeAccept: string[]; resolve: string | null } {
  if (kind === 'complaint') return { beforeAccept: [`complaint.${instance}.accept`], resolve: `complaint.${instance}.resolve` };
  if (kind === 'denunciation') return { beforeAccept: ['denunciation.triage', 'denunciation.forward'], resolve: 'denunciation.resolve' };
  if (kind === 'mixed') return { beforeAccept: ['petition.process'], resolve: null };
  return { beforeAccept: ['petition.process'], resolve: 'petition.process' };
}

/**
 * NĐ 31/2019/NĐ-CP Art. 3(2): the criteria of a complex denunciation (DOMAIN §4, §13 Q2 [verified:
 * codified text]). Art. 3(3): an especially complex case meets at least two of them.
 */
export const COMPLEXITY_CRITERIA = ['several-places', 'several-contents', 'many-people', 'foreign-element', 'several-agencies', 'agencies-disagree', 'conflicting-evidence'] as const;
export type ComplexityCriterion = (typeof COMPLEXITY_CRITERIA)[number];

/** How many criteria make a denunciation complex (one extension) or especially complex (two), with the basis. */
export const DENUNCIATION_COMPLEXITY = {
  complexMin: 1,
  especiallyComplexMin: 2,
  legalBasis: { law: 'Nghị định 31/2019/NĐ-CP', article: '3', clause: '2–4', quote: '"Vụ việc phức tạp": any one of 2+ places to verify; 2+ contents; many denouncers or affected people; foreign element; several agencies responsible; disagreement among agencies; conflicting evidence. "Vụ việc đặc biệt phức tạp": ≥2 of them (DOMAIN §4)' },
  extensions: { law: 'Luật Tố cáo 25/2018/QH14', article: '30', clause: '2–3', quote: 'Đối với vụ việc phức tạp thì có thể gia hạn giải quyết tố cáo một lần nhưng không quá 30 ngày. Đối với vụ việc đặc biệt phức tạp thì có thể gia hạn giải quyết tố cáo 02 lần, mỗi lần không quá 30 ngày.' },
  // NĐ 31/2019 in force 28/05/2019 (date from memory; not in DOMAIN). NĐ 156/2026 amends NĐ 31/2019 from 01/07/2026: no change to Art. 3 seen (DOMAIN §13 Q4, 3rd-party).
  validFrom: '2019-05-28',
  validTo: null as string | null,
  verified: true,
};

/** How complex a case is by the criteria recorded (NĐ 31/2019 Art. 3(2)–(3)). */
export function complexityOf(criteria: readonly string[]): 'none' | 'complex' | 'especially-complex' {
  const n = new Set(criteria.filter((c) => (COMPLEXITY_CRITERIA as readonly string[]).includes(c))).size;
  return n >= DENUNCIATION_COMPLEXITY.especiallyComplexMin ? 'especially-complex' : n >= DENUNCIATION_COMPLEXITY.complexMin ? 'complex' : 'none';
}

/**
 * Why an extension of a denunciation is refused, or null (LTC Art. 30(2)–(3)): the first needs a
 * complex case (one criterion), the second an especially complex one (two). Complaints: no check here.
 */
export function extensionRefusal(kind: PetitionKind, extensionsSoFar: number, criteria: readonly string[]): 'not_complex' | 'not_especially_complex' | null {
  if (kind !== 'denunciation') return null;
  const level = complexityOf(criteria);
  if (extensionsSoFar === 0) return level === 'none' ? 'not_complex' : null;
  return level === 'especially-complex' ? null : 'not_especially_complex';
}

/** The variant of the resolution clock after `extensions` (0, 1, 2) and with complexity / remoteness. */
export function resolveVariant(kind: PetitionKind, o: { complex: boolean; extensions: number }): string | undefined {
  if (kind === 'denunciation') return o.extensions >= 2 ? 'especially-complex' : o.extensions === 1 ? 'complex' : undefined;
  if (kind === 'complaint') return o.complex || o.extensions > 0 ? 'complex' : undefined;
  return undefined;
}

/** Eligibility checklist of a petition (TT 07/2014 Art. 6(2)(a)–(b); LTC Art. 25 for anonymous denunciations). */
export interface Eligibility {
  hasSenderIdentity: boolean;
  hasAddress: boolean;
  hasContent: boolean;
  notDuplicate: boolean;
  notAlreadyGuided: boolean;
}
export type EligibilityItem = keyof Eligibility;
export const ELIGIBILITY_ITEMS: EligibilityItem[] = ['hasSenderIdentity', 'hasAddress', 'hasContent', 'notDuplicate', 'notAlreadyGuided'];

/**
 * What to do with a petition given its checklist: handle it, guide the sender (mixed contents,
 * missing elements), or — an anonymous denunciation — handle it only when it states a clear
 * violation with evidence (LTC Art. 25(2)), otherwise file it without action.
 */
export function triageOutcome(kind: PetitionKind, e: Eligibility, o: { anonymous: boolean; clearEvidence?: boolean }): 'handle' | 'guide-split' | 'guide-missing' | 'file-anonymous' | 'duplicate' {
  if (kind === 'mixed') return 'guide-split';
  if (!e.notDuplicate) return 'duplicate';
  if (kind === 'denunciation' && o.anonymous) return o.clearEvidence ? 'handle' : 'file-anonymous';
  if (!e.hasSenderIdentity || !e.hasAddress || !e.hasContent || !e.notAlreadyGuided) return 'guide-missing';
  return 'handle';
}

/** Why a forward is refused, or null when allowed. `holders` = units that held the case, oldest first (current last). */
export function forwardRefusal(kind: PetitionKind | null, holders: string[], target: string, forwardsSoFar: number): 'forward_loop' | 'forward_once' | 'same_unit' | null {
  const current = holders[holders.length - 1];
  if (target === current) return 'same_unit';
  if (holders.includes(target)) return 'forward_loop';
  if (kind === 'denunciation' && forwardsSoFar >= 1) return 'forward_once';
  return null;
}

/** A chain of three or more distinct units is a "circular forwarding" risk (chuyển đơn lòng vòng). */
export const isCircularRisk = (holders: string[]) => new Set(holders).size >= 3;

/** Folded word set of a text, for near-duplicate detection (diacritics ignored). */
export function shingles(text: string): Set<string> {
  const words = foldVietnamese(text).split(/[^a-z0-9]+/).filter((w) => w.length > 1);
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  if (words.length === 1) out.add(words[0]);
  return out;
}
/** Jaccard similarity of two texts' word pairs, 0..1. */
export function similarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}
/** Jaccard similarity of two word-pair sets (callers may cache `shingles`). */
export function jaccard(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}
/** Near-identical: at least 80 % of word pairs shared. */
export const NEAR_DUPLICATE = 0.8;
export const isNearDuplicate = (a: string, b: string) => similarity(a, b) >= NEAR_DUPLICATE;

/** Tracking code: 'PA-' + 8 characters without ambiguous letters. */
export const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function trackingCode(random: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += TRACKING_ALPHABET[random[i] % TRACKING_ALPHABET.length];
  return `PA-${s}`;
}

/** The states a unit keeps an answer template for (one text per state, editable by the unit). */
export const TEMPLATE_STATUSES = ['received', 'triaged', 'accepted', 'suspended', 'resolved', 'closed'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
/** Placeholders a template may use; anything else in braces is left as written. */
export const TEMPLATE_PLACEHOLDERS = ['code', 'unit', 'kind', 'receivedOn', 'acceptedOn', 'due', 'basis', 'documentNumber'] as const;
/** Fills `{placeholder}`s with the case's values (unknown or empty ones become "…", to be completed by hand). */
export function fillTemplate(body: string, vars: Partial<Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string | null>>): string {
  return body.replace(/\{([A-Za-z]+)\}/g, (m, k: string) => ((TEMPLATE_PLACEHOLDERS as readonly string[]).includes(k) ? (vars[k as keyof typeof vars] || '…') : m));
}
export * from './procedure.ts';
export * from './dialogue.ts';
