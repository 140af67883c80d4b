// The ExcelJS file adapter: marks touch only the marked cells, and clearing restores every cell exactly,
// also after the workbook was saved and opened again.
import ExcelJS from 'exceljs';
import { ExcelJsWorkbookPort, MARKS_SHEET } from '../../src/adapters/file/exceljs-port';
import { checkWorkbook } from '../../src/app/check';
import { marksOf } from '../../src/port/port';
import { FUZHOU_XLSX, loadWorkbook } from '../helpers/example';

function styles(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (ws.name === MARKS_SHEET) continue;
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (c, col) => {
        out.set(`${ws.name}!${r}:${col}`, JSON.stringify([c.value, c.style, c.note ?? null]));
      }),
    );
  }
  return out;
}

describe('ExcelJsWorkbookPort marks', () => {
  it('marks exactly the finding cells and clears back to the original, across save and reopen', async () => {
    const wb = await loadWorkbook(FUZHOU_XLSX);
    // A user's own fill and note on a cell that will be marked.
    const ws3 = wb.getWorksheet('公开03表 支出决算表')!;
    const report0 = checkWorkbook(await new ExcelJsWorkbookPort(wb).readSnapshot(), { profile: 'fuzhou-2024' });
    const first = report0.findings.find((f) => f.table === '03' && f.cells.length)!.cells[0];
    const userCell = ws3.getCell(first.row + 1, first.col + 1);
    userCell.style = { ...JSON.parse(JSON.stringify(userCell.style)), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } } };
    userCell.note = '用户自己的批注';
    const before = styles(wb);

    const port = new ExcelJsWorkbookPort(wb);
    const report = checkWorkbook(await port.readSnapshot(), { profile: 'fuzhou-2024' });
    const marks = marksOf(report.findings);
    await port.applyMarks(marks);
    const marked = styles(wb);
    const markedKeys = new Set(marks.map((m) => `${m.cell.sheet}!${m.cell.row + 1}:${m.cell.col + 1}`));
    // Compared cell by cell, asserted once per kind (an expect per cell made this test take seconds).
    const cells = [...before];
    expect(cells.filter(([k, v]) => markedKeys.has(k) && marked.get(k) === v).map(([k]) => k)).toEqual([]);
    // Nothing else changes, even cells sharing a style with a marked one.
    expect(cells.filter(([k, v]) => !markedKeys.has(k) && marked.get(k) !== v).map(([k]) => k)).toEqual([]);
    expect(cells.filter(([k]) => markedKeys.has(k)).length).toBe(markedKeys.size);

    // Save, reopen, clear: the record of marks lives in the workbook.
    const reopened = await ExcelJsWorkbookPort.fromBuffer(await port.toBuffer());
    expect(await reopened.clearMarks()).toEqual({ cleared: markedKeys.size, invalidRecords: 0 });
    const after = styles(reopened.workbook);
    expect(cells.filter(([k, v]) => after.get(k) !== v).map(([k]) => k)).toEqual([]);
    expect(reopened.workbook.getWorksheet(MARKS_SHEET)).toBeUndefined();
  });

  it('a cell named by several findings gets the worst colour and each distinct message once', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').getCell('B2').value = 100;
    const port = new ExcelJsWorkbookPort(wb);
    const cell = { sheet: '表', row: 1, col: 1 };
    await port.applyMarks([
      { cell, severity: 'tail', message: '尾差（T3-b）：甲' },
      { cell, severity: 'error', message: '错误（X2）：乙' },
      { cell, severity: 'tail', message: '尾差（T3-b）：甲' },
    ]);
    const b2 = wb.getWorksheet('表')!.getCell('B2');
    expect((b2.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(b2.note).toBe('尾差（T3-b）：甲\n错误（X2）：乙');
    expect(await port.clearMarks()).toEqual({ cleared: 1, invalidRecords: 0 });
    expect(b2.fill).toBeUndefined();
    expect(b2.note).toBeUndefined();
  });
});
