// The three Shanghai 普陀区 2024 examples (examples/shanghai-putuo-*-2024.xlsx, built by scripts/build-examples.ts
// from examples/data/*.json): the checker must read every figure back from the Shanghai layouts (split codes,
// one stacked sheet, the 24-row 类 list, 07 across one row, blank zeros) and report exactly what the published
// documents contain — their rounding tails as 尾差, their 0.01 cross-table shifts and template residue as 提示,
// and no 错误 anywhere.
//
// The expected findings were worked out by hand from the documents' transcriptions (test/fixtures/shanghai-2024/
// *.txt, sources in test/fixtures/README.md) under the tail and shift policy of docs/domain.md#money-and-rounding;
// the arithmetic is in the comments. Cell addresses are looked up in the workbook (by row label and printed value
// inside the table's range), not written in.
import type { ColKey } from '../src/core/keys';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookFile } from '../src/adapters/file/exceljs-port';
import { parseA1, refText } from '../src/core/cells';
import { checkWorkbook } from '../src/app/check';
import { findingToJson, type FindingJson } from '../src/core/findings';
import type { FinalAccounts, TableId } from '../src/core/model';
import { specsOf } from '../src/core/profiles';
import { SHANGHAI_2024 } from '../src/core/profiles/shanghai-2024';

const TABLE_IDS = specsOf(SHANGHAI_2024).map((s) => s.id);
import type { CheckReport } from '../src/core/report';
import { cellAt, type WorkbookSnapshot } from '../src/port/snapshot';
import { readAccounts } from '../src/readers/tables';
import { transcribe, type ShanghaiDocument } from '../scripts/examples/shanghai-data';
import { shanghaiAccounts } from '../scripts/examples/shanghai-tables';
import { readFixture } from './helpers/fixtures';

const ROOT = join(__dirname, '..');

interface Book {
  name: string;
  doc: ShanghaiDocument;
  snapshot: WorkbookSnapshot;
  report: CheckReport;
  findings: FindingJson[];
}

async function load(name: string): Promise<Book> {
  const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'data', `${name}.json`), 'utf8')) as ShanghaiDocument;
  const port = await readWorkbookFile(join(ROOT, 'examples', `${name}.xlsx`));
  const snapshot = await port.readSnapshot();
  const report = checkWorkbook(snapshot); // no profile: it must be recognised
  return { name, doc, snapshot, report, findings: report.findings.map(findingToJson) };
}

const norm = (v: unknown) => String(v ?? '').replace(/\s+/g, '');

/**
 * `Sheet!A1` of a printed figure: inside table `id`'s range (from the report), the row that has a cell reading
 * `rowText` (exactly, spaces ignored), and in it the `nth` cell (left to right) holding `value`.
 */
function addr(book: Book, id: TableId, rowText: string, value: number, nth = 0): string {
  const loc = book.report.tables.find((t) => t.id === id);
  if (!loc) throw new Error(`${book.name}: table ${id} not found`);
  const [from, to] = loc.range.split(':').map(parseA1);
  const sheet = book.snapshot.sheets.find((s) => s.name === loc.sheet)!;
  const hits: string[] = [];
  for (let r = from.row; r <= to.row; r++) {
    let labelled = false;
    for (let c = from.col; c <= to.col; c++) if (norm(cellAt(sheet, r, c)) === norm(rowText)) labelled = true;
    if (!labelled) continue;
    const cols: number[] = [];
    for (let c = from.col; c <= to.col; c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v === 'number' && Math.abs(v - value) < 1e-9) cols.push(c);
    }
    if (cols[nth] !== undefined) hits.push(refText({ sheet: sheet.name, row: r, col: cols[nth] }));
  }
  if (hits.length !== 1) throw new Error(`${book.name} 公开${id}表: ${hits.length} cells for “${rowText}” = ${value}: ${hits.join(', ')}`);
  return hits[0];
}

/** Number of cells reading `text` inside table `id`'s range. */
function labelled(book: Book, id: TableId, text: string): number {
  const loc = book.report.tables.find((t) => t.id === id)!;
  const [from, to] = loc.range.split(':').map(parseA1);
  const sheet = book.snapshot.sheets.find((s) => s.name === loc.sheet)!;
  let n = 0;
  for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (norm(cellAt(sheet, r, c)) === norm(text)) n++;
  return n;
}

/** The findings, as `severity rule` lines, sorted: the whole list must be what the document contains. */
function kinds(book: Book): string[] {
  return book.findings.map((f) => `${f.severity} ${f.rule}`).sort();
}

function one(book: Book, rule: string, pred: (f: FindingJson) => boolean = () => true): FindingJson {
  const fs = book.findings.filter((f) => f.rule === rule && pred(f));
  if (fs.length !== 1)
    throw new Error(
      `${book.name}: ${fs.length} ${rule} findings matching, expected 1:\n${book.findings.map((f) => `${f.rule} ${f.message}`).join('\n')}`,
    );
  return fs[0];
}

/** Every figure of the document, as the model the example was built from, is read back at its place. */
function expectReadBack(book: Book): void {
  const source: FinalAccounts = shanghaiAccounts(book.doc);
  const read = readAccounts(book.snapshot).accounts;
  const mismatches: string[] = [];
  for (const id of TABLE_IDS) {
    const src = source.tables[id]!;
    const got = read.tables[id];
    if (!got) {
      mismatches.push(`${id}: not read`);
      continue;
    }
    for (const row of src.rows) {
      const back = got.rows.find((r) => r.key === row.key);
      for (const [col, cell] of Object.entries(row.cells)) {
        const value = back?.cells[col as ColKey]?.minor ?? 0;
        if (value !== cell.minor) mismatches.push(`${id} ${row.key} ${col}: printed ${cell.minor / 1e6}, read ${back ? value / 1e6 : '(no row)'}`);
      }
    }
    // Nothing read that the document does not print (coded rows: exactly the listed codes).
    const srcCodes = src.rows
      .filter((r) => r.key.startsWith('code:'))
      .map((r) => r.key)
      .sort();
    const gotCodes = got.rows
      .filter((r) => r.key.startsWith('code:'))
      .map((r) => r.key)
      .sort();
    if (JSON.stringify(srcCodes) !== JSON.stringify(gotCodes))
      mismatches.push(`${id}: codes ${gotCodes.join(',')} read, ${srcCodes.join(',')} printed`);
    for (const r of got.rows) {
      const nonZero = Object.entries(r.cells).filter(([, c]) => c.minor !== 0);
      const s = src.rows.find((x) => x.key === r.key);
      for (const [col, c] of nonZero)
        if (!s || s.cells[col as ColKey]?.minor !== c!.minor) mismatches.push(`${id} ${r.key} ${col}: read ${c.minor / 1e6}, not printed`);
    }
  }
  expect(mismatches).toEqual([]);
}

const books: Record<string, Book> = {};
const NAMES = ['shanghai-putuo-czj-2024', 'shanghai-putuo-guihuaziyuan-2024', 'shanghai-putuo-shehuigongzuobu-2024'];

beforeAll(async () => {
  for (const n of NAMES) books[n] = await load(n);
});

describe('Shanghai example data', () => {
  it('the committed JSON is the transcription of the reference .txt files (repeatable)', () => {
    for (const n of NAMES) {
      const committed = JSON.parse(readFileSync(join(ROOT, 'examples', 'data', `${n}.json`), 'utf8')) as ShanghaiDocument;
      const again = transcribe(readFixture(`shanghai-2024/${n}.txt`), committed.unit, committed.source);
      expect(again).toEqual(committed);
    }
  });

  it('keeps the printed figures, tails and shifts included', () => {
    const czj = books['shanghai-putuo-czj-2024'].doc.tables;
    expect(czj.t01.expenditure.find((l) => l.item.endsWith('社会保障和就业支出'))?.amount).toBe('326.71');
    expect(czj.t03.rows.find((r) => r.code === '208')?.values['本年支出合计']).toBe('326.72');
    expect(czj.t06.items.find((i) => i.code === '302')?.amount).toBe('171.07');
    const gh = books['shanghai-putuo-guihuaziyuan-2024'].doc;
    expect(gh.classList).toBe('24');
    expect(gh.tables.t01.expenditure).toHaveLength(24 + 4);
    expect(gh.tables.t03.rows.find((r) => r.code === '2200199')?.values['基本支出']).toBe('0.00');
    const sg = books['shanghai-putuo-shehuigongzuobu-2024'].doc.tables;
    expect(sg.t05.rows.map((r) => [r.code, r.values['合计'], r.values['基本支出'], r.values['项目支出']])).toEqual(
      sg.t03.rows.map((r) => [r.code, r.values['本年支出合计'], r.values['基本支出'], r.values['项目支出']]),
    );
    expect(sg.t08.notes[0]).toContain('仍保留该表格式');
  });
});

describe.each(NAMES)('%s: reading the Shanghai layout', (name) => {
  it('finds all nine tables with the shanghai-2024 profile, without being told', () => {
    const b = books[name];
    expect(b.report.profile).toBe('shanghai-2024');
    expect(b.report.tables.map((t) => t.id)).toEqual(TABLE_IDS);
    expect(b.findings.filter((f) => f.rule.startsWith('R-'))).toEqual([]);
    expect(b.report.unit).toBe(b.doc.unit);
  });

  it('reads every printed figure back at its place, and nothing else', () => {
    expectReadBack(books[name]);
  });

  it("prints the document's own 说明 under its empty tables (and the template residue where it was left)", () => {
    const b = books[name];
    const read = readAccounts(b.snapshot).accounts;
    const docNotes = { '07': b.doc.tables.t07.notes, '08': b.doc.tables.t08.notes, '09': b.doc.tables.t09.notes };
    for (const [id, notes] of Object.entries(docNotes)) {
      expect(read.tables[id as TableId]!.notes).toEqual(expect.arrayContaining(notes));
    }
  });

  it('reports no error (the documents are consistent beyond tails and 0.01 shifts)', () => {
    expect(books[name].findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('上海市普陀区财政局 (split 类/款/项 codes, 26-row list)', () => {
  const b = () => books['shanghai-putuo-czj-2024'];

  it('is laid out with split code columns', () => {
    const s = b().snapshot.sheets.find((x) => x.name === b().report.tables.find((t) => t.id === '03')!.sheet)!;
    const texts = s.values.flat().map(norm);
    expect(texts).toEqual(expect.arrayContaining(['类', '款', '项', '208', '05', '01']));
    expect(texts).not.toContain('2080501');
  });

  it('yields exactly its tails and the 208 shift', () => {
    expect(kinds(b())).toEqual(
      [
        'tail T2-b',
        'tail T2-b', // 合计 vs Σ类: 2946.26 / 2940.06 (income 2112.86+326.72+60.99+445.69; fiscal 2106.66+…) vs 2946.25 / 2940.05
        'tail T3-b',
        'tail T3-b', // 本年支出合计 2940.06 vs 2940.05; 基本支出 1503.52+326.72+60.99+445.69 = 2336.92 vs 2336.91
        'tail T5-a',
        'tail T5-a', // 05 = 03's figures: the same two tails
        'tail T6-a',
        'tail T6-a', // 301: Σ8 = 2082.86 vs 2082.85; 302: Σ12 = 171.09 vs 171.07
        'warning X4',
        'warning X7', // 208: 326.71 in 01/04, 326.72 in 03/05
      ].sort(),
    );
  });

  it('the 类 sums of 02/03/05 miss their 合计 by 0.01 (2940.06 vs 2940.05)', () => {
    const t3 = one(b(), 'T3-b', (f) => f.expected === 2940.06);
    expect([t3.severity, t3.actual, t3.difference]).toEqual(['tail', 2940.05, -0.01]);
    expect(t3.cells).toEqual([
      addr(b(), '03', '合计', 2940.05),
      addr(b(), '03', '一般公共服务支出', 2106.66),
      addr(b(), '03', '社会保障和就业支出', 326.72),
      addr(b(), '03', '卫生健康支出', 60.99),
      addr(b(), '03', '住房保障支出', 445.69),
    ]);
    const basic = one(b(), 'T3-b', (f) => f.expected === 2336.92);
    expect([basic.severity, basic.actual]).toEqual(['tail', 2336.91]);
    expect(basic.cells[0]).toBe(addr(b(), '03', '合计', 2336.91));
    const income = one(b(), 'T2-b', (f) => f.expected === 2940.06);
    expect(income.cells[0]).toBe(addr(b(), '02', '合计', 2940.05));
    expect(one(b(), 'T2-b', (f) => f.expected === 2946.26).cells[0]).toBe(addr(b(), '02', '合计', 2946.25));
    const t5 = one(b(), 'T5-a', (f) => f.expected === 2940.06);
    expect(t5.cells[0]).toBe(addr(b(), '05', '合计', 2940.05));
  });

  it('the 302 block adds to 171.09 against 171.07 printed: a 0.02 tail over 12 items', () => {
    const f = one(b(), 'T6-a', (x) => x.expected === 171.09);
    expect([f.severity, f.actual, f.difference]).toEqual(['tail', 171.07, -0.02]);
    expect(f.cells[0]).toBe(addr(b(), '06', '商品和服务支出', 171.07));
    expect(f.cells).toEqual(expect.arrayContaining([addr(b(), '06', '办公费', 21.21), addr(b(), '06', '其他商品和服务支出', 11.53)]));
    const w301 = one(b(), 'T6-a', (x) => x.expected === 2082.86);
    expect([w301.severity, w301.actual]).toEqual(['tail', 2082.85]);
  });

  it('208 is 326.71 in 01/04 but 326.72 in 03/05: a 0.01 shift, a warning on both pairs', () => {
    const x4 = one(b(), 'X4');
    expect([x4.severity, x4.actual, x4.expected]).toEqual(['warning', 326.71, 326.72]);
    expect(x4.cells).toEqual([addr(b(), '01', '八、社会保障和就业支出', 326.71), addr(b(), '03', '社会保障和就业支出', 326.72)]);
    const x7 = one(b(), 'X7');
    expect([x7.severity, x7.actual, x7.expected]).toEqual(['warning', 326.71, 326.72]);
    // 04 row 208 prints 326.71 under 合计 and again under 一般公共预算财政拨款 (the second one).
    expect(x7.cells).toEqual([addr(b(), '04', '八、社会保障和就业支出', 326.71, 1), addr(b(), '05', '社会保障和就业支出', 326.72)]);
  });
});

describe('上海市普陀区规划和自然资源局 (24-row list, nine tables on one sheet, carry-overs)', () => {
  const b = () => books['shanghai-putuo-guihuaziyuan-2024'];

  it('stacks the nine tables on one sheet and prints the 24-row 类 list', () => {
    expect(new Set(b().report.tables.map((t) => t.sheet)).size).toBe(1);
    const read = readAccounts(b().snapshot).accounts;
    for (const id of ['01', '04'] as const) {
      const classes = read.tables[id]!.rows.filter((r) => r.key.startsWith('class:')).map((r) => r.key);
      expect(classes).toHaveLength(24);
      expect(classes).toContain('class:234');
      expect(classes).not.toContain('class:231');
    }
    for (const id of ['01', '04'] as const) {
      expect(labelled(b(), id, '二十四、抗疫特别国债安排的支出')).toBe(1);
      expect(labelled(b(), id, '二十三、其他支出')).toBe(1);
      expect(labelled(b(), id, '二十四、债务还本支出')).toBe(0);
      expect(labelled(b(), id, '债务付息支出')).toBe(0);
    }
  });

  it('yields exactly its tails and the 210/212 shifts', () => {
    expect(kinds(b())).toEqual(
      [
        'tail T4-b',
        'tail T4-b', // 04 类 754.75+236.63+3832.36+4461.67+461.08 = 9746.49 vs 9746.50 (合计 and 一般公共预算 columns)
        'tail T5-a',
        'tail T5-a',
        'tail T5-a',
        'tail T5-a', // 212 / 21201 / 2120101: 基本+项目 = …79/…35 vs …80/…36; 合计 5364.75+4381.74 = 9746.49 vs 9746.50
        'tail T6-a', // 302: Σ16 = 440.88 vs 440.90
        'tail T6-b', // 人员经费 4816.14+67.96 = 4884.10 vs 4884.09
        'warning X4',
        'warning X4', // 210: 236.63 (01) vs 236.64 (03); 212: 3845.25 (01) vs 3845.24 (03)
        'warning X7', // 210: 236.63 (04) vs 236.64 (05)
      ].sort(),
    );
  });

  it('the 210 and 212 shifts between 01/04 and 03/05 are warnings naming both cells', () => {
    const x210 = one(b(), 'X4', (f) => f.expected === 236.64);
    expect([x210.severity, x210.actual]).toEqual(['warning', 236.63]);
    expect(x210.cells).toEqual([addr(b(), '01', '九、卫生健康支出', 236.63), addr(b(), '03', '卫生健康支出', 236.64)]);
    const x212 = one(b(), 'X4', (f) => f.expected === 3845.24);
    expect([x212.severity, x212.actual]).toEqual(['warning', 3845.25]);
    expect(x212.cells).toEqual([addr(b(), '01', '十一、城乡社区支出', 3845.25), addr(b(), '03', '城乡社区支出', 3845.24)]);
    const x7 = one(b(), 'X7');
    expect([x7.severity, x7.actual, x7.expected]).toEqual(['warning', 236.63, 236.64]);
    expect(x7.cells).toEqual([addr(b(), '04', '九、卫生健康支出', 236.63, 1), addr(b(), '05', '卫生健康支出', 236.64)]);
  });

  it('01 212 (3845.25) against 02/04/05 212 (3832.36) is no error: 12.88 of 212 基本支出 was paid from 年初结转', () => {
    // 01: 本年收入 9746.50 + 年初结转 112.88 = 本年支出 9759.38 + 年末结转 100.00; 9759.38 − 9746.50 = 12.88,
    // all in 212 基本支出 (03 1585.59 vs 05 1572.70). 04 has no 财政拨款 carry-over, so 03 > 05 by that amount: X10 holds.
    expect(b().findings.filter((f) => f.rule === 'X10' || f.rule === 'X11')).toEqual([]);
    expect(b().findings.filter((f) => f.rule === 'X4' && f.expected === 3832.36)).toEqual([]);
  });

  it('05 rows where 基本 + 项目 miss 合计 by 0.01 are tails with their three cells', () => {
    const f = one(b(), 'T5-a', (x) => x.expected === 3832.35);
    expect([f.severity, f.actual, f.difference]).toEqual(['tail', 3832.36, 0.01]);
    expect(f.cells).toEqual([
      addr(b(), '05', '城乡社区支出', 3832.36),
      addr(b(), '05', '城乡社区支出', 1572.7),
      addr(b(), '05', '城乡社区支出', 2259.65),
    ]);
    const total = one(b(), 'T5-a', (x) => x.expected === 9746.49);
    expect(total.cells[0]).toBe(addr(b(), '05', '合计', 9746.5));
  });

  it('06: 302 block 440.88 vs 440.90 and 人员经费 4884.10 vs 4884.09 are tails', () => {
    const f = one(b(), 'T6-a');
    expect([f.severity, f.expected, f.actual]).toEqual(['tail', 440.88, 440.9]);
    expect(f.cells[0]).toBe(addr(b(), '06', '商品和服务支出', 440.9));
    const p = one(b(), 'T6-b');
    expect([p.severity, p.expected, p.actual]).toEqual(['tail', 4884.1, 4884.09]);
    expect(p.cells).toEqual([
      addr(b(), '06', '人员经费合计', 4884.09),
      addr(b(), '06', '工资福利支出', 4816.14),
      addr(b(), '06', '对个人和家庭的补助', 67.96),
    ]);
  });

  it('04 类 sum 9746.49 vs 本年支出合计 9746.50 is a tail in both columns', () => {
    const fs = b().findings.filter((f) => f.rule === 'T4-b');
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([
      ['tail', 9746.49, 9746.5],
      ['tail', 9746.49, 9746.5],
    ]);
    // That row also carries 本年收入合计 9746.50 on the income side (first); 合计 and 一般公共预算 follow.
    expect(fs.map((f) => f.cells[0])).toEqual([addr(b(), '04', '本年支出合计', 9746.5, 1), addr(b(), '04', '本年支出合计', 9746.5, 2)]);
  });
});

describe('中共上海市普陀区委社会工作部 (new unit, template residue)', () => {
  const b = () => books['shanghai-putuo-shehuigongzuobu-2024'];

  it('yields exactly its tails and the template residue in 08/09', () => {
    expect(kinds(b())).toEqual(
      [
        'tail T6-a', // 302: Σ8 = 10.22 vs 10.23
        'tail X9', // 05 基本支出 105.58 vs 06 人员 95.36 + 公用 10.23 = 105.59
        'warning T8-b',
        'warning T9-b', // template instruction sentence left under the empty tables
      ].sort(),
    );
  });

  it('05 基本支出 105.58 against 06 105.59 is a cross-table tail', () => {
    const f = one(b(), 'X9');
    expect([f.severity, f.expected, f.actual, f.difference]).toEqual(['tail', 105.59, 105.58, -0.01]);
    expect(f.cells).toEqual([addr(b(), '05', '合计', 105.58), addr(b(), '06', '人员经费合计', 95.36), addr(b(), '06', '公用经费合计', 10.23)]);
  });

  it('the instruction “仍保留该表格式，并在本表下方作下述说明” left in 08 and 09 is a warning on each table', () => {
    for (const [rule, id] of [
      ['T8-b', '08'],
      ['T9-b', '09'],
    ] as const) {
      const f = one(b(), rule);
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('仍保留该表格式');
      const loc = b().report.tables.find((t) => t.id === id)!;
      expect(f.cells).toEqual([`${loc.sheet}!${loc.range.split(':')[0]}`]); // the table's title cell
    }
  });

  it('an empty 三公 table with its 说明 is no finding', () => {
    expect(b().findings.filter((f) => f.table === '07')).toEqual([]);
  });
});
