/** Types of the statutory deadline rules (shared/DOMAIN.md §1–6, §13). */

/** How a period is counted. */
export type Unit = 'working-days' | 'calendar-days' | 'months';

/** Where a number comes from. `quote` is the article's Vietnamese text (or DOMAIN.md's rendering of it). */
export interface LegalBasis {
  law: string;
  article: string;
  clause?: string;
  quote?: string;
}

/** A variant with its own length: complex case, remote area, another kind of body… */
export interface Variant {
  /** 'complex', 'especially-complex', 'remote', 'remote-complex', 'extended', 'agency', … */
  id: string;
  title: string;
  days: number;
  unit?: Unit;
  legalBasis?: LegalBasis;
}

/** An extension the competent person may grant (count times, each at most `days`). */
export interface Extension {
  id: string;
  title: string;
  count: number;
  days: number;
  unit?: Unit;
  legalBasis: LegalBasis;
}

/** One version of one statutory time limit. Several versions of an id differ in validFrom/validTo. */
export interface DeadlineRule {
  /** Dotted id, e.g. 'complaint.first.resolve'. */
  id: string;
  title: string;
  titleEn: string;
  /** What starts the clock (Vietnamese). */
  trigger: string;
  days: number;
  unit: Unit;
  /**
   * 'deadline': act no later than the due date. 'minimum': a period that must last at least this
   * long (posting, consultation); the result is its last day, never rolled forward.
   */
  kind: 'deadline' | 'minimum';
  /** Civil Code Art. 148(5): a last day on a non-working day moves to the next working day. */
  rollForward: boolean;
  variants: Variant[];
  extensions?: Extension[];
  legalBasis: LegalBasis;
  /** Implementing or related texts. */
  related?: LegalBasis[];
  validFrom: string;
  validTo: string | null;
  /** False when the number comes only from news, third-party data or memory (see DOMAIN.md flags). */
  verified: boolean;
  /** The reading chosen where the text is ambiguous (e.g. plain "ngày"). */
  reading?: string;
  openQuestion?: string;
  /** A shorter target the province may set (same unit). */
  localTarget?: number;
}

/** Input of one computation. */
export interface DeadlineRequest {
  /** Date of the triggering event ('YYYY-MM-DD'); not itself counted (Civil Code Art. 147(2)). */
  start: string;
  variant?: string;
  /** Remote / hard-to-reach area (vùng sâu, vùng xa): picks the 'remote…' variant where one exists. */
  remote?: boolean;
  /** Days not counted (e.g. illness, disaster: LKN Art. 9; suspension), added in the rule's unit. */
  excludedDays?: number;
}

/** Province-level configuration of the engine. */
export interface DeadlineOptions {
  /** Switch the unit of a rule where "ngày" is ambiguous, by rule id. */
  unitOverrides?: Readonly<Record<string, Unit>>;
  /** Shorter local targets by rule id (override `rule.localTarget`). */
  localTargets?: Readonly<Record<string, number>>;
  /** Other readings the province chose, by reading id (see readings.ts); absent = the reading's default. */
  readings?: Readonly<Record<string, boolean>>;
}

/** Result of one computation. */
export interface DeadlineResult {
  ruleId: string;
  /** validFrom of the rule version used. */
  ruleVersion: string;
  variant: string | null;
  start: string;
  due: string;
  unit: Unit;
  days: number;
  kind: DeadlineRule['kind'];
  /** True when the last day fell on a non-working day and was moved (Art. 148(5)). */
  rolledForward: boolean;
  legalBasis: LegalBasis;
  /** Due date of the province's shorter target, if any. */
  localTargetDue?: string;
}
