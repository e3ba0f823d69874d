import type { Db } from '../../platform/db/index.ts';
import { formatDate, localToday, translator } from '../../platform/i18n/index.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import { getRegime, listPeriods, periodStatuses } from './reports.repository.ts';

/** How long after the due date overdue notices still go out (older periods are left alone). */
const OVERDUE_WINDOW_DAYS = 60;

/**
 * Reminders of the reporting regime, in-app and by e-mail when SMTP is set (the notification outbox):
 * to the unit head and officer of every unit that has not sent its report when the due date is
 * `reminderDays` working days away or nearer (province calendar), and once when it is overdue.
 * Each notice is sent once per unit and period (dedupe keys).
 */
export async function sendReportReminders(db: Db, today = localToday()): Promise<{ reminded: number; overdue: number }> {
  const t = translator('vi');
  const { calendar } = await loadLegalTime(db);
  let reminded = 0;
  let overdue = 0;
  for (const period of await listPeriods(db)) {
    const regime = await getRegime(db, period.regimeId);
    if (!regime) continue;
    const daysPast = (Date.parse(today) - Date.parse(period.lastDay)) / 86_400_000;
    const isOverdue = daysPast > 0;
    if (isOverdue && daysPast > OVERDUE_WINDOW_DAYS) continue;
    const left = isOverdue ? 0 : calendar.workingDaysBetween(today, period.lastDay);
    if (!isOverdue && left > regime.reminderDays) continue;
    const pending = (await periodStatuses(db, period, 'all', today)).filter((s) => s.status === 'missing' || s.status === 'draft' || s.status === 'returned');
    for (const s of pending) {
      const users = await usersWithRole(db, s.unitId, ['unit-head', 'unit-officer']);
      if (!users.length) continue;
      const link = `/reports/${period.id}/${s.unitId}`;
      const n = isOverdue
        ? await notifyUsers(db, users, { title: t('reports.overdue.title'), body: t('reports.overdue.body', { period: period.title, due: formatDate(period.lastDay) }), link, dedupeKey: `report:${period.id}:${s.unitId}:overdue` })
        : await notifyUsers(db, users, { title: t('reports.remind.title'), body: t('reports.remind.body', { period: period.title, due: formatDate(period.lastDay), n: left }), link, dedupeKey: `report:${period.id}:${s.unitId}:due-${regime.reminderDays}` });
      if (isOverdue) overdue += n; else reminded += n;
    }
  }
  return { reminded, overdue };
}
