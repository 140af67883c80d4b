// A table's rectangle on a sheet and helpers to read it, with merged cells resolved for headers.
import type { CellRef } from '../../core/cells';
import { cellAt, type CellValue, type SheetSnapshot } from '../../port/snapshot';
import { norm } from './text';

export interface Region {
  sheet: SheetSnapshot;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function ref(region: Region, row: number, col: number): CellRef {
  return { sheet: region.sheet.name, row, col };
}

export function valueAt(region: Region, row: number, col: number): CellValue {
  return cellAt(region.sheet, row, col);
}

/** The value a merged range shows at (row, col): its top-left cell's. */
export function shownValue(region: Region, row: number, col: number): CellValue {
  const v = cellAt(region.sheet, row, col);
  if (v !== null) return v;
  for (const m of region.sheet.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return cellAt(region.sheet, m.top, m.left);
  }
  return null;
}

export function rowIsBlank(region: Region, row: number): boolean {
  for (let c = region.left; c <= region.right; c++) {
    const v = valueAt(region, row, c);
    if (v !== null && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
}

/**
 * Header tokens per column: the distinct normalised texts shown in the header rows, top to bottom,
 * merged cells counted in every column they span.
 */
export function headerTokens(region: Region, headerTop: number, headerBottom: number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (let c = region.left; c <= region.right; c++) {
    const tokens: string[] = [];
    for (let r = headerTop; r <= headerBottom; r++) {
      const t = norm(shownValue(region, r, c));
      // 栏次 numbers (1, 2, 3…) are not labels.
      if (t && !/^\d+$/.test(t) && tokens[tokens.length - 1] !== t) tokens.push(t);
    }
    out.set(c, tokens);
  }
  return out;
}
