import type { Calendar } from '../../domain/calendar/index.ts';
import { daysBetween } from '../../domain/calendar/index.ts';
import { mayEnter, ownScopeOf, type CurrentUser } from '../../platform/authz/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { formatDate, type T as Translate } from '../../platform/i18n/index.ts';
import { byDeadline, workSources, type WorkItem } from '../../platform/work/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { unitIdsInScope } from '../units/index.ts';

/** How many lines the home page shows; the rest are counted. */
export const WORK_PAGE = 50;

export type WorkState = 'overdue' | 'today' | 'soon' | 'later' | 'none';
export interface WorkLine extends WorkItem { state: WorkState; workingDaysLeft: number | null; daysOverdue: number | null }

/** Every item of every source the user may use, by deadline, with "còn N ngày làm việc" / "quá hạn N ngày". */
export async function myWork(db: Db, user: CurrentUser, lang: 'vi' | 'en', today: string): Promise<WorkLine[]> {
  // The administrator's grant covers the province for running the system, not for doing its work.
  const worker: CurrentUser = { ...user, grants: user.grants.filter((g) => g.role !== 'admin') };
  const items: WorkItem[] = [];
  for (const s of workSources()) {
    if (!mayEnter(worker, s.permission)) continue;
    const own = ownScopeOf(worker, s.permission);
    const units = await unitIdsInScope(db, { all: false, unitIds: own.unitIds, withDescendants: own.withDescendants });
    items.push(...(await s.list(db, { user: worker, lang, today, units: units === 'all' ? [] : units, provinceWide: own.provinceWide })));
  }
  const seen = new Set<string>();
  const cal = await loadCalendar(db);
  return items.filter((i) => !seen.has(i.key) && seen.add(i.key)).sort(byDeadline).map((i) => line(i, today, cal));
}

function line(i: WorkItem, today: string, cal: Calendar): WorkLine {
  if (!i.due) return { ...i, state: 'none', workingDaysLeft: null, daysOverdue: null };
  if (i.due < today) return { ...i, state: 'overdue', workingDaysLeft: null, daysOverdue: daysBetween(i.due, today) };
  const left = cal.workingDaysBetween(today, i.due);
  return { ...i, state: i.due === today ? 'today' : left <= 5 ? 'soon' : 'later', workingDaysLeft: left, daysOverdue: null };
}

/** The "when" of a line, e.g. "15/10/2027 · còn 4 ngày làm việc" or "02/10/2027 · quá hạn 13 ngày". */
export function whenText(t: Translate, l: WorkLine): string {
  if (!l.due) return t('work.noDeadline');
  const d = formatDate(l.due);
  if (l.state === 'overdue') return `${d} · ${t('work.overdue', { n: l.daysOverdue! })}`;
  if (l.state === 'today') return `${d} · ${t('work.dueToday')}`;
  return `${d} · ${t('work.left', { n: l.workingDaysLeft! })}`;
}

/** The home page's list: a summary line, then one line per item linking to where it is done. */
export function MyWork({ t, lines }: { t: Translate; lines: WorkLine[] }) {
  const overdue = lines.filter((l) => l.state === 'overdue').length;
  const soon = lines.filter((l) => l.state === 'today' || l.state === 'soon').length;
  const shown = lines.slice(0, WORK_PAGE);
  return (
    <section aria-labelledby="my-work">
      <h1 id="my-work">{t('work.title')}</h1>
      {lines.length === 0 ? <p>{t('work.empty')}</p> : (
        <>
          <p class="work-summary">{t('work.summary', { total: lines.length, overdue, soon })} <a href="/me/work.csv">{t('work.csv')}</a></p>
          <ol class="work-list">
            {shown.map((l) => (
              <li class={`work work-${l.state}`} data-key={l.key}>
                <a href={l.href}><strong>{t(`work.kind.${l.kind}`)}</strong>: {l.title}</a>
                <br /><span class="muted">{l.unitName ? `${l.unitName} · ` : ''}</span>
                <span class={l.state === 'overdue' ? 'tag red' : l.state === 'soon' || l.state === 'today' ? 'tag' : 'muted'}>{whenText(t, l)}</span>
              </li>
            ))}
          </ol>
          {lines.length > shown.length && <p class="muted">{t('work.more', { n: lines.length - shown.length })}</p>}
        </>
      )}
    </section>
  );
}
