// The printed names of the figures the tables and the working sheets share: each stated once here, and
// built into the profiles' column headers and row labels and into the working-sheet headers.

/** The three budgets 财政拨款 comes from. */
export const BUDGET = {
  gpb: '一般公共预算',
  gf: '政府性基金预算',
  soe: '国有资本经营预算',
} as const;

const FISCAL = '财政拨款';

/** 财政拨款 by fund (04's columns, 底稿2's groups). */
export const FUND = {
  gpb: `${BUDGET.gpb}${FISCAL}`,
  gf: `${BUDGET.gf}${FISCAL}`,
  soe: `${BUDGET.soe}${FISCAL}`,
} as const;

/** 收入来源 (02's columns, 01's income rows, 底稿1's income columns). */
export const INCOME_SOURCE = {
  gpb: `${FUND.gpb}收入`,
  gf: `${FUND.gf}收入`,
  soe: `${FUND.soe}收入`,
  fiscal: `${FISCAL}收入`,
  superior: '上级补助收入',
  business: '事业收入',
  operating: '经营收入',
  affiliated: '附属单位上缴收入',
  other: '其他收入',
} as const;

/** 支出性质 (03's columns, 底稿1's spending columns). */
export const SPENDING = {
  basic: '基本支出',
  project: '项目支出',
  remit: '上缴上级支出',
  operating: '经营支出',
  affiliated: '对附属单位补助支出',
} as const;

/** Totals and carry-over lines. */
export const LINE = {
  incomeTotal: '本年收入合计',
  spendingTotal: '本年支出合计',
  income: '本年收入',
  spending: '本年支出',
  total: '合计',
  subtotal: '小计',
  grand: '总计',
  carryIn: '年初结转和结余',
  carryOut: '年末结转和结余',
  fiscalCarryIn: `年初${FISCAL}结转和结余`,
  fiscalCarryOut: `年末${FISCAL}结转和结余`,
  useSurplus: '使用非财政拨款结余（含专用结余）',
  surplusDistribution: '结余分配',
} as const;

/** “三公”经费 items. */
export const THREE_PUBLIC = {
  abroad: '因公出国（境）费',
  car: '公务用车购置及运行维护费',
  carPurchase: '公务用车购置费',
  carRun: '公务用车运行维护费',
  reception: '公务接待费',
} as const;

/** The two sides of 01/04, named where a line's label is printed on both (总计). */
export const SIDE = { income: '收入', expenditure: '支出' } as const;
