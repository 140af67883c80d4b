// The 情况说明 sheet in the add-in (#13), on the strict fake: the narrative findings' cells are marked and
// cleared exactly like the tables' cells, in the same sync budget (check + mark ≤ 3 syncs), and a narrative
// finding's cell can be selected.
import { checkWorkbook } from '../../src/app/check';
import { refText } from '../../src/core/cells';
import { NARRATIVE_TABLE } from '../../src/core/narrative';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import { marksOf } from '../../src/port/port';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';
import { FakeExcel, type FakeSheet } from './fake-excel';

/** The example workbook (nine tables, 绩效自评 and the 情况说明 sheet) as a fake Excel workbook. */
async function exampleOnFake(version: string): Promise<FakeExcel> {
  const snap = await snapshotOf(FUZHOU_XLSX);
  const fx = new FakeExcel(version);
  for (const s of snap.sheets) fx.addSheet(s.name, s.values, { row: s.originRow, col: s.originCol });
  return fx;
}

const ownRules = (s: FakeSheet) => s.conditionalFormats.filter((c) => c.formula?.includes('FINAL-ACCOUNTS-MARK'));
const fillsAt = (s: FakeSheet, row: number, col: number) =>
  ownRules(s)
    .filter((r) => r.ranges.some((g) => row >= g.top && row <= g.bottom && col >= g.left && col <= g.right))
    .map((r) => r.fill);

describe('情况说明 sheet marks on the strict fake', () => {
  for (const version of ['1.7', '1.18']) {
    test(`ExcelApi ${version}: check + mark in 3 syncs; narrative cells marked like table cells; clear is exact after reopen`, async () => {
      const fx = await exampleOnFake(version);
      const before = fx.formatsSnapshot();
      const values = fx.valuesSnapshot();
      const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
      const report = checkWorkbook(await port.readSnapshot());
      expect(report.narrative?.source).toEqual({ kind: 'sheet', name: '情况说明' });
      const narrative = report.findings.filter((f) => f.table === NARRATIVE_TABLE);
      expect(narrative.map((f) => [f.rule, f.severity, refText(f.cells[0])])).toEqual([
        ['N9', 'warning', '情况说明!A49'],
        ['N1', 'warning', '情况说明!A77'],
        ['N2', 'error', '情况说明!A82'],
      ]);

      expect(await port.applyMarks(marksOf(report.findings))).toEqual({ tailNotesOmitted: 0, invalidRecords: 0 });
      expect(fx.stats.syncs).toBe(3);
      const sheet = fx.sheetByName('情况说明')!;
      expect(fillsAt(sheet, 81, 0)).toEqual(['#FFC7CE']); // A82, the N2 error
      expect(fillsAt(sheet, 48, 0)).toEqual(['#FFEB9C']); // A49, N9
      expect(fillsAt(sheet, 76, 0)).toEqual(['#FFEB9C']); // A77, N1 提示
      expect(fillsAt(sheet, 4, 0)).toEqual([]); // a sentence without a finding
      // A table cell a narrative finding names is marked on its table's sheet too (04 D37).
      expect(fillsAt(fx.sheetByName('公开04表 财政拨款收入支出决算总表')!, 36, 3).length).toBe(1);
      if (version === '1.18') {
        const notes = fx.state.notes.filter((n) => n.sheetId === sheet.id);
        expect(notes.map((n) => n.row).sort((a, b) => a - b)).toEqual([48, 76, 81]);
        expect(notes.find((n) => n.row === 81)!.content).toContain('政府采购服务支出的占比应约为 99.80%');
      }

      fx.reopen();
      const removed = await new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported }).clearMarks();
      expect(removed).toEqual({ cleared: new Set(marksOf(report.findings).map((m) => refText(m.cell))).size, invalidRecords: 0 });
      expect(fx.formatsSnapshot()).toBe(before);
      expect(fx.valuesSnapshot()).toBe(values);
    });
  }

  test('selecting a narrative finding activates the 情况说明 sheet and its cell in one sync', async () => {
    const fx = await exampleOnFake('1.7');
    const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
    await port.select({ sheet: '情况说明', row: 81, col: 0 });
    expect(fx.stats.syncs).toBe(1);
    expect(fx.state.selection).toEqual({ sheetId: fx.sheetByName('情况说明')!.id, address: 'A82' });
  });
});
