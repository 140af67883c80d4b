// SheetLayout[] → new worksheets through the WPS object model, with the formatting the CLI (ExcelJS) writes:
// values in row blocks (one Value2 call per block), then each style attribute once per value over the address
// lists of its cells, then merges, widths, heights, frozen rows and page setup. Never replaces a sheet: a name
// that exists gets a suffix (newSheetNames, as in Excel).
import type { CellStyle, LayoutCell, SheetLayout } from '../../port/layout';
import { addressLists, cellsToRects, rectAddress } from '../office/addresses';
import { excelInput, newSheetNames } from '../office/write-sheets';
import { columnLetters } from '../../core/cells';
import { ADDRESS_LIMIT } from './marks';
import { argbToBgr, charsToColumnWidth } from './units';
import { XL, type WpsApplicationSurface, type WpsRangeSurface, type WpsWorkbookSurface, type WpsWorksheetSurface } from './wps-surface';

/** Cells per Value2 write. */
export const WRITE_CELLS_PER_BLOCK = 10_000;

const H_ALIGN = { left: XL.hLeft, center: XL.hCenter, right: XL.hRight } as const;
const V_ALIGN = { top: XL.vTop, middle: XL.vCenter, bottom: XL.vBottom } as const;

type Attr = Exclude<keyof CellStyle, never>;
const ATTRS: Attr[] = ['numberFormat', 'bold', 'fontSize', 'fontName', 'hAlign', 'vAlign', 'wrap', 'indent', 'border', 'fill'];

function setAttr(range: WpsRangeSurface, attr: Attr, value: CellStyle[Attr]): void {
  switch (attr) {
    case 'numberFormat':
      range.NumberFormat = value as string;
      return;
    case 'bold':
      range.Font.Bold = true;
      return;
    case 'fontSize':
      range.Font.Size = value as number;
      return;
    case 'fontName':
      range.Font.Name = value as string;
      return;
    case 'hAlign':
      range.HorizontalAlignment = H_ALIGN[value as keyof typeof H_ALIGN];
      return;
    case 'vAlign':
      range.VerticalAlignment = V_ALIGN[value as keyof typeof V_ALIGN];
      return;
    case 'wrap':
      range.WrapText = true;
      return;
    case 'indent':
      range.IndentLevel = value as number;
      return;
    case 'fill':
      range.Interior.Color = argbToBgr(value as string);
      return;
    case 'border': {
      // The whole Borders collection: every edge of every cell, inside lines included (a thin grid).
      const b = range.Borders;
      b.LineStyle = XL.continuous;
      b.Weight = XL.thin;
      b.Color = 0;
    }
  }
}

/** Adds the sheets after the last one; returns the names used. */
export function addLayoutSheets(app: WpsApplicationSurface, wb: WpsWorkbookSurface, layouts: SheetLayout[]): string[] {
  const sheets = wb.Worksheets;
  const count = sheets.Count;
  const existing: string[] = [];
  let last: WpsWorksheetSurface | undefined;
  for (let i = 1; i <= count; i++) {
    last = sheets.Item(i);
    existing.push(last.Name);
  }
  const names = newSheetNames(layouts, existing);
  const added: WpsWorksheetSurface[] = [];
  for (let i = 0; i < layouts.length; i++) {
    const ws = sheets.Add(undefined, last);
    ws.Name = names[i];
    writeLayout(app, ws, layouts[i]);
    last = ws;
    added.push(ws);
  }
  added[0]?.Activate();
  return names;
}

function writeLayout(app: WpsApplicationSurface, ws: WpsWorksheetSurface, layout: SheetLayout): void {
  let rows = 0;
  let cols = 0;
  for (const c of layout.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  if (rows > 0) writeValues(ws, layout.cells, rows, cols);
  for (const attr of ATTRS) {
    const byValue = new Map<string, { value: CellStyle[Attr]; cells: LayoutCell[] }>();
    for (const c of layout.cells) {
      const v = c.style?.[attr];
      if (v === undefined || v === false || v === 0 || v === '') continue;
      const k = JSON.stringify(v);
      const entry = byValue.get(k) ?? { value: v, cells: [] };
      entry.cells.push(c);
      byValue.set(k, entry);
    }
    for (const { value, cells } of byValue.values()) {
      for (const list of addressLists(cellsToRects(cells).map(rectAddress), ADDRESS_LIMIT)) setAttr(ws.Range(list), attr, value);
    }
  }
  for (const m of layout.merges) ws.Range(rectAddress(m)).Merge();
  layout.columnWidths.forEach((w, c) => {
    if (w) ws.Range(`${columnLetters(c)}:${columnLetters(c)}`).ColumnWidth = charsToColumnWidth(w);
  });
  for (const [r, h] of Object.entries(layout.rowHeights ?? {})) ws.Range(`${Number(r) + 1}:${Number(r) + 1}`).RowHeight = h;
  if (layout.frozenRows) {
    // Freezing is a window's: the sheet must be the active one.
    ws.Activate();
    const win = app.ActiveWindow;
    win.SplitColumn = 0;
    win.SplitRow = layout.frozenRows;
    win.FreezePanes = true;
  }
  const p = layout.pageSetup;
  if (p) {
    const ps = ws.PageSetup;
    ps.Orientation = p.orientation === 'landscape' ? XL.landscape : XL.portrait;
    ps.PaperSize = XL.paperA4;
    if (p.fitToWidth) {
      ps.Zoom = false;
      ps.FitToPagesWide = 1;
      ps.FitToPagesTall = false;
    }
    if (p.printTitleRows) ps.PrintTitleRows = `$${p.printTitleRows[0] + 1}:$${p.printTitleRows[1] + 1}`;
  }
}

/** Values in row blocks: text that WPS would turn into a number, date or formula keeps a leading apostrophe. */
function writeValues(ws: WpsWorksheetSurface, cells: LayoutCell[], rows: number, cols: number): void {
  const grid: (LayoutCell | undefined)[][] = Array.from({ length: rows }, () => []);
  for (const c of cells) grid[c.row][c.col] = c;
  const perBlock = Math.max(1, Math.floor(WRITE_CELLS_PER_BLOCK / cols));
  for (let r0 = 0; r0 < rows; r0 += perBlock) {
    const n = Math.min(perBlock, rows - r0);
    const block: (string | number | boolean)[][] = [];
    for (let r = r0; r < r0 + n; r++) {
      const line: (string | number | boolean)[] = [];
      for (let c = 0; c < cols; c++) line.push(excelInput(grid[r][c]?.value ?? null));
      block.push(line);
    }
    ws.Range(rectAddress({ top: r0, left: 0, bottom: r0 + n - 1, right: cols - 1 })).Value2 = block;
  }
}
