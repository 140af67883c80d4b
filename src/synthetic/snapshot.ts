// Sheet layouts → the snapshot a reader sees (values and merges), without a spreadsheet library. Pure.
import type { SheetLayout } from '../port/layout';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../port/snapshot';

export function layoutSnapshot(layout: SheetLayout): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (const c of layout.cells) {
    while (values.length <= c.row) {
      values.push([]);
      numberFormats.push([]);
    }
    const line = values[c.row];
    while (line.length <= c.col) line.push(null);
    const fmts = numberFormats[c.row];
    while (fmts.length <= c.col) fmts.push(null);
    line[c.col] = c.value === '' ? null : c.value;
    fmts[c.col] = c.style?.numberFormat ?? null;
  }
  // Merged slaves are empty in a snapshot.
  for (const m of layout.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let col = m.left; col <= m.right; col++) if ((r !== m.top || col !== m.left) && values[r] && col < values[r].length) values[r][col] = null;
    }
  }
  return { name: layout.name, originRow: 0, originCol: 0, values, merges: layout.merges.map((m) => ({ ...m })), numberFormats };
}

export function layoutsSnapshot(layouts: SheetLayout[]): WorkbookSnapshot {
  return { sheets: layouts.map(layoutSnapshot) };
}
