/**
 * The dialogue in resolving a complaint (issue 18 item 10): when it is mandatory, how long before it
 * the participants are told, and what the minutes hold. None of it was read in a primary text
 * (DOMAIN §13 Q4 quotes a third-party crawl of NĐ 155/2026; LKN Art. 30 and 39 are from memory),
 * so every rule is data with `verified: false`, its article and its validity.
 */
import { plusDays } from '../calendar/index.ts';
import type { LegalBasis } from '../deadlines/types.ts';

/** One version of the dialogue rule of an instance. */
export interface DialogueRule {
  instance: 'first' | 'second';
  /** 'always': no resolution without a dialogue record; 'when-differs': only when the complainant's request and the verification result differ. */
  mandatory: 'always' | 'when-differs';
  /** The written notice reaches the participants at least this many (calendar) days before the dialogue. */
  noticeDays: number;
  legalBasis: LegalBasis;
  related?: LegalBasis[];
  validFrom: string;
  validTo: string | null;
  verified: boolean;
  note: string;
}

const LKN = 'Luật Khiếu nại 02/2011/QH13';
const ND155 = 'Nghị định 124/2020/NĐ-CP, sửa đổi bởi Nghị định 155/2026/NĐ-CP (Điều 11)';
const NOTICE_2026 = { law: ND155, article: '28', quote: 'Written notice ≥05 days before the dialogue. Dialogue is mandatory at the 2nd instance; a department head who resolves at 2nd instance must hold it in person. Minutes on Mẫu 14 in ≥3 copies. (DOMAIN §13 Q4, 3rd-party)' };
const FIRST = { law: LKN, article: '30', clause: '1', quote: 'Trong quá trình giải quyết khiếu nại lần đầu, nếu yêu cầu của người khiếu nại và kết quả xác minh nội dung khiếu nại còn khác nhau thì người giải quyết khiếu nại tổ chức đối thoại … (from memory)' };
const SECOND = { law: LKN, article: '39', clause: '1', quote: 'Trong quá trình giải quyết khiếu nại lần hai, người giải quyết khiếu nại tiến hành đối thoại với người khiếu nại, người bị khiếu nại … (from memory)' };
const BEFORE = '05 days taken from the 2026 amendment: NĐ 124/2020 as first issued was not read (DOMAIN §13, still open 4).';

/** The dialogue rules (configurable data; none verified in a primary text). */
export const DIALOGUE_RULES: readonly DialogueRule[] = [
  { instance: 'first', mandatory: 'when-differs', noticeDays: 5, legalBasis: FIRST, related: [NOTICE_2026], validFrom: '2026-07-01', validTo: null, verified: false, note: 'LKN Art. 30 from memory; notice period from NĐ 155/2026 (3rd-party).' },
  { instance: 'first', mandatory: 'when-differs', noticeDays: 5, legalBasis: FIRST, validFrom: '2012-07-01', validTo: '2026-06-30', verified: false, note: BEFORE },
  { instance: 'second', mandatory: 'always', noticeDays: 5, legalBasis: SECOND, related: [NOTICE_2026], validFrom: '2026-07-01', validTo: null, verified: false, note: 'Mandatory at the 2nd instance per NĐ 155/2026 Art. 11 (3rd-party); LKN Art. 39 from memory.' },
  { instance: 'second', mandatory: 'always', noticeDays: 5, legalBasis: SECOND, validFrom: '2012-07-01', validTo: '2026-06-30', verified: false, note: BEFORE },
];

/** The dialogue rule of an instance in force on a date, or undefined. */
export function dialogueRule(instance: string, on: string): DialogueRule | undefined {
  return DIALOGUE_RULES.find((r) => r.instance === instance && r.validFrom <= on && (r.validTo === null || on <= r.validTo));
}

/** Is a dialogue record required before resolving (second instance always; first when the request and the verification differ)? */
export function dialogueRequired(instance: string, differs: boolean, on: string): boolean {
  const r = dialogueRule(instance, on);
  return !!r && (r.mandatory === 'always' || differs);
}

/** The last day the written notice may be sent: `noticeDays` full days before the dialogue. */
export function dialogueNoticeBy(rule: DialogueRule, dialogueOn: string): string {
  return plusDays(dialogueOn, -rule.noticeDays);
}

/** The participants of a dialogue (LKN Art. 30(1), 39(1): complainant, person complained against, relevant bodies). */
export const DIALOGUE_ROLES = ['complainant', 'respondent', 'body', 'other'] as const;
export type DialogueRole = typeof DIALOGUE_ROLES[number];
