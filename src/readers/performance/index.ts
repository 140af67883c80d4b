// Reads the 绩效自评公开表 (项目) and 部门整体绩效自评表 wherever they stand: found by title,
// several on one sheet or one per sheet, columns found by their header text.
import { refText, type CellRef } from '../../core/cells';
import type { Finding } from '../../core/findings';
import type { MoneyUnit } from '../../core/money';
import type {
  DeptEvaluation,
  DeptFundKey,
  DeptFundRow,
  FundKey,
  FundRow,
  Indicator,
  NumberCell,
  PerformanceRead,
  ProjectEvaluation,
  TextCell,
} from '../../core/performance/model';
import { parseTarget } from '../../core/performance/target';
import { cellAt, lastCol, lastRow, type SheetSnapshot, type WorkbookSnapshot } from '../../port/snapshot';
import { labelOf, readMoney, readNumber, textCell } from './cells';
import { readFujianForms } from './fujian';

export type { PerformanceRead } from '../../core/performance/model';

type TitleKind = 'project' | 'dept';

const PROJECT_TITLE = /^(.{0,12})(绩效自评公开表|项目支出绩效自评表|项目绩效自评表)$/;
const DEPT_TITLE = /^(.{0,12})(部门整体(支出)?绩效自评表|单位整体(支出)?绩效自评表)$/;

function titleKind(label: string): TitleKind | null {
  if (label.length > 30) return null;
  if (DEPT_TITLE.test(label)) return 'dept';
  if (PROJECT_TITLE.test(label)) return 'project';
  return null;
}

interface Block {
  sheet: SheetSnapshot;
  kind: TitleKind;
  title: CellRef;
  top: number;
  bottom: number;
  right: number;
}

function findBlocks(sheet: SheetSnapshot): Block[] {
  const titles: { row: number; col: number; kind: TitleKind }[] = [];
  const bottom = lastRow(sheet);
  const right = lastCol(sheet);
  for (let r = sheet.originRow; r <= bottom; r++) {
    for (let c = sheet.originCol; c <= right; c++) {
      const v = cellAt(sheet, r, c);
      // Titles are short text ending in 表 (spaces of PDF-born cells aside): test that before normalising.
      if (typeof v !== 'string' || v.length > 90 || !v.trimEnd().endsWith('表')) continue;
      const kind = titleKind(labelOf(v));
      if (kind) {
        titles.push({ row: r, col: c, kind });
        break;
      }
    }
  }
  return titles.map((t, i) => ({
    sheet,
    kind: t.kind,
    title: { sheet: sheet.name, row: t.row, col: t.col },
    top: t.row,
    bottom: i + 1 < titles.length ? titles[i + 1].row - 1 : bottom,
    right,
  }));
}

/**
 * The rows of a funds block below its header, up to the targets: each row whose label (left of the first
 * figure column) names a fund row, with that key and the label's column.
 */
function fundBlockRows<K>(
  b: Block,
  headerRow: number,
  firstData: number,
  keyOf: (label: string) => K | null,
): Array<{ r: number; key: K; labelCol: number }> {
  const out: Array<{ r: number; key: K; labelCol: number }> = [];
  for (let r = headerRow + 1; r <= b.bottom; r++) {
    if (rowHas(b, r, (l) => l.includes('年度总体目标') || l.includes('预期目标') || l === '三级指标')) break;
    for (let c = b.sheet.originCol; c < firstData; c++) {
      const key = keyOf(labelOf(cellAt(b.sheet, r, c)));
      if (key) {
        out.push({ r, key, labelCol: c });
        break;
      }
    }
  }
  return out;
}

/** First cell (row-major) in rows [from, block.bottom] whose label passes the test. */
function findCell(b: Block, test: (label: string) => boolean, from = b.top): { row: number; col: number } | null {
  for (let r = from; r <= b.bottom; r++) {
    for (let c = b.sheet.originCol; c <= b.right; c++) {
      if (test(labelOf(cellAt(b.sheet, r, c)))) return { row: r, col: c };
    }
  }
  return null;
}

/** The first non-empty cell to the right of a label, as text. */
function valueRightOf(b: Block, at: { row: number; col: number } | null): TextCell | null {
  if (!at) return null;
  for (let c = at.col + 1; c <= b.right; c++) {
    const v = cellAt(b.sheet, at.row, c);
    if (v !== null && String(v).trim() !== '') return textCell(b.sheet, at.row, c);
  }
  return null;
}

function columnsOf(b: Block, row: number, names: Record<string, (label: string) => boolean>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const key of Object.keys(names)) out[key] = null;
  for (let c = b.sheet.originCol; c <= b.right; c++) {
    const label = labelOf(cellAt(b.sheet, row, c));
    if (!label) continue;
    for (const [key, test] of Object.entries(names)) {
      if (out[key] === null && test(label)) {
        out[key] = c;
        break;
      }
    }
  }
  return out;
}

function rowHas(b: Block, row: number, test: (label: string) => boolean): boolean {
  for (let c = b.sheet.originCol; c <= b.right; c++) if (test(labelOf(cellAt(b.sheet, row, c)))) return true;
  return false;
}

class FindingSink {
  findings: Finding[] = [];
  constructor(readonly table: string) {}

  structure(ref: CellRef, message: string): void {
    this.findings.push({ rule: 'P00', severity: 'error', table: this.table, message, cells: [ref] });
  }

  /** A number cell holding text: reported once, named by sheet and cell. */
  unreadable(cell: NumberCell | { ref: CellRef | null; invalid: boolean; raw: unknown }, what: string): void {
    if (!cell.invalid || !cell.ref) return;
    this.findings.push({
      rule: 'P01',
      severity: 'error',
      table: this.table,
      message: `${refText(cell.ref)}：${what}“${String(cell.raw)}”不是数字，相关复核已跳过。`,
      cells: [cell.ref],
    });
  }
}

const INDICATOR_COLUMNS: Record<string, (label: string) => boolean> = {
  level1: (l) => l === '一级指标',
  level2: (l) => l === '二级指标',
  level3: (l) => l === '三级指标',
  target: (l) => l.includes('指标值') && !l.includes('实际'),
  actual: (l) => l.includes('实际完成值') || l === '完成值',
  weight: (l) => l === '指标分值' || l === '分值' || l === '权重',
  score: (l) => l.includes('自评得分') || l === '得分',
  reason: (l) => l.includes('偏差原因') || l.includes('未得满分原因'),
};

const NO_TOTAL: NumberCell = { value: null, ref: null, blank: true, invalid: false, raw: null };

/** The indicators and the 总分 below them (read from the 自评得分 column first). */
function readIndicators(b: Block, sink: FindingSink, what: string): { indicators: Indicator[]; total: NumberCell } {
  const header = findCell(b, (l) => l === '三级指标');
  if (!header) {
    sink.structure(b.title, `${refText(b.title)}：${what}中找不到指标表头（一级指标、二级指标、三级指标、年度指标值…），指标未复核。`);
    return { indicators: [], total: NO_TOTAL };
  }
  const cols = columnsOf(b, header.row, INDICATOR_COLUMNS);
  const missing = (['level3', 'target', 'actual', 'weight', 'score'] as const).filter((k) => cols[k] === null);
  if (missing.length) {
    const names = { level3: '三级指标', target: '年度指标值', actual: '实际完成值', weight: '指标分值', score: '自评得分' };
    sink.structure(
      { sheet: b.sheet.name, row: header.row, col: header.col },
      `${refText({ sheet: b.sheet.name, row: header.row, col: header.col })}：指标表头缺少“${missing.map((k) => names[k]).join('”“')}”列，指标未复核。`,
    );
    return { indicators: [], total: NO_TOTAL };
  }
  const indicators: Indicator[] = [];
  let level1 = '';
  let level2 = '';
  let totalRow: number | null = null;
  for (let r = header.row + 1; r <= b.bottom; r++) {
    if (rowHas(b, r, (l) => l === '总分')) {
      totalRow = r;
      break;
    }
    const l1 = cols.level1 !== null ? labelOf(cellAt(b.sheet, r, cols.level1)) : '';
    const l2 = cols.level2 !== null ? labelOf(cellAt(b.sheet, r, cols.level2)) : '';
    // Printed tables merge 一级/二级 down their rows: a blank cell continues the label above.
    if (l1) {
      level1 = l1;
      level2 = '';
    }
    if (l2) level2 = l2;
    const level3 = textCell(b.sheet, r, cols.level3!);
    const targetRaw = cellAt(b.sheet, r, cols.target!);
    const actual = readNumber(b.sheet, r, cols.actual);
    const weight = readNumber(b.sheet, r, cols.weight);
    const score = readNumber(b.sheet, r, cols.score);
    const empty = level3.text === '' && (targetRaw === null || String(targetRaw).trim() === '') && actual.blank && weight.blank && score.blank;
    if (empty) continue;
    const target = parseTarget(targetRaw);
    const targetRef: CellRef = { sheet: b.sheet.name, row: r, col: cols.target! };
    if (target.kind === 'invalid') {
      sink.findings.push({
        rule: 'P02',
        severity: 'warning',
        table: sink.table,
        message: `${refText(targetRef)}：年度指标值“${target.text}”无法识别（${target.reason}），该指标得分未复核。`,
        cells: [targetRef],
      });
    }
    sink.unreadable(weight, '指标分值');
    sink.unreadable(score, '自评得分');
    const reasonCell = cols.reason !== null ? textCell(b.sheet, r, cols.reason) : { text: '', ref: null };
    indicators.push({ level1, level2, level3, target, targetRef, actual, weight, score, reason: reasonCell });
  }
  return { indicators, total: readTotal(b, totalRow, cols.score, sink) };
}

function readTotal(b: Block, totalRow: number | null, scoreCol: number | null, sink: FindingSink): NumberCell {
  if (totalRow === null) return NO_TOTAL;
  if (scoreCol !== null) {
    const cell = readNumber(b.sheet, totalRow, scoreCol);
    if (!cell.blank) {
      sink.unreadable(cell, '总分');
      return cell;
    }
  }
  // Otherwise the last figure of the 总分 row (PDF-born layouts shift it).
  for (let c = b.right; c >= b.sheet.originCol; c--) {
    const cell = readNumber(b.sheet, totalRow, c);
    if (!cell.blank && !cell.invalid) return cell;
  }
  const label = findCell(b, (l) => l === '总分', totalRow);
  return {
    value: null,
    ref: label ? { sheet: b.sheet.name, row: totalRow, col: scoreCol ?? label.col + 1 } : null,
    blank: true,
    invalid: false,
    raw: null,
  };
}

function unitOf(b: Block): MoneyUnit {
  const at = findCell(b, (l) => /^(项目资金|财政资金安排)/.test(l));
  if (at && /\(元\)/.test(labelOf(cellAt(b.sheet, at.row, at.col)))) return '元';
  return '万元';
}

const FUND_COLUMNS: Record<string, (label: string) => boolean> = {
  initialBudget: (l) => l.includes('年初预算'),
  budget: (l) => l.includes('全年预算'),
  spent: (l) => l.includes('全年执行'),
  weight: (l) => l === '分值',
  rate: (l) => l.includes('执行率'),
  score: (l) => l === '得分',
};

function fundKeyOf(label: string): FundKey | null {
  if (label.includes('年度资金总额')) return 'total';
  if (label.includes('财政拨款')) return 'fiscal';
  if (label.includes('其他资金')) return 'other';
  if (label.includes('上年结转')) return 'carryover';
  return null;
}

function readProject(b: Block, sink: FindingSink): ProjectEvaluation {
  const nameAt = findCell(b, (l) => l === '项目名称');
  const name = valueRightOf(b, nameAt);
  const unit = unitOf(b);
  const funds: FundRow[] = [];
  const header = findCell(b, (l) => l.includes('全年预算'));
  if (!header) {
    sink.structure(b.title, `${refText(b.title)}：找不到项目资金表头（年初预算数、全年预算数、全年执行数…），执行率未复核。`);
  } else {
    const cols = columnsOf(b, header.row, FUND_COLUMNS);
    const firstData = Math.min(...Object.values(cols).filter((c): c is number => c !== null));
    for (const { r, key, labelCol } of fundBlockRows(b, header.row, firstData, fundKeyOf)) {
      const row: FundRow = {
        key,
        label: textCell(b.sheet, r, labelCol),
        initialBudget: readMoney(b.sheet, r, cols.initialBudget, unit),
        budget: readMoney(b.sheet, r, cols.budget, unit),
        spent: readMoney(b.sheet, r, cols.spent, unit),
        weight: readNumber(b.sheet, r, cols.weight),
        rate: readNumber(b.sheet, r, cols.rate),
        score: readNumber(b.sheet, r, cols.score),
      };
      sink.unreadable(row.initialBudget, '年初预算数');
      sink.unreadable(row.budget, '全年预算数');
      sink.unreadable(row.spent, '全年执行数');
      sink.unreadable(row.rate, '执行率');
      if (key === 'total') {
        sink.unreadable(row.weight, '分值');
        sink.unreadable(row.score, '得分');
      }
      funds.push(row);
    }
    if (!funds.some((f) => f.key === 'total')) {
      sink.structure(
        { sheet: b.sheet.name, row: header.row, col: header.col },
        `${refText({ sheet: b.sheet.name, row: header.row, col: header.col })}：项目资金中找不到“年度资金总额”行，执行率未复核。`,
      );
    }
  }
  const goalHeader = findCell(b, (l) => l === '预期目标');
  let goalExpected: TextCell | null = null;
  let goalActual: TextCell | null = null;
  if (goalHeader) {
    goalExpected = textCell(b.sheet, goalHeader.row + 1, goalHeader.col);
    const actualAt = findCell(b, (l) => l.includes('实际完成情况'), goalHeader.row);
    if (actualAt && actualAt.row === goalHeader.row) goalActual = textCell(b.sheet, goalHeader.row + 1, actualAt.col);
  }
  const { indicators, total } = readIndicators(b, sink, '绩效自评表');
  return {
    name: name?.text ?? '',
    nameRef: name?.ref ?? null,
    sheet: b.sheet.name,
    titleRef: b.title,
    department: valueRightOf(
      b,
      findCell(b, (l) => l === '主管部门'),
    ),
    implementer: valueRightOf(
      b,
      findCell(b, (l) => l === '实施单位'),
    ),
    unit,
    funds,
    goalExpected,
    goalActual,
    indicators,
    total,
  };
}

const DEPT_COLUMNS: Record<string, (label: string) => boolean> = {
  initial: (l) => l.includes('年初部门预算') || l.includes('①'),
  adjustment: (l) => l.includes('年中调整') || l.startsWith('②'),
  subtotal: (l) => l.startsWith('小计') || l.startsWith('③'),
  paid: (l) => l.includes('年度拨付') || l.startsWith('④'),
  rate: (l) => l.includes('支出实现率') || l.startsWith('⑤'),
  balance: (l) => l.includes('结余金额') || l.startsWith('⑥'),
  balanceRate: (l) => l.includes('结余率') || l.startsWith('⑦'),
  weight: (l) => l === '分值',
  score: (l) => l === '得分',
};

function deptFundKeyOf(label: string): DeptFundKey | null {
  if (label === '合计' || label.startsWith('合计')) return 'total';
  if (label.includes('财政资金小计')) return 'fiscal';
  if (label.includes('中央')) return 'central';
  if (label.includes('省级')) return 'provincial';
  if (label.includes('地方') || label.includes('市级') || label.includes('本级')) return 'local';
  if (label.includes('其他资金')) return 'other';
  return null;
}

function readDept(b: Block, sink: FindingSink): DeptEvaluation {
  const name =
    valueRightOf(
      b,
      findCell(b, (l) => l === '项目名称'),
    ) ??
    valueRightOf(
      b,
      findCell(b, (l) => l.startsWith('部门(单位)名称')),
    );
  const unit = unitOf(b);
  const funds: DeptFundRow[] = [];
  const header = findCell(b, (l) => l.includes('支出实现率'));
  if (!header) {
    sink.structure(b.title, `${refText(b.title)}：部门整体绩效自评表中找不到资金表头（支出实现率…），资金未复核。`);
  } else {
    const cols = columnsOf(b, header.row, DEPT_COLUMNS);
    // 分值/得分 often stand in the group-header row above, merged down.
    for (const k of ['weight', 'score'] as const) {
      if (cols[k] === null && header.row > b.top) cols[k] = columnsOf(b, header.row - 1, DEPT_COLUMNS)[k];
    }
    const firstData = Math.min(...Object.values(cols).filter((c): c is number => c !== null));
    for (const { r, key, labelCol } of fundBlockRows(b, header.row, firstData, deptFundKeyOf)) {
      const row: DeptFundRow = {
        key,
        label: textCell(b.sheet, r, labelCol),
        initial: readMoney(b.sheet, r, cols.initial, unit),
        adjustment: readMoney(b.sheet, r, cols.adjustment, unit),
        subtotal: readMoney(b.sheet, r, cols.subtotal, unit),
        paid: readMoney(b.sheet, r, cols.paid, unit),
        rate: readNumber(b.sheet, r, cols.rate),
        balance: readMoney(b.sheet, r, cols.balance, unit),
        balanceRate: readNumber(b.sheet, r, cols.balanceRate),
        weight: readNumber(b.sheet, r, cols.weight),
        score: readNumber(b.sheet, r, cols.score),
      };
      const names: [keyof DeptFundRow, string][] = [
        ['initial', '年初部门预算安排金额'],
        ['adjustment', '年中调整金额'],
        ['subtotal', '小计'],
        ['paid', '年度拨付金额'],
        ['rate', '支出实现率'],
        ['balance', '本年度结余金额'],
        ['balanceRate', '资金结余率'],
      ];
      for (const [k, n] of names) sink.unreadable(row[k] as NumberCell, n);
      funds.push(row);
    }
  }
  const { indicators, total } = readIndicators(b, sink, '部门整体绩效自评表');
  return {
    name: name?.text ?? '',
    nameRef: name?.ref ?? null,
    sheet: b.sheet.name,
    titleRef: b.title,
    unit,
    funds,
    indicators,
    total,
  };
}

/** A display name for findings: the 项目名称, else the table's place. */
function tableName(b: Block): string {
  const name = valueRightOf(
    b,
    findCell(b, (l) => l === '项目名称'),
  );
  return name?.text || `${refText(b.title)}处的绩效自评表`;
}

export function readPerformance(snapshot: WorkbookSnapshot): PerformanceRead {
  const fujian = readFujianForms(snapshot);
  const out: PerformanceRead = { projects: [], depts: [], findings: [...fujian.findings] };
  if (fujian.forms.length) out.fujian = fujian.forms;
  for (const sheet of snapshot.sheets) {
    if (fujian.sheets.has(sheet.name)) continue; // a Fujian 2018 form, read by its own layout
    for (const b of findBlocks(sheet)) {
      // A heading such as 「一、项目支出绩效自评表」 with nothing under it is not a table.
      const isTable = findCell(b, (l) => l === '项目名称' || l === '三级指标' || l.includes('全年预算') || l.includes('支出实现率'));
      if (!isTable) continue;
      const sink = new FindingSink(tableName(b));
      if (b.kind === 'project') out.projects.push(readProject(b, sink));
      else out.depts.push(readDept(b, sink));
      out.findings.push(...sink.findings);
    }
  }
  return out;
}
