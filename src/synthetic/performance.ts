// Random valid 绩效自评 tables (项目 公开表 and 部门整体), laid out like the printed reference document
// (scripts/examples/performance-sheets.ts): ten 项目 tables stacked per sheet, then the 部门整体 sheet. Pure.
// Valid means: 执行率 = 执行数 ÷ 预算数, 执行率得分 = 10 × 执行率, every indicator met and scored its full
// weight, weights + 10 = 100, 总分 = Σ scores; the 部门整体 funds block satisfies ③=①+②, ⑤=④÷③, ⑥=③−④, ⑦=⑥÷③.
import type { CellStyle, LayoutCell, SheetLayout } from '../port/layout';
import type { CellRange, CellValue } from '../port/snapshot';
import { Random } from './random';

const TITLE: CellStyle = { bold: true, fontSize: 16, hAlign: 'center' };
const HEADER: CellStyle = { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true };
const TEXT: CellStyle = { vAlign: 'middle', wrap: true, border: true };
const AMOUNT: CellStyle = { hAlign: 'right', border: true, numberFormat: '0.00' };
const NUMBER: CellStyle = { hAlign: 'right', border: true, numberFormat: 'General' };

export interface SyntheticIndicator {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: number;
  weight: number;
  score: number;
}

export interface SyntheticProject {
  name: string;
  /** 万元 with two decimals, as printed. */
  budget: number;
  spent: number;
  rate: number;
  execScore: number;
  indicators: SyntheticIndicator[];
  total: number;
}

/** The project's money (万元): a cost indicator is measured against it. */
interface Cost {
  budget: number;
  spent: number;
}

interface Kind {
  level1: string;
  level2: string;
  make: (rng: Random, i: number, cost: Cost) => { level3: string; target: string; actual: number };
}

const KINDS: Kind[] = [
  { level1: '产出指标', level2: '数量指标', make: (r, i) => { const n = r.int(2, 50); return { level3: `完成任务数量${i}`, target: `≥${n}个`, actual: n + r.int(0, 5) }; } },
  { level1: '产出指标', level2: '质量指标', make: (_r, i) => ({ level3: `验收合格率${i}`, target: '=100%', actual: 100 }) },
  { level1: '产出指标', level2: '时效指标', make: (r, i) => { const n = r.int(3, 12); return { level3: `资金拨付时限${i}`, target: `≤${n}个月`, actual: r.int(1, n) }; } },
  { level1: '成本指标', level2: '经济成本指标', make: (_r, i, c) => ({ level3: `项目成本控制数${i}`, target: `≤${c.budget}万元`, actual: c.spent }) },
  { level1: '效益指标', level2: '社会效益指标', make: (r, i) => { const n = r.int(1, 20); return { level3: `带动就业人数${i}`, target: `≥${n}人`, actual: n + r.int(0, 10) }; } },
  { level1: '满意度指标', level2: '服务对象满意度指标', make: (r, i) => ({ level3: `服务对象满意度${i}`, target: '≥90%', actual: r.int(90, 100) }) },
];

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Integer weights summing to `total`, each ≥ 1. */
function splitWeights(rng: Random, n: number, total: number): number[] {
  const raw = Array.from({ length: n }, () => rng.int(1, 10));
  const s = raw.reduce((a, b) => a + b, 0);
  const w = raw.map((x) => Math.max(1, Math.floor((x * total) / s)));
  w[w.length - 1] += total - w.reduce((a, b) => a + b, 0);
  if (w[w.length - 1] < 1) return Array.from({ length: n }, (_v, i) => (i === 0 ? total - (n - 1) : 1));
  return w;
}

/** Indicators in the printed order of the levels (runs of equal level-1/level-2 are merged). */
function indicators(rng: Random, n: number, cost: Cost): SyntheticIndicator[] {
  const weights = splitWeights(rng, n, 90);
  const kinds = Array.from({ length: n }, (_v, i) => KINDS[i % KINDS.length]).sort((a, b) => KINDS.indexOf(a) - KINDS.indexOf(b));
  return kinds.map((k, i) => ({ level1: k.level1, level2: k.level2, ...k.make(rng, i + 1, cost), weight: weights[i], score: weights[i] }));
}

export function syntheticProjects(seed: number, count: number, indicatorCount: number): SyntheticProject[] {
  const rng = new Random(seed ^ 0x5bd1e995);
  return Array.from({ length: count }, (_v, i) => {
    const budget = rng.int(1_000, 500_000) / 100;
    const spent = rng.chance(0.5) ? budget : round2(budget * (0.8 + rng.next() * 0.2));
    const rate = round2((spent / budget) * 100);
    const execScore = round2(Math.min(10, (10 * spent) / budget));
    const inds = indicators(rng, indicatorCount, { budget, spent });
    return { name: `合成项目${i + 1}专项资金`, budget, spent, rate, execScore, indicators: inds, total: round2(execScore + 90) };
  });
}

class SheetWriter {
  cells: LayoutCell[] = [];
  merges: CellRange[] = [];
  row = 0;

  put(row: number, col: number, value: CellValue, style?: CellStyle): void {
    this.cells.push({ row, col, value, style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  span(row: number, left: number, right: number, value: CellValue, style: CellStyle): void {
    this.put(row, left, value, style);
    for (let c = left + 1; c <= right; c++) this.put(row, c, null, style);
    this.merge(row, left, row, right);
  }
}

function writeIndicators(w: SheetWriter, list: SyntheticIndicator[], first: number): void {
  list.forEach((ind, i) => {
    const r = first + i;
    w.put(r, 3, ind.level3, TEXT);
    w.put(r, 4, ind.target, TEXT);
    w.put(r, 5, ind.actual, NUMBER);
    w.put(r, 6, ind.weight, NUMBER);
    w.put(r, 7, ind.score, NUMBER);
    w.put(r, 8, '无', TEXT);
  });
  for (const col of [1, 2] as const) {
    const key = (ind: SyntheticIndicator) => (col === 1 ? ind.level1 : `${ind.level1}|${ind.level2}`);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i === list.length || key(list[i]) !== key(list[start])) {
        w.put(first + start, col, col === 1 ? list[start].level1 : list[start].level2, TEXT);
        for (let k = start + 1; k < i; k++) w.put(first + k, col, null, TEXT);
        w.merge(first + start, col, first + i - 1, col);
        start = i;
      }
    }
  }
}

function writeIndicatorBlock(w: SheetWriter, list: SyntheticIndicator[], r: number): number {
  const headerRow = r;
  w.put(r, 0, '绩效指标', HEADER);
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '指标分值', '自评得分', '偏差原因分析及改进措施'].forEach((h, i) => w.put(r, 1 + i, h, HEADER));
  writeIndicators(w, list, r + 1);
  r += list.length;
  for (let k = headerRow + 1; k <= r; k++) w.put(k, 0, null, HEADER);
  w.merge(headerRow, 0, r, 0);
  return r;
}

function writeProject(w: SheetWriter, p: SyntheticProject, unitName: string, year: number): void {
  let r = w.row;
  w.span(r, 0, 8, '绩效自评公开表', TITLE);
  w.span(++r, 0, 8, `（${year}年度）`, { hAlign: 'center' });
  w.put(++r, 0, '项目名称', HEADER);
  w.span(r, 1, 8, p.name, TEXT);
  w.put(++r, 0, '主管部门', HEADER);
  w.span(r, 1, 3, unitName, TEXT);
  w.put(r, 4, '实施单位', HEADER);
  w.span(r, 5, 8, unitName, TEXT);
  const fundsTop = ++r;
  w.put(r, 0, '项目资金(万元)', HEADER);
  w.put(r, 1, null, HEADER);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率(%)', '得分'].forEach((h, i) => w.put(r, 2 + i, h, HEADER));
  w.put(r, 8, null, HEADER);
  const rows: Array<[string, number, number, number]> = [
    ['年度资金总额', p.budget, p.spent, p.rate],
    ['其中：当年财政拨款', p.budget, p.spent, p.rate],
    ['其他资金', 0, 0, 0],
    ['上年结转资金', 0, 0, 0],
  ];
  rows.forEach(([label, budget, spent, rate], i) => {
    w.put(++r, 0, null, HEADER);
    w.put(r, 1, label, TEXT);
    w.put(r, 2, budget, AMOUNT);
    w.put(r, 3, budget, AMOUNT);
    w.put(r, 4, spent, AMOUNT);
    w.put(r, 5, i === 0 ? 10 : '—', NUMBER);
    w.put(r, 6, rate, AMOUNT);
    w.put(r, 7, i === 0 ? p.execScore : null, NUMBER);
    w.put(r, 8, null, TEXT);
  });
  w.merge(fundsTop, 0, r, 0);
  w.put(++r, 0, '年度总体目标', HEADER);
  w.span(r, 1, 4, '预期目标', HEADER);
  w.span(r, 5, 8, '实际完成情况', HEADER);
  w.put(++r, 0, null, HEADER);
  w.span(r, 1, 4, '按期完成项目建设任务。', TEXT);
  w.span(r, 5, 8, '已按期完成。', TEXT);
  w.merge(r - 1, 0, r, 0);
  r = writeIndicatorBlock(w, p.indicators, r + 1);
  w.put(++r, 0, '总分', HEADER);
  w.span(r, 1, 6, null, TEXT);
  w.put(r, 7, p.total, NUMBER);
  w.put(r, 8, null, TEXT);
  w.row = r + 3;
}

const DEPT_COLUMNS = [
  '年初部门预算安排金额(含历年结余结转)①',
  '年中调整金额②',
  '小计③=①+②',
  '年度拨付金额④',
  '支出实现率(%)⑤=④/③',
  '本年度结余金额⑥=③-④',
  '资金结余率(%)⑦=⑥/③',
];

/** One funds row of the 部门整体 table in 分: ① ② ④; the rest is derived. */
function deptRow(initial: number, adjust: number, paid: number): number[] {
  const subtotal = initial + adjust;
  const rate = subtotal === 0 ? 0 : round2((paid / subtotal) * 100);
  const left = subtotal - paid;
  const leftRate = subtotal === 0 ? 0 : round2((left / subtotal) * 100);
  return [initial / 100, adjust / 100, subtotal / 100, paid / 100, rate, left / 100, leftRate];
}

function writeDept(w: SheetWriter, rng: Random, unitName: string, year: number, indicatorCount: number): void {
  const parts = [0, 1, 2].map(() => [rng.int(0, 50_000_000), rng.int(0, 10_000_000)]);
  const paid = parts.map(([a, b]) => Math.floor((a + b) * (0.8 + rng.next() * 0.2)));
  const sum = (k: number) => parts.reduce((s, p) => s + p[k], 0);
  const totalPaid = paid.reduce((a, b) => a + b, 0);
  const fundRows: Array<[string, number[]]> = [
    ['合计', deptRow(sum(0), sum(1), totalPaid)],
    ['财政资金小计', deptRow(sum(0), sum(1), totalPaid)],
    ['①中央财政资金', deptRow(parts[0][0], parts[0][1], paid[0])],
    ['②省级财政资金', deptRow(parts[1][0], parts[1][1], paid[1])],
    ['③地方财政资金', deptRow(parts[2][0], parts[2][1], paid[2])],
    ['其他资金小计', deptRow(0, 0, 0)],
  ];
  const rate = fundRows[0][1][4];
  const execScore = round2(Math.min(10, rate / 10));
  const inds = indicators(rng, indicatorCount, { budget: fundRows[0][1][2], spent: fundRows[0][1][3] });

  let r = w.row;
  w.span(r, 0, 10, '部门整体绩效自评表', TITLE);
  w.span(++r, 0, 10, `（${year}年度）`, { hAlign: 'center' });
  w.put(++r, 0, '项目名称', HEADER);
  w.span(r, 1, 10, '部门整体', TEXT);
  w.put(++r, 0, '部门(单位)名称', HEADER);
  w.span(r, 1, 4, unitName, TEXT);
  w.span(r, 5, 6, '部门预算编码', HEADER);
  w.span(r, 7, 10, '900001', TEXT);
  const top = ++r;
  w.put(r, 0, '财政资金安排和使用情况(万元)', HEADER);
  w.put(r, 1, null, HEADER);
  w.span(r, 2, 4, '预算安排', HEADER);
  w.span(r, 5, 6, '拨付情况', HEADER);
  w.span(r, 7, 8, '结余情况', HEADER);
  w.put(r, 9, '分值', HEADER);
  w.put(r, 10, '得分', HEADER);
  w.put(++r, 0, null, HEADER);
  w.put(r, 1, null, HEADER);
  DEPT_COLUMNS.forEach((h, i) => w.put(r, 2 + i, h, HEADER));
  w.put(r, 9, null, HEADER);
  w.put(r, 10, null, HEADER);
  w.merge(r - 1, 9, r, 9);
  w.merge(r - 1, 10, r, 10);
  fundRows.forEach(([label, values], i) => {
    w.put(++r, 0, null, HEADER);
    w.put(r, 1, label, TEXT);
    values.forEach((v, k) => w.put(r, 2 + k, v, AMOUNT));
    w.put(r, 9, i === 0 ? 10 : null, NUMBER);
    w.put(r, 10, i === 0 ? execScore : null, NUMBER);
  });
  w.merge(top, 0, r, 0);
  w.put(++r, 0, '年度总体目标', HEADER);
  w.span(r, 1, 5, '预期目标', HEADER);
  w.span(r, 6, 10, '目标实际完成情况', HEADER);
  w.put(++r, 0, null, HEADER);
  w.span(r, 1, 5, '完成年度工作任务。', TEXT);
  w.span(r, 6, 10, '已完成。', TEXT);
  w.merge(r - 1, 0, r, 0);
  r = writeIndicatorBlock(w, inds, r + 1);
  w.put(++r, 0, '总分', HEADER);
  w.span(r, 1, 6, null, TEXT);
  w.put(r, 7, round2(execScore + 90), NUMBER);
  w.row = r + 3;
}

const PROJECTS_PER_SHEET = 10;
const WIDTHS = [14, 14, 14, 26, 16, 12, 10, 10, 30, 10, 10];

export interface PerformanceShape {
  projects: number;
  dept: boolean;
  indicators: number;
}

/** The 绩效自评 sheets of a synthetic unit. */
export function performanceLayouts(seed: number, shape: PerformanceShape, unitName: string, year = 2024): SheetLayout[] {
  const projects = syntheticProjects(seed, shape.projects, shape.indicators);
  const sheets: SheetLayout[] = [];
  for (let i = 0; i < projects.length; i += PROJECTS_PER_SHEET) {
    const w = new SheetWriter();
    const batch = projects.slice(i, i + PROJECTS_PER_SHEET);
    for (const p of batch) writeProject(w, p, unitName, year);
    sheets.push({ name: `绩效自评${i + 1}-${i + batch.length}`, cells: w.cells, merges: w.merges, columnWidths: WIDTHS });
  }
  if (shape.dept) {
    const w = new SheetWriter();
    writeDept(w, new Random(seed ^ 0x27d4eb2f), unitName, year, shape.indicators);
    sheets.push({ name: '部门整体绩效自评', cells: w.cells, merges: w.merges, columnWidths: WIDTHS });
  }
  return sheets;
}
