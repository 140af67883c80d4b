// Cell-by-cell comparison of two ExcelJS worksheets: values, number formats, fonts, alignment, borders,
// fills, merges, column widths, row heights, frozen panes and page setup.
import type ExcelJS from 'exceljs';

function cellView(c: ExcelJS.Cell) {
  const slave = c.isMerged && c.master.address !== c.address;
  return {
    value: slave ? null : (c.value ?? null),
    numFmt: c.numFmt ?? null,
    font: c.font ?? null,
    alignment: c.alignment ?? null,
    border: c.border ?? null,
    fill: c.fill ?? null,
  };
}

export interface SheetDiff {
  diffs: string[];
  /** How many cells were compared (non-empty in at least one sheet). */
  cells: number;
}

export function compareWorksheets(a: ExcelJS.Worksheet, b: ExcelJS.Worksheet): SheetDiff {
  const diffs: string[] = [];
  const rows = Math.max(a.rowCount, b.rowCount);
  const cols = Math.max(a.columnCount, b.columnCount);
  let cells = 0;
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const x = cellView(a.getCell(r, c));
      const y = cellView(b.getCell(r, c));
      if (x.value !== null || y.value !== null || x.border || y.border) cells++;
      const sx = JSON.stringify(x);
      const sy = JSON.stringify(y);
      if (sx !== sy) diffs.push(`${a.name} ${a.getCell(r, c).address}: ${sx} ≠ ${sy}`);
    }
  }
  const merges = (ws: ExcelJS.Worksheet) => [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
  if (JSON.stringify(merges(a)) !== JSON.stringify(merges(b))) diffs.push(`${a.name}: merges ${merges(a).join(',')} ≠ ${merges(b).join(',')}`);
  for (let c = 1; c <= cols; c++) {
    if ((a.getColumn(c).width ?? null) !== (b.getColumn(c).width ?? null))
      diffs.push(`${a.name}: column ${c} width ${a.getColumn(c).width} ≠ ${b.getColumn(c).width}`);
  }
  for (let r = 1; r <= rows; r++) {
    if ((a.getRow(r).height ?? null) !== (b.getRow(r).height ?? null))
      diffs.push(`${a.name}: row ${r} height ${a.getRow(r).height} ≠ ${b.getRow(r).height}`);
  }
  if (JSON.stringify(a.views) !== JSON.stringify(b.views)) diffs.push(`${a.name}: views differ`);
  const setup = (ws: ExcelJS.Worksheet) => {
    const p = ws.pageSetup;
    return JSON.stringify([p.paperSize, p.orientation, p.fitToPage, p.fitToWidth, p.fitToHeight, p.printTitlesRow, p.horizontalCentered, p.margins]);
  };
  if (setup(a) !== setup(b)) diffs.push(`${a.name}: page setup ${setup(a)} ≠ ${setup(b)}`);
  return { diffs, cells };
}
