// A1 addresses as Office.js writes and reads them: sheet-qualified, quoted when needed, rectangles and lists.
import { a1, parseA1 } from '../../core/cells';
import type { CellRange } from '../../port/snapshot';

/** Office.js truncates address strings for getRange/getRanges past this length. */
export const ADDRESS_CHAR_LIMIT = 8192;

export function rectAddress(r: CellRange): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/** `'Sheet name'!A1`: always quoted, which Excel accepts for every sheet name. */
export function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Splits `Sheet1!B3:F20` or `'a b'!B3` into the sheet and a 0-based rectangle. */
export function parseAddress(address: string): { sheet: string; range: CellRange } {
  const bang = address.lastIndexOf('!');
  let sheet = bang >= 0 ? address.slice(0, bang) : '';
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [from, to] = local.split(':');
  const a = parseA1(from);
  const b = to ? parseA1(to) : a;
  return {
    sheet,
    range: { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) },
  };
}

/** A RangeAreas address `S!A1:B2,S!C3` → its rectangles (merged areas, multi-area ranges). */
export function parseAreas(address: string): CellRange[] {
  if (!address) return [];
  // Commas inside quoted sheet names are rare but possible; split only on commas outside quotes.
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) parts.push(cur);
  return parts.map((p) => parseAddress(p.trim()).range);
}

/**
 * Cells → rectangles: runs of adjacent columns in a row, then identical runs stacked in consecutive rows.
 * Few rectangles mean few conditional-format rules and few format calls.
 */
export function cellsToRects(cells: { row: number; col: number }[]): CellRange[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row);
    if (cols) cols.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  const runs: CellRange[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
        runs.push({ top: row, bottom: row, left: start, right: cols[i - 1] });
        if (i < cols.length) start = cols[i];
      }
    }
  }
  const open = new Map<string, CellRange>();
  const done: CellRange[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}`;
    const prev = open.get(key);
    if (prev && prev.bottom === run.top - 1) prev.bottom = run.top;
    else {
      if (prev) done.push(prev);
      open.set(key, { ...run });
    }
  }
  return [...done, ...open.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Groups addresses into comma-joined lists, each below the address limit. */
export function addressLists(addresses: string[], limit = ADDRESS_CHAR_LIMIT - 100): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > limit) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}
