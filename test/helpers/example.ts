// Loads the bundled example workbooks once per test file, and copies snapshots for mutation.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbookPort } from '../../src/adapters/file/exceljs-port';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/port/snapshot';

export const ROOT = join(__dirname, '..', '..');
export const FUZHOU_XLSX = join(ROOT, 'examples', 'fuzhou-gxj-2024.xlsx');

const cache = new Map<string, WorkbookSnapshot>();

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export async function snapshotOf(path: string): Promise<WorkbookSnapshot> {
  if (!cache.has(path)) cache.set(path, await new ExcelJsWorkbookPort(await loadWorkbook(path)).readSnapshot());
  return cloneSnapshot(cache.get(path)!);
}

/** Snapshot of a workbook after it went through a real .xlsx write and read. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<WorkbookSnapshot> {
  const buf = await wb.xlsx.writeBuffer();
  const port = await ExcelJsWorkbookPort.fromBuffer(buf as ArrayBuffer);
  return port.readSnapshot();
}

export function cloneSnapshot(s: WorkbookSnapshot): WorkbookSnapshot {
  return { sheets: s.sheets.map(cloneSheet) };
}

export function cloneSheet(s: SheetSnapshot): SheetSnapshot {
  return { ...s, values: s.values.map((r) => [...r]), merges: s.merges.map((m) => ({ ...m })) };
}

export function setCell(sheet: SheetSnapshot, row: number, col: number, value: CellValue): void {
  const r = row - sheet.originRow;
  const c = col - sheet.originCol;
  while (sheet.values.length <= r) sheet.values.push([]);
  const line = sheet.values[r];
  while (line.length <= c) line.push(null);
  line[c] = value;
}

export function findCell(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | null = null;
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (!found && String(c.value).replace(/\s/g, '') === text) found = c;
    }),
  );
  if (!found) throw new Error(`no cell ${text} in ${ws.name}`);
  return found;
}

/** The cell of `code`'s row in the column headed `header`. */
export function amountOf(ws: ExcelJS.Worksheet, code: string, header: string): ExcelJS.Cell {
  const codeCell = findCell(ws, code);
  const head = findCell(ws, header);
  return ws.getCell(Number(codeCell.row), Number(head.col));
}
