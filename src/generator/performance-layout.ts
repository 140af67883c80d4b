// Lays out 绩效自评 tables as sheets, like the printed reference document: the 项目 绩效自评公开表 stacked
// ten to a sheet, then the 部门整体绩效自评表 on its own sheet. Pure; every figure is written as given
// (number, printed text such as '—', or null for a blank cell) — nothing is computed or fixed here.
import type { CellStyle, LayoutCell, PageSetup, SheetLayout } from '../port/layout';
import type { CellRange, CellValue } from '../port/snapshot';

/** A printed cell: a number, a text such as '—', or null (blank). */
export type PrintedValue = number | string | null;

export interface PerformanceIndicatorRow {
  level1: string | null;
  level2: string | null;
  level3: string | null;
  /** The 年度指标值 as printed. */
  target: string | null;
  actual: PrintedValue;
  weight: PrintedValue;
  score: PrintedValue;
  /** 偏差原因分析及改进措施. */
  note: string | null;
}

/** The 年度总体目标 texts (预期目标, 实际完成情况); null leaves the cell empty. */
export interface PerformanceGoals {
  expected: string | null;
  actual: string | null;
}

/** One row of a 项目's funds block (项目资金), its cells as printed. */
export interface ProjectFundRow {
  label: string;
  年初预算数: PrintedValue;
  全年预算数: PrintedValue;
  全年执行数: PrintedValue;
  分值: PrintedValue;
  执行率: PrintedValue;
  得分: PrintedValue;
}

export interface PerformanceProjectTable {
  /** The 项目's number in the document (1-based); names the sheet, e.g. 绩效自评1-10. */
  index: number;
  name: string;
  主管部门: string | null;
  实施单位: string | null;
  /** Printed in order: 年度资金总额, 其中：当年财政拨款, 其他资金, 上年结转资金. */
  funds: ProjectFundRow[];
  goals: PerformanceGoals;
  indicators: PerformanceIndicatorRow[];
  总分: PrintedValue;
}

/** One row of the 部门整体 funds block: the seven columns ①…⑦ in order, then 分值 and 得分. */
export interface DeptFundRow {
  label: string;
  values: PrintedValue[];
  分值: PrintedValue;
  得分: PrintedValue;
}

export interface DeptOverallTable {
  name: string;
  unitName: string;
  部门预算编码: string | null;
  funds: DeptFundRow[];
  goals: PerformanceGoals;
  indicators: PerformanceIndicatorRow[];
  总分: PrintedValue;
}

export interface PerformanceTables {
  year: number;
  projects: PerformanceProjectTable[];
  deptOverall?: DeptOverallTable;
}

export interface PerformanceLayoutOptions {
  /** Page setup of every sheet; none when absent. */
  pageSetup?: PageSetup;
  /** Column widths of the 部门整体 sheet; those of the 项目 sheets when absent. */
  deptColumnWidths?: number[];
}

/** How many project tables go on one sheet, stacked vertically as in the printed document. */
export const PROJECTS_PER_SHEET = 10;

export const PROJECT_COLUMN_WIDTHS = [14, 14, 14, 26, 16, 12, 10, 10, 30, 10, 10];

export const PROJECT_FUND_LABELS = ['年度资金总额', '其中：当年财政拨款', '其他资金', '上年结转资金'] as const;

export const DEPT_FUND_LABELS = ['合计', '财政资金小计', '①中央财政资金', '②省级财政资金', '③地方财政资金', '其他资金小计'] as const;

export const DEPT_FUND_HEADERS = [
  '年初部门预算安排金额(含历年结余结转)①',
  '年中调整金额②',
  '小计③=①+②',
  '年度拨付金额④',
  '支出实现率(%)⑤=④/③',
  '本年度结余金额⑥=③-④',
  '资金结余率(%)⑦=⑥/③',
] as const;

const TITLE: CellStyle = { bold: true, fontSize: 16, hAlign: 'center' };
const HEADER: CellStyle = { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true };
const TEXT: CellStyle = { vAlign: 'middle', wrap: true, border: true };
const AMOUNT: CellStyle = { hAlign: 'right', border: true, numberFormat: '0.00' };
const NUMBER: CellStyle = { hAlign: 'right', border: true, numberFormat: 'General' };

const INDICATOR_HEADERS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '指标分值', '自评得分', '偏差原因分析及改进措施'];

class SheetWriter {
  cells: LayoutCell[] = [];
  merges: CellRange[] = [];
  row = 0;

  put(row: number, col: number, value: CellValue | undefined, style?: CellStyle): void {
    this.cells.push({ row, col, value: value === undefined ? null : value, style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  /** Value in the first cell of a horizontal span, borders on the others, the span merged. */
  span(row: number, left: number, right: number, value: CellValue | undefined, style: CellStyle): void {
    this.put(row, left, value, style);
    for (let c = left + 1; c <= right; c++) this.put(row, c, null, style);
    this.merge(row, left, row, right);
  }
}

/** Title and 年度 lines across columns 0…right. */
function writeTitle(w: SheetWriter, r: number, right: number, title: string, year: number): number {
  w.span(r, 0, right, title, TITLE);
  w.span(++r, 0, right, `（${year}年度）`, { hAlign: 'center' });
  return r;
}

/** The 年度总体目标 header row and text row, split at `split` (预期目标 1…split-1, 实际 split…right). */
function writeGoals(w: SheetWriter, r: number, split: number, right: number, actualHeader: string, goals: PerformanceGoals): number {
  w.put(++r, 0, '年度总体目标', HEADER);
  w.span(r, 1, split - 1, '预期目标', HEADER);
  w.span(r, split, right, actualHeader, HEADER);
  w.put(++r, 0, null, HEADER);
  w.span(r, 1, split - 1, goals.expected, TEXT);
  w.span(r, split, right, goals.actual, TEXT);
  w.merge(r - 1, 0, r, 0);
  return r;
}

/** Writes level-1/level-2 labels once per run of equal values, merged down, like the printed tables. */
function writeIndicatorRows(w: SheetWriter, indicators: PerformanceIndicatorRow[], first: number): void {
  indicators.forEach((ind, i) => {
    const r = first + i;
    w.put(r, 3, ind.level3, TEXT);
    w.put(r, 4, ind.target, TEXT);
    w.put(r, 5, ind.actual, NUMBER);
    w.put(r, 6, ind.weight, NUMBER);
    w.put(r, 7, ind.score, NUMBER);
    w.put(r, 8, ind.note, TEXT);
  });
  for (const col of [1, 2] as const) {
    const key = (ind: PerformanceIndicatorRow) => (col === 1 ? ind.level1 : `${ind.level1}|${ind.level2}`);
    const label = (ind: PerformanceIndicatorRow) => (col === 1 ? ind.level1 : ind.level2);
    let start = 0;
    for (let i = 1; i <= indicators.length; i++) {
      if (i === indicators.length || key(indicators[i]) !== key(indicators[start])) {
        w.put(first + start, col, label(indicators[start]), TEXT);
        for (let k = start + 1; k < i; k++) w.put(first + k, col, null, TEXT);
        w.merge(first + start, col, first + i - 1, col);
        start = i;
      }
    }
  }
}

/** The 绩效指标 header row at `r` and the indicator rows below it; returns the last row written. */
function writeIndicatorBlock(w: SheetWriter, indicators: PerformanceIndicatorRow[], r: number): number {
  const headerRow = r;
  w.put(r, 0, '绩效指标', HEADER);
  INDICATOR_HEADERS.forEach((h, i) => w.put(r, 1 + i, h, HEADER));
  writeIndicatorRows(w, indicators, r + 1);
  r += indicators.length;
  for (let k = headerRow + 1; k <= r; k++) w.put(k, 0, null, HEADER);
  w.merge(headerRow, 0, r, 0);
  return r;
}

function writeProject(w: SheetWriter, p: PerformanceProjectTable, year: number): void {
  let r = writeTitle(w, w.row, 8, '绩效自评公开表', year);
  w.put(++r, 0, '项目名称', HEADER);
  w.span(r, 1, 8, p.name, TEXT);
  w.put(++r, 0, '主管部门', HEADER);
  w.span(r, 1, 3, p.主管部门, TEXT);
  w.put(r, 4, '实施单位', HEADER);
  w.span(r, 5, 8, p.实施单位, TEXT);

  const fundsTop = ++r;
  w.put(r, 0, '项目资金(万元)', HEADER);
  w.put(r, 1, null, HEADER);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率(%)', '得分'].forEach((h, i) => w.put(r, 2 + i, h, HEADER));
  w.put(r, 8, null, HEADER);
  for (const f of p.funds) {
    w.put(++r, 0, null, HEADER);
    w.put(r, 1, f.label, TEXT);
    w.put(r, 2, f.年初预算数, AMOUNT);
    w.put(r, 3, f.全年预算数, AMOUNT);
    w.put(r, 4, f.全年执行数, AMOUNT);
    w.put(r, 5, f.分值, NUMBER);
    w.put(r, 6, f.执行率, AMOUNT);
    w.put(r, 7, f.得分, NUMBER);
    w.put(r, 8, null, TEXT);
  }
  w.merge(fundsTop, 0, r, 0);

  r = writeGoals(w, r, 5, 8, '实际完成情况', p.goals);
  r = writeIndicatorBlock(w, p.indicators, r + 1);

  w.put(++r, 0, '总分', HEADER);
  w.span(r, 1, 6, null, TEXT);
  w.put(r, 7, p.总分, NUMBER);
  w.put(r, 8, null, TEXT);
  w.row = r + 3;
}

function writeDeptOverall(w: SheetWriter, d: DeptOverallTable, year: number): void {
  let r = writeTitle(w, w.row, 10, '部门整体绩效自评表', year);
  w.put(++r, 0, '项目名称', HEADER);
  w.span(r, 1, 10, d.name, TEXT);
  w.put(++r, 0, '部门(单位)名称', HEADER);
  w.span(r, 1, 4, d.unitName, TEXT);
  w.span(r, 5, 6, '部门预算编码', HEADER);
  w.span(r, 7, 10, d.部门预算编码, TEXT);

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
  DEPT_FUND_HEADERS.forEach((h, i) => w.put(r, 2 + i, h, HEADER));
  w.put(r, 9, null, HEADER);
  w.put(r, 10, null, HEADER);
  w.merge(r - 1, 9, r, 9);
  w.merge(r - 1, 10, r, 10);
  for (const f of d.funds) {
    w.put(++r, 0, null, HEADER);
    w.put(r, 1, f.label, TEXT);
    DEPT_FUND_HEADERS.forEach((_h, i) => w.put(r, 2 + i, f.values[i], AMOUNT));
    w.put(r, 9, f.分值, NUMBER);
    w.put(r, 10, f.得分, NUMBER);
  }
  w.merge(top, 0, r, 0);

  r = writeGoals(w, r, 6, 10, '目标实际完成情况', d.goals);
  r = writeIndicatorBlock(w, d.indicators, r + 1);

  w.put(++r, 0, '总分', HEADER);
  w.span(r, 1, 6, null, TEXT);
  w.put(r, 7, d.总分, NUMBER);
  w.row = r + 3;
}

/** The 绩效自评 sheets: 项目 tables ten to a sheet (named by their first and last index), then the 部门整体 table. */
export function performanceTableLayouts(tables: PerformanceTables, options: PerformanceLayoutOptions = {}): SheetLayout[] {
  const sheets: SheetLayout[] = [];
  const sheet = (name: string, w: SheetWriter, columnWidths: number[]): SheetLayout =>
    options.pageSetup
      ? { name, cells: w.cells, merges: w.merges, columnWidths, pageSetup: { ...options.pageSetup } }
      : { name, cells: w.cells, merges: w.merges, columnWidths };
  for (let i = 0; i < tables.projects.length; i += PROJECTS_PER_SHEET) {
    const w = new SheetWriter();
    const batch = tables.projects.slice(i, i + PROJECTS_PER_SHEET);
    for (const p of batch) writeProject(w, p, tables.year);
    sheets.push(sheet(`绩效自评${batch[0].index}-${batch[batch.length - 1].index}`, w, PROJECT_COLUMN_WIDTHS));
  }
  if (tables.deptOverall) {
    const w = new SheetWriter();
    writeDeptOverall(w, tables.deptOverall, tables.year);
    sheets.push(sheet('部门整体绩效自评', w, options.deptColumnWidths ?? PROJECT_COLUMN_WIDTHS));
  }
  return sheets;
}
