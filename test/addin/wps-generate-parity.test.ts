// Generation through WPS (the WPS adapter, here on FakeWps) writes the same sheets as the CLI (ExcelJS adapter):
// same values, number formats, fonts, alignment, borders, fills, merges, column widths and frozen rows, cell by cell.
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbookPort, readWorkbookFile } from '../../src/adapters/file/exceljs-port';
import { XL } from '../../src/adapters/wps/wps-surface';
import { argbToBgr, bgrToArgb, columnWidthToChars } from '../../src/adapters/wps/units';
import { WpsWorkbookPort } from '../../src/adapters/wps/wps-port';
import { layoutsFromSnapshot } from '../../src/taskpane/generate-layouts';
import { FakeWps, type FakeWpsCell, type FakeWpsSheet } from './fake-wps';
import { compareWithCli, type CellView, type HostSheet } from '../helpers/sheet-parity';

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

/** WPS's sheet as FakeWps holds it. */
function wpsSheet(wps: FakeWpsSheet): HostSheet {
  return {
    host: 'WPS',
    cell: (r, c) => fromWps(wps.cells.get(`${r}:${c}`)),
    merges: wps.merges,
    widthChars: (c) => (wps.columnWidths[c] === undefined ? undefined : columnWidthToChars(wps.columnWidths[c])),
    frozenRows: wps.frozenRows,
  };
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

  const diffs = layouts.flatMap((layout, i) => compareWithCli(layout, wpsSheet(fw.sheet(wpsNames[i])), cli.workbook.getWorksheet(cliNames[i])!));
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
