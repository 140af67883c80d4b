// The Office adapter on the strict fake: read, mark, exact clear (also after close and reopen), jump,
// generate (never replacing a sheet), requirement sets, sync budgets at 10 and 10,000 rows.
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import { MARK_RECORD_KEY, parseRecord } from '../../src/adapters/office/mark-record';
import { WorkbookAccessError } from '../../src/adapters/office/office-errors';
import { REQUEST_BUDGET } from '../../src/adapters/office/request-packer';
import type { SheetLayout } from '../../src/port/layout';
import type { Mark } from '../../src/port/port';
import { FakeExcel, type FakeSheet } from './fake-excel';

function portOn(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
}

/** A workbook with the user's own formats and conditional formats, which marks must never disturb. */
function userWorkbook(apiVersion: string, rows = 10): FakeExcel {
  const fx = new FakeExcel(apiVersion);
  const data: unknown[][] = [['项目', '金额', '备注']];
  for (let i = 1; i < rows; i++) data.push([`科目${i}`, i * 100.25, i % 3 === 0 ? '说明' : null]);
  const s = fx.addSheet('收入支出决算总表', data, { row: 2, col: 1 });
  s.cells['2:1'].format = { bold: true, fill: '#FFFFFF', borders: { bottom: { style: 'Continuous', weight: 'Thin', color: '#000000' } } };
  s.cells['3:2'].numberFormat = '#,##0.00';
  s.cells['4:2'].format = { fill: '#C6EFCE', fontName: '宋体' };
  s.conditionalFormats.push(
    {
      id: 'user-1',
      type: 'CellValue',
      ranges: [{ top: 3, bottom: rows + 1, left: 2, right: 2 }],
      formula: null,
      fill: '#FFEB9C',
      extra: { operator: 'LessThan', formula1: '0' },
    },
    { id: 'user-2', type: 'Custom', ranges: [{ top: 3, bottom: 5, left: 1, right: 3 }], formula: '=$C4>1000', fill: '#F8CBAD' },
  );
  fx.addSheet('Sheet 2', [['x']]);
  return fx;
}

const marksOn = (sheet: string, cells: [number, number][], severity: Mark['severity'] = 'error'): Mark[] =>
  cells.map(([row, col]) => ({ cell: { sheet, row, col }, severity, message: `第${row + 1}行有误` }));

const ownRules = (s: FakeSheet) => s.conditionalFormats.filter((c) => c.formula?.includes('FINAL-ACCOUNTS-MARK'));

describe('OfficeWorkbookPort.readSnapshot', () => {
  test('reads every used range with its origin, blanks as null, number formats, in 2 syncs', async () => {
    const fx = userWorkbook('1.7');
    const snap = await portOn(fx).readSnapshot();
    expect(fx.stats.syncs).toBe(2);
    expect(snap.sheets.map((s) => s.name)).toEqual(['收入支出决算总表', 'Sheet 2']);
    const s = snap.sheets[0];
    expect([s.originRow, s.originCol]).toEqual([2, 1]);
    expect(s.values[0]).toEqual(['项目', '金额', '备注']);
    expect(s.values[1]).toEqual(['科目1', 100.25, null]);
    expect(s.numberFormats![1][1]).toBe('#,##0.00');
    expect(s.numberFormats![1][0]).toBeNull();
    expect(s.merges).toEqual([]);
  });

  test('reads merged areas where the host has them (ExcelApi 1.13)', async () => {
    const fx = userWorkbook('1.13');
    fx.sheetByName('收入支出决算总表')!.merges.push({ top: 0, left: 1, bottom: 0, right: 3 });
    const snap = await portOn(fx).readSnapshot();
    expect(snap.sheets[0].merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
  });

  test('an empty sheet reads as no values', async () => {
    const fx = new FakeExcel('1.7');
    fx.addSheet('空表');
    const snap = await portOn(fx).readSnapshot();
    expect(snap.sheets).toEqual([{ name: '空表', originRow: 0, originCol: 0, values: [], merges: [], numberFormats: [] }]);
  });

  test('when the host refuses the single read (payload limit), the same snapshot is read in blocks', async () => {
    const whole = await portOn(userWorkbook('1.7', 50)).readSnapshot();
    const fx = userWorkbook('1.7', 50);
    fx.failNextSyncWith = { code: 'ResponsePayloadSizeLimitExceeded', when: (ops) => ops > 3 };
    const chunked = await portOn(fx).readSnapshot();
    // The single read was refused (first pass + refused read), then the chunked path ran: first pass,
    // used ranges, one block per sheet.
    expect(fx.failNextSyncWith).toBeNull();
    expect(fx.stats.runs).toBe(2);
    expect(fx.stats.syncs).toBe(2 + 2 + 2);
    expect(chunked).toEqual(whole);
    expect(chunked.sheets[0].values).toHaveLength(50);
  });
});

describe('marks: conditional-format overlays, recorded, cleared exactly', () => {
  for (const version of ['1.7', '1.9', '1.18']) {
    test(`ExcelApi ${version}: marking then clearing leaves every format and user rule as it was, also after reopen`, async () => {
      const fx = userWorkbook(version);
      const before = fx.formatsSnapshot();
      const values = fx.valuesSnapshot();
      const port = portOn(fx);
      await port.readSnapshot();
      const marks = [
        ...marksOn('收入支出决算总表', [
          [3, 2],
          [4, 2],
          [5, 2],
          [3, 3],
        ]),
        ...marksOn('收入支出决算总表', [[8, 1]], 'warning'),
        ...marksOn('Sheet 2', [[0, 0]], 'tail'),
      ];
      // Everything fits one request: nothing left out, the 尾差 cell gets its note too (where the host has notes).
      expect(await port.applyMarks(marks)).toEqual({ tailNotesOmitted: 0, invalidRecords: 0 });
      const sheet = fx.sheetByName('收入支出决算总表')!;
      const ours = ownRules(sheet);
      expect(ours.length).toBeGreaterThan(0);
      // Every marked cell is covered by a rule of its severity's colour; the user's rules are still there.
      const covered = (row: number, col: number) =>
        ours.filter((r) => r.ranges.some((g) => row >= g.top && row <= g.bottom && col >= g.left && col <= g.right)).map((r) => r.fill);
      expect(covered(3, 2)).toEqual(['#FFC7CE']);
      expect(covered(3, 3)).toEqual(['#FFC7CE']);
      expect(covered(8, 1)).toEqual(['#FFEB9C']);
      expect(covered(6, 2)).toEqual([]);
      expect(sheet.conditionalFormats.map((c) => c.id)).toEqual(expect.arrayContaining(['user-1', 'user-2']));
      // The cells' own formats did not change by marking.
      expect(JSON.parse(fx.formatsSnapshot()).sheets[0].cells).toEqual(JSON.parse(before).sheets[0].cells);
      const record = parseRecord(JSON.parse(fx.state.settings[MARK_RECORD_KEY]));
      expect(record?.cells).toBe(6);
      if (version === '1.18') {
        expect(fx.state.notes.map((n) => n.content)).toContain('【决算公开助手】第4行有误');
        expect(fx.state.notes).toHaveLength(6);
      } else expect(fx.state.notes).toEqual([]);

      fx.reopen();
      const removed = await portOn(fx).clearMarks();
      expect(removed).toEqual({ cleared: 6, invalidRecords: 0 });
      expect(fx.formatsSnapshot()).toBe(before);
      expect(fx.valuesSnapshot()).toBe(values);
      expect(fx.state.settings[MARK_RECORD_KEY]).toBeUndefined();
    });
  }

  test("clearing finds the recorded run's rules after a sheet was renamed", async () => {
    const fx = userWorkbook('1.9');
    const before = fx.formatsSnapshot();
    const port = portOn(fx);
    await port.applyMarks(marksOn('Sheet 2', [[0, 0]]));
    fx.sheetByName('Sheet 2')!.name = 'Renamed';
    fx.reopen();
    // The record names 'Sheet 2' (now missing): that entry is reported; the rule is still found by the run id.
    expect(await portOn(fx).clearMarks()).toEqual({ cleared: 1, invalidRecords: 1 });
    expect(fx.formatsSnapshot()).toBe(before.replace('"Sheet 2"', '"Renamed"'));
  });

  test('without a record nothing is ours: tagged rules and notes stay', async () => {
    const fx = userWorkbook('1.18');
    const port = portOn(fx);
    await port.applyMarks(marksOn('Sheet 2', [[0, 0]]));
    delete fx.state.settings[MARK_RECORD_KEY];
    const marked = fx.formatsSnapshot();
    expect(await portOn(fx).clearMarks()).toEqual({ cleared: 0, invalidRecords: 0 });
    expect(fx.formatsSnapshot()).toBe(marked);
    expect(fx.state.notes).toHaveLength(1);
  });

  test('a second check replaces the marks of the first; no rule piles up', async () => {
    const fx = userWorkbook('1.7');
    const port = portOn(fx);
    await port.readSnapshot();
    await port.applyMarks(
      marksOn('收入支出决算总表', [
        [3, 2],
        [4, 2],
      ]),
    );
    await port.readSnapshot();
    await port.applyMarks(marksOn('收入支出决算总表', [[9, 2]]));
    const ours = ownRules(fx.sheetByName('收入支出决算总表')!);
    expect(ours.map((r) => r.ranges)).toEqual([[{ top: 9, bottom: 9, left: 2, right: 2 }]]);
  });

  test("a cell with the user's own note keeps it: our message is not written over it, and clear leaves it", async () => {
    const fx = userWorkbook('1.18');
    const sheet = fx.sheetByName('收入支出决算总表')!;
    fx.state.notes.push({ id: 'n-user', sheetId: sheet.id, row: 3, col: 2, content: '用户自己的批注' });
    const port = portOn(fx);
    await port.readSnapshot();
    await port.applyMarks(
      marksOn('收入支出决算总表', [
        [3, 2],
        [4, 2],
      ]),
    );
    expect(fx.state.notes.map((n) => [n.row, n.content])).toEqual([
      [3, '用户自己的批注'],
      [4, '【决算公开助手】第5行有误'],
    ]);
    await port.clearMarks();
    expect(fx.state.notes.map((n) => n.content)).toEqual(['用户自己的批注']);
  });

  test('with threaded comments (ExcelApi 1.10–1.17) messages go to comments and are removed again', async () => {
    const fx = userWorkbook('1.12');
    const port = portOn(fx);
    await port.applyMarks(marksOn('收入支出决算总表', [[3, 2]]));
    expect(fx.state.comments.map((c) => c.content)).toEqual(['【决算公开助手】第4行有误']);
    await port.clearMarks();
    expect(fx.state.comments).toEqual([]);
  });

  test('if the workbook changed between read and mark (our rule deleted meanwhile), marking looks again and succeeds', async () => {
    const fx = userWorkbook('1.7');
    const port = portOn(fx);
    await port.applyMarks(marksOn('收入支出决算总表', [[3, 2]]));
    await port.readSnapshot();
    const sheet = fx.sheetByName('收入支出决算总表')!;
    sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => !c.formula?.includes('FINAL-ACCOUNTS-MARK'));
    expect(await port.applyMarks(marksOn('收入支出决算总表', [[4, 2]]))).toEqual({ tailNotesOmitted: 0, invalidRecords: 0 });
    expect(ownRules(sheet).map((r) => r.ranges[0].top)).toEqual([4]);
  });
});

describe('sync budget: check + mark ≤ 3 syncs, the same at 10 and 10,000 rows', () => {
  for (const rows of [10, 10_000]) {
    test(`${rows} rows`, async () => {
      const fx = userWorkbook('1.7', rows);
      const port = portOn(fx);
      await port.readSnapshot();
      const step = Math.max(1, Math.floor(rows / 20));
      const cells: [number, number][] = [];
      for (let r = 3; r < rows + 2; r += step) cells.push([r, 2]);
      await port.applyMarks(marksOn('收入支出决算总表', cells));
      expect(fx.stats.syncs).toBe(3);
      expect(Math.max(...fx.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
      expect(Math.max(...fx.stats.responseBytes)).toBeLessThan(5 * 1024 * 1024);
    });
  }
});

describe('select (jump to a finding)', () => {
  test('activates the sheet and selects the cell in one sync', async () => {
    const fx = userWorkbook('1.7');
    await portOn(fx).select({ sheet: 'Sheet 2', row: 4, col: 2 });
    expect(fx.stats.syncs).toBe(1);
    expect(fx.state.activeSheetId).toBe(fx.sheetByName('Sheet 2')!.id);
    expect(fx.state.selection).toEqual({ sheetId: fx.sheetByName('Sheet 2')!.id, address: 'C5' });
  });

  test('a sheet that no longer exists gives a Chinese message', async () => {
    const fx = userWorkbook('1.7');
    await expect(portOn(fx).select({ sheet: '不存在', row: 0, col: 0 })).rejects.toThrow(/找不到要操作的工作表/);
  });
});

function tableLayout(name: string, rows: number): SheetLayout {
  const cells: SheetLayout['cells'] = [
    { row: 0, col: 0, value: `${name}（标题）`, style: { bold: true, fontSize: 16, hAlign: 'center' } },
    { row: 1, col: 0, value: '科目编码', style: { border: true, bold: true, hAlign: 'center', vAlign: 'middle' } },
    { row: 1, col: 1, value: '科目名称', style: { border: true, bold: true, hAlign: 'center', vAlign: 'middle' } },
    { row: 1, col: 2, value: '金额', style: { border: true, bold: true, hAlign: 'center', vAlign: 'middle' } },
  ];
  for (let i = 0; i < rows; i++) {
    cells.push({ row: i + 2, col: 0, value: String(2010101 + i), style: { border: true } });
    cells.push({ row: i + 2, col: 1, value: `项目${i}`, style: { border: true, indent: i % 2 } });
    cells.push({ row: i + 2, col: 2, value: i * 1.5, style: { border: true, numberFormat: '#,##0.00', hAlign: 'right' } });
  }
  return {
    name,
    cells,
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    columnWidths: [12, 30, 16],
    frozenRows: 2,
    pageSetup: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, printTitleRows: [0, 1] },
  };
}

describe('addSheets (generate)', () => {
  test('never replaces a sheet: a taken name gets a suffix, the existing sheet is untouched', async () => {
    const fx = userWorkbook('1.9');
    fx.addSheet('公开01表', [['用户的数据']]);
    const before = fx.valuesSnapshot();
    const names = await portOn(fx).addSheets([tableLayout('公开01表', 3), tableLayout('公开02表', 3)]);
    expect(names).toEqual(['公开01表(2)', '公开02表']);
    expect(fx.sheetByName('公开01表')!.cells['0:0'].value).toBe('用户的数据');
    expect(JSON.parse(fx.valuesSnapshot()).slice(0, 3)).toEqual(JSON.parse(before));
    const s = fx.sheetByName('公开01表(2)')!;
    expect(s.cells['2:0'].value).toBe('2010101');
    expect(s.cells['2:2']).toMatchObject({ value: 0, numberFormat: '#,##0.00' });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(s.frozenRows).toBe(2);
    expect(s.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '$1:$2' });
    expect(fx.state.activeSheetId).toBe(s.id);
  });

  test('on ExcelApi 1.7 it writes everything the host can, without page layout or indent, and says so', async () => {
    const fx = new FakeExcel('1.7');
    const port = portOn(fx);
    const names = await port.addSheets([tableLayout('公开01表', 3)]);
    expect(names).toEqual(['公开01表']);
    expect(fx.sheetByName('公开01表')!.pageLayout).toEqual({});
    expect(port.limitations().join('')).toMatch(/页面布局/);
  });

  for (const [version, rows] of [
    ['1.7', 10],
    ['1.7', 10_000],
    ['1.9', 10],
    ['1.9', 10_000],
  ] as const) {
    test(`ExcelApi ${version}, sync budget at ${rows} rows: 1 + one per 4 MB of payload`, async () => {
      const fx = new FakeExcel(version);
      let requests = 0;
      const counting = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported, onProgress: (_d, total) => (requests = total) });
      await counting.addSheets([tableLayout('公开01表', rows)]);
      expect(requests).toBeGreaterThan(0);
      expect(fx.stats.syncs).toBe(1 + requests);
      // Requests follow the bytes written, not the cells or the formatted areas: both sizes fit one request.
      const payload = fx.stats.requestBytes.slice(1).reduce((a, b) => a + b, 0);
      expect(requests).toBe(Math.max(1, Math.ceil(payload / REQUEST_BUDGET)));
      expect(fx.stats.syncs).toBe(2);
      expect(Math.max(...fx.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    });
  }
});

describe('requirement sets', () => {
  test('below ExcelApi 1.7 the port refuses with a Chinese message', () => {
    const fx = new FakeExcel('1.6');
    expect(() => portOn(fx)).toThrow(WorkbookAccessError);
    expect(() => portOn(fx)).toThrow(/Excel 2019/);
  });
});
