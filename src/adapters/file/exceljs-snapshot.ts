// ExcelJS workbook → WorkbookSnapshot (values and merges of every used cell).
import type ExcelJS from 'exceljs';
import { parseA1 } from '../../core/cells';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../port/snapshot';

/** What a date cell reads as when its number is no day at all (e.g. 1e21 under yyyy-mm-dd). */
export const INVALID_DATE = '（无效的日期值）';

/** The plain value of an ExcelJS cell: formulas give their cached result, rich text its text. */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  // A number far beyond any day under a date format becomes an invalid Date in ExcelJS: said, not thrown.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? INVALID_DATE : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) return null;
      if (typeof r === 'object' && 'error' in r) return String((r as ExcelJS.CellErrorValue).error);
      return plainValue(r as ExcelJS.CellValue);
    }
    if ('text' in v && typeof (v as ExcelJS.CellHyperlinkValue).text === 'string') return (v as ExcelJS.CellHyperlinkValue).text;
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

function hasFormula(v: ExcelJS.CellValue): boolean {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);
}

function parseRange(ref: string): CellRange | null {
  const [from, to] = ref.split(':');
  if (!from || !to) return null;
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const uncalculated: [number, number][] = [];
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const line: CellValue[] = [];
    const fmts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merged slaves read as their master's value in ExcelJS; the snapshot keeps them empty.
      const isSlave = cell.isMerged && cell.master && cell.master.address !== cell.address;
      line[c - 1] = isSlave ? null : plainValue(cell.value);
      if (!isSlave && line[c - 1] === null && hasFormula(cell.value)) uncalculated.push([r - 1, c - 1]);
      fmts[c - 1] = cell.numFmt ?? null;
    });
    for (let i = 0; i < line.length; i++) {
      if (line[i] === undefined) line[i] = null;
      if (fmts[i] === undefined) fmts[i] = null;
    }
    values.push(line);
    numberFormats.push(fmts);
  }
  const merges: CellRange[] = [];
  const model = (ws as unknown as { _merges: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  for (const m of Object.values(model ?? {})) {
    if (m?.model) merges.push({ top: m.model.top - 1, left: m.model.left - 1, bottom: m.model.bottom - 1, right: m.model.right - 1 });
  }
  if (merges.length === 0) {
    for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
      const r = parseRange(ref);
      if (r) merges.push(r);
    }
  }
  return { name: ws.name, originRow: 0, originCol: 0, values, merges, numberFormats, ...(uncalculated.length ? { uncalculated } : {}) };
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  // worksheets are in tab order; hidden sheets are read too (the reader says where a table is).
  for (const ws of wb.worksheets) sheets.push(sheetSnapshot(ws));
  return { sheets };
}
