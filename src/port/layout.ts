// A sheet to be written, as plain data: the generator produces it, each adapter writes it.
import type { CellRange, CellValue } from './snapshot';

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  fontName?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  indent?: number;
  numberFormat?: string;
  border?: boolean;
  fill?: string; // ARGB hex, e.g. FFF2F2F2
}

export interface LayoutCell {
  row: number;
  col: number;
  value: CellValue;
  style?: CellStyle;
}

export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  paperSize: 'A4';
  fitToWidth: boolean;
  /** 0-based inclusive rows repeated at the top of each printed page. */
  printTitleRows?: [number, number];
}

export interface SheetLayout {
  name: string;
  cells: LayoutCell[];
  merges: CellRange[];
  /** Column widths in characters, by 0-based column. */
  columnWidths: number[];
  rowHeights?: Record<number, number>;
  /** Rows above this (0-based count) stay frozen. */
  frozenRows?: number;
  pageSetup?: PageSetup;
}

/** Rows and columns a layout's cells reach (0 × 0 when it has none). */
export function layoutExtent(cells: readonly LayoutCell[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  return { rows, cols };
}

/**
 * The cells that set one style attribute, grouped by its value (an unset, false, 0 or empty value sets nothing):
 * the adapters write one call or address list per group, not per cell.
 */
export function styleGroups<K extends keyof CellStyle>(
  cells: readonly LayoutCell[],
  attr: K,
): { value: NonNullable<CellStyle[K]>; cells: LayoutCell[] }[] {
  const byValue = new Map<string, { value: NonNullable<CellStyle[K]>; cells: LayoutCell[] }>();
  for (const c of cells) {
    const v = c.style?.[attr];
    if (v === undefined || v === null || v === false || v === 0 || v === '') continue;
    const k = JSON.stringify(v);
    const entry = byValue.get(k);
    if (entry) entry.cells.push(c);
    else byValue.set(k, { value: v, cells: [c] });
  }
  return [...byValue.values()];
}
