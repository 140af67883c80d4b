// SheetLayout[] → new worksheets, written in chunks: values and number formats in row blocks of about
// WRITE_CELLS_PER_CHUNK cells, formats as one call set per style rectangle, then merges. One sync per chunk.
import type { CellStyle, LayoutCell, SheetLayout } from '../../port/layout';
import { uniqueSheetName } from '../../port/port';
import type { CellRange } from '../../port/snapshot';
import { addressLists, cellsToRects, rectAddress } from './addresses';
import type { ExcelFeatures } from './api-support';
import type { RangeFormatSurface, WorksheetSurface } from './excel-surface';
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

/** The style attributes written as formats (number formats go with the values). */
type FormatAttr = Exclude<keyof CellStyle, 'numberFormat'>;
const FORMAT_ATTRS: FormatAttr[] = ['bold', 'fontSize', 'fontName', 'hAlign', 'vAlign', 'wrap', 'indent', 'border', 'fill'];

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

/** Sets one attribute on a Range or RangeAreas format; `rect` is null for RangeAreas (all edges set). */
function queueAttr(format: RangeFormatSurface, attr: FormatAttr, value: CellStyle[FormatAttr], rect: CellRange | null): void {
  switch (attr) {
    case 'bold':
      format.font.bold = value as boolean;
      return;
    case 'fontSize':
      format.font.size = value as number;
      return;
    case 'fontName':
      format.font.name = value as string;
      return;
    case 'hAlign':
      format.horizontalAlignment = H_ALIGN[value as keyof typeof H_ALIGN];
      return;
    case 'vAlign':
      format.verticalAlignment = V_ALIGN[value as keyof typeof V_ALIGN];
      return;
    case 'wrap':
      format.wrapText = true;
      return;
    case 'indent':
      format.indentLevel = value as number;
      return;
    case 'fill':
      format.fill.color = argbToHex(value as string);
      return;
    case 'border': {
      const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (!rect || rect.right > rect.left) edges.push('InsideVertical');
      if (!rect || rect.bottom > rect.top) edges.push('InsideHorizontal');
      for (const e of edges) {
        const b = format.borders.getItem(e);
        b.style = 'Continuous';
        b.weight = 'Thin';
        b.color = '#000000';
      }
    }
  }
}

const ATTR_CALLS: Record<FormatAttr, number> = { bold: 2, fontSize: 2, fontName: 2, hAlign: 2, vAlign: 2, wrap: 2, indent: 2, fill: 2, border: 20 };

/**
 * The format steps of a layout, one attribute at a time: the cells sharing an attribute value form
 * rectangles; on ExcelApi 1.9 the rectangles of one value go in one RangeAreas per address list, on 1.7
 * each rectangle is one Range. Layering by attribute keeps the call count low (borders cover whole tables).
 */
function formatSteps(layout: SheetLayout, sheetIndex: number, features: ExcelFeatures): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const attr of FORMAT_ATTRS) {
    if (attr === 'indent' && !features.indent) continue;
    const byValue = new Map<string, { value: CellStyle[FormatAttr]; cells: LayoutCell[] }>();
    for (const c of layout.cells) {
      const v = c.style?.[attr];
      if (v === undefined || v === false || v === 0 || v === '') continue;
      const k = JSON.stringify(v);
      const entry = byValue.get(k) ?? { value: v, cells: [] };
      entry.cells.push(c);
      byValue.set(k, entry);
    }
    for (const { value, cells } of byValue.values()) {
      const rects = cellsToRects(cells);
      if (features.rangeAreas) {
        for (const list of addressLists(rects.map(rectAddress))) {
          steps.push({
            sheetIndex,
            cells: 0,
            calls: ATTR_CALLS[attr] + 1,
            queue: (sheet) => queueAttr(sheet().getRanges(list).format, attr, value, null),
          });
        }
      } else {
        for (const rect of rects) {
          steps.push({
            sheetIndex,
            cells: 0,
            calls: ATTR_CALLS[attr] + 1,
            queue: (sheet) => queueAttr(sheet().getRange(rectAddress(rect)).format, attr, value, rect),
          });
        }
      }
    }
  }
  return steps;
}

/** The steps that write one layout into the sheet `sheet()` (created by the first step). */
export function layoutSteps(
  layout: SheetLayout,
  name: string,
  sheetIndex: number,
  features: ExcelFeatures,
  create: (name: string) => WorksheetSurface,
): WriteStep[] {
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
  steps.push(...formatSteps(layout, sheetIndex, features));
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
