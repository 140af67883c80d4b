// The file adapter's mark record (#14 point 5): found by the identifier we wrote, never by sheet name; every
// entry validated before anything is restored; a user's sheet called __final_accounts_marks is never touched.
import ExcelJS from 'exceljs';
import { ExcelJsWorkbookPort, MARKS_SHEET } from '../../src/adapters/file/exceljs-port';
import { findRecordSheet, noteHash } from '../../src/adapters/file/marks-record';
import type { Mark } from '../../src/port/port';

const RED = 'FFFFC7CE';

async function reopen(port: ExcelJsWorkbookPort): Promise<ExcelJsWorkbookPort> {
  return ExcelJsWorkbookPort.fromBuffer(await port.toBuffer());
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  return (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
}

const mark = (sheet: string, row: number, col: number, message = '错误（X1）：不平'): Mark => ({
  cell: { sheet, row, col },
  severity: 'error',
  message,
});

/** A workbook with a data sheet and the user's own sheet that happens to carry our record's name. */
function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('收入支出决算总表');
  data.getCell('A1').value = '项目';
  data.getCell('B2').value = 100;
  data.getCell('B3').value = 200;
  const own = wb.addWorksheet(MARKS_SHEET);
  own.getCell('A1').value = '用户自己的数据';
  own.getCell('A2').value = '{"sheet":"收入支出决算总表","row":1,"col":1,"fill":null,"note":"伪造"}';
  own.getCell('B2').value = 42;
  return wb;
}

function userSheetContent(wb: ExcelJS.Workbook): unknown {
  const ws = wb.getWorksheet(MARKS_SHEET);
  if (!ws) return null;
  return { state: ws.state, a1: ws.getCell('A1').value, a2: ws.getCell('A2').value, b2: ws.getCell('B2').value };
}

describe('a user sheet named __final_accounts_marks', () => {
  test('keeps its data in the marked copy and after clearing; our record goes to another sheet', async () => {
    const port = new ExcelJsWorkbookPort(userWorkbook());
    const before = userSheetContent(port.workbook);
    // The user's sheet is data like any other: the check reads it.
    expect((await port.readSnapshot()).sheets.map((s) => s.name)).toEqual(['收入支出决算总表', MARKS_SHEET]);
    const result = await port.applyMarks([mark('收入支出决算总表', 1, 1)]);
    expect(result).toEqual({ tailNotesOmitted: 0, invalidRecords: 0 });

    const marked = await reopen(port);
    expect(userSheetContent(marked.workbook)).toEqual(before);
    const record = findRecordSheet(marked.workbook)!;
    expect(record.sheet.name).toBe(`${MARKS_SHEET}(2)`);
    expect(record.sheet.state).toBe('veryHidden');
    expect(marked.isMarksRecord(MARKS_SHEET)).toBe(false);
    expect((await marked.readSnapshot()).sheets.map((s) => s.name)).toEqual(['收入支出决算总表', MARKS_SHEET]);
    expect(fillOf(marked.workbook.getWorksheet('收入支出决算总表')!.getCell('B2'))).toBe(RED);

    // Clearing removes our record only; the user's sheet (and what it holds that looks like a record) stays.
    expect(await marked.clearMarks()).toEqual({ cleared: 1, invalidRecords: 0 });
    const cleared = await reopen(marked);
    expect(userSheetContent(cleared.workbook)).toEqual(before);
    expect(cleared.workbook.worksheets.map((w) => w.name)).toEqual(['收入支出决算总表', MARKS_SHEET]);
    expect(cleared.workbook.definedNames.model).toEqual([]);
    const b2 = cleared.workbook.getWorksheet('收入支出决算总表')!.getCell('B2');
    expect(b2.fill).toBeUndefined();
    expect(b2.note).toBeUndefined();
  });

  test("a user's sheet under our name is never read as a record: clearing writes nothing", async () => {
    const port = new ExcelJsWorkbookPort(userWorkbook());
    const b2 = port.workbook.getWorksheet('收入支出决算总表')!.getCell('B2');
    b2.note = '用户批注';
    expect(await port.clearMarks()).toEqual({ cleared: 0, invalidRecords: 0 });
    expect(b2.note).toBe('用户批注');
    expect(userSheetContent(port.workbook)).toEqual(userSheetContent(userWorkbook()));
  });
});

describe('a forged or stale record', () => {
  /** A legitimately marked workbook whose record then gets extra rows a crafted file could carry. */
  async function forged(rows: unknown[]): Promise<ExcelJsWorkbookPort> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('B2').value = 1;
    ws.getCell('C3').value = 2;
    const user = ws.getCell('D4');
    user.value = 3;
    user.style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } } };
    user.note = '用户批注';
    // A cell the user filled with Excel's "Bad" style colour (the same as our error fill), without our note.
    const bad = ws.getCell('E5');
    bad.value = 4;
    bad.style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } } };
    const port = new ExcelJsWorkbookPort(wb);
    await port.applyMarks([mark('表', 1, 1)]);
    const record = findRecordSheet(wb)!.sheet;
    rows.forEach((r, i) => (record.getCell(i + 3, 1).value = typeof r === 'string' ? r : JSON.stringify(r)));
    return reopen(port);
  }

  const entry = (over: Record<string, unknown>) => ({
    sheet: '表',
    row: 2,
    col: 2,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0000FF' } },
    note: '伪造的批注',
    severity: 'error',
    written: noteHash('错误（X1）：不平'),
    ...over,
  });

  test('clearing writes no fill or note where the forged entries point, restores the real mark, and reports each', async () => {
    const port = await forged([
      entry({ row: 2, col: 2 }), // C3: a plain cell, no mark of ours
      entry({ row: 3, col: 3 }), // D4: the user's own fill and note
      entry({ row: 4, col: 4 }), // E5: our colour, but not our note
      entry({ sheet: '不存在的表' }),
      entry({ row: 2_000_000 }),
      entry({ col: -1 }),
      entry({ row: 1.5 }),
      entry({ severity: 'critical' }),
      entry({ row: 1, col: 1, fill: '=HYPERLINK("http://x","y")' }), // B2 is ours, but the fill to restore is not a fill
      '{not json',
      entry({ sheet: MARKS_SHEET }), // the record sheet itself
    ]);
    const ws = port.workbook.getWorksheet('表')!;
    const before = ['C3', 'D4', 'E5'].map((a) => JSON.stringify([ws.getCell(a).style, ws.getCell(a).note ?? null]));
    expect(await port.clearMarks()).toEqual({ cleared: 1, invalidRecords: 11 });
    expect(['C3', 'D4', 'E5'].map((a) => JSON.stringify([ws.getCell(a).style, ws.getCell(a).note ?? null]))).toEqual(before);
    expect(fillOf(ws.getCell('D4'))).toBe('FF00B050');
    expect(ws.getCell('D4').note).toBe('用户批注');
    expect(fillOf(ws.getCell('E5'))).toBe(RED);
    // The one genuine entry (B2) is restored; the record is gone.
    expect(ws.getCell('B2').fill).toBeUndefined();
    expect(ws.getCell('B2').note).toBeUndefined();
    expect(findRecordSheet(port.workbook)).toBeNull();
  });

  test('marking again over a forged record ignores and reports it, and never saves its contents as a cell to restore', async () => {
    const port = await forged([entry({ row: 3, col: 3 }), entry({ sheet: '不存在的表' })]);
    const result = await port.applyMarks([mark('表', 3, 3, '错误（X2）：另一处')]);
    expect(result.invalidRecords).toBe(2);
    const ws = port.workbook.getWorksheet('表')!;
    expect(fillOf(ws.getCell('D4'))).toBe(RED);
    // Clearing gives D4 back what the user had, not what the forged entry said.
    expect(await port.clearMarks()).toEqual({ cleared: 2, invalidRecords: 0 });
    expect(fillOf(ws.getCell('D4'))).toBe('FF00B050');
    expect(ws.getCell('D4').note).toBe('用户批注');
  });

  test('a cell the user changed after marking (new fill or note) is left as it is, and reported', async () => {
    const port = await forged([]);
    const b2 = port.workbook.getWorksheet('表')!.getCell('B2');
    b2.note = '用户后来写的批注';
    expect(await port.clearMarks()).toEqual({ cleared: 0, invalidRecords: 1 });
    expect(b2.note).toBe('用户后来写的批注');
    expect(fillOf(b2)).toBe(RED);
  });

  test('a sheet that looks like our record but lacks our defined name is not ours', async () => {
    const port = await forged([]);
    const wb = port.workbook;
    const found = findRecordSheet(wb)!;
    // Drop the name: the sheet is now just a sheet, and nothing is read from it.
    wb.definedNames.remove(found.range, found.name);
    expect(findRecordSheet(wb)).toBeNull();
    expect(await port.clearMarks()).toEqual({ cleared: 0, invalidRecords: 0 });
    expect(fillOf(wb.getWorksheet('表')!.getCell('B2'))).toBe(RED);
    expect(wb.getWorksheet(found.sheet.name)).toBeDefined();
  });
});
