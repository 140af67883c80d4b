// Generation in the add-in path (Office adapter, here on FakeExcel) writes the same sheets as the CLI path
// (ExcelJS adapter): same values, number formats, fonts, alignment, borders, fills, merges, widths, cell by cell.
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbookPort, readWorkbookFile } from '../../src/adapters/file/exceljs-port';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import { hexToArgb, widthPointsToChars } from '../../src/adapters/office/units';
import { layoutsFromSnapshot } from '../../src/taskpane/generate-layouts';
import { FakeExcel, type FakeCell, type FakeSheet } from './fake-excel';
import { compareWithCli, type CellView, type HostSheet } from '../helpers/sheet-parity';

const H = { Left: 'left', Center: 'center', Right: 'right' } as Record<string, string>;
const V = { Top: 'top', Center: 'middle', Bottom: 'bottom' } as Record<string, string>;

function fromFake(c: FakeCell | undefined): CellView {
  const f = c?.format ?? {};
  const b = f.borders ?? {};
  return {
    value: c?.value ?? null,
    numFmt: c?.numberFormat ?? null,
    bold: !!f.bold,
    size: f.fontSize ?? null,
    font: f.fontName ?? null,
    h: f.hAlign ? H[f.hAlign] : null,
    v: f.vAlign ? V[f.vAlign] : null,
    wrap: !!f.wrap,
    indent: f.indent ?? 0,
    border: (['top', 'left', 'bottom', 'right'] as const)
      .map((e) => (b[e]?.style === 'Continuous' && b[e]?.weight === 'Thin' ? 'thin' : '-'))
      .join(','),
    fill: f.fill ? hexToArgb(f.fill) : null,
  };
}

/** The add-in's sheet as FakeExcel holds it. */
function fakeSheet(fake: FakeSheet): HostSheet {
  return {
    host: 'add-in',
    cell: (r, c) => fromFake(fake.cells[`${r}:${c}`]),
    merges: fake.merges,
    widthChars: (c) => (fake.columnWidths[c] === undefined ? undefined : widthPointsToChars(fake.columnWidths[c])),
    frozenRows: fake.frozenRows,
  };
}

test('the nine tables from the example workbook: add-in path and CLI path write the same sheets', async () => {
  const source = await readWorkbookFile(path.resolve(__dirname, '../../examples/fuzhou-gxj-2024.xlsx'));
  const snapshot = await source.readSnapshot();
  const { sheets: layouts } = layoutsFromSnapshot(snapshot);
  expect(layouts.length).toBe(10); // the nine tables and the 情况说明 draft

  const cli = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
  const cliNames = await cli.addSheets(layouts);
  const fx = new FakeExcel('1.9');
  const addin = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
  const addinNames = await addin.addSheets(layouts);
  expect(addinNames).toEqual(cliNames);

  const diffs = layouts.flatMap((layout, i) =>
    compareWithCli(layout, fakeSheet(fx.sheetByName(addinNames[i])!), cli.workbook.getWorksheet(cliNames[i])!),
  );
  expect(diffs.slice(0, 10)).toEqual([]);
  // Something was really compared.
  expect(layouts.reduce((n, l) => n + l.cells.length, 0)).toBeGreaterThan(200);
  expect(fx.stats.syncs).toBeLessThanOrEqual(10);
});
