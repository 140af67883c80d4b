// Lays out the 56 项目 绩效自评公开表 and the 部门整体绩效自评表 of the reference document as sheets,
// figures exactly as printed (nothing fixed). `null` in the data (cell lost by the text extraction) stays blank.
import type { CellStyle, LayoutCell, SheetLayout } from '../../src/port/layout';
import type { CellRange, CellValue } from '../../src/port/snapshot';

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

/** How many project tables go on one sheet, stacked vertically as in the printed document. */
const PROJECTS_PER_SHEET = 10;

const TITLE: CellStyle = { bold: true, fontSize: 16, hAlign: 'center' };
const HEADER: CellStyle = { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true };
const TEXT: CellStyle = { vAlign: 'middle', wrap: true, border: true };
const AMOUNT: CellStyle = { hAlign: 'right', border: true, numberFormat: '0.00' };
const NUMBER: CellStyle = { hAlign: 'right', border: true, numberFormat: 'General' };

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

/** The target as the printed page shows it (the text extraction's TeX, e.g. `$\geq 90\%$`, undone). */
function printedTarget(t: RefTarget | null): string | null {
  if (!t) return null;
  return t.raw.includes('$') ? t.text : t.raw;
}

/** Writes level-1/level-2 labels once per run of equal values, merged down, like the printed tables. */
function writeIndicatorRows(w: SheetWriter, indicators: RefIndicator[], first: number): void {
  indicators.forEach((ind, i) => {
    const r = first + i;
    w.put(r, 3, ind.level3, TEXT);
    w.put(r, 4, printedTarget(ind.target), TEXT);
    w.put(r, 5, ind.actual, NUMBER);
    w.put(r, 6, ind.weight, NUMBER);
    w.put(r, 7, ind.score, NUMBER);
    w.put(r, 8, ind.note, TEXT);
  });
  for (const col of [1, 2] as const) {
    const key = (ind: RefIndicator) => (col === 1 ? ind.level1 : `${ind.level1}|${ind.level2}`);
    const label = (ind: RefIndicator) => (col === 1 ? ind.level1 : ind.level2);
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

const FUND_ROWS: [string, string][] = [
  ['年度资金总额', '年度资金总额'],
  ['当年财政拨款', '其中：当年财政拨款'],
  ['其他资金', '其他资金'],
  ['上年结转资金', '上年结转资金'],
];

function writeProject(w: SheetWriter, p: RefProject, year: number): void {
  let r = w.row;
  w.span(r, 0, 8, '绩效自评公开表', TITLE);
  w.span(++r, 0, 8, `（${year}年度）`, { hAlign: 'center' });
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
  for (const [key, label] of FUND_ROWS) {
    const f = p.funds[key] ?? {};
    w.put(++r, 0, null, HEADER);
    w.put(r, 1, label, TEXT);
    w.put(r, 2, f['年初预算数'] ?? null, AMOUNT);
    w.put(r, 3, f['全年预算数'] ?? null, AMOUNT);
    w.put(r, 4, f['全年执行数'] ?? null, AMOUNT);
    w.put(r, 5, key === '年度资金总额' ? (f['分值'] ?? null) : '—', NUMBER);
    w.put(r, 6, f['执行率'] ?? null, AMOUNT);
    w.put(r, 7, key === '年度资金总额' ? (f['得分'] ?? null) : null, NUMBER);
    w.put(r, 8, null, TEXT);
  }
  w.merge(fundsTop, 0, r, 0);

  w.put(++r, 0, '年度总体目标', HEADER);
  w.span(r, 1, 4, '预期目标', HEADER);
  w.span(r, 5, 8, '实际完成情况', HEADER);
  // The goal texts are not in the structured data; their cells stay empty.
  w.put(++r, 0, null, HEADER);
  w.span(r, 1, 4, null, TEXT);
  w.span(r, 5, 8, null, TEXT);
  w.merge(r - 1, 0, r, 0);

  const headerRow = ++r;
  w.put(r, 0, '绩效指标', HEADER);
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '指标分值', '自评得分', '偏差原因分析及改进措施'].forEach(
    (h, i) => w.put(r, 1 + i, h, HEADER),
  );
  writeIndicatorRows(w, p.indicators, r + 1);
  r += p.indicators.length;
  for (let k = headerRow + 1; k <= r; k++) w.put(k, 0, null, HEADER);
  w.merge(headerRow, 0, r, 0);

  w.put(++r, 0, '总分', HEADER);
  w.span(r, 1, 6, null, TEXT);
  w.put(r, 7, p.总分, NUMBER);
  w.put(r, 8, null, TEXT);
  w.row = r + 3;
}

const DEPT_FUND_ROWS: [string, string][] = [
  ['合计', '合计'],
  ['财政资金小计', '财政资金小计'],
  ['中央财政资金', '①中央财政资金'],
  ['省级财政资金', '②省级财政资金'],
  ['地方财政资金', '③地方财政资金'],
  ['其他资金小计', '其他资金小计'],
];

const DEPT_FUND_COLUMNS: [string, string][] = [
  ['年初部门预算安排金额①', '年初部门预算安排金额(含历年结余结转)①'],
  ['年中调整金额②', '年中调整金额②'],
  ['小计③', '小计③=①+②'],
  ['年度拨付金额④', '年度拨付金额④'],
  ['支出实现率⑤', '支出实现率(%)⑤=④/③'],
  ['本年度结余金额⑥', '本年度结余金额⑥=③-④'],
  ['资金结余率⑦', '资金结余率(%)⑦=⑥/③'],
];

function writeDeptOverall(w: SheetWriter, d: RefDeptOverall, unitName: string, year: number): void {
  let r = w.row;
  w.span(r, 0, 10, '部门整体绩效自评表', TITLE);
  w.span(++r, 0, 10, `（${year}年度）`, { hAlign: 'center' });
  w.put(++r, 0, '项目名称', HEADER);
  w.span(r, 1, 10, d.name, TEXT);
  w.put(++r, 0, '部门(单位)名称', HEADER);
  w.span(r, 1, 4, unitName, TEXT);
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
  DEPT_FUND_COLUMNS.forEach(([, h], i) => w.put(r, 2 + i, h, HEADER));
  w.put(r, 9, null, HEADER);
  w.put(r, 10, null, HEADER);
  w.merge(r - 1, 9, r, 9);
  w.merge(r - 1, 10, r, 10);
  for (const [key, label] of DEPT_FUND_ROWS) {
    const f = d.funds[key] ?? {};
    w.put(++r, 0, null, HEADER);
    w.put(r, 1, label, TEXT);
    DEPT_FUND_COLUMNS.forEach(([k], i) => w.put(r, 2 + i, f[k] ?? null, AMOUNT));
    w.put(r, 9, key === '合计' ? (f['分值'] ?? null) : null, NUMBER);
    w.put(r, 10, key === '合计' ? (f['得分'] ?? null) : null, NUMBER);
  }
  w.merge(top, 0, r, 0);

  w.put(++r, 0, '年度总体目标', HEADER);
  w.span(r, 1, 5, '预期目标', HEADER);
  w.span(r, 6, 10, '目标实际完成情况', HEADER);
  w.put(++r, 0, null, HEADER);
  w.span(r, 1, 5, null, TEXT);
  w.span(r, 6, 10, null, TEXT);
  w.merge(r - 1, 0, r, 0);

  const headerRow = ++r;
  w.put(r, 0, '绩效指标', HEADER);
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '指标分值', '自评得分', '偏差原因分析及改进措施'].forEach(
    (h, i) => w.put(r, 1 + i, h, HEADER),
  );
  writeIndicatorRows(w, d.indicators, r + 1);
  r += d.indicators.length;
  for (let k = headerRow + 1; k <= r; k++) w.put(k, 0, null, HEADER);
  w.merge(headerRow, 0, r, 0);
  w.put(++r, 0, '总分', HEADER);
  w.span(r, 1, 6, null, TEXT);
  w.put(r, 7, d.总分, NUMBER);
  w.row = r + 3;
}

const WIDTHS = [14, 14, 14, 26, 16, 12, 10, 10, 30, 10, 10];

/** The 绩效自评 sheets of the example workbook: project tables ten to a sheet, then the 部门整体 table. */
export function performanceSheets(data: PerformanceReference): SheetLayout[] {
  const year = data.year ?? 2024;
  const sheets: SheetLayout[] = [];
  for (let i = 0; i < data.performance.length; i += PROJECTS_PER_SHEET) {
    const w = new SheetWriter();
    const batch = data.performance.slice(i, i + PROJECTS_PER_SHEET);
    for (const p of batch) writeProject(w, p, year);
    sheets.push({
      name: `绩效自评${batch[0].index}-${batch[batch.length - 1].index}`,
      cells: w.cells,
      merges: w.merges,
      columnWidths: WIDTHS,
      pageSetup: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
    });
  }
  if (data.deptOverall) {
    const w = new SheetWriter();
    // The 部门整体 table names the department without the （本级） of the cover.
    writeDeptOverall(w, data.deptOverall, (data.unit ?? '').replace(/（本级）|\(本级\)/, ''), year);
    sheets.push({
      name: '部门整体绩效自评',
      cells: w.cells,
      merges: w.merges,
      columnWidths: [16, 14, 16, 14, 14, 14, 14, 14, 14, 8, 8],
      pageSetup: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
    });
  }
  return sheets;
}
