/**
 * "Việc của tôi" (my work): what a person or their unit must do, across features. Each feature
 * registers one or more work sources from its index.ts; the home page asks every source the user
 * may use and merges the items by deadline. The home page never reads another feature's tables.
 *
 *   registerWorkSource({ name: 'tasks', permission: 'tasks.view', list: async (db, who) => [...] });
 *
 * `who.units` are the units the person answers for (their grants, with the units below them where
 * the grant includes descendants), never the whole province: a coordinator's province-wide
 * permission shows in what the coordinator must review, not in every commune's tasks.
 */
import type { CurrentUser } from '../authz/index.ts';
import type { Db } from '../db/index.ts';

export interface WorkItem {
  /** Stable key (source + object id + step), so a test or a client can follow one item. */
  key: string;
  /** What to do, already translated (Vietnamese or English per `who.lang`). */
  title: string;
  /** The kind of step, e.g. 'task', 'report.write', 'petition.accept': a translation key suffix. */
  kind: string;
  unitId: string | null;
  unitName: string | null;
  /** The legal or plan deadline (YYYY-MM-DD), or null when there is none. */
  due: string | null;
  /** True when the deadline is a legal one (its basis is given). */
  basis: string | null;
  /** The exact page where it is done. */
  href: string;
}

export interface WorkWho {
  user: CurrentUser;
  lang: 'vi' | 'en';
  today: string;
  /** Units the person answers for (grants of roles allowed `permission`, with descendants where granted). */
  units: string[];
  /** True when the person holds a province-wide role for `permission` (coordinator, leader, admin). */
  provinceWide: boolean;
}

export interface WorkSource {
  name: string;
  /** The action a user needs for this source; checked per grant like every route. */
  permission: string;
  list: (db: Db, who: WorkWho) => Promise<WorkItem[]>;
}

const sources = new Map<string, WorkSource>();

/** Adds (or replaces, by name) a work source. */
export function registerWorkSource(s: WorkSource): void {
  sources.set(s.name, s);
}

/** Every registered source, in registration order. */
export function workSources(): WorkSource[] {
  return [...sources.values()];
}

/** Orders items by deadline (earliest first, undated last), then by title. */
export function byDeadline(a: WorkItem, b: WorkItem): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'vi');
}
