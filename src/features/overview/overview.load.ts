import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { buildOverview, listPeriods, windowsOf, type Overview } from './overview.service.ts';

/** The overview of the report period asked for (`?period=`), or of this year so far. */
export async function load(c: Context<AppEnv>): Promise<Overview> {
  const db = c.get('deps').db;
  const today = localToday();
  const periods = await listPeriods(db);
  const { window, previous } = windowsOf(periods, c.req.query('period'), today, (year) => c.get('t')('overview.ytd', { year }));
  return buildOverview(db, window, previous, today);
}

