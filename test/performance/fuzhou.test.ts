// The reference document's real scoring problems, found at their cells; consistent projects report nothing.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { workbookSnapshot } from '../../src/adapters/file/exceljs-snapshot';
import { checkWorkbook } from '../../src/app/check';
import { refText, type CellRef } from '../../src/core/cells';
import type { Finding } from '../../src/core/findings';
import { checkPerformance } from '../../src/app/performance';
import { cellAt, type WorkbookSnapshot } from '../../src/port/snapshot';
import { loadReference, referenceSnapshot } from './helpers';

const ref = loadReference();
const nameOf = (index: number) => ref.performance.find((p) => p.index === index)!.name;

/** Projects 1…56 whose printed tables hold together (checked by hand against the reference text). */
const CONSISTENT = [1, 3, 4, 7, 8, 10, 11, 12, 13, 15, 17, 19, 20, 22, 25, 28, 32, 33, 34, 36, 37, 40, 42, 43, 44, 47, 51, 52, 53, 55];

function valueAt(snapshot: WorkbookSnapshot, cell: CellRef): unknown {
  const sheet = snapshot.sheets.find((s) => s.name === cell.sheet)!;
  return cellAt(sheet, cell.row, cell.col);
}

function labelLeftOf(snapshot: WorkbookSnapshot, cell: CellRef, col: number): unknown {
  return valueAt(snapshot, { ...cell, col });
}

function assertFuzhouFindings(findings: Finding[], snapshot: WorkbookSnapshot): void {
  const of = (index: number, rule?: string) => findings.filter((f) => f.table === nameOf(index) && (!rule || f.rule === rule));

  // Wrong 执行率: 6334.17 ÷ 89000.00 is 7.12%, printed 71.17% (a zero too many in the budget).
  const rate = of(14, 'P1').find((f) => f.message.includes('年度资金总额'))!;
  expect(rate.severity).toBe('error');
  expect(rate.expected).toBe(7.12);
  expect(rate.actual).toBe(71.17);
  expect(valueAt(snapshot, rate.cells[0])).toBe(71.17);

  // Spending against a 全年预算数 of 0: exactly these five projects.
  const zeroBudget = [...new Set(findings.filter((f) => f.rule === 'P2').map((f) => f.table))].sort();
  expect(zeroBudget).toEqual([5, 9, 21, 35, 41].map(nameOf).sort());
  for (const f of findings.filter((x) => x.rule === 'P2')) expect(valueAt(snapshot, f.cells[0])).toBe(0);

  // Weights not adding to 100: 297 + 10 and 117 + 10.
  const weights = findings.filter((f) => f.rule === 'P9');
  expect(weights.map((f) => [f.table, f.actual])).toEqual([
    [nameOf(14), 307],
    [nameOf(46), 127],
  ]);

  // An actual in 元 where the target is in 万元: 1759999.92 for ≤176万元.
  const yuan = findings.filter((f) => f.rule === 'P13');
  expect(yuan).toHaveLength(1);
  expect(yuan[0].table).toBe(nameOf(18));
  expect(valueAt(snapshot, yuan[0].cells[0])).toBe(1759999.92);
  // …scored 0 with only 「无」 as its deviation reason.
  expect(of(18, 'P16')).toHaveLength(1);

  // An impossible satisfaction rate: 128%.
  const rate128 = findings.filter((f) => f.rule === 'P12');
  expect(rate128).toHaveLength(1);
  expect(rate128[0].table).toBe(nameOf(35));
  expect(valueAt(snapshot, rate128[0].cells[0])).toBe(128);
  expect(labelLeftOf(snapshot, rate128[0].cells[0], 3)).toBe('奖补对象满意率');

  // Inconsistent 执行率 scoring: 93.76% and 87.69% score 7 while 81.54% scores 10.
  const inversions = findings.filter((f) => f.rule === 'P5');
  expect(inversions.map((f) => f.table).sort()).toEqual([nameOf(31), nameOf(49)].sort());
  for (const f of inversions) {
    expect(f.actual).toBe(7);
    expect(f.expected).toBe(10);
    expect(f.message).toContain(nameOf(13));
    expect(valueAt(snapshot, f.cells[1])).toBe(10);
  }

  // Scores that contradict their targets.
  const contradicts = findings.filter((f) => f.rule === 'P6');
  const byProject = (i: number) => contradicts.filter((f) => f.table === nameOf(i));
  expect(byProject(14).map((f) => [f.expected, f.actual])).toEqual([[20.25, 23]]); // ≥40项, 27 done, 30 × 27/40
  expect(byProject(27).map((f) => [f.expected, f.actual])).toEqual([[1.5, 5]]); // ≥4场次, 1 done, 6 × 1/4
  const late = byProject(46);
  expect(late.map((f) => [f.severity, f.expected, f.actual])).toEqual([['warning', 24, 0]]); // ≤30日, 36 days
  expect(labelLeftOf(snapshot, late[0].cells[0], 3)).toBe('资金落实时效性');

  // `>` targets merely equalled yet scored full.
  expect(of(39, 'P14')).toHaveLength(3);

  // 总分 that is not 执行率得分 + Σ scores.
  expect(of(14, 'P10').map((f) => [f.expected, f.actual])).toEqual([[295, 94.03]]);

  // Consistent projects produce nothing.
  for (const i of CONSISTENT) expect([nameOf(i), of(i)]).toEqual([nameOf(i), []]);

  // A 执行率 printed from other figures: 1850.00 ÷ 1970.00 is 93.91%, printed 95.18% (年度资金总额 and 当年财政拨款).
  expect(of(48, 'P1').map((f) => [f.expected, f.actual])).toEqual([
    [93.91, 95.18],
    [93.91, 95.18],
  ]);
  // =11 版, 1 done, weight 1 scored 1: 1 × 1/11 = 0.09.
  expect(byProject(39).map((f) => [f.expected, f.actual])).toEqual([[0.09, 1]]);

  // 成本 indicators far from the project's 全年执行数 (万元): 789.8 vs 397.40, 800 vs 25.04, 0 vs 4.04.
  expect(findings.filter((f) => f.rule === 'P15').map((f) => [f.table, f.expected, f.actual])).toEqual([
    [nameOf(6), 397.4, 789.8],
    [nameOf(16), 25.04, 800],
    [nameOf(29), 4.04, 0],
  ]);

  // Nothing else: every finding on the reference by project and rule. Besides the problems above, the
  // reference leaves cells blank: scores (P8: 23, 24, 26 ×2, 27 ×8 with their weights, 30, 38, 48, 50, 54,
  // 部门整体), funds figures (P19: 2, 45, 46), and scores a weight short without a reason (P16: 18, 49).
  const counts: Record<string, number> = {};
  for (const f of findings) {
    const key = `${ref.performance.find((p) => p.name === f.table)?.index ?? f.table}:${f.rule}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  expect(counts).toEqual({
    '2:P19': 1,
    '5:P2': 1,
    '6:P15': 1,
    '9:P2': 1,
    '14:P1': 2,
    '14:P6': 1,
    '14:P9': 1,
    '14:P10': 1,
    '16:P15': 1,
    '18:P13': 1,
    '18:P16': 1,
    '21:P2': 1,
    '23:P8': 1,
    '24:P8': 1,
    '26:P8': 2,
    '27:P6': 1,
    '27:P8': 8,
    '29:P15': 1,
    '30:P8': 1,
    '31:P5': 1,
    '35:P2': 1,
    '35:P12': 1,
    '38:P8': 1,
    '39:P6': 1,
    '39:P14': 3,
    '41:P2': 1,
    '45:P19': 1,
    '46:P6': 1,
    '46:P9': 1,
    '46:P19': 1,
    '48:P1': 2,
    '48:P8': 1,
    '49:P5': 1,
    '49:P16': 1,
    '50:P8': 1,
    '54:P8': 1,
    '153001 部门整体:P8': 1,
  });

  // 部门整体: the funds block holds (①+②, ④÷③, ③−④, ⑥÷③, rows to 合计); only its 执行率得分 cell is empty.
  const dept = findings.filter((f) => f.table === '153001 部门整体');
  expect(dept.map((f) => f.rule)).toEqual(['P8']);
}

describe('绩效自评 checks on the reference tables (in-memory workbook)', () => {
  const snapshot = referenceSnapshot();
  const result = checkPerformance(snapshot);

  it('reports the real scoring problems at their cells and nothing on consistent projects', () => {
    assertFuzhouFindings(result.findings, snapshot);
  });

  it('summarises every project with printed and recomputed totals, grade and finding count', () => {
    expect(result.projects).toHaveLength(57);
    const p14 = result.projects.find((p) => p.project === nameOf(14))!;
    // Recomputed: 执行率得分 5 (no 执行率 rule set) + 20 + 10 + 100 + 100 + 10 + 5 + 12 + 30 × 27/40 + 10.
    expect([p14.printedTotal, p14.recomputedTotal, p14.grade, p14.totalIssue]).toEqual([94.03, 292.25, '优', true]);
    expect(p14.findings).toBe(5); // P1 ×2, P6, P9, P10
    const p38 = result.projects.find((p) => p.project === nameOf(38))!;
    // 0 + 15 + 15 + 10 + 10 + 30 × 60/80 + 10 × 0/90 (the blank 满意度 score recomputed from its actual 0).
    expect([p38.printedTotal, p38.recomputedTotal, p38.grade, p38.findings, p38.totalIssue]).toEqual([72.5, 72.5, '中', 1, false]);
    // 部门整体: its 执行率得分 is blank, so no recomputed total; graded on the printed 94.46.
    const dept = result.projects.find((p) => p.project === '153001 部门整体')!;
    // Nothing to compare the printed 总分 with: not a 总分 issue.
    expect([dept.printedTotal, dept.recomputedTotal, dept.grade, dept.findings, dept.totalIssue]).toEqual([94.46, null, '优', 1, false]);
    const p1 = result.projects.find((p) => p.project === nameOf(1))!;
    expect([p1.printedTotal, p1.recomputedTotal, p1.findings]).toEqual([100, 100, 0]);
  });

  it('checks each score against a configured 执行率 rule when one is set', () => {
    const proportional = checkPerformance(snapshot, { rubric: 'gongkai-2024', settings: { execRateRule: 'proportional' } });
    const p3 = proportional.findings.filter((f) => f.rule === 'P3');
    // 81.54% scored 10 where 10 × 81.54% = 8.15.
    const p13 = p3.find((f) => f.table === nameOf(13))!;
    expect([p13.expected, p13.actual]).toEqual([8.15, 10]);
    // 100% scored 10 is right under any rule.
    expect(p3.some((f) => f.table === nameOf(1))).toBe(false);
  });
});

const examplePath = path.join(__dirname, '../../examples/fuzhou-gxj-2024.xlsx');

describe('final-accounts check on examples/fuzhou-gxj-2024.xlsx', () => {
  it('finds the same 绩效 problems through checkWorkbook on the real file', async () => {
    expect(fs.existsSync(examplePath)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(examplePath);
    const snapshot = workbookSnapshot(wb);
    const report = checkWorkbook(snapshot, { file: examplePath });
    const perfTables = new Set([...ref.performance.map((p) => p.name), '153001 部门整体']);
    const perf = report.findings.filter((f) => perfTables.has(f.table));
    assertFuzhouFindings(perf, snapshot);
    expect(report.projects).toHaveLength(57);
    expect(refText(perf.find((f) => f.rule === 'P13')!.cells[0])).toMatch(/^绩效自评11-20!F\d+$/);
  });
});
