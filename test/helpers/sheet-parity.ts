// One generated sheet as a host adapter wrote it (on its fake) against the CLI's ExcelJS sheet, cell by cell: the
// view both parity tests compare (value, number format, font, alignment, borders, fill), then merges, widths and
// frozen rows. Each test only says how to read its fake.
import type ExcelJS from 'exceljs';
import { layoutExtent, type SheetLayout } from '../../src/port/layout';
import type { CellRange } from '../../src/port/snapshot';

export interface CellView {
  value: unknown;
  numFmt: string | null;
  bold: boolean;
  size: number | null;
  font: string | null;
  h: string | null;
  v: string | null;
  wrap: boolean;
  indent: number;
  /** Thin or not, for the top, left, bottom and right edges: `thin,thin,-,thin`. */
  border: string;
  fill: string | null;
}

/** What a host adapter wrote, read from its fake. */
export interface HostSheet {
  /** The host's name in the differences ("add-in", "WPS"). */
  host: string;
  cell(row: number, col: number): CellView;
  merges: CellRange[];
  /** A column's width in characters, undefined when none was written. */
  widthChars(col: number): number | undefined;
  frozenRows: number;
}

export function fromExcelJs(c: ExcelJS.Cell): CellView {
  const border = c.border ?? {};
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  // ExcelJS reads a merged slave as its master's value; in the file (and in Excel or WPS) a slave is empty.
  const slave = c.isMerged && c.master.address !== c.address;
  const value = slave || c.value === undefined ? null : c.value;
  return {
    value: value === '' ? null : value,
    numFmt: c.numFmt && c.numFmt !== 'General' ? c.numFmt : null,
    bold: !!c.font?.bold,
    size: c.font?.size ?? null,
    font: c.font?.name ?? null,
    h: c.alignment?.horizontal ?? null,
    v: c.alignment?.vertical ?? null,
    wrap: !!c.alignment?.wrapText,
    indent: c.alignment?.indent ?? 0,
    border: (['top', 'left', 'bottom', 'right'] as const).map((e) => (border[e]?.style === 'thin' ? 'thin' : '-')).join(','),
    fill: fill?.fgColor?.argb ?? null,
  };
}

/** The differences between the host's sheet and the CLI's (empty when they are the same). */
export function compareWithCli(layout: SheetLayout, host: HostSheet, ws: ExcelJS.Worksheet): string[] {
  const diffs: string[] = [];
  const extent = layoutExtent(layout.cells);
  const cols = Math.max(extent.cols, layout.columnWidths.length);
  for (let r = 0; r < extent.rows; r++) {
    for (let c = 0; c < cols; c++) {
      const a = host.cell(r, c);
      const b = fromExcelJs(ws.getCell(r + 1, c + 1));
      if (JSON.stringify(a) !== JSON.stringify(b))
        diffs.push(`${layout.name} R${r + 1}C${c + 1}: ${host.host} ${JSON.stringify(a)} vs CLI ${JSON.stringify(b)}`);
    }
  }
  const key = (m: CellRange) => `${m.top}:${m.left}:${m.bottom}:${m.right}`;
  const cliMerges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).length;
  if (JSON.stringify(host.merges.map(key).sort()) !== JSON.stringify(layout.merges.map(key).sort()))
    diffs.push(`${layout.name}: ${host.host} merges differ`);
  if (cliMerges !== layout.merges.length) diffs.push(`${layout.name}: CLI has ${cliMerges} merges, the layout ${layout.merges.length}`);
  for (const m of layout.merges) if (!ws.getCell(m.top + 1, m.left + 1).isMerged) diffs.push(`${layout.name}: CLI did not merge ${key(m)}`);
  layout.columnWidths.forEach((w, c) => {
    if (!w) return;
    const hostChars = host.widthChars(c);
    // A width the host did not write would compare as NaN, which is never "> 0.15" off.
    if (hostChars === undefined) {
      diffs.push(`${layout.name} column ${c + 1}: ${host.host} wrote no width`);
      return;
    }
    const cliChars = ws.getColumn(c + 1).width ?? 0;
    if (Math.abs(hostChars - cliChars) > 0.15) diffs.push(`${layout.name} column ${c + 1}: width ${hostChars} vs ${cliChars}`);
  });
  const cliFrozen = ws.views?.[0]?.state === 'frozen' ? ((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit ?? 0) : 0;
  if (host.frozenRows !== cliFrozen) diffs.push(`${layout.name}: frozen rows ${host.host} ${host.frozenRows} vs CLI ${cliFrozen}`);
  if ((layout.frozenRows ?? 0) !== cliFrozen) diffs.push(`${layout.name}: frozen rows layout ${layout.frozenRows ?? 0} vs CLI ${cliFrozen}`);
  return diffs;
}
