// The Fuzhou working-sheet example and a "last year" made from it by editing figures, for the narrative
// draft tests. Expected wording is recomputed here from the model with a formatter of the test's own.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { loadWorkbook, ROOT, roundTrip, snapshotOf } from '../helpers/example';

export const FUZHOU_WORKINGS = join(ROOT, 'examples', 'fuzhou-gxj-2024-workings.xlsx');

export function workingsSnapshot(): Promise<WorkbookSnapshot> {
  return snapshotOf(FUZHOU_WORKINGS);
}

/** 分 → "1653.66" (万元, 2 decimals), by integer arithmetic of the test's own. */
export function wanText(minor: number): string {
  const hundredths = Math.round(Math.abs(minor) / 10_000);
  return `${minor < 0 ? '-' : ''}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** part / whole in % with 2 decimals. */
export function percentText(part: number, whole: number): string {
  return ((part / whole) * 100).toFixed(2);
}

function rowOfCode(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (String(row.getCell(1).value) === code) found = row;
  });
  if (!found) throw new Error(`${ws.name}: no row ${code}`);
  return found;
}

function columnOf(ws: ExcelJS.Worksheet, header: string, headerRow: number, nth = 0): number {
  const cols: number[] = [];
  ws.getRow(headerRow).eachCell((cell, col) => {
    if (cell.value === header) cols.push(col);
  });
  if (cols.length <= nth) throw new Error(`${ws.name}: no column ${header}`);
  return cols[nth];
}

/**
 * Last year's working sheets: the example, 2023, with the 项目支出 of some 项 changed (each in 底稿1's
 * 本年收入 and 本年支出 and in 底稿2, so the sheets stay consistent). `changes`: code → last year's 万元.
 */
export async function lastYearWorkbook(changes: Record<string, number>): Promise<ExcelJS.Workbook> {
  const wb = await loadWorkbook(FUZHOU_WORKINGS);
  const detail = wb.getWorksheet('底稿1 收支明细')!;
  const fiscal = wb.getWorksheet('底稿2 财政拨款')!;
  detail.getRow(2).eachCell((cell) => {
    if (cell.value === 2024) cell.value = 2023;
  });
  const gpbIncome = columnOf(detail, '一般公共预算财政拨款收入', 6);
  const project = columnOf(detail, '项目支出', 6);
  const fiscalProject = columnOf(fiscal, '项目支出', 5, 0); // the first 项目支出 is 一般公共预算财政拨款's
  for (const [code, value] of Object.entries(changes)) {
    rowOfCode(detail, code).getCell(gpbIncome).value = value;
    rowOfCode(detail, code).getCell(project).value = value;
    rowOfCode(fiscal, code).getCell(fiscalProject).value = value;
  }
  return wb;
}

/** lastYearWorkbook through a real .xlsx write and read. */
export async function lastYearWorkings(changes: Record<string, number>): Promise<WorkbookSnapshot> {
  return roundTrip(await lastYearWorkbook(changes));
}
