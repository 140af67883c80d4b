// The working-sheet reader: figures with their cells, and bad input reported with sheet and cell.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addLayoutSheet } from '../../src/adapters/file/exceljs-layout';
import { workbookSnapshot } from '../../src/adapters/file/exceljs-snapshot';
import { generate } from '../../src/app/generate';
import { readWorkings } from '../../src/readers/workings';
import { WORKING_SHEETS } from '../../src/core/workings/spec';
import { templateSheets, workingSheetLayout } from '../../src/generator/workings/template';
import { FUZHOU_2024 } from '../../src/core/profiles/fuzhou-2024';
import type { WorkbookSnapshot } from '../../src/port/snapshot';

function book(edit: (wb: ExcelJS.Workbook) => void, unit: '元' | '万元' = '元'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const spec of WORKING_SHEETS) {
    const rows =
      spec.id === 'detail'
        ? [{ key: '2011101', name: '行政运行', values: { 'inc.gpb': 1234.56, 'exp.basic': 1234.56 } }]
        : spec.id === 'fiscal'
          ? [{ key: '2011101', name: '行政运行', values: { 'gpb.basic': 1234.56 } }]
          : undefined;
    addLayoutSheet(wb, workingSheetLayout(spec, { unitName: '测试单位', year: 2024, unit }, rows));
  }
  edit(wb);
  return wb;
}

describe('readWorkings', () => {
  test('reads figures in 元 as exact 分 with their cells', () => {
    const { data, findings } = readWorkings(workbookSnapshot(book(() => undefined)));
    expect(findings).toEqual([]);
    expect(data.unitName).toBe('测试单位');
    expect(data.year).toBe(2024);
    const row = data.sheets.detail!.rows[0];
    expect(row.key).toBe('2011101');
    expect(row.cells['inc.gpb'].minor).toBe(123456);
    expect(row.cells['inc.gpb'].ref).toEqual({ sheet: '底稿1 收支明细', row: 6, col: 2 });
  });

  test('bad amounts, bad codes, amounts on 款 rows, duplicates and a missing unit are reported with sheet and cell', () => {
    const wb = book((w) => {
      const ws = w.getWorksheet('底稿1 收支明细')!;
      ws.getCell('C8').value = '12O.5';
      ws.getCell('A8').value = '2011102';
      ws.getCell('A9').value = '20111';
      ws.getCell('C9').value = 5;
      ws.getCell('A10').value = '9991101';
      ws.getCell('C10').value = 1;
      ws.getCell('A11').value = '2011101';
      ws.getCell('C11').value = 1;
      w.getWorksheet('底稿3 经济分类')!.getCell('B2').value = null;
    });
    const { findings } = readWorkings(workbookSnapshot(wb));
    const messages = findings.map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('底稿1 收支明细!C8 的“12O.5”不是金额'),
        expect.stringContaining('底稿1 收支明细!A9 的编码“20111”不是项级（7 位）科目，却填了金额'),
        expect.stringContaining('底稿1 收支明细!A10 的编码“9991101”不是有效的支出功能分类科目编码'),
        expect.stringContaining('底稿1 收支明细!A11 的“2011101”与第 7 行重复'),
        expect.stringContaining('底稿“底稿3 经济分类”没有声明金额单位'),
      ]),
    );
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    // With errors nothing is generated.
    const result = generate(workbookSnapshot(wb), FUZHOU_2024);
    expect(result.sheets).toEqual([]);
    expect(result.source).toBe('workings');
  });

  test('the empty template reads without figure errors but asks for the unit name and year', () => {
    const wb = new ExcelJS.Workbook();
    for (const l of templateSheets()) addLayoutSheet(wb, l);
    const { data, findings } = readWorkings(workbookSnapshot(wb));
    expect(data.sheets.detail!.rows).toEqual([]);
    expect(findings.map((f) => f.message)).toEqual([
      '底稿“底稿1 收支明细”没有填写单位名称。',
      '底稿“底稿1 收支明细”的年度无法识别，请填写四位年份。',
    ]);
  });
});

describe('readWorkings without merge information (Excel below ExcelApi 1.13 cannot report merged areas)', () => {
  const withoutMerges = (snap: WorkbookSnapshot): WorkbookSnapshot => ({ sheets: snap.sheets.map((s) => ({ ...s, merges: [] })) });

  test('the working-sheet example reads to the same data with its merges removed from the snapshot', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, '../../examples/fuzhou-gxj-2024-workings.xlsx'));
    const snap = workbookSnapshot(wb);
    // The grouped headers (本年收入, 本年支出, the three 财政拨款 groups) really are merged in the file.
    expect(snap.sheets.find((s) => s.name === '底稿1 收支明细')!.merges.length).toBeGreaterThan(2);
    const merged = readWorkings(snap);
    const bare = readWorkings(withoutMerges(snap));
    expect(merged.findings).toEqual([]);
    expect(bare.findings).toEqual([]);
    expect(bare.data).toEqual(merged.data);
    expect(Object.keys(bare.data.sheets).length).toBeGreaterThanOrEqual(4);
    expect(bare.data.sheets.detail!.rows.length).toBeGreaterThan(10);
  });

  test('a synthetic working-sheet workbook (every sheet of the template, filled) reads the same without merges', () => {
    const snap = workbookSnapshot(book(() => undefined));
    expect(readWorkings(withoutMerges(snap))).toEqual(readWorkings(snap));
  });

  test('a group label is carried only over cells with a sub-header below it, never into a column header merged down', () => {
    // 科目编码 | 科目名称 | 本年收入 (over two sub-columns) | 备注 (one column, its lower cell empty)
    const sheet = (rows: unknown[][]): WorkbookSnapshot => ({
      sheets: [{ name: '底稿1 收支明细', originRow: 0, originCol: 0, merges: [], values: rows as WorkbookSnapshot['sheets'][0]['values'] }],
    });
    const rows = [
      ['底稿1 收入支出明细（按项级科目）'],
      ['单位名称', '测试单位', '年度', 2024, '金额单位', '元'],
      ['科目编码', '科目名称', '本年收入', null, '本年支出', null, '事业收入'],
      [null, null, '一般公共预算财政拨款收入', '事业收入', '基本支出', '项目支出', null],
      ['2011101', '行政运行', 100, 7, 100, null, 9],
    ];
    const { data, findings } = readWorkings(sheet(rows));
    const cells = data.sheets.detail!.rows[0].cells;
    expect(cells['inc.gpb'].minor).toBe(10000);
    // 事业收入 under 本年收入 is column D, not the stray column G headed 事业收入 with nothing below.
    expect(cells['inc.business'].ref!.col).toBe(3);
    expect(cells['exp.basic'].ref!.col).toBe(4);
    expect(cells['exp.project'].ref!.col).toBe(5);
    expect(findings.some((f) => f.message.includes('本年收入—上级补助收入'))).toBe(true);
  });
});
