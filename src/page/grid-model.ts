// What the grid preview shows of a sheet: displayed text (number formats applied simply), merges as spans,
// and the marks of the last check per cell. Pure: no React, no DOM.
import { a1, columnLetters } from '../core/cells';
import type { Severity } from '../core/findings';
import { groupMarksByCell, type CellMark, type Mark } from '../port/port';
import { lastCol, lastRow, type SheetSnapshot } from '../port/snapshot';

/** Rows and columns beyond these are not drawn (the grid says so). */
export const GRID_MAX_ROWS = 3000;
export const GRID_MAX_COLS = 60;

export interface GridCell {
  row: number;
  col: number;
  /** A1 address, e.g. G71. */
  address: string;
  text: string;
  numeric: boolean;
  rowSpan: number;
  colSpan: number;
  mark: Severity | null;
  /** The marks' distinct Chinese messages, one per line (as in the cell's note). */
  note: string;
}

export interface GridModel {
  name: string;
  /** Column letters of the drawn columns. */
  columns: string[];
  rows: { row: number; cells: GridCell[] }[];
  truncated: boolean;
}

function sections(format: string): string[] {
  // Split on ; outside quotes and brackets.
  const out: string[] = [];
  let cur = '';
  let quote = false;
  let bracket = false;
  for (const ch of format) {
    if (ch === '"' && !bracket) quote = !quote;
    else if (ch === '[' && !quote) bracket = true;
    else if (ch === ']' && !quote) bracket = false;
    if (ch === ';' && !quote && !bracket) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The number as Excel would roughly print it with `format` (decimals, thousands, percent, blank zero). */
export function formatNumber(value: number, format: string | null | undefined): string {
  if (!format || /^general$/i.test(format) || format === '@') {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  }
  const parts = sections(format);
  let section = parts[0];
  let v = value;
  if (value < 0 && parts.length > 1) {
    section = parts[1];
    v = -value;
  } else if (value === 0 && parts.length > 2) section = parts[2];
  const plain = section.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  // A section without digit places prints its literal text (e.g. "-" for zero).
  if (!/[0#?]/.test(plain))
    return section
      .replace(/\[[^\]]*\]|_.|\*./g, '')
      .replace(/"([^"]*)"|\\(.)/g, '$1$2')
      .trim();
  const percent = plain.includes('%');
  if (percent) v *= 100;
  const decimals = /\.([0#?]+)/.exec(plain)?.[1].length ?? 0;
  const grouped = /[0#?],[0#?]/.test(plain);
  const text = v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouped });
  const before = plain.slice(0, plain.search(/[0#?]/)).replace(/[,]/g, '');
  return `${before.includes('-') ? '-' : ''}${text}${percent ? '%' : ''}`;
}

export function gridModel(sheet: SheetSnapshot, marks: Mark[]): GridModel {
  let maxRow = lastRow(sheet);
  let maxCol = lastCol(sheet);
  for (const m of sheet.merges) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  const byCell = new Map<string, CellMark>();
  for (const c of groupMarksByCell(marks.filter((m) => m.cell.sheet === sheet.name))) {
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
    byCell.set(`${c.row}:${c.col}`, c);
  }
  const rowCount = Math.min(maxRow + 1, GRID_MAX_ROWS);
  const colCount = Math.min(maxCol + 1, GRID_MAX_COLS);
  const truncated = maxRow + 1 > GRID_MAX_ROWS || maxCol + 1 > GRID_MAX_COLS;
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    const bottom = Math.min(m.bottom, rowCount - 1);
    const right = Math.min(m.right, colCount - 1);
    if (m.top > bottom || m.left > right) continue;
    spans.set(`${m.top}:${m.left}`, { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
    for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const rows: GridModel['rows'] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells: GridCell[] = [];
    const line = sheet.values[r - sheet.originRow] ?? [];
    const fmts = sheet.numberFormats?.[r - sheet.originRow] ?? [];
    for (let c = 0; c < colCount; c++) {
      const k = `${r}:${c}`;
      if (covered.has(k)) continue;
      const v = line[c - sheet.originCol] ?? null;
      const mark = byCell.get(k);
      const span = spans.get(k) ?? { rowSpan: 1, colSpan: 1 };
      cells.push({
        row: r,
        col: c,
        address: a1(r, c),
        text: typeof v === 'number' ? formatNumber(v, fmts[c - sheet.originCol]) : v === null ? '' : v === true ? 'TRUE' : v === false ? 'FALSE' : v,
        numeric: typeof v === 'number',
        ...span,
        mark: mark?.severity ?? null,
        note: mark?.messages.join('\n') ?? '',
      });
    }
    rows.push({ row: r, cells });
  }
  return { name: sheet.name, columns: Array.from({ length: colCount }, (_, c) => columnLetters(c)), rows, truncated };
}
