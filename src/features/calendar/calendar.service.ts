import './calendar.tables.ts';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { Calendar, validateYearSchedule, type CalendarEntry, type DayKind, type YearSchedule } from '../../domain/calendar/index.ts';
import { READINGS, type DeadlineOptions, type Unit } from '../../domain/deadlines/index.ts';
import { parseDateInput } from '../../platform/i18n/index.ts';
import { recomputeOpenClocks } from './calendar.recompute.ts';

const OPTIONS_KEY = 'deadlines.options';

/** The province's working-day calendar: admin-entered schedules override bundled data and defaults. */
export async function loadCalendar(db: Db | Trx): Promise<Calendar> {
  const rows = await db.selectFrom('calendar_schedules').selectAll().execute();
  return new Calendar(rows.map((r): YearSchedule => ({ year: Number(r.year), source: r.source, entries: JSON.parse(r.entries) as CalendarEntry[] })));
}

/** The province's deadline configuration (unit readings of ambiguous "ngày", local targets). */
export async function loadDeadlineOptions(db: Db | Trx): Promise<DeadlineOptions> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', OPTIONS_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as DeadlineOptions) : {};
}

/** Both, for features that compute clocks. */
export async function loadLegalTime(db: Db | Trx) {
  return { calendar: await loadCalendar(db), options: await loadDeadlineOptions(db) };
}

const KINDS: DayKind[] = ['holiday', 'compensatory', 'official-break', 'working-weekend'];

/**
 * Parses the schedule text of the admin form, one day per line: `dd/mm/yyyy; kind; name`.
 * Returns the entries or the first problem (with its line number).
 */
export function parseScheduleText(year: number, text: string): { entries: CalendarEntry[] } | { error: string } {
  const entries: CalendarEntry[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const [i, line] of lines.entries()) {
    const [d, kind, ...name] = line.split(/\s*;\s*/);
    const date = parseDateInput(d ?? '');
    if (!date) return { error: `Dòng ${i + 1}: ngày "${d}" không hợp lệ` };
    if (!KINDS.includes(kind as DayKind)) return { error: `Dòng ${i + 1}: loại ngày phải là một trong ${KINDS.join(', ')}` };
    entries.push({ date, kind: kind as DayKind, name: name.join('; ').trim(), verified: true });
  }
  const problems = validateYearSchedule({ year, source: '', entries });
  return problems.length ? { error: problems[0] } : { entries };
}

/** Saves (creates or replaces) a year's official schedule; audited with before and after. */
export async function saveSchedule(db: Db, actor: Actor, input: { year: number; source: string; text: string }): Promise<Result<number, 'invalid'>> {
  const parsed = parseScheduleText(input.year, input.text);
  if ('error' in parsed) return fail('invalid', { text: parsed.error });
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('calendar_schedules').selectAll().where('year', '=', input.year).executeTakeFirst();
    const row = { source: input.source, entries: JSON.stringify(parsed.entries), updated_by: actor.userId, updated_at: nowIso() };
    if (before) await trx.updateTable('calendar_schedules').set(row).where('year', '=', input.year).execute();
    else await trx.insertInto('calendar_schedules').values({ year: input.year, ...row }).execute();
    await record(trx, actor, { action: 'calendar.schedule.save', subjectType: 'calendar', subjectId: String(input.year), changes: { before: before ? JSON.parse(before.entries) : null, after: parsed.entries, source: input.source }, visibility: 'public' });
    await recompute(trx, actor, input.year);
    return ok(input.year);
  });
}

/** Recomputes the open clocks with the changed calendar and records which deadlines moved (issue 18 item 13). */
async function recompute(trx: Trx, actor: Actor, year: number): Promise<void> {
  const moved = await recomputeOpenClocks(trx, await loadLegalTime(trx), year);
  await record(trx, actor, { action: 'calendar.clocks.recompute', subjectType: 'calendar', subjectId: String(year), changes: { year, count: moved.length, moved } });
}

/** Removes an admin override: the year falls back to the bundled official data or the default. */
export async function resetSchedule(db: Db, actor: Actor, year: number): Promise<Result<number, 'not_found'>> {
  return inTransaction(db, async (trx) => {
    const r = await trx.deleteFrom('calendar_schedules').where('year', '=', year).executeTakeFirst();
    if (!Number(r.numDeletedRows)) return fail('not_found');
    await record(trx, actor, { action: 'calendar.schedule.reset', subjectType: 'calendar', subjectId: String(year), visibility: 'public' });
    await recompute(trx, actor, year);
    return ok(year);
  });
}

async function saveOptions(trx: Trx, opts: DeadlineOptions): Promise<void> {
  const value = JSON.stringify(opts);
  const exists = await trx.selectFrom('settings').select('key').where('key', '=', OPTIONS_KEY).executeTakeFirst();
  if (exists) await trx.updateTable('settings').set({ value, updated_at: nowIso() }).where('key', '=', OPTIONS_KEY).execute();
  else await trx.insertInto('settings').values({ key: OPTIONS_KEY, value, updated_at: nowIso() }).execute();
}

/** Sets how the province reads ambiguous "ngày" for a rule (calendar or working days); audited. */
export async function setRuleUnit(db: Db, actor: Actor, ruleId: string, unit: Unit | null): Promise<void> {
  await inTransaction(db, async (trx) => {
    const opts = await loadDeadlineOptions(trx);
    const unitOverrides = { ...(opts.unitOverrides ?? {}) };
    if (unit) unitOverrides[ruleId] = unit;
    else delete unitOverrides[ruleId];
    await saveOptions(trx, { ...opts, unitOverrides });
    await record(trx, actor, { action: 'deadlines.unit.set', subjectType: 'deadline-rule', subjectId: ruleId, changes: { unit }, visibility: 'public' });
  });
}

/** Switches one reading of domain/deadlines/readings.ts on or off (null = back to its default); audited. */
export async function setReading(db: Db, actor: Actor, readingId: string, on: boolean | null): Promise<Result<string, 'not_found'>> {
  if (!READINGS.some((r) => r.id === readingId)) return fail('not_found');
  return inTransaction(db, async (trx) => {
    const opts = await loadDeadlineOptions(trx);
    const readings = { ...opts.readings };
    const before = readings[readingId] ?? null;
    if (on === null) delete readings[readingId];
    else readings[readingId] = on;
    await saveOptions(trx, { ...opts, readings });
    await record(trx, actor, { action: 'deadlines.reading.set', subjectType: 'deadline-reading', subjectId: readingId, changes: { before, after: on }, visibility: 'public' });
    return ok(readingId);
  });
}
