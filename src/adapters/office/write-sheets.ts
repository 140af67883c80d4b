// SheetLayout[] → new worksheets, written in chunks: values and number formats in row blocks of about
// WRITE_CELLS_PER_CHUNK cells, formats as one call set per style rectangle, then merges. One sync per chunk.
import type { CellStyle, LayoutCell, SheetLayout } from '../../port/layout';
import { uniqueSheetName } from '../../port/port';
import type { CellRange } from '../../port/snapshot';
import { cellsToRects, rectAddress } from './addresses';
import type { ExcelFeatures } from './api-support';
import type { RangeSurface, WorksheetSurface } from './excel-surface';
import { argbToHex, widthCharsToPoints } from './units';

/** Microsoft's chunking sample writes 10,000 cells per request. */
export const WRITE_CELLS_PER_CHUNK = 10_000;
/** Format and merge calls per chunk (each carries a few short properties). */
export const WRITE_CALLS_PER_CHUNK = 2_000;

/** One unit of queued work: `cells` value cells, `calls` format calls; `queue` adds it to the batch. */
export interface WriteStep {
  cells: number;
  calls: number;
  queue(sheet: () => WorksheetSurface): void;
  sheetIndex: number;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/**
 * Strings Excel would turn into something else when written to `values` (numbers, dates, booleans,
 * formulas): written with a leading apostrophe, which keeps them text and is not part of the value.
 */
export function excelInput(value: LayoutCell['value']): string | number | boolean {
  if (value === null) return '';
  if (typeof value !== 'string') return value;
  const coercible =
    /^[=+'@-]/.test(value) ||
    /^\s*[-+(]?[$¥￥]?\s*[\d.,]/.test(value) ||
    /^(true|false)$/i.test(value.trim()) ||
    /^\s*\d{1,4}[-/年.]\d{1,2}/.test(value) ||
    /%\s*$/.test(value);
  return coercible && value !== '' ? `'${value}` : value;
}

function styleKey(s: CellStyle): string {
  return JSON.stringify([s.bold, s.fontSize, s.fontName, s.hAlign, s.vAlign, s.wrap, s.indent, s.border, s.fill]);
}

function queueStyle(range: RangeSurface, style: CellStyle, rect: CellRange, features: ExcelFeatures): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.fontSize) f.font.size = style.fontSize;
  if (style.fontName) f.font.name = style.fontName;
  if (style.hAlign) f.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) f.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap) f.wrapText = true;
  if (style.indent && features.indent) f.indentLevel = style.indent;
  if (style.fill) f.fill.color = argbToHex(style.fill);
  if (style.border) {
    const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal')[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (rect.right > rect.left) edges.push('InsideVertical');
    if (rect.bottom > rect.top) edges.push('InsideHorizontal');
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    }
  }
}

function styleCalls(style: CellStyle): number {
  return 1 + Object.keys(style).length + (style.border ? 18 : 0);
}

/** The steps that write one layout into the sheet `sheet()` (created by the first step). */
export function layoutSteps(layout: SheetLayout, name: string, sheetIndex: number, features: ExcelFeatures, create: (name: string) => WorksheetSurface): WriteStep[] {
  const steps: WriteStep[] = [];
  steps.push({
    sheetIndex,
    cells: 0,
    calls: 4 + layout.columnWidths.length + Object.keys(layout.rowHeights ?? {}).length,
    queue: () => {
      const ws = create(name);
      layout.columnWidths.forEach((w, c) => {
        if (w) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthCharsToPoints(w);
      });
      for (const [r, h] of Object.entries(layout.rowHeights ?? {})) ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;
      if (layout.frozenRows) ws.freezePanes.freezeRows(layout.frozenRows);
      const p = layout.pageSetup;
      if (p && features.pageLayout) {
        ws.pageLayout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        ws.pageLayout.paperSize = 'A4';
        if (p.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (p.printTitleRows) ws.pageLayout.setPrintTitleRows(`$${p.printTitleRows[0] + 1}:$${p.printTitleRows[1] + 1}`);
      }
    },
  });
  if (layout.cells.length === 0) return steps;
  let rows = 0;
  let cols = 0;
  for (const c of layout.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  const grid: LayoutCell[][] = Array.from({ length: rows }, () => []);
  for (const c of layout.cells) grid[c.row][c.col] = c;
  const rowsPerChunk = Math.max(1, Math.floor(WRITE_CELLS_PER_CHUNK / cols));
  for (let r0 = 0; r0 < rows; r0 += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, rows - r0);
    steps.push({
      sheetIndex,
      cells: n * cols,
      calls: 2,
      queue: (sheet) => {
        const formats: string[][] = [];
        const values: (string | number | boolean)[][] = [];
        for (let r = r0; r < r0 + n; r++) {
          const fl: string[] = [];
          const vl: (string | number | boolean)[] = [];
          for (let c = 0; c < cols; c++) {
            const cell = grid[r][c];
            fl.push(cell?.style?.numberFormat ?? 'General');
            vl.push(excelInput(cell?.value ?? null));
          }
          formats.push(fl);
          values.push(vl);
        }
        const range = sheet().getRangeByIndexes(r0, 0, n, cols);
        range.numberFormat = formats;
        range.values = values;
      },
    });
  }
  const byStyle = new Map<string, { style: CellStyle; cells: LayoutCell[] }>();
  for (const c of layout.cells) {
    if (!c.style) continue;
    const { numberFormat: _nf, ...rest } = c.style;
    if (Object.values(rest).every((v) => v === undefined || v === false || v === 0)) continue;
    const k = styleKey(rest);
    byStyle.set(k, { style: rest, cells: [...(byStyle.get(k)?.cells ?? []), c] });
  }
  for (const { style, cells } of byStyle.values()) {
    for (const rect of cellsToRects(cells)) {
      steps.push({
        sheetIndex,
        cells: 0,
        calls: styleCalls(style),
        queue: (sheet) => queueStyle(sheet().getRange(rectAddress(rect)), style, rect, features),
      });
    }
  }
  for (const m of layout.merges) {
    steps.push({ sheetIndex, cells: 0, calls: 1, queue: (sheet) => sheet().getRange(rectAddress(m)).merge(false) });
  }
  return steps;
}

/** Packs steps into chunks within both budgets (a step larger than a budget gets a chunk of its own). */
export function packChunks(steps: WriteStep[]): WriteStep[][] {
  const chunks: WriteStep[][] = [];
  let cur: WriteStep[] = [];
  let cells = 0;
  let calls = 0;
  for (const s of steps) {
    if (cur.length && (cells + s.cells > WRITE_CELLS_PER_CHUNK || calls + s.calls > WRITE_CALLS_PER_CHUNK)) {
      chunks.push(cur);
      cur = [];
      cells = 0;
      calls = 0;
    }
    cur.push(s);
    cells += s.cells;
    calls += s.calls;
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}

/** Names for the new sheets: a taken name (case-insensitive) gets a suffix; never an existing sheet. */
export function newSheetNames(layouts: SheetLayout[], existing: string[]): string[] {
  const taken = [...existing];
  return layouts.map((l) => {
    const name = uniqueSheetName(l.name, taken);
    taken.push(name);
    return name;
  });
}
