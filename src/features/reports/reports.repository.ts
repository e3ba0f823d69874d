import './reports.tables.ts';
import type { Db, Trx } from '../../platform/db/index.ts';
import { computeIndicators, getIndicator } from '../../platform/indicators/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import type { OutlineSection, PeriodKind } from './reports.regime.ts';
import { BEFORE_READING, readingOn, type DeadlineOptions } from '../../domain/deadlines/index.ts';
import type { Calendar } from '../../domain/calendar/index.ts';
import { lastDayToSubmit, type DueMode } from '../../domain/reporting/index.ts';
import { loadLegalTime } from '../calendar/index.ts';

export type ReportStatus = 'missing' | 'draft' | 'submitted' | 'returned' | 'accepted';
export const REPORT_STATUSES: ReportStatus[] = ['missing', 'draft', 'submitted', 'returned', 'accepted'];

export interface Regime {
  id: string; code: string; name: string; content: string; legalBasis: string; unitKinds: string[];
  recipient: string; copyTo: string[]; sendingMethod: string; outline: OutlineSection[]; indicators: string[];
  guidance: string; reminderDays: number;
}
/** `due` as written, `dueMode` how it is written, `lastDay` the last day to send (inclusive; plan 188 "trước ngày" → the day before). */
export interface Period { id: string; regimeId: string; title: string; kind: PeriodKind; from: string; to: string; due: string; dueMode: DueMode; lastDay: string }
export interface UnitStatus { unitId: string; unitName: string; kind: string; status: ReportStatus; submittedAt: string | null; late: boolean; version: number }
export interface IndicatorValue { code: string; value: number | null; computed: number | null; overrideReason: string | null }
export interface SectionText { key: string; title: string; part: string; text: string; comment: string | null }
/** `version` counts sendings; `lockVersion` moves on with every write (optimistic concurrency). */
export interface ReportView { id: string | null; status: ReportStatus; version: number; lockVersion: number; submittedAt: string | null; late: boolean; reviewComment: string | null; indicators: IndicatorValue[]; sections: SectionText[] }

const num = (s: string | null | undefined): number | null => (s == null || s === '' ? null : Number(s));

/** Local (Vietnam, UTC+7 all year, no daylight saving) calendar date of an instant; cheap enough for thousands of rows. */
export const localDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

/** Late: first sent after the last day to send; or not sent at all and that day has passed. */
export function isLate(firstSubmittedAt: string | null, lastDay: string, today = localToday()): boolean {
  return firstSubmittedAt ? localDate(firstSubmittedAt) > lastDay : today > lastDay;
}

/** The last day to send a report due `due` written as `mode`, under the province's calendar and reading. */
export function lastDayOf(due: string, mode: DueMode, lt: { calendar: Calendar; options: DeadlineOptions }): string {
  return lastDayToSubmit(due, mode, lt.calendar, readingOn(lt.options, BEFORE_READING.id));
}

export async function listRegimes(db: Db | Trx): Promise<Regime[]> {
  const rows = await db.selectFrom('report_regimes').selectAll().orderBy('code').execute();
  return rows.map(toRegime);
}

function toRegime(r: Awaited<ReturnType<typeof rawRegime>>): Regime {
  const x = r!;
  return {
    id: x.id, code: x.code, name: x.name, content: x.content, legalBasis: x.legal_basis, unitKinds: JSON.parse(x.unit_kinds), recipient: x.recipient,
    copyTo: JSON.parse(x.copy_to), sendingMethod: x.sending_method, outline: JSON.parse(x.outline), indicators: JSON.parse(x.indicators),
    guidance: x.guidance, reminderDays: Number(x.reminder_days),
  };
}
const rawRegime = (db: Db | Trx, id: string) => db.selectFrom('report_regimes').selectAll().where('id', '=', id).executeTakeFirst();

export async function getRegime(db: Db | Trx, id: string): Promise<Regime | undefined> {
  const r = await rawRegime(db, id);
  return r ? toRegime(r) : undefined;
}

type PeriodRow = { id: string; regime_id: string; title: string; kind: string; from_date: string; to_date: string; due_date: string; due_mode: string };
const toPeriod = (lt: Awaited<ReturnType<typeof loadLegalTime>>) => (p: PeriodRow): Period => {
  const dueMode = (p.due_mode === 'before' ? 'before' : 'by') as DueMode;
  return { id: p.id, regimeId: p.regime_id, title: p.title, kind: p.kind as PeriodKind, from: p.from_date, to: p.to_date, due: p.due_date, dueMode, lastDay: lastDayOf(p.due_date, dueMode, lt) };
};

export async function listPeriods(db: Db | Trx): Promise<Period[]> {
  const lt = await loadLegalTime(db);
  return (await db.selectFrom('report_periods').selectAll().orderBy('due_date', 'desc').orderBy('title').execute()).map(toPeriod(lt));
}

/** The periods of the same regime and kind up to and including `p`, oldest first (at most `n`): the history a trend chart shows. */
export function sameKindHistory(periods: Period[], p: Period, n = 6): Period[] {
  return periods.filter((x) => x.regimeId === p.regimeId && x.kind === p.kind && x.due <= p.due).sort((a, b) => a.due.localeCompare(b.due)).slice(-n);
}

/** A short label for a period on a chart axis: the year of its due date, or the due date itself for an ad hoc period. */
export const periodAxisLabel = (p: Period) => (p.kind === 'adhoc' ? `${p.due.slice(8, 10)}/${p.due.slice(5, 7)}/${p.due.slice(2, 4)}` : p.due.slice(0, 4));

export async function getPeriod(db: Db | Trx, id: string): Promise<Period | undefined> {
  const p = await db.selectFrom('report_periods').selectAll().where('id', '=', id).executeTakeFirst();
  return p ? toPeriod(await loadLegalTime(db))(p) : undefined;
}

export async function isReportingUnit(db: Db | Trx, periodId: string, unitId: string): Promise<boolean> {
  return !!(await db.selectFrom('report_period_units').select('unit_id').where('period_id', '=', periodId).where('unit_id', '=', unitId).executeTakeFirst());
}

/** Every reporting unit of a period with its report status (missing when none), ordered by kind and name. */
export async function periodStatuses(db: Db | Trx, period: Period, unitIds: 'all' | string[] = 'all', today = localToday()): Promise<UnitStatus[]> {
  let q = db.selectFrom('report_period_units as pu').innerJoin('units as u', 'u.id', 'pu.unit_id')
    .leftJoin('reports as r', (j) => j.onRef('r.period_id', '=', 'pu.period_id').onRef('r.unit_id', '=', 'pu.unit_id'))
    .select(['pu.unit_id', 'u.full_name', 'u.kind', 'u.search_text', 'r.status', 'r.submitted_at', 'r.first_submitted_at', 'r.version'])
    .where('pu.period_id', '=', period.id);
  if (unitIds !== 'all') q = q.where('pu.unit_id', 'in', unitIds.length ? unitIds : ['-']);
  const rows = await q.orderBy('u.kind').orderBy('u.search_text').execute();
  return rows.map((r) => ({
    unitId: r.unit_id, unitName: r.full_name, kind: r.kind, status: (r.status ?? 'missing') as ReportStatus, submittedAt: r.submitted_at ?? null,
    late: isLate(r.first_submitted_at ?? null, period.lastDay, today), version: Number(r.version ?? 0),
  }));
}

export async function reportRow(db: Db | Trx, periodId: string, unitId: string) {
  return db.selectFrom('reports').selectAll().where('period_id', '=', periodId).where('unit_id', '=', unitId).executeTakeFirst();
}

/**
 * A unit's report for a period in the regime's shape: every indicator of the data form (computed
 * values prefilled when nothing was saved) and every outline section, with review comments.
 */
export async function reportView(db: Db, period: Period, regime: Regime, unitId: string): Promise<ReportView> {
  const r = await reportRow(db, period.id, unitId);
  const values = r ? await db.selectFrom('report_values').selectAll().where('report_id', '=', r.id).execute() : [];
  const sections = r ? await db.selectFrom('report_sections').selectAll().where('report_id', '=', r.id).execute() : [];
  const fresh = r && r.status !== 'draft' && r.status !== 'returned' ? new Map<string, number | null>() : await computeIndicators(db, regime.indicators, { unitId, from: period.from, to: period.to });
  const vm = new Map(values.map((v) => [v.code, v]));
  const sm = new Map(sections.map((s) => [s.key, s]));
  return {
    id: r?.id ?? null, status: (r?.status ?? 'missing') as ReportStatus, version: Number(r?.version ?? 0), lockVersion: Number(r?.lock_version ?? 0), submittedAt: r?.submitted_at ?? null,
    late: isLate(r?.first_submitted_at ?? null, period.lastDay), reviewComment: r?.review_comment ?? null,
    indicators: regime.indicators.map((code) => {
      const v = vm.get(code);
      const computed = fresh.has(code) ? fresh.get(code)! : num(v?.computed);
      if (!v) return { code, value: computed, computed, overrideReason: null };
      return { code, value: num(v.value), computed, overrideReason: v.override_reason };
    }),
    sections: regime.outline.map((s) => ({ key: s.key, title: s.title, part: s.part, text: sm.get(s.key)?.text ?? '', comment: sm.get(s.key)?.comment ?? null })),
  };
}

export async function reportVersions(db: Db | Trx, reportId: string) {
  return db.selectFrom('report_versions').leftJoin('users', 'users.id', 'report_versions.actor_id')
    .select(['report_versions.version', 'report_versions.event', 'report_versions.at', 'users.display_name']).where('report_id', '=', reportId).orderBy('at', 'desc').execute();
}

export const indicatorLabel = (code: string, lang: 'vi' | 'en' = 'vi') => {
  const d = getIndicator(code);
  return d ? (lang === 'en' ? d.labelEn : d.label) : code;
};

/** For dashboards: how many reporting units sent the period's report on time, late, or not at all, and each unit's state. */
export async function reportTimeliness(db: Db | Trx, period: Period, today = localToday()) {
  const all = await periodStatuses(db, period, 'all', today);
  const sent = (s: UnitStatus) => s.status !== 'missing' && s.status !== 'draft';
  return {
    units: all.length,
    onTime: all.filter((s) => sent(s) && !s.late).length,
    late: all.filter((s) => sent(s) && s.late).length,
    missing: all.filter((s) => !sent(s)).length,
    byUnit: new Map(all.map((s) => [s.unitId, { status: s.status, late: s.late }])),
  };
}
