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
