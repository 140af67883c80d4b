// What every table shares: title, 公开0X表 marker and unit lines above, notes below, and the
// finishing pass (column widths that fit, row heights for wrapped text, page orientation).
import type { MoneyUnit } from '../../core/money';
import type { TableData, TableId } from '../../core/model';
import type { TableSpec } from '../../core/profiles';
import type { CellRange } from '../../port/snapshot';
import type { LayoutCell } from '../../port/layout';
import type { Grid } from './grid';
import { breakAtWords, linesWidth } from './header-break';
import { fillNote, type LayoutContext } from './options';
import { AMOUNT, BODY_FONT_SIZE, LABEL, HEADER, LINE_HEIGHT, MARKER, NOTE, TITLE, UNIT_LEFT, UNIT_RIGHT, printedWidth, textWidth } from './styles';

/** One table laid out, in coordinates relative to its top-left corner. */
export interface TableLayout {
  id: TableId;
  title: string;
  /** Number of columns and rows it occupies. */
  width: number;
  height: number;
  cells: LayoutCell[];
  merges: CellRange[];
  columnWidths: number[];
  rowHeights: Record<number, number>;
  /** Rows from the title to the last header row (frozen, and repeated on each printed page). */
  headerRows: [number, number];
  landscape: boolean;
  /** What could not be laid out as the spec says (Chinese, for the user). */
  problems: string[];
}

const UNIT_TEXT: Record<MoneyUnit, string> = { 元: '单位：元', 万元: '单位：万元' };

/** Title, marker and unit lines; returns the first row below them. */
export function writeTitleLines(grid: Grid, spec: TableSpec, width: number, unit: MoneyUnit, ctx: LayoutContext): number {
  grid.area(0, 0, 0, width - 1, spec.title, TITLE);
  grid.rowHeights[0] = 30;
  let row = 1;
  if (spec.marker) {
    grid.put(row, width - 1, spec.marker, MARKER);
    row++;
  }
  const unitLine = `单位：${ctx.options.unitName}`;
  if (width > 1) grid.area(row, 0, row, width - 2, unitLine, UNIT_LEFT);
  else grid.put(row, 0, unitLine, UNIT_LEFT);
  grid.put(row, width - 1, UNIT_TEXT[unit] ?? `单位：${unit}`, UNIT_RIGHT);
  return row + 1;
}

/** The 注 lines (and the empty-table 说明) under the table, each merged across its width. */
export function writeNotes(grid: Grid, top: number, width: number, notes: string[], ctx: LayoutContext): number {
  let row = top;
  for (const note of notes) {
    grid.area(row, 0, row, width - 1, fillNote(note, ctx.options), NOTE);
    row++;
  }
  return row;
}

/** Printable A4 area in points, with the margins the sheet writers set (0.5" left/right, 0.6" top/bottom). */
const A4_SHORT = 595 - 72;
const A4_LONG = 842 - 86;
/** Height (points) of a row without an explicit height: Excel's default for the workbook's Calibri 11. */
const DEFAULT_ROW_HEIGHT = 15;
/** Below this fit-to-width scale a portrait page is too small to read; the table goes landscape. */
const MIN_PORTRAIT_SCALE = 0.65;

/** Printed width (points) of a column `chars` wide (Excel: 7 px a character plus 5 px padding, at 96 dpi). */
function columnPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/**
 * Landscape when the table, fitted to the page width, needs fewer A4 pages that way, or when a
 * portrait page would print it too small; otherwise portrait (as the published tables are).
 */
export function chooseLandscape(widths: number[], rowHeights: Record<number, number>, height: number): boolean {
  const tableWidth = widths.reduce((a, w) => a + columnPoints(w), 0);
  let tableHeight = 0;
  for (let r = 0; r < height; r++) tableHeight += rowHeights[r] ?? DEFAULT_ROW_HEIGHT;
  const fit = (pageWidth: number, pageHeight: number) => {
    const scale = Math.min(1, pageWidth / tableWidth);
    return { scale, pages: Math.max(1, Math.ceil((tableHeight * scale) / pageHeight)) };
  };
  const portrait = fit(A4_SHORT, A4_LONG);
  const landscape = fit(A4_LONG, A4_SHORT);
  if (portrait.scale < MIN_PORTRAIT_SCALE) return true;
  return landscape.pages < portrait.pages;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 46;
const MIN_AMOUNT_WIDTH = 12;
const MIN_LABEL_WIDTH = 14;
/** A header label up to this width stays on one line (its column widens); a wider one may take two. */
const HEADER_ONE_LINE = 8;

/**
 * Column widths (characters) that fit the longest printed text of each column. A header label wider than
 * its column's figures and names takes two lines, broken between words (header-break.ts), and the column
 * is as wide as the longer line.
 */
function fitColumnWidths(grid: Grid, width: number): number[] {
  const widths = new Array<number>(width).fill(MIN_WIDTH);
  const single = grid.cells().filter((cell) => {
    if (cell.value === null || grid.isMergedSlave(cell.row, cell.col)) return false;
    const merge = grid.mergeAt(cell.row, cell.col);
    return !merge || merge.right === merge.left;
  });
  for (const cell of single.filter((c) => c.style !== HEADER)) {
    const w = printedWidth(cell.value, cell.style) * fontScale(cell.style?.fontSize);
    const floor = cell.style === AMOUNT ? MIN_AMOUNT_WIDTH : cell.style === LABEL ? MIN_LABEL_WIDTH : MIN_WIDTH;
    widths[cell.col] = Math.max(widths[cell.col], floor, Math.min(MAX_WIDTH, Math.ceil(w) + 2));
  }
  for (const cell of single.filter((c) => c.style === HEADER)) {
    let text = String(cell.value);
    const scale = fontScale(cell.style?.fontSize);
    if (Math.ceil(linesWidth(text) * scale) + 2 > widths[cell.col] && linesWidth(text) * scale > HEADER_ONE_LINE) {
      text = breakAtWords(text);
      grid.put(cell.row, cell.col, text, cell.style);
    }
    widths[cell.col] = Math.max(widths[cell.col], Math.min(MAX_WIDTH, Math.ceil(linesWidth(text) * scale) + 2));
  }
  // A header over several columns (科目编码 over 类/款/项) that does not fit them breaks between words too.
  for (const cell of grid.cells()) {
    const merge = grid.mergeAt(cell.row, cell.col);
    if (cell.style !== HEADER || cell.value === null || !merge || merge.right === merge.left) continue;
    const scale = fontScale(cell.style?.fontSize);
    const span = widths.slice(merge.left, merge.right + 1).reduce((a, b) => a + b, 0);
    let text = String(cell.value);
    if (linesWidth(text) * scale + 2 <= span) continue;
    text = breakAtWords(text);
    grid.put(cell.row, cell.col, text, cell.style);
    widenToFit(widths, merge.left, merge.right, Math.ceil(linesWidth(text) * scale) + 2);
  }
  return widths;
}

function fontScale(size: number | undefined): number {
  return (size ?? BODY_FONT_SIZE) / BODY_FONT_SIZE;
}

/** Widens every column in proportion until `needed` fits over columns left…right. */
function widenToFit(widths: number[], left: number, right: number, needed: number): void {
  const span = widths.slice(left, right + 1).reduce((a, b) => a + b, 0);
  if (span >= needed) return;
  const factor = needed / span;
  for (let c = left; c <= right; c++) widths[c] = Math.ceil(widths[c] * factor);
}

/** Heights of rows whose wrapped text needs more than one line (the tables, and the working-sheet template). */
export function fitRowHeights(grid: Grid, widths: number[]): void {
  for (const cell of grid.cells()) {
    if (!cell.style?.wrap || cell.value === null || grid.isMergedSlave(cell.row, cell.col)) continue;
    const m = grid.mergeAt(cell.row, cell.col) ?? { top: cell.row, bottom: cell.row, left: cell.col, right: cell.col };
    const span = widths.slice(m.left, m.right + 1).reduce((a, b) => a + b, 0);
    // Each line of the text (explicit breaks included) wraps on its own.
    const lines = String(cell.value)
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil((textWidth(line) * fontScale(cell.style!.fontSize)) / Math.max(1, span - 1))), 0);
    if (lines === 1) continue;
    const rows = m.bottom - m.top + 1;
    const perRow = Math.ceil((lines * LINE_HEIGHT + 4) / rows);
    for (let r = m.top; r <= m.bottom; r++) grid.rowHeights[r] = Math.max(grid.rowHeights[r] ?? 0, perRow);
  }
}

/** Finishes a table: widths, heights, orientation. */
export function finishTable(grid: Grid, id: TableId, spec: TableSpec, width: number, headerBottom: number, problems: string[]): TableLayout {
  const widths = fitColumnWidths(grid, width);
  // The title (18 pt) and the unit line must fit across the table.
  widenToFit(widths, 0, width - 1, Math.ceil(textWidth(spec.title) * fontScale(TITLE.fontSize)) + 4);
  const unitLine = grid.get(spec.marker ? 2 : 1, 0);
  if (unitLine && typeof unitLine.value === 'string' && width > 1) {
    widenToFit(widths, 0, width - 2, textWidth(unitLine.value) + 2);
  }
  fitRowHeights(grid, widths);
  return {
    id,
    title: spec.title,
    width,
    height: grid.height,
    cells: grid.cells(),
    merges: grid.merges,
    columnWidths: widths,
    rowHeights: grid.rowHeights,
    headerRows: [0, headerBottom],
    landscape: chooseLandscape(widths, grid.rowHeights, grid.height),
    problems,
  };
}

/** True when every amount of the table is zero or blank. */
export function hasNoData(table: TableData | undefined): boolean {
  return (table?.rows ?? []).every((r) => Object.values(r.cells).every((c) => c.minor === 0));
}
