import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Db, Trx } from '../../platform/db/index.ts';
import { inTransaction, record, type Actor } from '../../platform/audit/index.ts';
import { sniffKind } from '../../platform/files/index.ts';
import { fail, ok, type Result } from '../../platform/http/errors.ts';
import { formatDate, type T } from '../../platform/i18n/index.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { foldVietnamese } from '../../domain/text/normalize.ts';
import { SUPERVISION_AREAS } from '../../domain/supervision-areas.ts';
import { present, type TaskView } from './tasks.repository.ts';
import { applyUpdate } from './tasks.service.ts';
import type { Coverage } from './plans.coverage.ts';

/** Largest progress file accepted (CSV or XLSX) and most rows per import. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 1000;
const STORED = ['not-started', 'in-progress', 'done', 'blocked'] as const;
type Stored = (typeof STORED)[number];

/** Column headings of the task export; the import reads the same file back (id, progress, status, note). */
export const TASK_COLUMNS = ['id', 'name', 'unit', 'assignee', 'coUnits', 'start', 'due', 'status', 'progress', 'manual', 'areas', 'note'] as const;

/** Headings accepted per imported column, folded (no diacritics, lower case). */
const HEADINGS: Record<'id' | 'progress' | 'status' | 'note', string[]> = {
  id: ['id', 'ma', 'ma nhiem vu'],
  progress: ['tien do (%)', 'tien do', 'progress', 'progress (%)'],
  status: ['trang thai', 'status'],
  note: ['ghi chu cap nhat', 'noi dung cap nhat', 'ghi chu', 'note', 'update note'],
};

// ---------------------------------------------------------------- export

export interface TaskExportRow { task: TaskView; unitName: string; assigneeName: string; coUnitNames: string[] }

function taskCells(t: T, lang: 'vi' | 'en', r: TaskExportRow): (string | number)[] {
  const x = r.task;
  return [x.id, x.title, r.unitName, r.assigneeName, r.coUnitNames.join('; '), formatDate(x.startOn), formatDate(x.dueOn), t(`tasks.status.${x.status}`), x.progress,
    x.progressManual ? t('tasks.manual') : '', x.areas.map((a) => SUPERVISION_AREAS.find((s) => s.code === a)?.[lang] ?? a).join('; '), ''];
}
const taskHead = (t: T) => TASK_COLUMNS.map((k) => t(`tasks.export.${k}`));

/** The task list as CSV (UTF-8 with BOM); the "note" column is left empty for the import. */
export function tasksCsv(t: T, lang: 'vi' | 'en', rows: TaskExportRow[]): string {
  return toCsv(taskHead(t), rows.map((r) => taskCells(t, lang, r)));
}

async function workbook(title: string, head: string[], rows: (string | number)[][], widths: number[], style?: (row: ExcelJS.Row, i: number) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Coso';
  const ws = wb.addWorksheet('Coso', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title]).font = { bold: true, size: 13, name: 'Times New Roman' };
  const h = ws.addRow(head);
  h.font = { bold: true, name: 'Times New Roman' };
  h.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  rows.forEach((r, i) => {
    const row = ws.addRow(r);
    row.alignment = { wrapText: true, vertical: 'top' };
    style?.(row, i);
  });
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The task list as XLSX: a title row, the headings, one row per task (progress as a number). */
export function tasksXlsx(t: T, lang: 'vi' | 'en', title: string, rows: TaskExportRow[]): Promise<Buffer> {
  return workbook(title, taskHead(t), rows.map((r) => taskCells(t, lang, r)), [38, 40, 28, 22, 24, 12, 12, 16, 10, 10, 24, 30]);
}

const coverageHead = (t: T, cov: Coverage) => [t('plans.coverage.unit'), t('plans.coverage.plan'), t('plans.col.issuedOn'), ...cov.items.map((i) => i.number)];
const coverageCells = (t: T, cov: Coverage) => cov.units.map((u) => [u.unitName, t(u.status === 'issued' ? 'plans.status.issued' : u.status ? 'plans.status.draft' : u.overdue ? 'plans.cell.overdue' : 'plans.cell.none'), formatDate(u.issuedOn), ...u.cells.map((x) => t(`plans.cell.${x}`))]);

/** The coverage matrix as CSV: unit, its plan, issue date, one column per tracked item. */
export function coverageCsv(t: T, cov: Coverage): string {
  return toCsv(coverageHead(t, cov), coverageCells(t, cov));
}

const FILL = { planned: 'FFCCE2D8', overdue: 'FFF6D7D2' } as const;

/** The coverage matrix as XLSX, cells coloured like the page (text says the same, for printing in black and white). */
export function coverageXlsx(t: T, title: string, cov: Coverage): Promise<Buffer> {
  return workbook(title, coverageHead(t, cov), coverageCells(t, cov), [40, 18, 14, ...cov.items.map(() => 12)], (row, i) => {
    cov.units[i].cells.forEach((c, j) => {
      if (c === 'none') return;
      row.getCell(4 + j).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[c] } };
    });
  });
}

// ---------------------------------------------------------------- import: reading the file

export type ReadError = 'empty' | 'too_large' | 'bad_type' | 'encoding' | 'headers' | 'too_many';
export interface RawRow { line: number; id: string; progress: string; status: string; note: string }

/** Splits CSV text (RFC 4180; delimiter `,` or `;`, guessed from the first line). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delim = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delim) { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

function cellText(v: ExcelJS.CellValue, numFmt?: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numFmt?.includes('%') ? String(Math.round(v * 100)) : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue, numFmt);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return '';
}

async function xlsxRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) { const cell = row.getCell(c); cells.push(cellText(cell.value, cell.numFmt)); }
    out[n - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

/** A spreadsheet cell neutralised against formulas on export (`'=…`) reads back as written. */
const clean = (s: string | undefined) => (s ?? '').trim().replace(/^'(?=[=+\-@])/, '');

/**
 * Reads a progress file (CSV in UTF-8, or XLSX: recognised by content, never by name): finds the
 * heading row (the export's own headings, or id / progress / status / note), and returns its rows
 * with their line numbers as the user sees them in the spreadsheet. Nothing is stored.
 */
export async function readProgressFile(file: File | null): Promise<Result<RawRow[], ReadError>> {
  if (!file || file.size === 0) return fail('empty');
  if (file.size > IMPORT_MAX_BYTES) return fail('too_large');
  const buf = Buffer.from(await file.arrayBuffer());
  let grid: string[][];
  if (sniffKind(buf) === 'xlsx') {
    try { grid = await xlsxRows(buf); } catch { return fail('bad_type'); }
  } else {
    if (sniffKind(buf) || buf.includes(0)) return fail('bad_type');
    let text: string;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch { return fail('encoding'); }
    grid = parseCsv(text);
  }
  const headAt = grid.slice(0, 10).findIndex((r) => r.some((c) => HEADINGS.id.includes(foldVietnamese(clean(c)))));
  if (headAt < 0) return fail('headers');
  const col = Object.fromEntries(Object.entries(HEADINGS).map(([k, names]) => [k, grid[headAt].findIndex((c) => names.includes(foldVietnamese(clean(c))))])) as Record<keyof typeof HEADINGS, number>;
  if (col.progress < 0 && col.status < 0 && col.note < 0) return fail('headers');
  const rows: RawRow[] = [];
  for (let i = headAt + 1; i < grid.length; i++) {
    const r = grid[i];
    const get = (k: keyof typeof HEADINGS) => (col[k] < 0 ? '' : clean(r[col[k]]));
    const row = { line: i + 1, id: get('id'), progress: get('progress'), status: get('status'), note: get('note') };
    if (!row.id && !row.progress && !row.status && !row.note) continue;
    rows.push(row);
  }
  if (rows.length > IMPORT_MAX_ROWS) return fail('too_many');
  return ok(rows);
}

// ---------------------------------------------------------------- import: checking and applying

/** One change the import will make, carried from the preview to "apply" (checked again there). */
export const plannedChange = z.object({
  line: z.number().int().min(1).max(1_000_000), taskId: z.string().min(1).max(64),
  progress: z.number().int().min(0).max(100).nullable(), status: z.enum(STORED).nullable(), note: z.string().max(4000),
  /** The task's `updated_at` when previewed: a task changed since is refused. */ version: z.string().max(40),
});
export type PlannedChange = z.infer<typeof plannedChange>;
export const plannedChanges = z.array(plannedChange).min(1).max(IMPORT_MAX_ROWS);

export interface RowError { line: number; field: 'id' | 'progress' | 'status' | 'note'; key: string }
export interface PreviewRow extends PlannedChange { title: string; unitId: string; before: { status: string; progress: number } }
export interface Preview { changes: PreviewRow[]; unchanged: number; errors: RowError[] }

/** Status written in a cell: a code, or its Vietnamese or English label (diacritics and case ignored). */
function statusOf(cell: string, t: { vi: T; en: T }): string | null {
  const f = foldVietnamese(cell);
  for (const code of [...STORED, 'overdue']) if (f === code || f === foldVietnamese(t.vi(`tasks.status.${code}`)) || f === foldVietnamese(t.en(`tasks.status.${code}`))) return code;
  return null;
}

/**
 * Checks the rows against the tasks: the task must exist and be in the user's unit scope (`mayEdit`),
 * appear once, progress be a whole number 0–100, status one of the four settable ones ("overdue"
 * is derived from the due date). Rows that change nothing are counted, not applied. An error names
 * the spreadsheet line and the column.
 */
export async function checkRows(db: Db | Trx, rows: RawRow[], opts: { mayEdit: (unitId: string) => Promise<boolean>; today: string; t: { vi: T; en: T }; defaultNote: string }): Promise<Preview> {
  const errors: RowError[] = [];
  const changes: PreviewRow[] = [];
  let unchanged = 0;
  const ids = [...new Set(rows.map((r) => r.id).filter((id) => id.length <= 64))];
  const tasks = new Map<string, ReturnType<typeof present> & { stored: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db.selectFrom('tasks').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute()) tasks.set(r.id, { ...present(r, opts.today), stored: r.status });
  }
  const allowed = new Map<string, boolean>();
  const seen = new Set<string>();
  for (const r of rows) {
    const err = (field: RowError['field'], key: string) => { errors.push({ line: r.line, field, key }); };
    if (!r.id) { err('id', 'tasks.import.error.idMissing'); continue; }
    const task = tasks.get(r.id);
    if (!task) { err('id', 'tasks.import.error.idUnknown'); continue; }
    if (!allowed.has(task.unitId)) allowed.set(task.unitId, await opts.mayEdit(task.unitId));
    if (!allowed.get(task.unitId)) { err('id', 'tasks.import.error.scope'); continue; }
    if (seen.has(r.id)) { err('id', 'tasks.import.error.duplicate'); continue; }
    seen.add(r.id);
    let progress: number | null = null;
    if (r.progress) {
      const m = /^(\d{1,3})(?:[.,]0+)?\s*%?$/.exec(r.progress);
      if (!m || Number(m[1]) > 100) err('progress', 'tasks.import.error.progress');
      else if (Number(m[1]) !== task.progress) progress = Number(m[1]);
    }
    let status: Stored | null = null;
    if (r.status) {
      const s = statusOf(r.status, opts.t);
      if (!s) err('status', 'tasks.import.error.status');
      else if (s === 'overdue') { if (task.status !== 'overdue') err('status', 'tasks.error.overdueDerived'); }
      else if (s !== task.stored) status = s as Stored;
    }
    if (r.note.length > 4000) err('note', 'tasks.import.error.note');
    if (errors.some((e) => e.line === r.line)) continue;
    if (progress === null && status === null && !r.note) { unchanged++; continue; }
    changes.push({ line: r.line, taskId: task.id, progress, status, note: r.note || opts.defaultNote, version: task.updatedAt, title: task.title, unitId: task.unitId, before: { status: task.status, progress: task.progress } });
  }
  return { changes, unchanged, errors };
}

/**
 * Applies previewed changes in one transaction: every task is checked again (still in scope, not
 * changed since the preview) and, if any check fails, nothing at all is written. Each task gets a
 * progress update and its audit event; the import itself is one more event.
 */
export async function applyChanges(db: Db, actor: Actor, changes: PlannedChange[], opts: { mayEdit: (unitId: string) => Promise<boolean>; fileName: string }): Promise<ApplyResult> {
  try {
    return await inTransaction(db, async (trx) => {
      const errors: RowError[] = [];
      const seen = new Set<string>();
      const ready: { ch: PlannedChange; task: { id: string; unit_id: string; status: string; parent_task_id: string | null } }[] = [];
      for (const ch of changes) {
        const task = await trx.selectFrom('tasks').select(['id', 'unit_id', 'status', 'parent_task_id', 'updated_at']).where('id', '=', ch.taskId).executeTakeFirst();
        if (!task) { errors.push({ line: ch.line, field: 'id', key: 'tasks.import.error.idUnknown' }); continue; }
        if (!(await opts.mayEdit(task.unit_id))) { errors.push({ line: ch.line, field: 'id', key: 'tasks.import.error.scope' }); continue; }
        if (seen.has(ch.taskId)) { errors.push({ line: ch.line, field: 'id', key: 'tasks.import.error.duplicate' }); continue; }
        seen.add(ch.taskId);
        if (task.updated_at !== ch.version) { errors.push({ line: ch.line, field: 'id', key: 'tasks.import.error.changed' }); continue; }
        ready.push({ ch, task });
      }
      if (errors.length) throw new RowsRefused(errors);
      // All checked before anything is written (a subtask's roll-up changes its parent's version).
      for (const { ch, task } of ready) {
        const now = await trx.selectFrom('tasks').select(['id', 'unit_id', 'status', 'parent_task_id']).where('id', '=', task.id).executeTakeFirstOrThrow();
        await applyUpdate(trx, actor, now, { kind: 'update', note: ch.note, progress: ch.progress, status: ch.status, source: `import:${opts.fileName}` });
      }
      await record(trx, actor, { action: 'tasks.import', subjectType: 'task', changes: { file: opts.fileName, tasks: changes.map((c) => c.taskId) }, visibility: 'unit' });
      return { ok: true as const, value: changes.length };
    });
  } catch (e) {
    if (e instanceof RowsRefused) return { ok: false, rowErrors: e.errors };
    throw e;
  }
}

/** Thrown inside the transaction so that it rolls back; carries the row errors out. */
class RowsRefused extends Error {
  constructor(readonly errors: RowError[]) { super('rows refused'); }
}

export type ApplyResult = { ok: true; value: number } | { ok: false; rowErrors: RowError[] };

/** Row errors as named fields (`row.4.progress` → "Dòng 4 – Tiến độ: …"), for the error summary and the API. */
export function rowFields(errors: RowError[], t: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[`row.${e.line}.${e.field}`] ??= t('tasks.import.rowError', { line: e.line, column: t(`tasks.import.col.${e.field}`), message: t(e.key) });
  return out;
}

export const READ_ERROR_KEYS: Record<ReadError, string> = {
  empty: 'files.error.empty', too_large: 'tasks.import.error.tooLarge', bad_type: 'tasks.import.error.type', encoding: 'tasks.import.error.encoding',
  headers: 'tasks.import.error.headers', too_many: 'tasks.import.error.tooMany',
};
