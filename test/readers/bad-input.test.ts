// Bad input: every case gives a clear Chinese finding with its cell, never a crash.
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/app/check';
import { reportToJson } from '../../src/core/report';
import { amountOf, findCell, FUZHOU_XLSX, loadWorkbook, roundTrip } from '../helpers/example';

const T = {
  t02: '公开02表 收入决算表',
  t03: '公开03表 支出决算表',
  t04: '公开04表 财政拨款收入支出决算总表',
  t05: '公开05表 一般公共预算财政拨款支出决算表',
  t06: '公开06表 一般公共预算财政拨款基本支出决算表',
  t07: '公开07表 一般公共预算财政拨款“三公”经费支出决算表',
};

type Findings = ReturnType<typeof reportToJson>['findings'];

// The example's nine table sheets as an .xlsx, made once for this file, and the findings of that unmodified
// workbook. Each case parses this small file instead of the whole example with its 绩效 sheets (most of the
// time when every case loaded the example, and its unmodified copy, itself).
let tablesXlsx: ExcelJS.Buffer;
let baseFindings: Findings;
beforeAll(async () => {
  const wb = await loadWorkbook(FUZHOU_XLSX);
  for (const ws of [...wb.worksheets]) if (!ws.name.startsWith('公开')) wb.removeWorksheet(ws.id);
  tablesXlsx = await wb.xlsx.writeBuffer();
  const base = await check(await tablesOnly());
  // The copy reads as the example does: nine tables and no error, so "nothing new" below means something.
  expect(base.tables).toHaveLength(9);
  expect(base.summary.error).toBe(0);
  baseFindings = base.findings;
});

/** A fresh, mutable copy of the example's nine tables. */
async function tablesOnly(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tablesXlsx);
  return wb;
}

async function check(wb: ExcelJS.Workbook) {
  return reportToJson(checkWorkbook(await roundTrip(wb), { profile: 'fuzhou-2024' }));
}

/** Findings that the unmodified example does not have. */
async function newFindings(mutate: (wb: ExcelJS.Workbook) => void): Promise<Findings> {
  const wb = await tablesOnly();
  mutate(wb);
  const after = await check(wb);
  const key = (f: Findings[number]) => `${f.rule}|${f.severity}|${f.message}`;
  const had = new Set(baseFindings.map(key));
  return after.findings.filter((f) => !had.has(key(f)));
}

describe('bad input gives a clear finding, never a crash', () => {
  it('text in an amount cell: an error naming the sheet and cell', async () => {
    let at = '';
    const added = await newFindings((wb) => {
      const c = amountOf(wb.getWorksheet(T.t03)!, '2011302', '项目支出');
      at = `${T.t03}!${c.address}`;
      c.value = '待补';
    });
    const f = added.find((x) => x.rule === 'R-AMOUNT')!;
    expect(f.severity).toBe('error');
    expect(f.cells).toEqual([at]);
    expect(f.message).toContain('“待补”无法识别为数字');
    // The row and column by their printed names, not internal keys.
    expect(f.message).toContain('“2011302”“项目支出”列的金额');
    expect(f.message).toContain(at);
    // The unreadable cell takes part in no identity, so it does not set off a chain of false sums.
    expect(added.filter((x) => x.severity === 'error' && x.rule !== 'R-AMOUNT')).toEqual([]);
  });

  it('a missing table: an error naming the table', async () => {
    const added = await newFindings((wb) => wb.removeWorksheet(wb.getWorksheet(T.t05)!.id));
    const f = added.find((x) => x.rule === 'R-TABLE')!;
    expect(f).toMatchObject({ severity: 'error', table: '05', cells: [] });
    expect(f.message).toBe('没有找到公开05表（一般公共预算财政拨款支出决算表）。请确认工作簿中有该表，且表名或“公开05表”标注与公开格式一致。');
    // Cross-table rules that need 05 are skipped, not reported as mismatches.
    expect(added.filter((x) => x.rule.startsWith('X'))).toEqual([]);
  });

  it('shuffled columns are read by their headers: nothing new', async () => {
    const added = await newFindings((wb) => {
      const ws = wb.getWorksheet(T.t02)!;
      const a = findCell(ws, '上级补助收入').col;
      const b = findCell(ws, '其他收入').col;
      ws.eachRow((row) => {
        // Writing to a merged slave writes its master: swap masters only.
        if (row.getCell(a).master.address !== row.getCell(a).address) return;
        const x = row.getCell(a).value;
        row.getCell(a).value = row.getCell(b).value;
        row.getCell(b).value = x;
      });
      expect(findCell(ws, '其他收入').col).toBe(a);
    });
    expect(added).toEqual([]);
  });

  it('blank rows inside a table are skipped: nothing new', async () => {
    const added = await newFindings((wb) => {
      const ws = wb.getWorksheet(T.t03)!;
      const r = Number(findCell(ws, '2080116').row);
      ws.spliceRows(r, 0, [], []);
      ws.spliceRows(r + 6, 0, []);
    });
    expect(added).toEqual([]);
  });

  it('a table in 元 is read in 元 and ties to the 万元 tables', async () => {
    const added = await newFindings((wb) => {
      const ws = wb.getWorksheet(T.t07)!;
      findCell(ws, '单位：万元').value = '单位：元';
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'number' && Number(c.col) === 3) c.value = Math.round(c.value * 1_000_000) / 100;
        }),
      );
    });
    expect(added).toEqual([]);
    const wb = await tablesOnly();
    const ws = wb.getWorksheet(T.t07)!;
    findCell(ws, '单位：万元').value = '单位：元';
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'number' && Number(c.col) === 3) c.value = Math.round(c.value * 1_000_000) / 100;
      }),
    );
    const total = amountOf(ws, '合计', '决算数');
    total.value = Number(total.value) + 1; // one 元 too many
    const f = (await check(wb)).findings.find((x) => x.rule === 'T7-a')!;
    expect(f).toMatchObject({ severity: 'error', expected: 156800, actual: 156801, difference: 1 });
  });

  it('merged headers, unmerged headers: both read the same', async () => {
    const merges = (ws: ExcelJS.Worksheet) => (ws.model as { merges?: string[] }).merges ?? [];
    const added = await newFindings((wb) => {
      const ws = wb.getWorksheet(T.t04)!;
      // A header written over two rows instead of merged: 本年支出 above 小计/基本支出/项目支出 only once.
      const ws5 = wb.getWorksheet(T.t05)!;
      for (const sheet of [ws, ws5]) {
        expect(merges(sheet).length).toBeGreaterThan(0);
        for (const m of [...merges(sheet)]) sheet.unMergeCells(m);
        expect(merges(sheet)).toEqual([]);
      }
    });
    expect(added).toEqual([]);
  });

  it('full-width digits, thousands separators, dashes and numeric codes read as figures: nothing new', async () => {
    const added = await newFindings((wb) => {
      const ws = wb.getWorksheet(T.t03)!;
      amountOf(ws, '2080501', '本年支出合计').value = '１１０９．３９';
      amountOf(ws, '2150805', '本年支出合计').value = '9,558.69';
      amountOf(ws, '2150805', '项目支出').value = ' 9,558.69 ';
      amountOf(ws, '2150805', '基本支出').value = '—';
      findCell(ws, '2011301').value = 2011301;
    });
    expect(added).toEqual([]);
  });

  it('an empty workbook: one clear error per table, no crash', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const r = await check(wb);
    expect(r.tables).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(Array(9).fill('R-TABLE'));
    expect(r.summary.error).toBe(9);
  });

  it('a code that is not a code: an error naming the code cell', async () => {
    const added = await newFindings((wb) => {
      const ws = wb.getWorksheet(T.t02)!;
      findCell(ws, '2080110').value = '208-01-10';
    });
    const f = added.find((x) => x.rule === 'R-CODE')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('“208-01-10”不是数字编码');
    expect(f.cells[0]).toMatch(new RegExp(`^${T.t02}!A\\d+$`));
  });

  it('a bad or repeated economic code in 06: an error naming its cells', async () => {
    const added = await newFindings((wb) => {
      const ws = wb.getWorksheet(T.t06)!;
      findCell(ws, '30106').value = '40106';
      findCell(ws, '30107').value = '30103';
    });
    const bad = added.filter((x) => x.rule === 'R-CODE');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ severity: 'error', table: '06', cells: [`${T.t06}!A10`] });
    expect(bad[0].message).toContain(`“40106”格式不对（单元格 ${T.t06}!A10）`);
    const dup = added.filter((x) => x.rule === 'R-DUP');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'error', table: '06', cells: [`${T.t06}!A9`, `${T.t06}!A11`] });
    expect(dup[0].message).toContain(`“30103”出现了两次（单元格 ${T.t06}!A9 和 ${T.t06}!A11）`);
  });

  it('a row with figures but no code and no name: an error naming its figures', async () => {
    let amount = '';
    const added = await newFindings((wb) => {
      const ws = wb.getWorksheet(T.t02)!;
      const code = findCell(ws, '2080116');
      amount = `${T.t02}!${amountOf(ws, '2080116', '本年收入合计').address}`;
      ws.getCell(Number(code.row), Number(code.col)).value = null;
      ws.getCell(Number(code.row), Number(code.col) + 1).value = null;
    });
    const f = added.find((x) => x.rule === 'R-ROW')!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/第 \d+ 行有金额但没有科目编码和名称/);
    expect(f.cells).toContain(amount);
  });
});

describe('blank zeros (the Shanghai style)', () => {
  it('reads blank 人员经费合计/公用经费合计 cells as zero totals, not as missing rows', async () => {
    const wb = await loadWorkbook(`${__dirname}/../../examples/shanghai-putuo-shehuigongzuobu-2024.xlsx`);
    const ws = wb.worksheets.find((w) => w.name.includes('06'))!;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'number') c.value = null;
      }),
    );
    const r = reportToJson(checkWorkbook(await roundTrip(wb), { profile: 'shanghai-2024' }));
    expect(r.findings.filter((f) => f.table === '06' && f.rule.startsWith('R-'))).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'T6-b')).toEqual([]);
    // 05 still says 105.58 of 基本支出: the empty 06 no longer ties to it.
    expect(r.findings.find((f) => f.rule === 'X9')).toMatchObject({ severity: 'error', expected: 0, actual: 105.58 });
  });
});
