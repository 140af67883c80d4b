// Reading the open workbook through the WPS object model, in bulk: per sheet its name, its used range's origin
// and Value2 (every value in one call), and its merged areas found by splitting (MergeCells answers for a whole
// range: false for none, true for all, null for mixed), so the calls grow with the number of merges, not cells.
import { parseAddress, rectAddress } from '../office/addresses';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../port/snapshot';
import type { WpsWorkbookSurface, WpsWorksheetSurface } from './wps-surface';

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
  const found: CellRange[] = [];
  // The merged areas found, by each row they cover: a part of one is known without asking WPS again (halves
  // often cut through one), and the lookup stays cheap with a merge on every row.
  const byRow = new Map<number, CellRange[]>();
  const foundAt = (row: number, col: number) => byRow.get(row)?.find((m) => col >= m.left && col <= m.right);
  const add = (m: CellRange) => {
    found.push(m);
    for (let row = m.top; row <= m.bottom; row++) {
      const list = byRow.get(row);
      if (list) list.push(m);
      else byRow.set(row, [m]);
    }
  };
  // A work list, not recursion: a merge on each of 10,000 rows is 10,000 steps.
  const todo: { r: CellRange; known?: boolean | null }[] = [{ r: area, known: first }];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const { r, known } = next;
    const inside = foundAt(r.top, r.left);
    if (inside && r.bottom <= inside.bottom && r.right <= inside.right) continue;
    const state = known !== undefined ? known : ws.Range(rectAddress(r)).MergeCells;
    if (state === false) continue;
    if (state === true) {
      const m = inside ?? mergeAreaAt(ws, r.top, r.left);
      if (!inside) add(m);
      // Every cell of r is merged, so every part of it is too: no need to ask again.
      for (const rest of subtract(r, m)) todo.push({ r: rest, known: true });
      continue;
    }
    for (const part of splitMixed(ws, r)) todo.push({ r: part });
  }
  return found.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * A mixed range in parts (a single cell is never mixed). Its middle row decides how: with no merged cell there,
 * no merged area crosses it and the rows above and below are looked at apart (a title, a header band); with one,
 * the columns are halved instead, so a merge on every row over the same columns (a code across 类/款/项) ends
 * in a part that is all merged and is read one area per call rather than cut row by row.
 */
function splitMixed(ws: WpsWorksheetSurface, r: CellRange): CellRange[] {
  const halveColumns = (): CellRange[] => {
    const mid = Math.floor((r.left + r.right) / 2);
    return [
      { ...r, right: mid },
      { ...r, left: mid + 1 },
    ];
  };
  if (r.top === r.bottom) return halveColumns();
  const mid = Math.floor((r.top + r.bottom) / 2);
  if (r.left === r.right)
    return [
      { ...r, bottom: mid },
      { ...r, top: mid + 1 },
    ];
  if (ws.Range(rectAddress({ ...r, top: mid, bottom: mid })).MergeCells !== false) return halveColumns();
  const parts: CellRange[] = [];
  if (mid > r.top) parts.push({ ...r, bottom: mid - 1 });
  if (mid < r.bottom) parts.push({ ...r, top: mid + 1 });
  return parts;
}

function mergeAreaAt(ws: WpsWorksheetSurface, row: number, col: number): CellRange {
  // One call for the whole area (its address) rather than four for its corner and size.
  const address = ws.Range(rectAddress({ top: row, left: col, bottom: row, right: col })).MergeArea.Address();
  return parseAddress(address.replace(/\$/g, '')).range;
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
