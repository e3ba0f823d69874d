import { plusDays } from '../../domain/calendar/index.ts';
import { registerWorkSource, type WorkItem } from '../../platform/work/index.ts';
import { listPeriods, periodStatuses } from './reports.repository.ts';

/**
 * Periods due at most AHEAD_DAYS ahead show as work; a report not sent stays owed for a year after
 * its due date (older gaps are the coordinator's to chase on the period dashboard).
 */
const AHEAD_DAYS = 60;
const BEHIND_DAYS = 365;
const recent = (due: string, today: string) => due <= plusDays(today, AHEAD_DAYS) && due >= plusDays(today, -BEHIND_DAYS);

/** The person's units' reports still to write, fix after a return, or (for the head) to send. */
registerWorkSource({
  name: 'reports.units',
  permission: 'reports.write',
  list: async (db, who) => {
    if (!who.units.length) return [];
    const out: WorkItem[] = [];
    const head = who.user.grants.some((g) => g.role === 'unit-head');
    for (const p of (await listPeriods(db)).filter((x) => recent(x.due, who.today))) {
      for (const s of await periodStatuses(db, p, who.units, who.today)) {
        const kind = s.status === 'missing' ? 'report.write' : s.status === 'returned' ? 'report.fix' : s.status === 'draft' ? (head ? 'report.submit' : 'report.write') : null;
        if (kind) out.push({ key: `report:${p.id}:${s.unitId}`, kind, title: p.title, unitId: s.unitId, unitName: s.unitName, due: p.due, basis: null, href: `/reports/${p.id}/${s.unitId}` });
      }
    }
    return out;
  },
});

/** For the Department of Home Affairs: reports sent and waiting for review, one line per period. */
registerWorkSource({
  name: 'reports.review',
  permission: 'reports.review',
  list: async (db, who) => {
    if (!who.provinceWide) return [];
    const out: WorkItem[] = [];
    for (const p of (await listPeriods(db)).filter((x) => x.due >= plusDays(who.today, -365))) {
      const waiting = (await periodStatuses(db, p, 'all', who.today)).filter((s) => s.status === 'submitted').length;
      if (waiting) out.push({ key: `report-review:${p.id}`, kind: 'report.review', title: `${p.title} (${waiting})`, unitId: null, unitName: null, due: null, basis: null, href: `/report-periods/${p.id}` });
    }
    return out;
  },
});
