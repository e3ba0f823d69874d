/**
 * Exports of a period's aggregate off the request path (issue item 7): the request only queues the
 * export (audited) and shows its progress page; the `reports.exports` job builds the file in steps,
 * writing its progress as it goes, and keeps it (base64) for download. Finished exports are removed
 * after a day.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { aggregatePeriod } from './reports.aggregate.ts';
import { getCompilation } from './reports.compilation.ts';
import { aggregateCsv, aggregateDocx, aggregateXlsx } from './reports.documents.ts';
import { getPeriod, getRegime, type Period } from './reports.repository.ts';
import './reports.tables.ts';
import { nowMs } from '../../platform/clock.ts';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
const KEEP_MS = 24 * 3_600_000;
/** A `running` export whose builder wrote nothing for this long was abandoned (its process died): it goes back to the queue. */
export const EXPORT_STALE_MS = 2 * 60_000;

/** Queues an export of the period's aggregate; audited. */
export async function requestExport(db: Db, actor: Actor, period: Period, format: ExportFormat): Promise<string> {
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    await trx.insertInto('report_exports').values({ id, period_id: period.id, format, status: 'queued', progress: 0, step: 'queued', file_name: null, content: null, error: null, requested_by: actor.userId, created_at: nowIso(), finished_at: null, heartbeat_at: null }).execute();
    await record(trx, actor, { action: 'reports.export.request', subjectType: 'report-export', subjectId: id, changes: { periodId: period.id, format }, visibility: 'admin' });
  });
  return id;
}

export const getExport = (db: Db, id: string) => db.selectFrom('report_exports').selectAll().where('id', '=', id).executeTakeFirst();

const step = (db: Db, id: string, progress: number, name: string) => db.updateTable('report_exports').set({ progress, step: name, heartbeat_at: nowIso() }).where('id', '=', id).execute();
const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/** Builds one queued export (claimed first, so two processes never build the same one). */
export async function runExport(db: Db, id: string): Promise<boolean> {
  const claimed = await db.updateTable('report_exports').set({ status: 'running', progress: 5, step: 'read', heartbeat_at: nowIso() }).where('id', '=', id).where('status', '=', 'queued').executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  try {
    const x = (await getExport(db, id))!;
    const period = (await getPeriod(db, x.period_id))!;
    const regime = (await getRegime(db, period.regimeId))!;
    const format = x.format as ExportFormat;
    const agg = await aggregatePeriod(db, period, regime, { narrative: format === 'docx' });
    await step(db, id, 50, 'build');
    const buf = format === 'docx' ? await aggregateDocx(period, regime, agg, undefined, await getCompilation(db, regime, period.id, async () => agg))
      : format === 'xlsx' ? await aggregateXlsx(period, agg) : Buffer.from(aggregateCsv(agg), 'utf8');
    await step(db, id, 90, 'store');
    await db.updateTable('report_exports').set({ status: 'done', progress: 100, step: 'done', file_name: `tong-hop-${slug(period.title)}.${format}`, content: buf.toString('base64'), finished_at: nowIso() }).where('id', '=', id).execute();
  } catch (e) {
    await db.updateTable('report_exports').set({ status: 'failed', step: 'failed', error: (e instanceof Error ? e.message : String(e)).slice(0, 500), finished_at: nowIso() }).where('id', '=', id).execute();
  }
  return true;
}

/** Puts back in the queue the `running` exports whose builder went silent (killed mid-build); returns how many. */
export async function requeueAbandoned(db: Db): Promise<number> {
  const before = new Date(nowMs() - EXPORT_STALE_MS).toISOString();
  const r = await db.updateTable('report_exports').set({ status: 'queued', progress: 0, step: 'queued', heartbeat_at: null })
    .where('status', '=', 'running').where((e) => e.or([e('heartbeat_at', 'is', null), e('heartbeat_at', '<', before)])).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The job: re-queues abandoned exports, builds the queued ones, oldest first, and forgets finished ones after a day. */
export async function runPendingExports(db: Db, limit = 5): Promise<number> {
  await db.deleteFrom('report_exports').where('finished_at', '<', new Date(nowMs() - KEEP_MS).toISOString()).execute();
  await requeueAbandoned(db);
  const queued = await db.selectFrom('report_exports').select('id').where('status', '=', 'queued').orderBy('created_at').limit(limit).execute();
  let n = 0;
  for (const q of queued) if (await runExport(db, q.id)) n++;
  return n;
}
