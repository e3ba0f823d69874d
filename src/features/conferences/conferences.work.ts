import { registerWorkSource, type WorkItem } from '../../platform/work/index.ts';
import { CONFERENCE_RULES, noticeBy, reportDue } from '../../domain/democracy/index.ts';
import { loadCalendar } from '../calendar/index.ts';

/**
 * The conferences of the person's units still to act on: the notice to households of a conference
 * ahead (by 05 days before, NĐ59 Art. 11(1)(c)), the minutes of one whose day has come, and the written
 * report of a held periodic conference (NĐ59 Art. 11(2); default period, unverified).
 */
registerWorkSource({
  name: 'conferences',
  permission: 'conferences.manage',
  list: async (db, who) => {
    if (!who.units.length) return [];
    const rows = await db.selectFrom('conferences as c').innerJoin('units as u', 'u.id', 'c.unit_id').select(['c.id', 'c.kind', 'c.unit_id', 'u.full_name', 'c.held_on', 'c.status', 'c.notice_sent_on', 'c.report_sent_on'])
      .where('c.unit_id', 'in', who.units).where((e) => e.or([e('c.status', '=', 'scheduled'), e.and([e('c.kind', '=', 'village-periodic'), e('c.report_sent_on', 'is', null)])]))
      .where('c.held_on', '>=', `${Number(who.today.slice(0, 4)) - 1}-01-01`).limit(200).execute();
    const cal = await loadCalendar(db);
    const out: WorkItem[] = [];
    for (const r of rows) {
      const item = (step: string, due: string | null, basis: string) => out.push({ key: `conference:${r.id}:${step}`, kind: `conference.${step}`, title: r.full_name, unitId: r.unit_id, unitName: r.full_name, due, basis, href: `/conferences/${r.id}` });
      if (r.status === 'scheduled' && r.held_on > who.today && !r.notice_sent_on) item('notice', noticeBy(r.held_on), CONFERENCE_RULES.notice.article);
      else if (r.status === 'scheduled' && r.held_on <= who.today) item('minutes', r.held_on, CONFERENCE_RULES.agenda.article);
      else if (r.status === 'held' && !r.report_sent_on) item('report', reportDue(cal, r.held_on), CONFERENCE_RULES.report.article);
    }
    return out;
  },
});
