import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { claimVersion, nextVersion } from '../../platform/http/concurrency.ts';
import { computeIndicators } from '../../platform/indicators/index.ts';
import { notifyUsers, usersWithRole } from '../../platform/notify/index.ts';
import { localToday } from '../../platform/i18n/index.ts';
import { isLate, lastDayOf, localDate, reportRow, type Period, type Regime, type ReportStatus } from './reports.repository.ts';
import { cutoffProblem, type DueMode } from '../../domain/reporting/index.ts';
import { loadLegalTime } from '../calendar/index.ts';
import type { DraftInput, ReturnInput } from './reports.schema.ts';

/** state: not editable now (sent or accepted); conflict: someone saved since `expected` was read. */
export type ReportError = 'state' | 'invalid' | 'conflict';

const EDITABLE: ReportStatus[] = ['missing', 'draft', 'returned'];
const str = (n: number | null | undefined) => (n == null ? null : String(n));

async function snapshot(trx: Trx, reportId: string, version: number, event: string, actorId: string | null) {
  const values = await trx.selectFrom('report_values').select(['code', 'value', 'computed', 'override_reason']).where('report_id', '=', reportId).orderBy('code').execute();
  const sections = await trx.selectFrom('report_sections').select(['key', 'text', 'comment']).where('report_id', '=', reportId).orderBy('key').execute();
  await trx.insertInto('report_versions').values({ id: randomUUID(), report_id: reportId, version, event, snapshot: JSON.stringify({ values, sections }), actor_id: actorId, at: nowIso() }).execute();
}

/**
 * Saves a unit's draft: indicator values (computed ones prefilled; a value differing from the
 * computed one needs a written reason, and both are kept) and narrative sections. Allowed while the
 * report is missing, a draft, or returned for revision. `expected` is the report's `lock_version` as
 * the writer read it (0 for a report not yet started): one version for the whole report, see README.
 */
export async function saveDraft(db: Db, actor: Actor, period: Period, regime: Regime, unitId: string, input: DraftInput, expected: number, opts: { autosave?: boolean } = {}): Promise<Result<string, ReportError>> {
  const fields: Record<string, string> = {};
  const known = new Set(regime.indicators);
  const keys = new Set(regime.outline.map((s) => s.key));
  for (const i of input.indicators) if (!known.has(i.code)) fields[`v.${i.code}`] = 'reports.error.unknownIndicator';
  for (const s of input.sections) if (!keys.has(s.key)) fields[`s.${s.key}`] = 'reports.error.unknownSection';
  if (Object.keys(fields).length) return fail('invalid', fields);
  const computed = await computeIndicators(db, regime.indicators, { unitId, from: period.from, to: period.to });
  const rows = input.indicators.map((i) => {
    const c = computed.has(i.code) ? computed.get(i.code)! : null;
    const value = i.value === undefined || i.value === null ? c : i.value;
    const overridden = c !== null && value !== null && value !== c;
    if (overridden && !i.overrideReason) fields[`r.${i.code}`] = 'reports.error.reasonRequired';
    return { code: i.code, value: str(value), computed: str(c), override_reason: overridden ? i.overrideReason ?? null : null };
  });
  if (Object.keys(fields).length) return fail('invalid', fields);
  return inTransaction(db, async (trx) => {
    let r = await reportRow(trx, period.id, unitId);
    if (r && !EDITABLE.includes(r.status as ReportStatus)) return fail('state');
    const now = nowIso();
    if (!r) {
      // The first save starts the report at version 1; a concurrent first save (unique period+unit) finds it taken: a conflict, not a 500.
      if (expected !== 0) return fail('conflict');
      const id = randomUUID();
      const ins = await trx.insertInto('reports').values({ id, period_id: period.id, unit_id: unitId, status: 'draft', version: 0, first_submitted_at: null, submitted_at: null, late: 0, reviewed_at: null, reviewed_by: null, review_comment: null, updated_by: actor.userId, created_at: now, updated_at: now, lock_version: 1 })
        .onConflict((oc) => oc.columns(['period_id', 'unit_id']).doNothing()).executeTakeFirst();
      if (!Number(ins.numInsertedOrUpdatedRows ?? 0)) return fail('conflict');
      r = (await reportRow(trx, period.id, unitId))!;
    } else {
      if (!(await claimVersion(trx, 'reports', r.id, expected))) return fail('conflict');
      await trx.updateTable('reports').set({ updated_by: actor.userId, updated_at: now }).where('id', '=', r.id).execute();
    }
    const reportId = r.id;
    for (const v of rows) {
      await trx.deleteFrom('report_values').where('report_id', '=', reportId).where('code', '=', v.code).execute();
      await trx.insertInto('report_values').values({ report_id: reportId, ...v }).execute();
    }
    for (const s of input.sections) {
      const upd = await trx.updateTable('report_sections').set({ text: s.text }).where('report_id', '=', reportId).where('key', '=', s.key).executeTakeFirst();
      if (!Number(upd.numUpdatedRows)) await trx.insertInto('report_sections').values({ report_id: reportId, key: s.key, text: s.text, comment: null }).execute();
    }
    await record(trx, actor, { action: 'reports.save', subjectType: 'report', subjectId: reportId, unitId, changes: { periodId: period.id, ...(opts.autosave ? { autosave: true } : {}), indicators: rows, sections: input.sections.map((s) => ({ key: s.key, length: s.text.length })) }, visibility: 'unit' });
    return ok(reportId);
  });
}

/** The unit head sends the report (from draft or returned); a version is kept and lateness is fixed at the first sending. */
export async function submitReport(db: Db, actor: Actor, period: Period, unitId: string): Promise<Result<string, ReportError>> {
  return inTransaction(db, async (trx) => {
    const r = await reportRow(trx, period.id, unitId);
    if (!r || (r.status !== 'draft' && r.status !== 'returned')) return fail('state');
    const now = nowIso();
    const first = r.first_submitted_at ?? now;
    const late = isLate(first, period.lastDay) ? 1 : 0;
    const version = Number(r.version) + 1;
    await trx.updateTable('reports').set({ status: 'submitted', version, submitted_at: now, first_submitted_at: first, late, updated_by: actor.userId, updated_at: now, lock_version: nextVersion() }).where('id', '=', r.id).execute();
    await snapshot(trx, r.id, version, 'submitted', actor.userId);
    await record(trx, actor, { action: 'reports.submit', subjectType: 'report', subjectId: r.id, unitId, changes: { periodId: period.id, version, late: !!late, sentOn: localDate(now) }, visibility: 'unit' });
    const reviewers = await trx.selectFrom('role_grants').select('user_id').where('role', '=', 'coordinator').execute();
    const unit = await trx.selectFrom('units').select('full_name').where('id', '=', unitId).executeTakeFirst();
    await notifyUsers(trx, reviewers.map((x) => x.user_id), { title: `Báo cáo mới: ${unit?.full_name ?? ''}`, body: `${period.title}: ${unit?.full_name ?? ''} đã gửi báo cáo (lần ${version})${late ? ', quá hạn' : ''}.`, link: `/reports/${period.id}/${unitId}` });
    return ok(r.id);
  });
}

async function review(db: Db, actor: Actor, period: Period, unitId: string, to: 'returned' | 'accepted', input?: ReturnInput): Promise<Result<string, ReportError>> {
  return inTransaction(db, async (trx) => {
    const r = await reportRow(trx, period.id, unitId);
    if (!r || r.status !== 'submitted') return fail('state');
    const now = nowIso();
    await trx.updateTable('reports').set({ status: to, reviewed_at: now, reviewed_by: actor.userId, review_comment: input?.comment ?? null, updated_at: now, lock_version: nextVersion() }).where('id', '=', r.id).execute();
    await trx.updateTable('report_sections').set({ comment: null }).where('report_id', '=', r.id).execute();
    for (const [key, comment] of Object.entries(input?.sections ?? {})) {
      if (!comment) continue;
      const upd = await trx.updateTable('report_sections').set({ comment }).where('report_id', '=', r.id).where('key', '=', key).executeTakeFirst();
      if (!Number(upd.numUpdatedRows)) await trx.insertInto('report_sections').values({ report_id: r.id, key, text: '', comment }).execute();
    }
    await snapshot(trx, r.id, Number(r.version), to, actor.userId);
    await record(trx, actor, { action: to === 'accepted' ? 'reports.accept' : 'reports.return', subjectType: 'report', subjectId: r.id, unitId, changes: { periodId: period.id, version: Number(r.version), ...input }, visibility: 'unit' });
    const users = await usersWithRole(trx, unitId, ['unit-head', 'unit-officer']);
    await notifyUsers(trx, users, to === 'accepted'
      ? { title: 'Báo cáo đã được chấp nhận', body: `${period.title}: Sở Nội vụ đã chấp nhận báo cáo.`, link: `/reports/${period.id}/${unitId}` }
      : { title: 'Báo cáo bị trả lại để hoàn thiện', body: `${period.title}: ${input?.comment ?? ''}`, link: `/reports/${period.id}/${unitId}` });
    return ok(r.id);
  });
}

/** The coordinator returns a submitted report with a comment (and comments per section). */
export const returnReport = (db: Db, actor: Actor, period: Period, unitId: string, input: ReturnInput) => review(db, actor, period, unitId, 'returned', input);
/** The coordinator accepts a submitted report. */
export const acceptReport = (db: Db, actor: Actor, period: Period, unitId: string) => review(db, actor, period, unitId, 'accepted');

/** A period as entered: cut-off, due date as written and how it is written ('by' unless given). */
export type PeriodInput = Omit<Period, 'id' | 'regimeId' | 'lastDay' | 'dueMode'> & { dueMode?: DueMode };

/**
 * Field errors of a period's dates, or null: the cut-off in order, and ending on or before the
 * last day to send (NĐ 09/2019 Art. 12 cut-off; plan 188 III.5 "trước ngày" read by src/domain/reporting).
 */
export async function periodProblem(db: Db | Trx, p: { from: string; to: string; due: string; dueMode?: DueMode }): Promise<Record<string, string> | null> {
  const lastDay = lastDayOf(p.due, p.dueMode ?? 'by', await loadLegalTime(db));
  const problem = cutoffProblem(p, lastDay);
  if (problem === 'order') return { to: 'reports.error.cutoffOrder' };
  if (problem === 'after-due') return { to: 'reports.error.cutoffAfterDue' };
  return null;
}

/** Creates a period of a regime and snapshots its reporting units (the regime's unit kinds valid on `unitsAt`). */
export async function createPeriod(db: Db | Trx, actor: Actor, regime: Regime, p: PeriodInput, unitsAt = localToday()): Promise<string> {
  const id = randomUUID();
  const run = async (trx: Trx) => {
    await trx.insertInto('report_periods').values({ id, regime_id: regime.id, title: p.title, kind: p.kind, from_date: p.from, to_date: p.to, due_date: p.due, due_mode: p.dueMode ?? 'by', created_at: nowIso() }).execute();
    const units = await trx.selectFrom('units').select('id').where('kind', 'in', regime.unitKinds).where('valid_from', '<=', unitsAt).where((e) => e.or([e('valid_to', 'is', null), e('valid_to', '>=', unitsAt)])).execute();
    for (let i = 0; i < units.length; i += 500) await trx.insertInto('report_period_units').values(units.slice(i, i + 500).map((u) => ({ period_id: id, unit_id: u.id }))).execute();
    await record(trx, actor, { action: 'reports.period.create', subjectType: 'report-period', subjectId: id, changes: { ...p, regimeId: regime.id, units: units.length }, visibility: 'public' });
  };
  if ('isTransaction' in db && db.isTransaction) await run(db as Trx);
  else await inTransaction(db as Db, run);
  return id;
}

/** Changes a period's cut-off and due date (configurable; NĐ 09 defaults are only defaults); audited. */
export async function updatePeriod(db: Db, actor: Actor, period: Period, p: { from: string; to: string; due: string; dueMode?: DueMode }): Promise<Result<string, ReportError>> {
  const dueMode = p.dueMode ?? period.dueMode;
  const problem = await periodProblem(db, { ...p, dueMode });
  if (problem) return fail('invalid', problem);
  return inTransaction(db, async (trx) => {
    await trx.updateTable('report_periods').set({ from_date: p.from, to_date: p.to, due_date: p.due, due_mode: dueMode }).where('id', '=', period.id).execute();
    await record(trx, actor, { action: 'reports.period.update', subjectType: 'report-period', subjectId: period.id, changes: { before: { from: period.from, to: period.to, due: period.due, dueMode: period.dueMode }, after: { ...p, dueMode } }, visibility: 'public' });
    return ok(period.id);
  });
}
