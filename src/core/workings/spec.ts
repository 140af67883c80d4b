// The working sheets (底稿): what the officer fills in, described once as data. The template writer
// and the working-sheet reader both use these specs, so the layout is never written twice.

import { FUND, INCOME_SOURCE as IN, LINE, SPENDING as SP, THREE_PUBLIC as TP } from '../catalogs/labels';
import type { TableTopic } from '../model';

export interface WorkingColumn {
  key: string;
  /** Header path (group, leaf) as printed. */
  path: string[];
  /** Counts (团组数, 人次 …) are plain numbers, not money. */
  count?: boolean;
  /** For a 上年数 column: the key of the this-year column it stands beside. */
  lastYearOf?: string;
}

export interface WorkingFixedRow {
  key: string;
  label: string;
}

export interface WorkingSheetSpec {
  id: 'detail' | 'fiscal' | 'economic' | 'threePublic' | 'counts' | 'carry';
  /** Sheet name in the template; the reader also accepts a sheet whose title matches. */
  name: string;
  title: string;
  /** `code`: one row per 项 (functional code); `econ`: one row per economic 款; `fixed`: the listed rows. */
  rows: 'code' | 'econ' | 'fixed';
  keyHeader: string;
  nameHeader?: string;
  columns: WorkingColumn[];
  fixedRows?: WorkingFixedRow[];
  /** Whether the sheet declares a 金额单位 (every sheet with money does). */
  money: boolean;
  /** Lines of 填表说明 printed under the title. */
  instructions: string[];
  optional?: boolean;
}

const INCOME = LINE.income;
const SPEND = LINE.spending;

export const FUND_GROUPS = (['gpb', 'gf', 'soe'] as const).map((key) => ({ key, label: FUND[key] }));

export const WORKING_SHEETS: WorkingSheetSpec[] = [
  {
    id: 'detail',
    name: '底稿1 收支明细',
    title: '底稿1 收入支出明细（按项级科目）',
    rows: 'code',
    keyHeader: '科目编码',
    nameHeader: '科目名称',
    money: true,
    instructions: [
      '每个项级科目（7 位编码）填一行；编码按文本填写，如 2011101。类、款级合计由程序计算，不必填写。',
      '可另填 3 位或 5 位编码的行只写科目名称（不填金额），用于目录中没有的类、款名称。',
    ],
    columns: [
      ...(['gpb', 'gf', 'soe', 'superior', 'business', 'operating', 'affiliated', 'other'] as const).map((k) => ({
        key: `inc.${k}`,
        path: [INCOME, IN[k]],
      })),
      ...(['basic', 'project', 'remit', 'operating', 'affiliated'] as const).map((k) => ({ key: `exp.${k}`, path: [SPEND, SP[k]] })),
    ],
  },
  {
    id: 'fiscal',
    name: '底稿2 财政拨款',
    title: '底稿2 财政拨款支出及结转结余（按项级科目）',
    rows: 'code',
    keyHeader: '科目编码',
    nameHeader: '科目名称',
    money: true,
    instructions: ['按资金性质填写财政拨款的基本支出、项目支出和年初、年末结转和结余；本年收入取自底稿1。'],
    columns: FUND_GROUPS.flatMap((f) => [
      { key: `${f.key}.carryIn`, path: [f.label, LINE.carryIn] },
      { key: `${f.key}.basic`, path: [f.label, SP.basic] },
      { key: `${f.key}.project`, path: [f.label, SP.project] },
      { key: `${f.key}.carryOut`, path: [f.label, LINE.carryOut] },
    ]),
  },
  {
    id: 'economic',
    name: '底稿3 经济分类',
    title: '底稿3 一般公共预算财政拨款基本支出（按经济分类款级科目）',
    rows: 'econ',
    keyHeader: '经济分类科目编码',
    nameHeader: '科目名称',
    money: true,
    instructions: ['每个经济分类款级科目（5 位编码，如 30101）填一行；类级合计、人员经费和公用经费合计由程序计算。'],
    columns: [{ key: 'amount', path: ['金额'] }],
  },
  {
    id: 'threePublic',
    name: '底稿4 三公经费',
    title: '底稿4 “三公”经费',
    rows: 'fixed',
    keyHeader: '项目',
    money: true,
    instructions: ['预算数没有时留空。合计与公务用车购置及运行维护费由程序计算。'],
    columns: [
      { key: 'budget', path: ['预算数'] },
      { key: 'final', path: ['决算数'] },
    ],
    fixedRows: [
      { key: 'abroad', label: TP.abroad },
      { key: 'carPurchase', label: TP.carPurchase },
      { key: 'carRun', label: TP.carRun },
      { key: 'reception', label: TP.reception },
    ],
  },
  {
    id: 'counts',
    name: '底稿5 三公数量',
    title: '底稿5 “三公”经费相关数量',
    rows: 'fixed',
    keyHeader: '项目',
    money: false,
    optional: true,
    instructions: ['用于情况说明；不填不影响生成九张表。'],
    columns: [{ key: 'count', path: ['数量'], count: true }],
    fixedRows: [
      { key: 'abroadGroups', label: '因公出国（境）团组数（个）' },
      { key: 'abroadPersons', label: '因公出国（境）人次' },
      { key: 'carsPurchased', label: '公务用车购置数（辆）' },
      { key: 'carsHeld', label: '公务用车保有量（辆）' },
      { key: 'receptionBatches', label: '国内公务接待批次' },
      { key: 'receptionPersons', label: '国内公务接待人次' },
    ],
  },
  {
    id: 'carry',
    name: '底稿6 非财政拨款结余',
    title: '底稿6 非财政拨款结转结余及结余分配',
    rows: 'fixed',
    keyHeader: '项目',
    money: true,
    optional: true,
    instructions: ['财政拨款的结转和结余在底稿2 填写；本表只填非财政拨款部分，没有时留空。'],
    columns: [{ key: 'amount', path: ['金额'] }],
    fixedRows: [
      { key: 'useSurplus', label: LINE.useSurplus },
      { key: 'carryIn', label: `非财政拨款${LINE.carryIn}` },
      { key: 'surplusDistribution', label: LINE.surplusDistribution },
      { key: 'carryOut', label: `非财政拨款${LINE.carryOut}` },
    ],
  },
];

/**
 * 上年数 (issue #13 point 5): beside each money column, the same figure of last year, headed like it with
 * 上年 before its top label (上年收入—一般公共预算财政拨款收入, 上年金额, 上年决算数). Optional: a sheet
 * without them reads as before. Not for counts, nor 底稿4's 预算数 (the 较上年 comparisons are of 决算数).
 */
export function lastYearColumns(spec: WorkingSheetSpec): WorkingColumn[] {
  if (!spec.money) return [];
  return spec.columns
    .filter((c) => !c.count && c.key !== 'budget')
    .map((c) => ({
      key: lastYearKey(c.key),
      // 本年收入 → 上年收入 (not 上年本年收入).
      path: [`${LAST_YEAR_LABEL}${c.path[0].replace(/^本年/, '')}`, ...c.path.slice(1)],
      lastYearOf: c.key,
    }));
}

export const LAST_YEAR_LABEL = '上年';

/** The key of a column's 上年数 twin (in template fills). */
export function lastYearKey(key: string): string {
  return `lastYear.${key}`;
}

/**
 * Which working sheets a table of last year is derived from: a table is known only when each of its sheets
 * has some 上年数 (a sheet whose 上年数 are all blank means "not known", never 0). 底稿6 is optional like
 * this year's: blank there is 0.
 */
export const LAST_YEAR_TABLE_SHEETS: Partial<Record<TableTopic, Array<WorkingSheetSpec['id']>>> = {
  summary: ['detail', 'fiscal'],
  income: ['detail'],
  expenditure: ['detail'],
  fiscalSummary: ['detail', 'fiscal'],
  generalBudget: ['fiscal'],
  basicEconomic: ['economic'],
  threePublic: ['threePublic'],
  govFund: ['detail', 'fiscal'],
  stateCapital: ['detail', 'fiscal'],
};

export const SETTING_LABELS = { unitName: '单位名称', year: '年度', unit: '金额单位' } as const;
