// Reading the open workbook through the WPS object model, in bulk: per sheet its name, its used range's origin
// and Value2 (every value in one call), and its merged areas found by halving (MergeCells answers for a whole
// range: false for none, true for all, null for mixed), so the calls grow with the number of merges, not cells.
import { rectAddress } from '../office/addresses';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../port/snapshot';
import type { WpsRangeSurface, WpsWorkbookSurface, WpsWorksheetSurface } from './wps-surface';

/** The sheets of the workbook, in order (1-based collection). */
export function sheetsOf(wb: WpsWorkbookSurface): WpsWorksheetSurface[] {
  const sheets = wb.Worksheets;
  const n = sheets.Count;
  const out: WpsWorksheetSurface[] = [];
  for (let i = 1; i <= n; i++) out.push(sheets.Item(i));
  return out;
}

export function readWorkbook(wb: WpsWorkbookSurface): WorkbookSnapshot {
  return { sheets: sheetsOf(wb).map(readSheet) };
}

function readSheet(ws: WpsWorksheetSurface): SheetSnapshot {
  const name = ws.Name;
  const used = ws.UsedRange;
  const originRow = used.Row - 1;
  const originCol = used.Column - 1;
  const values = valueGrid(used.Value2);
  if (values.length === 0) return { name, originRow: 0, originCol: 0, values: [], merges: [] };
  const width = values.reduce((w, line) => Math.max(w, line.length), 0);
  const area = { top: originRow, left: originCol, bottom: originRow + values.length - 1, right: originCol + width - 1 };
  return { name, originRow, originCol, values, merges: findMerges(ws, area, used.MergeCells) };
}

/** Value2 → rows of plain values: a 2-D array for several cells, a scalar for one; empty → []. */
export function valueGrid(raw: unknown): CellValue[][] {
  if (Array.isArray(raw)) {
    const rows = raw.map((line) => (Array.isArray(line) ? line.map(plain) : [plain(line)]));
    return rows.every((line) => line.every((v) => v === null)) ? [] : rows;
  }
  const v = plain(raw);
  return v === null ? [] : [[v]];
}

/**
 * A formula's error value as the VBA object model hands it over through COM: the xlErr code as an integer
 * (CVErr), not text. Read back as the text Excel shows, so the readers say 错误值 instead of taking a huge
 * negative amount. Whether WPS's JS API passes errors this way or as text is not documented (docs/wps.md).
 */
const ERROR_CODES: Record<number, string> = {
  [-2146826281]: '#DIV/0!',
  [-2146826246]: '#N/A',
  [-2146826259]: '#NAME?',
  [-2146826288]: '#NULL!',
  [-2146826252]: '#NUM!',
  [-2146826265]: '#REF!',
  [-2146826273]: '#VALUE!',
};

function plain(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return ERROR_CODES[v] ?? v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * The merged areas inside `area` (0-based inclusive): a range whose MergeCells is false has none; a mixed one is
 * halved; one that is all merged gives the merged area of its first cell, and the rest of it is looked at again.
 * `first` is MergeCells of `area` when the caller already has it.
 */
export function findMerges(ws: WpsWorksheetSurface, area: CellRange, first?: boolean | null): CellRange[] {
  const found = new Map<string, CellRange>();
  // A part of a merged area already found is known without asking WPS again (halves often cut through one).
  const foundAt = (row: number, col: number) => {
    for (const m of found.values()) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    return undefined;
  };
  const visit = (r: CellRange, known?: boolean | null): void => {
    const inside = foundAt(r.top, r.left);
    if (inside && r.bottom <= inside.bottom && r.right <= inside.right) return;
    const state = known !== undefined ? known : ws.Range(rectAddress(r)).MergeCells;
    if (state === false) return;
    if (state === true) {
      const m = inside ?? mergeAreaAt(ws, r.top, r.left);
      found.set(rectAddress(m), m);
      for (const rest of subtract(r, m)) visit(rest);
      return;
    }
    // Mixed: halve along the longer side (a single cell is never mixed).
    if (r.bottom - r.top >= r.right - r.left) {
      const mid = Math.floor((r.top + r.bottom) / 2);
      visit({ ...r, bottom: mid });
      visit({ ...r, top: mid + 1 });
    } else {
      const mid = Math.floor((r.left + r.right) / 2);
      visit({ ...r, right: mid });
      visit({ ...r, left: mid + 1 });
    }
  };
  visit(area, first);
  return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

function mergeAreaAt(ws: WpsWorksheetSurface, row: number, col: number): CellRange {
  const m: WpsRangeSurface = ws.Range(rectAddress({ top: row, left: col, bottom: row, right: col })).MergeArea;
  const top = m.Row - 1;
  const left = m.Column - 1;
  return { top, left, bottom: top + m.Rows.Count - 1, right: left + m.Columns.Count - 1 };
}

/** `r` less the part `m` covers, as at most four rectangles (above, below, left, right of it). */
function subtract(r: CellRange, m: CellRange): CellRange[] {
  const top = Math.max(r.top, m.top);
  const bottom = Math.min(r.bottom, m.bottom);
  const out: CellRange[] = [];
  if (r.top < top) out.push({ ...r, bottom: top - 1 });
  if (bottom < r.bottom) out.push({ ...r, top: bottom + 1 });
  if (r.left < m.left) out.push({ top, bottom, left: r.left, right: Math.min(r.right, m.left - 1) });
  if (m.right < r.right) out.push({ top, bottom, left: Math.max(r.left, m.right + 1), right: r.right });
  return out.filter((x) => x.top <= x.bottom && x.left <= x.right);
}
