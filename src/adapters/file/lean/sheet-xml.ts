// One worksheet's XML → SheetSnapshot, giving exactly what sheetSnapshot (exceljs-snapshot.ts) gives after a full
// ExcelJS load (ExcelJS 4.4: sheet/cell-xform, sheet/row-xform, doc/row, doc/cell, Worksheet._mergeCellsInternal):
// values with formulas' cached results, dates under a date format, merged slaves empty, each cell's number format,
// and the rows that merges create. Values and merges only: no styles beyond the number format, no object model.
import type ExcelJS from 'exceljs';
import type { CellRange, CellValue, SheetSnapshot } from '../../../port/snapshot';
import { plainValue } from '../exceljs-snapshot';
import { excelJsXmlDecode, unescapeText } from './workbook-parts';
import { LeanBail, scanXml, type Attributes } from './xml-scan';

export interface SheetContext {
  /** Number format of each cell style (cellXfs index). */
  styles: (string | undefined)[];
  sharedStrings: string[] | null;
  date1904: boolean;
}

/** ExcelJS utils.isDateFmt. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** ExcelJS utils.excelToDate, with its coercion of whatever value it is given. */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

const COL_LIMIT = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

const ADDRESS = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

/** 1-based [row, col] of "B7"; bails on anything else ($, sheet names, lower case). */
function decodeAddress(ref: string | undefined): [number, number] {
  const m = ref === undefined ? null : ADDRESS.exec(ref);
  if (!m) throw new LeanBail('cell address');
  const col = columnNumber(m[1]);
  if (col > COL_LIMIT) throw new LeanBail('column');
  return [Number(m[2]), col];
}

interface Row {
  /** Plain values of the cells eachCell visits (holes elsewhere). */
  values: (CellValue | undefined)[];
  fmts: (string | null)[];
  /** Last visited column (1-based), 0 when none: the line's length. */
  width: number;
  /** The row's own number format (row style), for cells a merge creates. */
  numFmt: string | undefined;
  /** Cells with a style and no value (ExcelJS type Null: not visited): their number format. */
  styled: Map<number, string | undefined> | null;
}

function newRow(numFmt: string | undefined): Row {
  return { values: [], fmts: [], width: 0, numFmt, styled: null };
}

/** The cell being read: CellXform's parse state. */
interface CellState {
  col: number;
  t: string | undefined;
  styleId: number | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  /** <f t="shared">'s ref (on the master) and si. */
  ref: string | undefined;
  si: string | undefined;
  value: string | undefined;
  runs: string[] | null;
  /** 'f', 'v' or 't' while their text is collected. */
  node: string | undefined;
  inRun: boolean;
  runText: string[] | null;
  runValue: string | undefined;
}

export function readSheetXml(xml: string, name: string, ctx: SheetContext): SheetSnapshot {
  const rows: (Row | undefined)[] = [];
  const cols: { min: number; max: number; numFmt: string | undefined }[] = [];
  const mergeRefs: string[] = [];
  const uncalculated: [number, number][] = [];
  // Shared formulas: si → the master's cell (ExcelJS options.formulae); a slave without one has no formula.
  const sharedMasters = new Map<string | undefined, string>();
  let depth = 0;
  let sheetDataDepth = -1;
  let row: Row | null = null;
  let rowNumber = 0;
  let cell: CellState | null = null;
  let cellDepth = 0;

  const styleFmt = (id: number | undefined): string | undefined => (id ? ctx.styles[id] : undefined);

  function finishCell(c: CellState): void {
    const r = row as Row;
    if (r.values[c.col - 1] !== undefined || r.styled?.has(c.col)) throw new LeanBail('duplicate cell');
    if (c.runs && (c.formula || c.shareType || c.t !== 'inlineStr')) throw new LeanBail('rich text outside an inline string');
    const numFmt = c.styleId ? styleFmt(c.styleId) : undefined;
    let raw: ExcelJS.CellValue | undefined;
    let noResult = false;
    if (c.formula || c.shareType) {
      let result: unknown;
      if (c.value) {
        if (c.t === 'str') result = excelJsXmlDecode(c.value);
        else if (c.t === 'b') result = parseInt(c.value, 10) !== 0;
        else if (c.t === 'e') result = { error: c.value };
        else result = parseFloat(c.value);
        if (isDateFmt(numFmt)) result = excelToDate(result, ctx.date1904);
      }
      // FormulaValue keeps only truthy fields (ExcelJS _copyModel): a cached 0, false or '' is lost, and
      // the full load reads such a cell as a formula without a result. The same here.
      if (!result) result = undefined;
      noResult = result === undefined;
      let shared: string | undefined;
      if (c.shareType === 'shared') {
        if (c.ref) sharedMasters.set(c.si, `${c.col}:${rowNumber}`);
        else shared = sharedMasters.get(c.si);
      }
      if (!c.formula && !shared) throw new LeanBail('formula without text');
      raw = { formula: c.formula ?? shared, result } as ExcelJS.CellValue;
    } else if (c.runs) {
      raw = { richText: c.runs.map((text) => ({ text })) };
    } else if (c.value !== undefined) {
      switch (c.t) {
        case 's': {
          const s = ctx.sharedStrings?.[parseInt(c.value, 10)];
          if (s === undefined) throw new LeanBail('shared string index');
          raw = s;
          break;
        }
        case 'str':
          raw = excelJsXmlDecode(c.value);
          break;
        case 'inlineStr':
          raw = c.value;
          break;
        case 'b':
          raw = parseInt(c.value, 10) !== 0;
          break;
        case 'e':
          raw = { error: c.value } as unknown as ExcelJS.CellValue;
          break;
        default: {
          const n = parseFloat(c.value);
          raw = isDateFmt(numFmt) ? excelToDate(n, ctx.date1904) : n;
        }
      }
    } else if (c.styleId) {
      (r.styled ??= new Map()).set(c.col, numFmt);
      return;
    } else return; // ExcelJS drops a cell with neither value nor style
    const value = plainValue(raw);
    r.values[c.col - 1] = value;
    r.fmts[c.col - 1] = numFmt ?? null;
    if (c.col > r.width) r.width = c.col;
    if (value === null && noResult) uncalculated.push([rowNumber - 1, c.col - 1]);
  }

  scanXml(xml, {
    open(tag: string, a: Attributes) {
      depth++;
      if (cell) {
        const c = cell;
        if (c.inRun) {
          if (tag === 't') c.runText = [];
        } else if (tag === 'f') {
          c.node = 'f';
          c.shareType = a.t;
          c.ref = a.ref;
          c.si = a.si;
        } else if (tag === 'v' || tag === 't') c.node = tag;
        else if (tag === 'r') {
          c.inRun = true;
          c.runText = null;
          c.runValue = undefined;
        } else if (tag !== 'is') {
          // ExcelJS ends the cell at the close of any other element (e.g. a phonetic run <rPh>) and loses the rest
          // of the row: the full load gives that result.
          throw new LeanBail(`element ${tag} in a cell`);
        }
      } else if (row && tag === 'c' && depth === sheetDataDepth + 2) {
        const [r, col] = decodeAddress(a.r);
        if (r !== rowNumber) throw new LeanBail('cell outside its row');
        cell = {
          col,
          t: a.t,
          styleId: a.s ? parseInt(a.s, 10) : undefined,
          formula: undefined,
          shareType: undefined,
          ref: undefined,
          si: undefined,
          value: undefined,
          runs: null,
          node: undefined,
          inRun: false,
          runText: null,
          runValue: undefined,
        };
        cellDepth = depth;
      } else if (tag === 'row' && depth === sheetDataDepth + 1) {
        if (a.r === undefined || !/^[1-9][0-9]{0,6}$/.test(a.r)) throw new LeanBail('row number');
        rowNumber = Number(a.r);
        if (rows[rowNumber - 1]) throw new LeanBail('duplicate row');
        const id = a.s ? parseInt(a.s, 10) : undefined;
        row = newRow(styleFmt(id));
        rows[rowNumber - 1] = row;
      } else if (tag === 'sheetData' && sheetDataDepth < 0) sheetDataDepth = depth;
      else if (tag === 'col') {
        const styleId = a.style ? parseInt(a.style, 10) : undefined;
        cols.push({ min: parseInt(a.min || '0', 10), max: parseInt(a.max || '0', 10), numFmt: styleFmt(styleId) });
      } else if (tag === 'mergeCell') {
        if (a.ref === undefined) throw new LeanBail('merge without a range');
        mergeRefs.push(a.ref);
      } else if (tag === 'hyperlink' && a['r:id'] !== undefined) throw new LeanBail('hyperlink');
    },
    text(t: string) {
      const c = cell;
      if (!c) return;
      if (c.inRun) {
        if (c.runText) c.runText.push(t);
      } else if (c.node === 'f') c.formula = c.formula ? c.formula + t : t;
      else if (c.node === 'v' || c.node === 't') {
        if (c.runs) return; // ExcelJS adds it to a property of the run list, which no reader sees
        c.value = c.value ? c.value + t : t;
      }
    },
    close(tag: string) {
      if (cell) {
        const c = cell;
        if (depth === cellDepth) {
          finishCell(c);
          cell = null;
        } else if (c.inRun) {
          if (tag === 't' && c.runText) {
            c.runValue = unescapeText(c.runText.join(''));
            c.runText = null;
          } else if (tag === 'r') {
            c.inRun = false;
            (c.runs ??= []).push(c.runValue ?? '');
            c.node = undefined;
          }
        } else if (tag === 'f' || tag === 'v' || tag === 'is' || tag === 't') c.node = undefined;
      } else if (tag === 'row' && row && depth === sheetDataDepth + 1) row = null;
      else if (tag === 'sheetData' && depth === sheetDataDepth) sheetDataDepth = -2;
      depth--;
    },
  });
  const merges = applyMerges(rows, mergeRefs, columnFormats(cols));
  return toSnapshot(name, rows, merges, uncalculated);
}

/** Column → number format, as Column.fromModel lays out <col> ranges (sorted by min; a later overlap is cut). */
function columnFormats(cols: { min: number; max: number; numFmt: string | undefined }[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let count = 1;
  for (const c of [...cols].sort((a, b) => a.min - b.min)) {
    if (c.max - count > COL_LIMIT) throw new LeanBail('column range');
    while (count < c.min) count++;
    while (count <= c.max) out[count++ - 1] = c.numFmt;
  }
  return out;
}

const RANGE = /^([A-Z]{1,3}[1-9][0-9]{0,6})(?::([A-Z]{1,3}[1-9][0-9]{0,6}))?$/;

/** Applies the merges as ExcelJS does on load: slaves become merged cells (visited, empty), rows appear. */
function applyMerges(rows: (Row | undefined)[], refs: string[], colFmts: (string | undefined)[]): CellRange[] {
  const ranges: CellRange[] = [];
  const taken = new Set<number>();
  for (const ref of refs) {
    const m = RANGE.exec(ref);
    if (!m) throw new LeanBail('merge range');
    const [r1, c1] = decodeAddress(m[1]);
    const [r2, c2] = decodeAddress(m[2] ?? m[1]);
    const range = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
    if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > 1_000_000) throw new LeanBail('huge merge');
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const key = r * COL_LIMIT + c;
        // Overlapping merges make ExcelJS refuse the file: the full load says so.
        if (taken.has(key)) throw new LeanBail('overlapping merges');
        taken.add(key);
      }
    }
    for (let r = range.top; r <= range.bottom; r++) {
      const row = (rows[r - 1] ??= newRow(undefined));
      for (let c = range.left; c <= range.right; c++) {
        if (r === range.top && c === range.left) continue;
        const i = c - 1;
        let fmt: string | null;
        if (row.values[i] !== undefined) fmt = row.fmts[i];
        else if (row.styled?.has(c)) fmt = row.styled.get(c) ?? null;
        else fmt = row.numFmt ?? colFmts[i] ?? null;
        row.values[i] = null;
        row.fmts[i] = fmt;
        if (c > row.width) row.width = c;
      }
    }
    ranges.push({ top: range.top - 1, left: range.left - 1, bottom: range.bottom - 1, right: range.right - 1 });
  }
  return ranges;
}

function toSnapshot(name: string, rows: (Row | undefined)[], merges: CellRange[], uncalculated: [number, number][]): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  // ExcelJS: no row with a visited cell → no rows at all; else every row up to the last one that exists.
  const anyValues = rows.some((r) => r !== undefined && r.width > 0);
  const count = anyValues ? rows.length : 0;
  for (let i = 0; i < count; i++) {
    const r = rows[i];
    const line: CellValue[] = new Array<CellValue>(r ? r.width : 0);
    const fmts: (string | null)[] = new Array<string | null>(line.length);
    for (let c = 0; c < line.length; c++) {
      const v = r!.values[c];
      line[c] = v === undefined ? null : v;
      fmts[c] = v === undefined ? null : r!.fmts[c];
    }
    values.push(line);
    numberFormats.push(fmts);
  }
  return { name, originRow: 0, originCol: 0, values, merges, numberFormats, ...(uncalculated.length ? { uncalculated } : {}) };
}
