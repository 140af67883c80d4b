// Requests sized by bytes (request-packer.ts) on the strict fake, whose request bytes follow the documented
// make-up of the RichApi body (fake-excel.ts, FAKE_ACTION_BYTES) and which refuses a request over 5 MB:
//  - the packer: order kept, ⌈payload / budget⌉ requests, its measure agreeing with the host's;
//  - generate ≤ 2 + ⌈payload / 4 MB⌉ syncs and check + mark = read + max(1, ⌈payload / 4 MB⌉) at 10, 1,000,
//    10,000 and 100,000 rows, with 30,000 marked cells at 100,000 rows; clearing leaves every format as before.
import { FakeExcel, FAKE_PAYLOAD_LIMIT, type FakeSheet } from './fake-excel';
import { OfficeWorkbookPort } from '../../src/adapters/office/office-port';
import type { WorkbookSurface } from '../../src/adapters/office/excel-surface';
import { MARK_RECORD_KEY } from '../../src/adapters/office/mark-record';
import { HOST_REQUEST_LIMIT, packRequests, REQUEST_BUDGET, RequestPacker, WriteMeter } from '../../src/adapters/office/request-packer';
import type { SheetLayout } from '../../src/port/layout';
import type { Mark } from '../../src/port/port';

const MB4 = REQUEST_BUDGET;
const ceil4 = (bytes: number) => Math.ceil(bytes / MB4);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('packRequests', () => {
  const ops = (...bytes: number[]) => bytes.map((b) => ({ bytes: b }));
  const sizes = (requests: { bytes: number }[][]) => requests.map((r) => r.map((o) => o.bytes));

  test('ops that fit stay in one request; past the budget a new request starts; no ops give one empty request', () => {
    expect(sizes(packRequests(ops(10, 20), 100))).toEqual([[10, 20]]);
    expect(sizes(packRequests(ops(60, 30, 20, 50), 100))).toEqual([
      [60, 30],
      [20, 50],
    ]);
    expect(packRequests([], 100)).toEqual([[]]);
  });

  test('when ops do not fill each request to the byte, they are dealt into ⌈total / budget⌉ requests, in order', () => {
    // Greedy would take 3 requests (8 × 120, 8 × 120, 40) for 1,960 bytes at 1,000 a request.
    const small = ops(...new Array<number>(16).fill(120), 40);
    const packed = packRequests(small, 1000);
    expect(packed).toHaveLength(2);
    expect(packed.flat()).toEqual(small);
    // Past the budget by less than one op.
    for (const r of packed) expect(sum(r.map((o) => o.bytes))).toBeLessThan(1000 + 120);
  });

  test('an op too large to pass the budget safely keeps the greedy packing (never past the host limit)', () => {
    expect(sizes(packRequests(ops(60, 30, 20, 90), 100))).toEqual([[60, 30], [20], [90]]);
    expect(sizes(packRequests(ops(150, 10), 100))).toEqual([[150], [10]]);
  });

  test('random op sizes up to an eighth of the budget: requests = ⌈total / budget⌉, order kept, none past budget + largest op', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const list = ops(...Array.from({ length: 1 + Math.floor(rnd() * 300) }, () => 1 + Math.floor(rnd() * 12)));
      const total = sum(list.map((o) => o.bytes));
      const packed = packRequests(list, 100);
      expect(packed).toHaveLength(Math.max(1, Math.ceil(total / 100)));
      expect(packed.flat()).toEqual(list);
      for (const r of packed) expect(sum(r.map((o) => o.bytes))).toBeLessThan(100 + 12);
    }
  });
});

describe("the packer's measure agrees with the host's", () => {
  const cases: [string, string, (wb: WorkbookSurface) => void][] = [
    ['a note', '1.18', (wb) => wb.notes.add("'S'!B2", '【决算公开助手】错误（T7-a）：第2行合计不等于基本支出与项目支出之和，请核对。')],
    ['a note removed', '1.18', (wb) => wb.notes.getItem("'S'!A1").delete()],
    ['a comment', '1.13', (wb) => wb.comments.add("'S'!B2", '【决算公开助手】提示：请核对。')],
    [
      'a rule (ExcelApi 1.7)',
      '1.7',
      (wb) => {
        const cf = wb.worksheets.getItem('S').getRange('B2:C3').conditionalFormats.add('Custom');
        cf.custom.rule.formula = '=N("FINAL-ACCOUNTS-MARK:abc123")=0';
        cf.custom.format.fill.color = '#FFC7CE';
      },
    ],
    [
      'a rule over areas (ExcelApi 1.9)',
      '1.9',
      (wb) => {
        const cf = wb.worksheets.getItem('S').getRanges('B2:C3,E5,G7:G9').conditionalFormats.add('Custom');
        cf.custom.rule.formula = '=N("FINAL-ACCOUNTS-MARK:abc123")=0';
        cf.custom.format.fill.color = '#FFC7CE';
      },
    ],
    ['the record', '1.7', (wb) => wb.settings.add(MARK_RECORD_KEY, JSON.stringify({ run: 'abc', notes: '决算 B2:AbCd C3:EfGh' }))],
    [
      'a block of values',
      '1.7',
      (wb) => {
        const r = wb.worksheets.getItem('S').getRangeByIndexes(0, 0, 2, 3);
        r.numberFormat = [
          ['@', '#,##0.00', 'General'],
          ['@', '#,##0.00', 'General'],
        ];
        r.values = [
          ['2010101', 12.5, '一般公共服务支出'],
          ['2010102', 1, '一般行政管理事务'],
        ];
      },
    ],
    [
      'borders, bold and fill over areas',
      '1.9',
      (wb) => {
        const f = wb.worksheets.getItem('S').getRanges('A1:C9,E1:E9').format;
        for (const e of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
          const b = f.borders.getItem(e);
          b.style = 'Continuous';
          b.weight = 'Thin';
          b.color = '#000000';
        }
        f.font.bold = true;
        f.fill.color = '#FFFFFF';
      },
    ],
    ['a merge', '1.7', (wb) => wb.worksheets.getItem('S').getRange('A1:C1').merge(false)],
  ];
  for (const [name, version, write] of cases) {
    test(`${name}: within 10% of the bytes the fake host counts`, async () => {
      const fx = new FakeExcel(version);
      const sheet = fx.addSheet('S', [[1]]);
      fx.state.notes.push({ id: 'n1', sheetId: sheet.id, row: 0, col: 0, content: 'x' });
      await fx.run(async (ctx) => {
        write(ctx.workbook);
        await ctx.sync();
      });
      const host = fx.stats.requestBytes[0];
      const measured = new WriteMeter().measure(write);
      expect(measured / host).toBeGreaterThan(0.9);
      expect(measured / host).toBeLessThan(1.1);
    });
  }

  test('any writer can queue into a packer: its writes share the requests, in order, within the budget', async () => {
    const fx = new FakeExcel('1.18');
    fx.addSheet('S', [[1]]);
    const text = '复核意见：'.repeat(200);
    let requests = 0;
    await fx.run(async (ctx) => {
      const packer = new RequestPacker(ctx.workbook, 256 * 1024);
      for (let i = 0; i < 400; i++) packer.add((wb) => wb.settings.add(`review.${i}`, text));
      expect(packer.plan().length).toBe(Math.ceil(packer.payloadBytes / (256 * 1024)));
      requests = await packer.sync(ctx, {});
    });
    expect(fx.stats.syncs).toBe(requests);
    expect(requests).toBeGreaterThan(1);
    expect(Object.keys(fx.state.settings)).toHaveLength(400);
    for (const bytes of fx.stats.requestBytes) expect(bytes).toBeLessThan(256 * 1024 * 1.1);
  });
});

/** A generated table of `rows` rows: codes, names, three amounts with number formats, borders, bold 类 rows, indent. */
function generatedLayout(name: string, rows: number): SheetLayout {
  const cells: SheetLayout['cells'] = [
    { row: 0, col: 0, value: `${name}（标题）`, style: { bold: true, fontSize: 16, hAlign: 'center' } },
    ...['科目编码', '科目名称', '合计', '基本支出', '项目支出'].map((v, col) => ({
      row: 1,
      col,
      value: v,
      style: { border: true, bold: true, hAlign: 'center' as const, vAlign: 'middle' as const, wrap: true },
    })),
  ];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const isClass = i % 50 === 0;
    cells.push({ row: r, col: 0, value: String(2010101 + i), style: { border: true, bold: isClass } });
    cells.push({ row: r, col: 1, value: `一般公共服务支出项目${i}`, style: { border: true, indent: isClass ? 0 : 1, bold: isClass } });
    for (let c = 2; c < 5; c++)
      cells.push({ row: r, col: c, value: ((i * 37 + c * 11) % 100000) / 100, style: { border: true, numberFormat: '#,##0.00', hAlign: 'right' } });
  }
  return {
    name,
    cells,
    merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
    columnWidths: [12, 30, 14, 14, 14],
    frozenRows: 2,
    pageSetup: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, printTitleRows: [0, 1] },
  };
}

const ROW_COUNTS = [10, 1_000, 10_000, 100_000];

describe('generate: ≤ 2 + ⌈payload / 4 MB⌉ syncs', () => {
  for (const rows of ROW_COUNTS) {
    test(`${rows.toLocaleString('en')} rows`, async () => {
      const fx = new FakeExcel('1.13');
      fx.addSheet('封面', [['用户的封面']]);
      const layout = generatedLayout('公开05表', rows);
      let requests = 0;
      const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported, onProgress: (_d, total) => (requests = total) });
      await port.addSheets([layout]);
      const payload = sum(fx.stats.requestBytes);
      expect(fx.stats.syncs).toBeLessThanOrEqual(2 + ceil4(payload));
      // The names, then one request per 4 MB of what is written (measured by the packer, counted by the host).
      expect(fx.stats.syncs).toBe(1 + requests);
      expect(requests).toBeLessThanOrEqual(Math.max(1, ceil4(sum(fx.stats.requestBytes.slice(1)))));
      for (const bytes of fx.stats.requestBytes) expect(bytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
      if (rows <= 10_000) expect(fx.stats.syncs).toBe(2);
      else expect(fx.stats.syncs).toBeGreaterThan(2);
      // Everything was written: every value cell, the last row's figures, borders to the end.
      const sheet = fx.sheetByName('公开05表')!;
      expect(Object.values(sheet.cells).filter((c) => c.value !== null)).toHaveLength(layout.cells.length);
      expect(sheet.cells[`${rows + 1}:0`].value).toBe(String(2010101 + rows - 1));
      expect(sheet.cells[`${rows + 1}:4`]).toMatchObject({ numberFormat: '#,##0.00' });
      expect(sheet.cells[`${rows + 1}:4`].format?.borders?.bottom).toMatchObject({ style: 'Continuous' });
      expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
      expect(fx.sheetByName('封面')!.cells['0:0'].value).toBe('用户的封面');
    }, 300_000);
  }
});

const SHEET = '收入支出决算表';
const COLS = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];

/**
 * A sheet of `rows` rows where 合计 = 基本支出 + 项目支出, except in every `errorEvery`-th row (a planted error:
 * 合计 off by 1,000.00) and every 7th row (off by 0.01, a 尾差); the user's own formats and rule on it.
 */
function plantedWorkbook(rows: number, errorEvery: number): FakeExcel {
  const fx = new FakeExcel('1.18');
  const data: unknown[][] = [COLS];
  for (let i = 1; i <= rows; i++) {
    const basic = (i * 13) % 10000;
    const project = (i * 7) % 5000;
    const off = i % errorEvery === 0 ? 1000 : i % 7 === 0 ? 0.01 : 0;
    data.push([String(2010100 + i), `科目${i}`, basic + project + off, basic, project]);
  }
  const s = fx.addSheet(SHEET, data);
  s.cells['0:0'].format = { bold: true, fill: '#DDEBF7', borders: { bottom: { style: 'Continuous', weight: 'Thin', color: '#000000' } } };
  s.cells['3:2'].numberFormat = '#,##0.00';
  s.conditionalFormats.push({
    id: 'user-1',
    type: 'Custom',
    ranges: [{ top: 1, bottom: rows, left: 2, right: 4 }],
    formula: '=$C2<0',
    fill: '#F8CBAD',
  });
  fx.state.notes.push({ id: 'user-note', sheetId: s.id, row: 1, col: 1, content: '用户自己的批注' });
  return fx;
}

/** The marks of the planted mistakes, found in what the port read: a row whose 合计 is not 基本 + 项目. */
function marksOfPlanted(values: unknown[][]): Mark[] {
  const marks: Mark[] = [];
  values.forEach((line, r) => {
    const [, , total, basic, project] = line as number[];
    if (r === 0 || typeof total !== 'number') return;
    const diff = Math.round((total - basic - project) * 100);
    if (diff === 0) return;
    const severity = Math.abs(diff) <= 1 ? 'tail' : 'error';
    const message = `${severity === 'tail' ? '尾差' : '错误（T5-a）'}：第${r + 1}行合计 ${total} 不等于基本支出 ${basic} 与项目支出 ${project} 之和，差 ${(diff / 100).toFixed(2)}。`;
    for (const col of severity === 'tail' ? [2] : [2, 3, 4]) marks.push({ cell: { sheet: SHEET, row: r, col }, severity, message });
  });
  return marks;
}

describe('check + mark: the read, then max(1, ⌈payload / 4 MB⌉) syncs; clear exact', () => {
  for (const rows of ROW_COUNTS) {
    test(`${rows.toLocaleString('en')} rows`, async () => {
      const fx = plantedWorkbook(rows, 10);
      const before = fx.formatsSnapshot();
      const values = fx.valuesSnapshot();
      const port = new OfficeWorkbookPort({ run: fx.run, isSupported: fx.isSupported });
      const snap = await port.readSnapshot();
      const readSyncs = fx.stats.syncs;
      // One response holds the sheet up to 10,000 rows; 100,000 rows (values and number formats, ≈ 9 MB) are
      // refused as one response and read in blocks of 100,000 cells.
      if (rows <= 10_000) expect(readSyncs).toBe(2);
      const marks = marksOfPlanted(snap.sheets.find((s) => s.name === SHEET)!.values);
      if (rows === 100_000) expect(marks.length).toBeGreaterThanOrEqual(30_000);
      const result = await port.applyMarks(marks);
      const writes = fx.stats.requestBytes.slice(readSyncs);
      const payload = sum(writes);
      expect(writes).toHaveLength(fx.stats.syncs - readSyncs);
      expect(writes.length).toBeLessThanOrEqual(Math.max(1, ceil4(payload)));
      if (payload <= MB4) expect(fx.stats.syncs).toBe(readSyncs + 1);
      if (rows <= 10_000) expect(fx.stats.syncs).toBeLessThanOrEqual(2 + Math.max(1, ceil4(payload)));
      for (const bytes of writes) expect(bytes).toBeLessThan(HOST_REQUEST_LIMIT);
      // Every marked cell is coloured; the notes of 尾差-only cells are left out only when that saves a request.
      const marked = coveredCells(fx.sheetByName(SHEET)!);
      expect(marked.size).toBe(new Set(marks.map((m) => `${m.cell.row}:${m.cell.col}`)).size);
      const errorCells = marks.filter((m) => m.severity === 'error').length;
      const ours = fx.state.notes.filter((n) => n.content.startsWith('【决算公开助手】')).length;
      expect(ours).toBe(errorCells + marks.filter((m) => m.severity === 'tail').length - result.tailNotesOmitted);

      fx.resetStats();
      expect(await port.clearMarks()).toEqual({ cleared: marked.size, invalidRecords: 0 });
      expect(fx.formatsSnapshot()).toBe(before);
      expect(fx.valuesSnapshot()).toBe(values);
      expect(fx.state.settings[MARK_RECORD_KEY]).toBeUndefined();
      for (const bytes of fx.stats.requestBytes) expect(bytes).toBeLessThan(HOST_REQUEST_LIMIT);
    }, 300_000);
  }
});

/** Cells covered by our rules. */
function coveredCells(sheet: FakeSheet): Set<string> {
  const out = new Set<string>();
  for (const rule of sheet.conditionalFormats.filter((c) => c.formula?.includes('FINAL-ACCOUNTS-MARK')))
    for (const g of rule.ranges) for (let r = g.top; r <= g.bottom; r++) for (let c = g.left; c <= g.right; c++) out.add(`${r}:${c}`);
  return out;
}
