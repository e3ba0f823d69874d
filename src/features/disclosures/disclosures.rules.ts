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

export interface Compliance { missing: string[]; late: string[]; tooShort: string[]; outdated: string[] }

type PermanentPosting = { id: string; item_code: string; removed_on: string | null; decision_on: string; posted_on: string };

/**
 * Permanent items (Art. 13(2)) whose board shows an older version: the posting of the latest
 * decision recorded for the item is no longer on the board on `to` while an older one is, or an
 * older version is still posted beside the current one. Returns the ids of the outdated postings.
 */
export function outdatedPermanent(permanent: PermanentPosting[], to: string): string[] {
  const out: string[] = [];
  const onBoard = (p: PermanentPosting) => !p.removed_on || p.removed_on > to;
  for (const code of new Set(permanent.map((p) => p.item_code))) {
    const versions = permanent.filter((p) => p.item_code === code).sort((a, b) => (b.decision_on + b.posted_on).localeCompare(a.decision_on + a.posted_on));
    const current = versions[0];
    for (const older of versions.slice(1)) if (older.decision_on < current.decision_on && onBoard(older)) out.push(older.id);
  }
  return out;
}

/**
 * Compliance of one unit over [from, to]: each required item (not "other") posted at least once in
 * the period, each permanent item on the board on `to` in its current version; late, too-short and
 * outdated postings by id.
 */
export function complianceOf(scope: DisclosureScope, rows: DisclosureRow[], permanent: PermanentPosting[], to: string, today: string): Compliance {
  const items = itemsOf(scope, to).filter((i) => !/^(c14|a12)$/.test(i.code));
  const posted = new Set(rows.map((r) => r.item_code));
  // A permanent item is on the board only if its current (latest decision) version is.
  const current = new Map<string, PermanentPosting>();
  for (const p of permanent) {
    const c = current.get(p.item_code);
    if (!c || (p.decision_on + p.posted_on) > (c.decision_on + c.posted_on)) current.set(p.item_code, p);
  }
  const onBoard = new Set([...current.values()].filter((p) => !p.removed_on || p.removed_on > to).map((p) => p.item_code));
  const missing = items.filter((i) => (i.permanent ? !onBoard.has(i.code) : !posted.has(i.code))).map((i) => i.code);
  const flags = rows.map((r) => ({ id: r.id, ...flagsOf(r, today) }));
  return { missing, late: flags.filter((f) => f.late).map((f) => f.id), tooShort: flags.filter((f) => f.tooShort).map((f) => f.id), outdated: outdatedPermanent(permanent, to) };
}
