// An amount cell that holds no amount says what it holds, at its cell (#14 point 6): a date, a logical value,
// an error value, a formula never calculated (请在 Excel 中重新计算并保存), digits apart by spaces; a thousands
// grouping by spaces is still read. Cell text is quoted to 100 characters at most, in the message and in the
// marked copy's note (#14 point 4); numbers never in exponent notation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbookPort } from '../../src/adapters/file/exceljs-port';
import { loadWorkbook } from '../../src/adapters/file/open-workbook';
import { checkWorkbook } from '../../src/app/check';
import { refText, type CellRef } from '../../src/core/cells';
import type { Finding } from '../../src/core/findings';
import { parseAmount } from '../../src/core/money';
import { marksOf } from '../../src/port/port';
import { readAccounts } from '../../src/readers/tables';
import { FUZHOU_XLSX, snapshotOf } from '../helpers/example';

/** Amount cells of the example's 公开01表 and 02表 that hold a figure (not a total computed from others). */
async function amountCells(n: number): Promise<CellRef[]> {
  const read = readAccounts(await snapshotOf(FUZHOU_XLSX));
  const refs: CellRef[] = [];
  for (const id of ['02', '03', '05'] as const)
    for (const row of read.accounts.tables[id]?.rows ?? []) for (const c of Object.values(row.cells)) if (c && !c.blank && c.ref) refs.push(c.ref);
  expect(refs.length).toBeGreaterThanOrEqual(n);
  // Spread over the tables, one cell per row at most.
  const step = Math.floor(refs.length / n);
  return Array.from({ length: n }, (_, i) => refs[i * step]);
}

function at(findings: Finding[], ref: CellRef): Finding[] {
  return findings.filter((f) => f.cells.some((c) => c.sheet === ref.sheet && c.row === ref.row && c.col === ref.col));
}

const HUGE_TEXT = '很长的说明'.repeat(200_000);

describe('what an amount cell holds, said at its cell, through a real .xlsx', () => {
  let findings: Finding[];
  let refs: CellRef[];
  let marked: ExcelJS.Workbook;

  beforeAll(async () => {
    refs = await amountCells(9);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FUZHOU_XLSX);
    const put = (i: number, value: ExcelJS.CellValue, numFmt?: string) => {
      const cell = wb.getWorksheet(refs[i].sheet)!.getCell(refs[i].row + 1, refs[i].col + 1);
      // A style of its own: ExcelJS shares one style object between cells loaded with the same style.
      cell.style = { ...JSON.parse(JSON.stringify(cell.style ?? {})), ...(numFmt ? { numFmt } : {}) };
      cell.value = value;
    };
    put(0, new Date(Date.UTC(2024, 0, 15)), 'yyyy-mm-dd');
    put(1, true);
    put(2, { error: '#DIV/0!' } as ExcelJS.CellErrorValue);
    put(3, { formula: 'B7+B8' } as ExcelJS.CellFormulaValue);
    put(4, ' 12 34 ');
    put(5, '1 234 567.00');
    put(6, 1e21);
    put(7, HUGE_TEXT);
    put(8, 45306, 'yyyy"年"m"月"d"日"');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const port = new ExcelJsWorkbookPort(await loadWorkbook(bytes, 'edited.xlsx'));
    findings = checkWorkbook(await port.readSnapshot(), {}).findings;
    await port.applyMarks(marksOf(findings));
    marked = new ExcelJS.Workbook();
    await marked.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  });

  const one = (i: number) => {
    const here = at(findings, refs[i]).filter((f) => f.rule === 'R-AMOUNT');
    expect(here).toHaveLength(1);
    expect(here[0].severity).toBe('error');
    return here[0].message;
  };

  it('a date is a date, with its day, at its cell', () => {
    expect(one(0)).toContain(`金额单元格 ${refText(refs[0])} 是日期（2024-01-15），不是金额`);
    expect(one(8)).toContain(`金额单元格 ${refText(refs[8])} 是日期（2024-01-15），不是金额`);
  });

  it('a logical value, an error value and a formula never calculated', () => {
    expect(one(1)).toContain('是逻辑值 TRUE，不是金额');
    expect(one(2)).toContain('是错误值 #DIV/0!（公式计算出错）');
    expect(one(3)).toContain('是公式，但工作簿中没有保存它的计算结果（文件保存前未重新计算）。请在 Excel 中重新计算并保存');
  });

  it("' 12 34 ' is refused at its cell; 1 234 567.00 (a thousands grouping) is read", () => {
    expect(one(4)).toContain(`的“12 34”数字之间有空格，无法确定是哪个数`);
    expect(at(findings, refs[5]).filter((f) => f.rule === 'R-AMOUNT')).toHaveLength(0);
    expect(parseAmount('1 234 567.00', '元')).toEqual({ kind: 'number', minor: 123_456_700 });
    expect(parseAmount('1\u00a0234', '元')).toEqual({ kind: 'number', minor: 123_400 });
    expect(parseAmount('12 34', '元')).toMatchObject({ kind: 'invalid', spaced: true });
    expect(parseAmount('1 2345', '元')).toMatchObject({ kind: 'invalid', spaced: true });
    expect(parseAmount('0 . 0 0', '万元')).toEqual({ kind: 'number', minor: 0 });
  });

  it('a number too large is quoted in plain digits, never 1e+21', () => {
    expect(one(6)).toContain('“1000000000000000000000”太大');
    for (const f of findings) expect(f.message).not.toMatch(/\d[eE][+-]?\d|NaN|Infinity/);
  });

  it('a 1 MB cell is quoted to 100 characters, in the message and in the marked copy’s note', () => {
    const message = one(7);
    expect(message).toContain(`“${HUGE_TEXT.slice(0, 100)}…”`);
    expect(message.length).toBeLessThan(400);
    const cell = marked.getWorksheet(refs[7].sheet)!.getCell(refs[7].row + 1, refs[7].col + 1);
    const note = typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join('');
    expect(note).toContain(`${HUGE_TEXT.slice(0, 100)}…`);
    expect(note.length).toBeLessThan(1000);
    // The cell itself is the user's and stays whole.
    expect(cell.value).toBe(HUGE_TEXT);
  });
});

describe('a date as the Office adapter sees it (a serial number under a date format)', () => {
  it('is reported, not read as 45306', async () => {
    const snap = await snapshotOf(FUZHOU_XLSX);
    const [ref] = await amountCells(1);
    const sheet = snap.sheets.find((s) => s.name === ref.sheet)!;
    sheet.values[ref.row][ref.col] = 45306;
    sheet.numberFormats = sheet.values.map((line) => line.map(() => null));
    sheet.numberFormats[ref.row][ref.col] = 'yyyy/m/d';
    const f = at(checkWorkbook(snap, {}).findings, ref).filter((x) => x.rule === 'R-AMOUNT');
    expect(f.map((x) => x.message).join()).toContain('是日期（2024-01-15），不是金额');
  });
});

describe('working sheets (底稿) say the same', () => {
  it('a date and an uncalculated formula in a 底稿 amount cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(__dirname, '..', '..', 'examples', 'fuzhou-gxj-2024-workings.xlsx')) as unknown as ArrayBuffer);
    let done = 0;
    const hits: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (done < 2 && Number(cell.row) > 5 && typeof cell.value === 'number' && cell.value > 1) {
            cell.value = done === 0 ? new Date(Date.UTC(2024, 5, 1)) : ({ formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue);
            if (done === 0) cell.style = { ...JSON.parse(JSON.stringify(cell.style ?? {})), numFmt: 'yyyy-mm-dd' };
            hits.push(`${ws.name}!${cell.address}`);
            done++;
          }
        }),
      );
    }
    expect(done).toBe(2);
    const port = new ExcelJsWorkbookPort(await loadWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), 'w.xlsx'));
    const { generateInProfile } = await import('../../src/app/generate');
    const messages = generateInProfile(await port.readSnapshot(), undefined, {}).findings.map((f) => f.message);
    expect(messages.some((m) => m.includes(hits[0]) && m.includes('是日期（2024-06-01），不是金额'))).toBe(true);
    expect(messages.some((m) => m.includes(hits[1]) && m.includes('请在 Excel 中重新计算并保存'))).toBe(true);
  });
});

describe('found by the large fuzz run', () => {
  it('an error value or text in the figure of a 06 total row (公用经费合计) is named at its cell, not taken for the next label', async () => {
    const snap = await snapshotOf(FUZHOU_XLSX);
    const sheet = snap.sheets.find((s) => s.name.startsWith('公开06表'))!;
    const row = sheet.values.findIndex((line) => line.includes('公用经费合计'));
    const col = sheet.values[row].length - 1;
    expect(typeof sheet.values[row][col]).toBe('number');
    for (const bad of ['#REF!', '无']) {
      sheet.values[row][col] = bad;
      const ref = { sheet: sheet.name, row, col };
      expect(at(checkWorkbook(snap, {}).findings, ref).map((f) => f.rule)).toContain('R-AMOUNT');
    }
  });

  it('a number cell quoted as text (a code of 1e21, a ratio of Infinity) is written out, never 1e+21 or Infinity', async () => {
    const { clipMessage } = await import('../../src/core/quote');
    const { pts } = await import('../../src/core/performance/format');
    expect(clipMessage('A12 的编码“1e+21”不是有效的编码，1e-7 也不是。')).toBe(
      'A12 的编码“1000000000000000000000”不是有效的编码，0.0000001 也不是。',
    );
    expect(clipMessage('“1.7976931348623157e+308”')).toBe('“17976931348623157081…（共 309 位）”');
    expect(pts(Infinity)).toBe('（超出范围的数）');
    expect(pts(1e21)).toMatch(/^\d{21,22}$/);
    expect(pts(-0)).toBe('0');
    const snap = await snapshotOf(join(__dirname, '..', '..', 'examples', 'fuzhou-gxj-2024-workings.xlsx'));
    const sheet = snap.sheets.find((s) => s.name.startsWith('底稿1'))!;
    sheet.values[12][0] = 1e21;
    const { generateInProfile } = await import('../../src/app/generate');
    const messages = generateInProfile(snap, undefined, {}).findings.map((f) => f.message);
    expect(messages.some((m) => m.includes('1000000000000000000000'))).toBe(true);
    for (const m of messages) expect(m).not.toMatch(/\de[+-]\d|Infinity|NaN/);
  });
});

describe('found by the large fuzz run: a code cell of 1.7976931348623157e308', () => {
  it('is no code (it crashed the reader with "functional code must be digits")', async () => {
    const snap = await snapshotOf(FUZHOU_XLSX);
    const sheet = snap.sheets.find((s) => s.name.startsWith('公开03表'))!;
    const row = sheet.values.findIndex((line) => typeof line[0] === 'string' && /^\d{7}$/.test(line[0]));
    expect(row).toBeGreaterThan(0);
    sheet.values[row][0] = 1.7976931348623157e308;
    const findings = checkWorkbook(snap, {}).findings;
    expect(at(findings, { sheet: sheet.name, row, col: 0 }).length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message).not.toMatch(/\de[+-]\d|Infinity|NaN/);
  });
});
