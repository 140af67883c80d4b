// The 绩效自评 tables as read: every figure with the cell it came from.
import type { FujianEvaluation } from './fujian';
import type { FujianFormId } from './rubrics/fujian-2018';
import type { CellRef } from '../cells';
import type { Finding } from '../findings';
import type { MoneyUnit } from '../money';
import type { ParsedTarget } from './target';

/** A plain number (rate, weight, score, actual value) with its cell. */
export interface NumberCell {
  value: number | null;
  ref: CellRef | null;
  /** The cell held nothing (or a dash). */
  blank: boolean;
  /** The cell held text that is not a number; `raw` keeps it. */
  invalid: boolean;
  raw: string | number | boolean | null;
}

/** An amount with its cell, in 分 (see money.ts). */
export interface MoneyCell {
  minor: number | null;
  ref: CellRef | null;
  blank: boolean;
  invalid: boolean;
  raw: string | number | boolean | null;
}

export interface TextCell {
  text: string;
  ref: CellRef | null;
}

export type FundKey = 'total' | 'fiscal' | 'other' | 'carryover';

/** One row of the 项目资金 block (年度资金总额 and its 其中 rows). */
export interface FundRow {
  key: FundKey;
  label: TextCell;
  initialBudget: MoneyCell; // 年初预算数
  budget: MoneyCell; // 全年预算数
  spent: MoneyCell; // 全年执行数
  weight: NumberCell; // 分值 (年度资金总额 only)
  rate: NumberCell; // 执行率 (%)
  score: NumberCell; // 得分 (年度资金总额 only)
}

export interface Indicator {
  level1: string;
  level2: string;
  level3: TextCell;
  target: ParsedTarget;
  targetRef: CellRef | null;
  /** 实际完成值: a number, or text for qualitative indicators (`raw`). */
  actual: NumberCell;
  weight: NumberCell; // 指标分值
  score: NumberCell; // 自评得分
  reason: TextCell; // 偏差原因分析及改进措施
}

export interface ProjectEvaluation {
  name: string;
  nameRef: CellRef | null;
  sheet: string;
  titleRef: CellRef;
  department: TextCell | null; // 主管部门
  implementer: TextCell | null; // 实施单位
  unit: MoneyUnit;
  funds: FundRow[];
  goalExpected: TextCell | null;
  goalActual: TextCell | null;
  indicators: Indicator[];
  total: NumberCell;
}

export type DeptFundKey = 'total' | 'fiscal' | 'central' | 'provincial' | 'local' | 'other';

/** One row of the 部门整体 funds block (① … ⑦). */
export interface DeptFundRow {
  key: DeptFundKey;
  label: TextCell;
  initial: MoneyCell; // ① 年初部门预算安排金额
  adjustment: MoneyCell; // ② 年中调整金额
  subtotal: MoneyCell; // ③ = ① + ②
  paid: MoneyCell; // ④ 年度拨付金额
  rate: NumberCell; // ⑤ 支出实现率 (%) = ④ / ③
  balance: MoneyCell; // ⑥ 本年度结余金额 = ③ − ④
  balanceRate: NumberCell; // ⑦ 资金结余率 (%) = ⑥ / ③
  weight: NumberCell; // 分值 (合计 only)
  score: NumberCell; // 得分 (合计 only)
}

export interface DeptEvaluation {
  name: string;
  nameRef: CellRef | null;
  sheet: string;
  titleRef: CellRef;
  unit: MoneyUnit;
  funds: DeptFundRow[];
  indicators: Indicator[];
  total: NumberCell;
}

/** The cell's number, or null when it is blank or not a number. */
export function num(c: NumberCell): number | null {
  return c.blank || c.invalid ? null : c.value;
}

/** The cell's amount in 分, or null when it is blank or not an amount. */
export function money(c: MoneyCell): number | null {
  return c.blank || c.invalid ? null : c.minor;
}

export function fundRow(project: ProjectEvaluation, key: FundKey): FundRow | undefined {
  return project.funds.find((f) => f.key === key);
}

/** Every 绩效自评 table of a workbook as read (readers/performance), with the problems met reading them. */
/** A Fujian 2018 self-evaluation form (R17, S17 or R18) as read from one sheet. */
export interface FujianFormRead {
  /** The form told by its content (一.单位基本信息 → R17, 一 基础信息 → R18, 项目名称 → S17). */
  formId: FujianFormId;
  sheet: string;
  /** The cell the form was recognised by. */
  titleRef: CellRef;
  evaluation: FujianEvaluation;
}

export interface PerformanceRead {
  projects: ProjectEvaluation[];
  depts: DeptEvaluation[];
  /** Fujian 2018 forms (one per sheet); absent when the reader found none. */
  fujian?: FujianFormRead[];
  /** Problems met while reading: missing headers, unreadable numbers, unparseable targets. */
  findings: Finding[];
}
