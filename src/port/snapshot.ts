// What a reader sees of a workbook: values of every used cell, merges, per sheet.
// Produced by an adapter (ExcelJS file, Office.js); the core never sees a library's objects.

export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** 0-based row/column of values[0][0]. */
  originRow: number;
  originCol: number;
  /** Row-major values of the used range; merged slaves are null. */
  values: CellValue[][];
  /** Merged ranges, 0-based inclusive. */
  merges: CellRange[];
  /** Number formats where the adapter knows them (same shape as values), else undefined. */
  numberFormats?: (string | null)[][];
  /**
   * Cells holding a formula with no stored result (a workbook written by a program and never recalculated):
   * their value reads as null, and a reader can say why. 0-based absolute [row, col]; absent when none.
   */
  uncalculated?: [number, number][];
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Value at an absolute 0-based position, null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = row - sheet.originRow;
  const c = col - sheet.originCol;
  if (r < 0 || c < 0 || r >= sheet.values.length) return null;
  const line = sheet.values[r];
  return c < line.length ? (line[c] ?? null) : null;
}

export function lastRow(sheet: SheetSnapshot): number {
  return sheet.originRow + sheet.values.length - 1;
}

const UNCALCULATED = new WeakMap<[number, number][], Set<number>>();

/** Whether the cell holds a formula with no stored result (see SheetSnapshot.uncalculated). */
export function isUncalculated(sheet: SheetSnapshot, row: number, col: number): boolean {
  const list = sheet.uncalculated;
  if (!list || list.length === 0) return false;
  let set = UNCALCULATED.get(list);
  if (!set) {
    set = new Set(list.map(([r, c]) => r * 16_384 + c));
    UNCALCULATED.set(list, set);
  }
  return set.has(row * 16_384 + col);
}

const WIDTH = new WeakMap<CellValue[][], { rows: number; width: number }>();

/** The last used column; the width is computed once per values array (readers ask in every loop). */
export function lastCol(sheet: SheetSnapshot): number {
  let known = WIDTH.get(sheet.values);
  if (!known || known.rows !== sheet.values.length) {
    let width = 0;
    for (const line of sheet.values) if (line.length > width) width = line.length;
    known = { rows: sheet.values.length, width };
    WIDTH.set(sheet.values, known);
  }
  return sheet.originCol + known.width - 1;
}
