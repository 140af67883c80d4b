// Random valid 绩效自评 tables (项目 公开表 and 部门整体), laid out like the printed reference document
// (layout in src/generator/performance-layout.ts): ten 项目 tables stacked per sheet, then the 部门整体 sheet. Pure.
// Valid means: 执行率 = 执行数 ÷ 预算数, 执行率得分 = 10 × 执行率, every indicator met and scored its full
// weight, weights + 10 = 100, 总分 = Σ scores; the 部门整体 funds block satisfies ③=①+②, ⑤=④÷③, ⑥=③−④, ⑦=⑥÷③.
import {
  DEPT_FUND_LABELS,
  PROJECT_FUND_LABELS,
  performanceTableLayouts,
  type DeptOverallTable,
  type PerformanceIndicatorRow,
  type PerformanceProjectTable,
} from '../generator/performance-layout';
import type { SheetLayout } from '../port/layout';
import { Random } from './random';

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
  {
    level1: '产出指标',
    level2: '数量指标',
    make: (r, i) => {
      const n = r.int(2, 50);
      return { level3: `完成任务数量${i}`, target: `≥${n}个`, actual: n + r.int(0, 5) };
    },
  },
  { level1: '产出指标', level2: '质量指标', make: (_r, i) => ({ level3: `验收合格率${i}`, target: '=100%', actual: 100 }) },
  {
    level1: '产出指标',
    level2: '时效指标',
    make: (r, i) => {
      const n = r.int(3, 12);
      return { level3: `资金拨付时限${i}`, target: `≤${n}个月`, actual: r.int(1, n) };
    },
  },
  { level1: '成本指标', level2: '经济成本指标', make: (_r, i, c) => ({ level3: `项目成本控制数${i}`, target: `≤${c.budget}万元`, actual: c.spent }) },
  {
    level1: '效益指标',
    level2: '社会效益指标',
    make: (r, i) => {
      const n = r.int(1, 20);
      return { level3: `带动就业人数${i}`, target: `≥${n}人`, actual: n + r.int(0, 10) };
    },
  },
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

function indicatorRows(list: SyntheticIndicator[]): PerformanceIndicatorRow[] {
  return list.map((ind) => ({
    level1: ind.level1,
    level2: ind.level2,
    level3: ind.level3,
    target: ind.target,
    actual: ind.actual,
    weight: ind.weight,
    score: ind.score,
    note: '无',
  }));
}

function projectTable(p: SyntheticProject, index: number, unitName: string): PerformanceProjectTable {
  const figures: Array<[number, number, number]> = [
    [p.budget, p.spent, p.rate],
    [p.budget, p.spent, p.rate],
    [0, 0, 0],
    [0, 0, 0],
  ];
  return {
    index,
    name: p.name,
    主管部门: unitName,
    实施单位: unitName,
    funds: figures.map(([budget, spent, rate], i) => ({
      label: PROJECT_FUND_LABELS[i],
      年初预算数: budget,
      全年预算数: budget,
      全年执行数: spent,
      分值: i === 0 ? 10 : '—',
      执行率: rate,
      得分: i === 0 ? p.execScore : null,
    })),
    goals: { expected: '按期完成项目建设任务。', actual: '已按期完成。' },
    indicators: indicatorRows(p.indicators),
    总分: p.total,
  };
}

/** One funds row of the 部门整体 table in 分: ① ② ④; the rest is derived. */
function deptRow(initial: number, adjust: number, paid: number): number[] {
  const subtotal = initial + adjust;
  const rate = subtotal === 0 ? 0 : round2((paid / subtotal) * 100);
  const left = subtotal - paid;
  const leftRate = subtotal === 0 ? 0 : round2((left / subtotal) * 100);
  return [initial / 100, adjust / 100, subtotal / 100, paid / 100, rate, left / 100, leftRate];
}

function deptTable(rng: Random, unitName: string, indicatorCount: number): DeptOverallTable {
  const parts = [0, 1, 2].map(() => [rng.int(0, 50_000_000), rng.int(0, 10_000_000)]);
  const paid = parts.map(([a, b]) => Math.floor((a + b) * (0.8 + rng.next() * 0.2)));
  const sum = (k: number) => parts.reduce((s, p) => s + p[k], 0);
  const totalPaid = paid.reduce((a, b) => a + b, 0);
  const values = [
    deptRow(sum(0), sum(1), totalPaid),
    deptRow(sum(0), sum(1), totalPaid),
    deptRow(parts[0][0], parts[0][1], paid[0]),
    deptRow(parts[1][0], parts[1][1], paid[1]),
    deptRow(parts[2][0], parts[2][1], paid[2]),
    deptRow(0, 0, 0),
  ];
  const rate = values[0][4];
  const execScore = round2(Math.min(10, rate / 10));
  const inds = indicators(rng, indicatorCount, { budget: values[0][2], spent: values[0][3] });
  return {
    name: '部门整体',
    unitName,
    部门预算编码: '900001',
    funds: values.map((v, i) => ({
      label: DEPT_FUND_LABELS[i],
      values: v,
      分值: i === 0 ? 10 : null,
      得分: i === 0 ? execScore : null,
    })),
    goals: { expected: '完成年度工作任务。', actual: '已完成。' },
    indicators: indicatorRows(inds),
    总分: round2(execScore + 90),
  };
}

export interface PerformanceShape {
  projects: number;
  dept: boolean;
  indicators: number;
}

/** The 绩效自评 sheets of a synthetic unit. */
export function performanceLayouts(seed: number, shape: PerformanceShape, unitName: string, year = 2024): SheetLayout[] {
  const projects = syntheticProjects(seed, shape.projects, shape.indicators);
  return performanceTableLayouts({
    year,
    projects: projects.map((p, i) => projectTable(p, i + 1, unitName)),
    deptOverall: shape.dept ? deptTable(new Random(seed ^ 0x27d4eb2f), unitName, shape.indicators) : undefined,
  });
}
