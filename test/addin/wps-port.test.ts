// The WPS adapter on the strict fake (test/addin/fake-wps.ts): read in bulk, mark, exact clear (formats,
// conditional formats and comments before = after, also from a later session), jump, generate (never
// replacing a sheet), errors in Chinese, and the record kept in the workbook's custom document properties.
import * as path from 'path';
import { readWorkbookFile } from '../../src/adapters/file/exceljs-port';
import { markFormula, parseRecord } from '../../src/adapters/office/mark-record';
import { RECORD_PROPERTY_PREFIX, TAIL_COMMENT_LIMIT } from '../../src/adapters/wps/marks';
import { valueGrid } from '../../src/adapters/wps/read';
import { bgrToArgb } from '../../src/adapters/wps/units';
import { WpsWorkbookPort } from '../../src/adapters/wps/wps-port';
import { checkWorkbook } from '../../src/app/check';
import { MARK_FILL, marksOf, type Mark } from '../../src/port/port';
import type { SheetLayout } from '../../src/port/layout';
import type { WorkbookSnapshot } from '../../src/port/snapshot';
import { FakeWps } from './fake-wps';

const EXAMPLE = path.resolve(__dirname, '../../examples/fuzhou-gxj-2024.xlsx');

async function exampleSnapshot(): Promise<WorkbookSnapshot> {
  return (await readWorkbookFile(EXAMPLE)).readSnapshot();
}

/** Values and merges only (the WPS adapter reads no number formats), empty trailing cells trimmed. */
function plainView(s: WorkbookSnapshot) {
  return s.sheets.map((sh) => {
    const cells: string[] = [];
    sh.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null) cells.push(`${sh.originRow + r}:${sh.originCol + c}=${JSON.stringify(v)}`);
      }),
    );
    const merges = sh.merges.map((m) => `${m.top}:${m.left}:${m.bottom}:${m.right}`).sort();
    return { name: sh.name, cells, merges };
  });
}

/** A workbook with the user's own fills, fonts, conditional formats (one of them a colour scale) and a comment. */
function userWorkbook(rows = 10): FakeWps {
  const fw = new FakeWps();
  const data: (string | number | null)[][] = [['项目', '金额', '备注']];
  for (let i = 1; i < rows; i++) data.push([`科目${i}`, i * 100.25, i % 3 === 0 ? '说明' : null]);
  const s = fw.addSheet('收入支出决算总表', data, { row: 2, col: 1 });
  Object.assign(s.cells.get('2:1')!, { bold: true, fill: 0xffffff, borders: { lineStyle: 1, weight: 2 } });
  Object.assign(s.cells.get('4:2')!, { fill: 0xcef0c6, fontName: '宋体' });
  s.rules.push(
    { type: 1, formula: '=0', ranges: [{ top: 3, bottom: rows + 1, left: 2, right: 2 }], fill: 0x9cebff },
    { type: 2, formula: '=$C4>1000', ranges: [{ top: 3, bottom: 5, left: 1, right: 3 }], fill: 0xadcbf8 },
    // A user's rule that merely contains our tag is never ours.
    { type: 2, formula: '=N("FINAL-ACCOUNTS-MARK:abc")=0', ranges: [{ top: 6, bottom: 6, left: 1, right: 1 }], fill: 0x00ff00 },
    { type: 3, formula: null, ranges: [{ top: 3, bottom: rows + 1, left: 2, right: 2 }], fill: null },
  );
  s.comments.set('5:2', '用户自己的批注');
  fw.addSheet('Sheet 2', [['x']]);
  return fw;
}

const marksOn = (sheet: string, cells: [number, number][], severity: Mark['severity'] = 'error'): Mark[] =>
  cells.map(([row, col]) => ({ cell: { sheet, row, col }, severity, message: `错误（T1）：第 ${row + 1} 行不平` }));

describe('read', () => {
  test('the example workbook reads the same through WPS as through the file adapter, and checks the same', async () => {
    const viaFile = await exampleSnapshot();
    const fw = new FakeWps();
    fw.loadSnapshot(viaFile);
    const viaWps = await new WpsWorkbookPort(fw.application).readSnapshot();
    expect(plainView(viaWps)).toEqual(plainView(viaFile));
    expect(viaWps.sheets.reduce((n, s) => n + s.merges.length, 0)).toBeGreaterThan(20);
    const findings = (s: WorkbookSnapshot) => checkWorkbook(s, {}).findings.map((f) => `${f.rule} ${f.severity} ${f.message}`);
    expect(findings(viaWps)).toEqual(findings(viaFile));
  });

  test('values in one Value2 call per sheet: the calls do not grow with the rows', async () => {
    const callsAt = async (rows: number) => {
      const fw = userWorkbook(rows);
      fw.sheet('收入支出决算总表').merges.push({ top: 0, left: 1, bottom: 0, right: 3 });
      fw.sheet('收入支出决算总表').cells.set('0:1', { value: '标题' });
      const snap = await new WpsWorkbookPort(fw.application).readSnapshot();
      expect(snap.sheets[0].values.length).toBe(rows + 2);
      expect(snap.sheets[0].merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
      expect(fw.byMember.get('Range.Value2')).toBe(2);
      return fw.calls;
    };
    const small = await callsAt(10);
    const large = await callsAt(10_000);
    // Halving to find the one merge takes log2(rows) more probes; nothing is read cell by cell.
    expect(large - small).toBeLessThanOrEqual(2 * 2 * Math.ceil(Math.log2(10_000)));
    expect(large).toBeLessThan(150);
  });

  test('merges found by halving: adjacent, crossing the halving line, and spanning whole rows', async () => {
    const fw = new FakeWps();
    const rows: (string | null)[][] = Array.from({ length: 40 }, (_, r) => Array.from({ length: 8 }, (_, c) => (c === 0 ? `r${r}` : null)));
    const s = fw.addSheet('表', rows);
    s.merges.push(
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 18, left: 3, bottom: 22, right: 4 },
      { top: 39, left: 6, bottom: 39, right: 7 },
    );
    const snap = await new WpsWorkbookPort(fw.application).readSnapshot();
    expect(snap.sheets[0].merges).toEqual([...s.merges].sort((a, b) => a.top - b.top || a.left - b.left));
  });

  test('a formula error handed over as its COM code reads as the text Excel shows; plain numbers stay numbers', () => {
    expect(valueGrid([[-2146826281, 12.5, '#N/A', null]])).toEqual([['#DIV/0!', 12.5, '#N/A', null]]);
    expect(valueGrid(-2146826265)).toEqual([['#REF!']]);
    expect(valueGrid([[null], [undefined]])).toEqual([]);
  });

  test('an empty sheet reads as empty; no open workbook is said in Chinese', async () => {
    const fw = new FakeWps();
    fw.addSheet('空表');
    expect((await new WpsWorkbookPort(fw.application).readSnapshot()).sheets).toEqual([
      { name: '空表', originRow: 0, originCol: 0, values: [], merges: [] },
    ]);
    fw.hasWorkbook = false;
    await expect(new WpsWorkbookPort(fw.application).readSnapshot()).rejects.toMatchObject({
      userMessage: expect.stringContaining('没有打开的工作簿'),
    });
  });
});

describe('mark and exact clear', () => {
  test('marks are our own conditional formats and comments; clear restores every format, rule and comment as it was', async () => {
    const fw = userWorkbook();
    const before = JSON.stringify(fw.formatState());
    const port = new WpsWorkbookPort(fw.application);
    const marks = [
      ...marksOn('收入支出决算总表', [
        [3, 2],
        [4, 2],
        [5, 2],
        [7, 1],
      ]),
      ...marksOn('收入支出决算总表', [[9, 3]], 'warning'),
      ...marksOn('Sheet 2', [[0, 0]], 'tail'),
    ];
    const result = await port.applyMarks(marks);
    expect(result).toEqual({ tailNotesOmitted: 0, invalidRecords: 0 });

    const s = fw.sheet('收入支出决算总表');
    const ours = s.rules.filter((r) => r.formula?.startsWith('=N("FINAL-ACCOUNTS-MARK:') && r.formula !== '=N("FINAL-ACCOUNTS-MARK:abc")=0');
    expect(ours.map((r) => bgrToArgb(r.fill!)).sort()).toEqual([MARK_FILL.error, MARK_FILL.warning].sort());
    const errorRule = ours.find((r) => bgrToArgb(r.fill!) === MARK_FILL.error)!;
    // Column C rows 4-6 in one rectangle, B8 alone.
    expect(errorRule.ranges).toEqual([
      { top: 3, left: 2, bottom: 5, right: 2 },
      { top: 7, left: 1, bottom: 7, right: 1 },
    ]);
    expect(fw.sheet('Sheet 2').rules).toHaveLength(1);
    // The user's comment at C6 stays; ours go on the other flagged cells.
    expect(s.comments.get('5:2')).toBe('用户自己的批注');
    expect(s.comments.get('3:2')).toMatch(/^【决算公开助手】错误（T1）/);
    expect([...s.comments.keys()].sort()).toEqual(['3:2', '4:2', '5:2', '7:1', '9:3'].sort());
    // The cells' own fills are untouched (the mark is an overlay).
    expect(s.cells.get('4:2')!.fill).toBe(0xcef0c6);
    const record = parseRecord(
      fw.properties
        .filter((p) => p.name.startsWith(RECORD_PROPERTY_PREFIX))
        .map((p) => p.value)
        .join(''),
    );
    expect(record?.cells).toBe(6);

    const cleared = await port.clearMarks();
    expect(cleared).toEqual({ cleared: 6, invalidRecords: 0 });
    expect(JSON.stringify(fw.formatState())).toBe(before);
    expect(fw.properties).toEqual([]);
    expect(await port.clearMarks()).toEqual({ cleared: 0, invalidRecords: 0 });
  });

  test('a second check replaces the first marks; a later session (a new port) still clears them exactly', async () => {
    const fw = userWorkbook();
    const before = JSON.stringify(fw.formatState());
    await new WpsWorkbookPort(fw.application).applyMarks(marksOn('收入支出决算总表', [[3, 2]]));
    await new WpsWorkbookPort(fw.application).applyMarks(marksOn('收入支出决算总表', [[4, 3]], 'warning'));
    const s = fw.sheet('收入支出决算总表');
    expect(s.rules.filter((r) => r.formula?.includes('FINAL-ACCOUNTS-MARK:') && !r.formula.includes(':abc'))).toHaveLength(1);
    expect(s.comments.has('3:2')).toBe(false);
    expect(s.comments.has('4:3')).toBe(true);
    expect(await new WpsWorkbookPort(fw.application).clearMarks()).toEqual({ cleared: 1, invalidRecords: 0 });
    expect(JSON.stringify(fw.formatState())).toBe(before);
  });

  test('without a record nothing is ours: a rule with our exact formula and a comment with our prefix stay', async () => {
    const fw = userWorkbook();
    const s = fw.sheet('收入支出决算总表');
    s.rules.push({ type: 2, formula: markFormula('zz9'), ranges: [{ top: 3, left: 1, bottom: 3, right: 1 }], fill: 0 });
    s.comments.set('3:1', '【决算公开助手】用户抄来的');
    const before = JSON.stringify(fw.formatState());
    expect(await new WpsWorkbookPort(fw.application).clearMarks()).toEqual({ cleared: 0, invalidRecords: 0 });
    expect(JSON.stringify(fw.formatState())).toBe(before);
  });

  test('a comment the user edited after the check is kept by clear', async () => {
    const fw = userWorkbook();
    const port = new WpsWorkbookPort(fw.application);
    await port.applyMarks(marksOn('收入支出决算总表', [[3, 2]]));
    const s = fw.sheet('收入支出决算总表');
    s.comments.set('3:2', `${s.comments.get('3:2')}\n已核对：数字无误`);
    await port.clearMarks();
    expect(s.comments.get('3:2')).toMatch(/已核对/);
    expect(s.rules.some((r) => r.formula?.includes('FINAL-ACCOUNTS-MARK:') && !r.formula.includes(':abc'))).toBe(false);
  });

  test('a long record is stored in parts of at most 255 characters and read back whole', async () => {
    const fw = userWorkbook(400);
    const port = new WpsWorkbookPort(fw.application);
    const cells: [number, number][] = Array.from({ length: 120 }, (_, i) => [3 + i, 2]);
    await port.applyMarks(marksOn('收入支出决算总表', cells, 'warning'));
    const parts = fw.properties.filter((p) => p.name.startsWith(RECORD_PROPERTY_PREFIX));
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((p) => p.value.length <= 255)).toBe(true);
    expect(await port.clearMarks()).toEqual({ cleared: 120, invalidRecords: 0 });
    expect(fw.sheet('收入支出决算总表').comments.size).toBe(1);
  });

  test('尾差-only cells beyond the comment limit are coloured without a comment, and counted', async () => {
    const fw = userWorkbook(600);
    const cells: [number, number][] = Array.from({ length: TAIL_COMMENT_LIMIT + 50 }, (_, i) => [3 + i, 1]);
    const result = await new WpsWorkbookPort(fw.application).applyMarks(marksOn('收入支出决算总表', cells, 'tail'));
    expect(result.tailNotesOmitted).toBe(50);
    expect(fw.sheet('收入支出决算总表').comments.size).toBe(1 + TAIL_COMMENT_LIMIT);
  });

  test('the example workbook: check, mark, clear leaves its formats as they were', async () => {
    const snap = await exampleSnapshot();
    const fw = new FakeWps();
    fw.loadSnapshot(snap);
    const port = new WpsWorkbookPort(fw.application);
    const before = JSON.stringify(fw.formatState());
    const report = checkWorkbook(await port.readSnapshot(), {});
    const marks = marksOf(report.findings);
    expect(marks.length).toBeGreaterThan(0);
    await port.applyMarks(marks);
    expect(JSON.stringify(fw.formatState())).not.toBe(before);
    const cleared = await port.clearMarks();
    expect(cleared.cleared).toBe(new Set(marks.map((m) => `${m.cell.sheet}!${m.cell.row}:${m.cell.col}`)).size);
    expect(JSON.stringify(fw.formatState())).toBe(before);
  });
});

describe('jump and generate', () => {
  test('select activates the sheet and selects the cell', async () => {
    const fw = userWorkbook();
    await new WpsWorkbookPort(fw.application).select({ sheet: 'Sheet 2', row: 4, col: 2 });
    expect(fw.activeSheet?.name).toBe('Sheet 2');
    expect(fw.selection).toEqual({ sheet: 'Sheet 2', address: 'C5' });
    await expect(new WpsWorkbookPort(fw.application).select({ sheet: '没有这张表', row: 0, col: 0 })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/^WPS 表格未能完成定位单元格/),
    });
  });

  test('generated sheets go after the last one with a new name; no existing sheet is replaced or changed', async () => {
    const fw = userWorkbook();
    const before = JSON.stringify(fw.formatState());
    const layout: SheetLayout = {
      name: 'Sheet 2',
      cells: [
        { row: 0, col: 0, value: '=SUM(A1:A2)', style: { bold: true } },
        { row: 1, col: 0, value: '001', style: { border: true } },
        { row: 1, col: 1, value: 12.5, style: { numberFormat: '#,##0.00', border: true } },
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      columnWidths: [12, 20],
      frozenRows: 1,
      pageSetup: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, printTitleRows: [0, 0] },
    };
    const names = await new WpsWorkbookPort(fw.application).addSheets([layout]);
    expect(names).toEqual(['Sheet 2(2)']);
    expect(fw.sheets.map((s) => s.name)).toEqual(['收入支出决算总表', 'Sheet 2', 'Sheet 2(2)']);
    expect(JSON.stringify((fw.formatState() as unknown[]).slice(0, 2))).toBe(JSON.stringify((JSON.parse(before) as unknown[]).slice(0, 2)));
    const s = fw.sheet('Sheet 2(2)');
    // User text is written back exactly as typed: never a formula, never a number.
    expect(s.cells.get('0:0')).toMatchObject({ value: '=SUM(A1:A2)', bold: true });
    expect(s.cells.get('0:0')!.formula).toBeUndefined();
    expect(s.cells.get('1:0')!.value).toBe('001');
    expect(s.cells.get('1:1')).toMatchObject({ value: 12.5, numberFormat: '#,##0.00', borders: { lineStyle: 1, weight: 2, color: 0 } });
    expect(s.frozenRows).toBe(1);
    expect(s.pageSetup).toMatchObject({ Orientation: 2, PaperSize: 9, FitToPagesWide: 1, PrintTitleRows: '$1:$1' });
    expect(fw.activeSheet).toBe(s);
  });

  test('a member the adapter should not use fails loudly on the strict fake', async () => {
    const fw = new FakeWps();
    fw.addSheet('表', [['a']]);
    const app = fw.application as unknown as { ActiveWorkbook: { Worksheets: { Item(i: number): { Visible: unknown } } } };
    expect(() => app.ActiveWorkbook.Worksheets.Item(1).Visible).toThrow(/严格模拟/);
  });
});
