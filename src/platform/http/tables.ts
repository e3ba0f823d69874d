/**
 * Tables as downloads: CSV (UTF-8 with BOM, for Excel) or a one-sheet XLSX with a title row, the
 * time it was made and a frozen header row, landscape A4. Every list page uses these.
 */
import ExcelJS from 'exceljs';
import { toCsv } from './csv.ts';
import { formatDateTime } from '../i18n/index.ts';
import type { Ctx } from './context.ts';
import { nowIso } from '../clock.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type Cell = string | number | null;

/** A one-sheet workbook with a title row, a header row and the rows. */
export async function toXlsx(title: string, head: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Coso';
  const ws = wb.addWorksheet('Coso', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([formatDateTime(nowIso())]).font = { italic: true };
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => c ?? '')).alignment = { wrapText: true, vertical: 'top' };
  head.forEach((_, i) => { ws.getColumn(i + 1).width = i === 3 || i === 7 ? 40 : 16; });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sends a table as CSV or XLSX (a download, no-store). */
export async function sendTable(c: Ctx, ext: 'csv' | 'xlsx', name: string, title: string, table: { head: string[]; rows: Cell[][] }): Promise<Response> {
  const headers = { 'Content-Disposition': `attachment; filename="${name}.${ext}"`, 'Cache-Control': 'no-store' };
  if (ext === 'csv') return c.body(toCsv(table.head, table.rows), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' });
  return c.body(new Uint8Array(await toXlsx(title, table.head, table.rows)), 200, { ...headers, 'Content-Type': XLSX });
}
