// Generation through WPS (the WPS adapter, here on FakeWps) writes the same sheets as the CLI (ExcelJS adapter):
// same values, number formats, fonts, alignment, borders, fills, merges, column widths and frozen rows, cell by cell.
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbookPort, readWorkbookFile } from '../../src/adapters/file/exceljs-port';
import { XL } from '../../src/adapters/wps/wps-surface';
import { argbToBgr, bgrToArgb, columnWidthToChars } from '../../src/adapters/wps/units';
import { WpsWorkbookPort } from '../../src/adapters/wps/wps-port';
import type { SheetLayout } from '../../src/port/layout';
import { layoutsFromSnapshot } from '../../src/taskpane/generate-layouts';
import { FakeWps, type FakeWpsCell, type FakeWpsSheet } from './fake-wps';

interface CellView {
  value: unknown;
  numFmt: string | null;
  bold: boolean;
  size: number | null;
  font: string | null;
  h: string | null;
  v: string | null;
  wrap: boolean;
  indent: number;
  border: string;
  fill: string | null;
}

const H: Record<number, string> = { [XL.hLeft]: 'left', [XL.hCenter]: 'center', [XL.hRight]: 'right' };
const V: Record<number, string> = { [XL.vTop]: 'top', [XL.vCenter]: 'middle', [XL.vBottom]: 'bottom' };

function fromWps(c: FakeWpsCell | undefined): CellView {
  const thin = c?.borders?.lineStyle === XL.continuous && c.borders.weight === XL.thin && c.borders.color === 0;
  return {
    value: c?.formula ?? c?.value ?? null,
    numFmt: c?.numberFormat ?? null,
    bold: !!c?.bold,
    size: c?.fontSize ?? null,
    font: c?.fontName ?? null,
    h: c?.hAlign !== undefined ? H[c.hAlign] : null,
    v: c?.vAlign !== undefined ? V[c.vAlign] : null,
    wrap: !!c?.wrap,
    indent: c?.indent ?? 0,
    // Borders set through the whole collection draw every edge of each cell.
    border: ['top', 'left', 'bottom', 'right'].map(() => (thin ? 'thin' : '-')).join(','),
    fill: c?.fill !== undefined ? bgrToArgb(c.fill) : null,
  };
}

function fromExcelJs(c: ExcelJS.Cell): CellView {
  const border = c.border ?? {};
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  // ExcelJS reads a merged slave as its master's value; in the file (and in WPS) a slave is empty.
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

function compareSheets(layout: SheetLayout, wps: FakeWpsSheet, ws: ExcelJS.Worksheet): string[] {
  const diffs: string[] = [];
  let rows = 0;
  let cols = layout.columnWidths.length;
  for (const c of layout.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const a = fromWps(wps.cells.get(`${r}:${c}`));
      const b = fromExcelJs(ws.getCell(r + 1, c + 1));
      if (JSON.stringify(a) !== JSON.stringify(b))
        diffs.push(`${layout.name} R${r + 1}C${c + 1}: WPS ${JSON.stringify(a)} vs CLI ${JSON.stringify(b)}`);
    }
  }
  const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top}:${m.left}:${m.bottom}:${m.right}`;
  const cliMerges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).length;
  if (JSON.stringify(wps.merges.map(key).sort()) !== JSON.stringify(layout.merges.map(key).sort())) diffs.push(`${layout.name}: merges differ`);
  if (cliMerges !== layout.merges.length) diffs.push(`${layout.name}: CLI has ${cliMerges} merges, the layout ${layout.merges.length}`);
  for (const m of layout.merges) if (!ws.getCell(m.top + 1, m.left + 1).isMerged) diffs.push(`${layout.name}: CLI did not merge ${key(m)}`);
  layout.columnWidths.forEach((w, c) => {
    if (!w) return;
    if (wps.columnWidths[c] === undefined) {
      diffs.push(`${layout.name} column ${c + 1}: WPS got no width`);
      return;
    }
    const wpsChars = columnWidthToChars(wps.columnWidths[c]);
    const cliChars = ws.getColumn(c + 1).width ?? 0;
    if (Math.abs(wpsChars - cliChars) > 0.15) diffs.push(`${layout.name} column ${c + 1}: width ${wpsChars} vs ${cliChars}`);
  });
  const cliFrozen = ws.views?.[0]?.state === 'frozen' ? ((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit ?? 0) : 0;
  if (wps.frozenRows !== cliFrozen) diffs.push(`${layout.name}: frozen rows ${wps.frozenRows} vs ${cliFrozen}`);
  return diffs;
}

test('the nine tables and the 情况说明 draft from the example workbook: WPS and the CLI write the same sheets', async () => {
  const source = await readWorkbookFile(path.resolve(__dirname, '../../examples/fuzhou-gxj-2024.xlsx'));
  const snapshot = await source.readSnapshot();
  const { sheets: layouts } = layoutsFromSnapshot(snapshot);
  expect(layouts.length).toBe(10);

  const cli = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
  const cliNames = await cli.addSheets(layouts);
  const fw = new FakeWps();
  fw.addSheet('底稿');
  const wpsNames = await new WpsWorkbookPort(fw.application).addSheets(layouts);
  expect(wpsNames).toEqual(cliNames);

  const diffs = layouts.flatMap((layout, i) => compareSheets(layout, fw.sheet(wpsNames[i]), cli.workbook.getWorksheet(cliNames[i])!));
  expect(diffs.slice(0, 10)).toEqual([]);
  // Something was really compared: hundreds of cells, borders, merges and fills among them.
  expect(layouts.reduce((n, l) => n + l.cells.length, 0)).toBeGreaterThan(200);
  expect(layouts.reduce((n, l) => n + l.merges.length, 0)).toBeGreaterThan(10);
  expect(layouts.some((l) => l.cells.some((c) => c.style?.border))).toBe(true);
  // The original sheet is still first and untouched.
  expect(fw.sheets[0].name).toBe('底稿');
  expect(fw.sheets[0].cells.size).toBe(0);
});

test('colours are written as VBA colour numbers: red + green·256 + blue·65536', () => {
  expect(argbToBgr('FFFF0000')).toBe(255);
  expect(argbToBgr('FF0000FF')).toBe(255 * 65536);
  expect(argbToBgr('FFFFC7CE')).toBe(0xff + 0xc7 * 256 + 0xce * 65536);
  expect(bgrToArgb(argbToBgr('FFDDEBF7'))).toBe('FFDDEBF7');
});
