import { findItem, itemsOf, type DisclosureScope } from '../../domain/disclosure/catalogue.ts';
import { daysBetween, radioEnd } from '../../domain/disclosure/clock.ts';
import type { DisclosureRow } from './disclosures.repository.ts';
import { formsOf } from './disclosures.repository.ts';

/** The catalogue scope of a unit kind: communes disclose under Art. 11, everyone else under Art. 46. */
export const scopeOfKind = (kind: string): DisclosureScope | null =>
  kind === 'commune-committee' ? 'commune' : kind === 'village' ? null : 'agency';

/** Longest run of consecutive days in a list of dates. */
export function longestRun(days: string[]): number {
  const s = [...new Set(days)].sort();
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = i > 0 && daysBetween(s[i - 1], s[i]) === 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

export interface Flags { late: boolean; earlyRemoval: boolean; radioShort: boolean; tooShort: boolean }

/**
 * Flags of one posting on a date: published after the deadline (Art. 12(3)), removed before the
 * posting period ended (Art. 13(2), 48), or broadcast fewer than 03 consecutive days once the
 * radio window has passed (Art. 13(3)).
 */
export function flagsOf(d: DisclosureRow, today: string): Flags {
  const item = findItem(d.item_code, d.posted_on);
  const late = d.posted_on > d.publish_due;
  const earlyRemoval = !!d.removed_on && (item?.permanent || (!!d.posted_until && d.removed_on < d.posted_until));
  const radio = formsOf(d).find((f) => f.form === 'radio');
  const radioDays = item?.radioDays ?? null;
  const radioShort = !!radio && radioDays !== null && today > radioEnd(d.posted_on) && longestRun(radio.broadcastDays ?? []) < radioDays;
  return { late, earlyRemoval, radioShort, tooShort: earlyRemoval || radioShort };
}

export interface Compliance { missing: string[]; late: string[]; tooShort: string[] }

/**
 * Compliance of one unit over [from, to]: each required item (not "other") posted at least once in
 * the period, each permanent item on the board on `to`; late and too-short postings by id.
 */
export function complianceOf(scope: DisclosureScope, rows: DisclosureRow[], permanent: { item_code: string; removed_on: string | null }[], to: string, today: string): Compliance {
  const items = itemsOf(scope, to).filter((i) => !/^(c14|a12)$/.test(i.code));
  const posted = new Set(rows.map((r) => r.item_code));
  const onBoard = new Set(permanent.filter((p) => !p.removed_on || p.removed_on > to).map((p) => p.item_code));
  const missing = items.filter((i) => (i.permanent ? !onBoard.has(i.code) : !posted.has(i.code))).map((i) => i.code);
  const flags = rows.map((r) => ({ id: r.id, ...flagsOf(r, today) }));
  return { missing, late: flags.filter((f) => f.late).map((f) => f.id), tooShort: flags.filter((f) => f.tooShort).map((f) => f.id) };
}
