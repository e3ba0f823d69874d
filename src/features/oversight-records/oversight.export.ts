import ExcelJS from 'exceljs';
import { toCsv } from '../../platform/http/csv.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { formatDateTime } from '../../platform/i18n/index.ts';
import { nowIso } from '../../platform/clock.ts';

export type Cell = string | number | null;
export interface SheetTable { head: string[]; rows: Cell[][] }
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A one-sheet workbook: title, generation time, header row (bold, frozen), the rows wrapped. */
export async function toXlsx(title: string, table: SheetTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Coso';
  const ws = wb.addWorksheet('Coso', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([formatDateTime(nowIso())]).font = { italic: true };
  ws.addRow(table.head).font = { bold: true };
  for (const r of table.rows) ws.addRow(r.map((c) => c ?? '')).alignment = { wrapText: true, vertical: 'top' };
  table.head.forEach((_, i) => { ws.getColumn(i + 1).width = 22; });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sends a table as a CSV (UTF-8 with BOM) or XLSX download, never cached. */
export async function sendTable(c: Ctx, ext: 'csv' | 'xlsx', name: string, title: string, table: SheetTable): Promise<Response> {
  const headers = { 'Content-Disposition': `attachment; filename="${name}.${ext}"`, 'Cache-Control': 'no-store' };
  if (ext === 'csv') return c.body(toCsv(table.head, table.rows), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' });
  return c.body(new Uint8Array(await toXlsx(title, table)), 200, { ...headers, 'Content-Type': XLSX });
}

/** The export format of a path suffix, or undefined. */
export const extOf = (s: string | undefined): 'csv' | 'xlsx' | undefined => (s === 'csv' || s === 'xlsx' ? s : undefined);
