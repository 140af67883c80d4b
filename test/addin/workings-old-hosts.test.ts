// Generation from working sheets (底稿) in the add-in on hosts below ExcelApi 1.13, which cannot report
// merged areas: the snapshot has no merges, and the grouped headers (本年收入 over its sub-columns) must
// still be found. The pane's path: the adapter's snapshot on the fake → layoutsFromSnapshot → addSheets.
import * as path from 'path';
import { readWorkbookFile } from '../../src/adapters/file/exceljs-port';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { layoutsFromSnapshot } from '../../src/taskpane/generate-layouts';
import { FakeExcel } from './fake-excel';

let fileSnapshot: WorkbookSnapshot;

beforeAll(async () => {
  const source = await readWorkbookFile(path.resolve(__dirname, '../../examples/fuzhou-gxj-2024-workings.xlsx'));
  fileSnapshot = await source.readSnapshot();
});

/** The example's cells and merges loaded into the fake (merges exist in the workbook; old hosts just cannot see them). */
function fakeWith(snapshot: WorkbookSnapshot, apiVersion: string): FakeExcel {
  const fx = new FakeExcel(apiVersion);
  for (const s of snapshot.sheets) fx.addSheet(s.name, s.values, { row: s.originRow, col: s.originCol }).merges.push(...s.merges);
  return fx;
}

describe('working sheets on ExcelApi 1.7 and 1.9', () => {
  for (const version of ['1.7', '1.9']) {
    test(`ExcelApi ${version}: the snapshot has no merges, and the nine tables are generated as from the file`, async () => {
      expect(fileSnapshot.sheets.some((s) => s.merges.length > 0)).toBe(true);
      const fx = fakeWith(fileSnapshot, version);
      const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
      const snapshot = await port.readSnapshot();
      expect(snapshot.sheets.every((s) => s.merges.length === 0)).toBe(true);

      const { sheets, problems } = layoutsFromSnapshot(snapshot);
      expect(sheets.length).toBe(10); // the nine tables and the 情况说明 draft
      const expected = layoutsFromSnapshot(fileSnapshot);
      expect(problems).toEqual(expected.problems);
      expect(sheets).toEqual(expected.sheets);

      const names = await port.addSheets(sheets);
      expect(names).toHaveLength(10);
      for (const name of names) expect(Object.keys(fx.sheetByName(name)!.cells).length).toBeGreaterThan(10);
    });
  }
});
