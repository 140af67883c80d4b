// Lays out the 56 项目 绩效自评公开表 and the 部门整体绩效自评表 of the reference document as sheets,
// figures exactly as printed (nothing fixed). `null` in the data (cell lost by the text extraction) stays blank.
// The layout itself is src/generator/performance-layout.ts; this file only maps the reference JSON to its model.
import {
  performanceTableLayouts,
  type DeptOverallTable,
  type PerformanceIndicatorRow,
  type PerformanceProjectTable,
} from '../../src/generator/performance-layout';
import type { SheetLayout } from '../../src/port/layout';

interface RefTarget {
  raw: string;
  text: string;
}

interface RefIndicator {
  level1: string | null;
  level2: string | null;
  level3: string | null;
  target: RefTarget | null;
  actual: number | null;
  weight: number | null;
  score: number | null;
  note: string | null;
}

type RefFigures = Record<string, number | null | undefined>;

interface RefProject {
  index: number;
  name: string;
  主管部门: string | null;
  实施单位: string | null;
  funds: Record<string, RefFigures>;
  总分: number | null;
  indicators: RefIndicator[];
}

interface RefDeptOverall {
  name: string;
  部门预算编码: string;
  funds: Record<string, RefFigures>;
  总分: number | null;
  indicators: RefIndicator[];
}

export interface PerformanceReference {
  unit?: string;
  year?: number;
  performance: RefProject[];
  deptOverall?: RefDeptOverall;
}

/** The target as the printed page shows it (the text extraction's TeX, e.g. `$\geq 90\%$`, undone). */
function printedTarget(t: RefTarget | null): string | null {
  if (!t) return null;
  return t.raw.includes('$') ? t.text : t.raw;
}

function indicatorRow(ind: RefIndicator): PerformanceIndicatorRow {
  return {
    level1: ind.level1,
    level2: ind.level2,
    level3: ind.level3,
    target: printedTarget(ind.target),
    actual: ind.actual,
    weight: ind.weight,
    score: ind.score,
    note: ind.note,
  };
}

/** Data key of each printed 项目 funds row, in printed order. */
const FUND_KEYS: [string, string][] = [
  ['年度资金总额', '年度资金总额'],
  ['当年财政拨款', '其中：当年财政拨款'],
  ['其他资金', '其他资金'],
  ['上年结转资金', '上年结转资金'],
];

/** The goal texts are not in the structured data; their cells stay empty. */
const NO_GOALS = { expected: null, actual: null };

function projectTable(p: RefProject): PerformanceProjectTable {
  return {
    index: p.index,
    name: p.name,
    主管部门: p.主管部门,
    实施单位: p.实施单位,
    funds: FUND_KEYS.map(([key, label]) => {
      const f = p.funds[key] ?? {};
      const total = key === '年度资金总额';
      return {
        label,
        年初预算数: f['年初预算数'] ?? null,
        全年预算数: f['全年预算数'] ?? null,
        全年执行数: f['全年执行数'] ?? null,
        分值: total ? (f['分值'] ?? null) : '—',
        执行率: f['执行率'] ?? null,
        得分: total ? (f['得分'] ?? null) : null,
      };
    }),
    goals: NO_GOALS,
    indicators: p.indicators.map(indicatorRow),
    总分: p.总分,
  };
}

/** Data key of each printed 部门整体 funds row, in printed order. */
const DEPT_FUND_KEYS: [string, string][] = [
  ['合计', '合计'],
  ['财政资金小计', '财政资金小计'],
  ['中央财政资金', '①中央财政资金'],
  ['省级财政资金', '②省级财政资金'],
  ['地方财政资金', '③地方财政资金'],
  ['其他资金小计', '其他资金小计'],
];

/** Data key of each 部门整体 funds column ①…⑦. */
const DEPT_FUND_COLUMN_KEYS = ['年初部门预算安排金额①', '年中调整金额②', '小计③', '年度拨付金额④', '支出实现率⑤', '本年度结余金额⑥', '资金结余率⑦'];

function deptTable(d: RefDeptOverall, unitName: string): DeptOverallTable {
  return {
    name: d.name,
    unitName,
    部门预算编码: d.部门预算编码,
    funds: DEPT_FUND_KEYS.map(([key, label]) => {
      const f = d.funds[key] ?? {};
      const total = key === '合计';
      return {
        label,
        values: DEPT_FUND_COLUMN_KEYS.map((k) => f[k] ?? null),
        分值: total ? (f['分值'] ?? null) : null,
        得分: total ? (f['得分'] ?? null) : null,
      };
    }),
    goals: NO_GOALS,
    indicators: d.indicators.map(indicatorRow),
    总分: d.总分,
  };
}

/** The 绩效自评 sheets of the example workbook: project tables ten to a sheet, then the 部门整体 table. */
export function performanceSheets(data: PerformanceReference): SheetLayout[] {
  // The 部门整体 table names the department without the （本级） of the cover.
  const unitName = (data.unit ?? '').replace(/（本级）|\(本级\)/, '');
  return performanceTableLayouts(
    {
      year: data.year ?? 2024,
      projects: data.performance.map(projectTable),
      deptOverall: data.deptOverall ? deptTable(data.deptOverall, unitName) : undefined,
    },
    {
      pageSetup: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
      deptColumnWidths: [16, 14, 16, 14, 14, 14, 14, 14, 14, 8, 8],
    },
  );
}
