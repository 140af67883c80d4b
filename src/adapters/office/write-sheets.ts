// SheetLayout[] → new worksheets, as steps: the sheet with its widths and page setup, values and number formats
// in row blocks of at most VALUE_BLOCK_BYTES, formats as one call set per style rectangle (list), then merges.
// The port measures each step in request bytes and packs them into requests (request-packer.ts).
import { layoutExtent, styleGroups, type CellStyle, type LayoutCell, type SheetLayout } from '../../port/layout';
import { uniqueSheetName } from '../../port/port';
import type { CellRange } from '../../port/snapshot';
import { addressLists, cellsToRects, rectAddress } from './addresses';
import type { ExcelFeatures } from './api-support';
import type { RangeFormatSurface, WorkbookSurface, WorksheetSurface } from './excel-surface';
import { jsonBytes, type RequestOp, type WriteMeter } from './request-packer';
import { argbToHex, widthCharsToPoints } from './units';

/**
 * Values and number formats go in row blocks of at most this many bytes (one row at least): small against
 * the 4 MB request budget, so requests fill up evenly, and large enough that the call per block is noise.
 */
export const VALUE_BLOCK_BYTES = 128 * 1024;

/** The new sheets a step writes to: `add` makes sheet `index` (first step of a layout), `sheet` finds it later. */
export interface SheetTarget {
  add(index: number, name: string): WorksheetSurface;
  sheet(index: number): WorksheetSurface;
}

/** One unit of queued work on the new sheets. */
export interface WriteStep {
  queue(target: SheetTarget): void;
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

/**
 * The format steps of a layout, one attribute at a time: the cells sharing an attribute value form
 * rectangles; on ExcelApi 1.9 the rectangles of one value go in one RangeAreas per address list, on 1.7
 * each rectangle is one Range. Layering by attribute keeps the call count low (borders cover whole tables).
 */
function formatSteps(layout: SheetLayout, sheetIndex: number, features: ExcelFeatures): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const attr of FORMAT_ATTRS) {
    if (attr === 'indent' && !features.indent) continue;
    for (const { value, cells } of styleGroups(layout.cells, attr)) {
      const rects = cellsToRects(cells);
      if (features.rangeAreas) {
        for (const list of addressLists(rects.map(rectAddress))) {
          steps.push({ queue: (t) => queueAttr(t.sheet(sheetIndex).getRanges(list).format, attr, value, null) });
        }
      } else {
        for (const rect of rects) {
          steps.push({ queue: (t) => queueAttr(t.sheet(sheetIndex).getRange(rectAddress(rect)).format, attr, value, rect) });
        }
      }
    }
  }
  return steps;
}

/** The steps that write one layout into new sheet number `sheetIndex`, named `name` (made by the first step). */
export function layoutSteps(layout: SheetLayout, name: string, sheetIndex: number, features: ExcelFeatures): WriteStep[] {
  const steps: WriteStep[] = [];
  steps.push({
    queue: (t) => {
      const ws = t.add(sheetIndex, name);
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
  const { rows, cols } = layoutExtent(layout.cells);
  const grid: LayoutCell[][] = Array.from({ length: rows }, () => []);
  for (const c of layout.cells) grid[c.row][c.col] = c;
  const formats: string[][] = [];
  const values: (string | number | boolean)[][] = [];
  for (let r = 0; r < rows; r++) {
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
  for (const [r0, n] of valueBlocks(values, formats)) {
    // Cut once: the step is queued twice (measured, then written).
    const blockFormats = formats.slice(r0, r0 + n);
    const blockValues = values.slice(r0, r0 + n);
    steps.push({
      queue: (t) => {
        const range = t.sheet(sheetIndex).getRangeByIndexes(r0, 0, n, cols);
        range.numberFormat = blockFormats;
        range.values = blockValues;
      },
    });
  }
  steps.push(...formatSteps(layout, sheetIndex, features));
  for (const m of layout.merges) {
    steps.push({ queue: (t) => t.sheet(sheetIndex).getRange(rectAddress(m)).merge(false) });
  }
  return steps;
}

/** Row blocks [first row, row count] whose values and number formats stay within VALUE_BLOCK_BYTES. */
function valueBlocks(values: unknown[][], formats: unknown[][]): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < values.length; r++) {
    const row = jsonBytes(values[r]) + jsonBytes(formats[r]) + 2;
    if (r > start && bytes + row > VALUE_BLOCK_BYTES) {
      blocks.push([start, r - start]);
      start = r;
      bytes = 0;
    }
    bytes += row;
  }
  if (values.length > start) blocks.push([start, values.length - start]);
  return blocks;
}

/**
 * The steps as RequestOps: each measured once against stand-ins of the workbook and of the sheets it writes to,
 * and queued against `target` when its request is made.
 */
export function measuredSteps(steps: WriteStep[], target: SheetTarget, meter: WriteMeter): RequestOp[] {
  const standIn = (wb: WorkbookSurface, made: () => unknown): SheetTarget => ({
    add: (_i, name) => wb.worksheets.add(name),
    sheet: () => made() as WorksheetSurface,
  });
  return steps.map((step) => ({ bytes: meter.measureWith(standIn, (t) => step.queue(t)), queue: () => step.queue(target) }));
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
