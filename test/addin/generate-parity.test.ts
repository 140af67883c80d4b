// Generation in the add-in path (Office adapter, here on FakeExcel) writes the same sheets as the CLI path
// (ExcelJS adapter): same values, number formats, fonts, alignment, borders, fills, merges, widths, cell by cell.
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbookPort, readWorkbookFile } from '../../src/adapters/file/exceljs-port';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import { hexToArgb, widthPointsToChars } from '../../src/adapters/office/units';
import type { SheetLayout } from '../../src/port/layout';
import { layoutsFromSnapshot } from '../../src/taskpane/generate-layouts';
import { FakeExcel, type FakeCell, type FakeSheet } from './fake-excel';

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

function fromExcelJs(c: ExcelJS.Cell): CellView {
  const border = c.border ?? {};
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  // ExcelJS reads a merged slave as its master's value; in the file (and in Excel) a slave is empty.
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

function compareSheets(layout: SheetLayout, fake: FakeSheet, ws: ExcelJS.Worksheet): string[] {
  const diffs: string[] = [];
  let rows = 0;
  let cols = layout.columnWidths.length;
  for (const c of layout.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const a = fromFake(fake.cells[`${r}:${c}`]);
      const b = fromExcelJs(ws.getCell(r + 1, c + 1));
      if (JSON.stringify(a) !== JSON.stringify(b))
        diffs.push(`${layout.name} R${r + 1}C${c + 1}: add-in ${JSON.stringify(a)} vs CLI ${JSON.stringify(b)}`);
    }
  }
  const fakeMerges = fake.merges.map((m) => `${m.top}:${m.left}:${m.bottom}:${m.right}`).sort();
  const layoutMerges = layout.merges.map((m) => `${m.top}:${m.left}:${m.bottom}:${m.right}`).sort();
  for (const m of layout.merges) {
    if (!ws.getCell(m.top + 1, m.left + 1).isMerged) diffs.push(`${layout.name}: CLI did not merge ${m.top}:${m.left}:${m.bottom}:${m.right}`);
  }
  if (JSON.stringify(fakeMerges) !== JSON.stringify(layoutMerges)) diffs.push(`${layout.name}: merges differ`);
  layout.columnWidths.forEach((w, c) => {
    if (!w) return;
    // A width the add-in did not write would compare as NaN, which is never "> 0.15" off.
    if (fake.columnWidths[c] === undefined) {
      diffs.push(`${layout.name} column ${c + 1}: the add-in wrote no width`);
      return;
    }
    const fakeChars = widthPointsToChars(fake.columnWidths[c]);
    const cliChars = ws.getColumn(c + 1).width ?? 0;
    if (Math.abs(fakeChars - cliChars) > 0.15) diffs.push(`${layout.name} column ${c + 1}: width ${fakeChars} vs ${cliChars}`);
  });
  if ((layout.frozenRows ?? 0) !== fake.frozenRows) diffs.push(`${layout.name}: frozen rows ${fake.frozenRows}`);
  return diffs;
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

  const diffs = layouts.flatMap((layout, i) => compareSheets(layout, fx.sheetByName(addinNames[i])!, cli.workbook.getWorksheet(cliNames[i])!));
  expect(diffs.slice(0, 10)).toEqual([]);
  // Something was really compared.
  expect(layouts.reduce((n, l) => n + l.cells.length, 0)).toBeGreaterThan(200);
  expect(fx.stats.syncs).toBeLessThanOrEqual(10);
});
