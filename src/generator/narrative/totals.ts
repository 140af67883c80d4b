// Sections 一 to 四: the totals of 01 (收入支出总表), 02/03 (收入, 支出) and 04 (财政拨款收支总表).
import { INCOME_SOURCE, LINE, SPENDING } from '../../core/catalogs/labels';
import type { ColKey, FixedRowKey } from '../../core/keys';
import { figure } from './figures';
import { changeClause } from './format';
import { REASON } from './model';
import { amount, shareOf, yearOnYear, type DraftWriter } from './writer';

const INCOME_ROWS = ['gpb', 'gf', 'soe', 'superior', 'business', 'operating', 'affiliated', 'other'] as const;
const SPENDING_COLS = ['basic', 'project', 'remit', 'operating', 'affiliated'] as const;

/** 一、收入支出决算总体情况说明 (01 总计). */
export function overallSection(w: DraftWriter): void {
  const { accounts, lastYear } = w.input;
  const inc = figure(accounts, 'summary', 'inc.grand', 'amount');
  const exp = figure(accounts, 'summary', 'exp.grand', 'amount');
  const incPrev = figure(lastYear, 'summary', 'inc.grand', 'amount');
  const expPrev = figure(lastYear, 'summary', 'exp.grand', 'amount');
  w.h1('一、收入支出决算总体情况说明');
  const head = `${w.year}年度本单位收入总计${amount(inc, '收入总计')}，支出总计${amount(exp, '支出总计')}`;
  if (inc !== null && exp !== null && w.hasLastYear && incPrev !== null && expPrev !== null && (inc !== exp || incPrev !== expPrev)) {
    // The two totals moved differently: one comparison each.
    const i = changeClause(inc, incPrev);
    const e = changeClause(exp, expPrev);
    const why = i.changed || e.changed ? `主要原因是${REASON}。` : '';
    w.body(`${head}。收入总计${i.text}；支出总计${e.text}。${why}`);
    return;
  }
  // Equal totals (the usual case): one comparison, worded on the 收入总计 as the published documents do.
  w.body(`${head}${yearOnYear(w, inc, incPrev)}`);
}

/** 二、收入决算情况说明 (01's income rows). */
export function incomeSection(w: DraftWriter): void {
  const { accounts, lastYear } = w.input;
  const total = figure(accounts, 'summary', 'inc.total', 'amount');
  w.h1('二、收入决算情况说明');
  w.body(
    `${w.year}年度本年收入合计${amount(total, LINE.incomeTotal)}${yearOnYear(w, total, figure(lastYear, 'summary', 'inc.total', 'amount'))}具体情况如下：`,
  );
  let n = 0;
  for (const key of INCOME_ROWS) {
    const v = figure(accounts, 'summary', `inc.${key}` as FixedRowKey, 'amount');
    if (v === null) continue;
    w.body(`${++n}. ${INCOME_SOURCE[key]}${amount(v, INCOME_SOURCE[key])}${shareOf(v, total, LINE.incomeTotal)}。`);
  }
  const extras: string[] = [];
  for (const [key, label] of [
    ['inc.useSurplus', LINE.useSurplus],
    ['inc.carryIn', LINE.carryIn],
  ] as const) {
    const v = figure(accounts, 'summary', key, 'amount');
    if (v) extras.push(`${label}${amount(v, label)}`);
  }
  if (extras.length) w.body(`此外，${extras.join('，')}。`);
}

/** 三、支出决算情况说明 (03's 合计 row, and 01's carry-over). */
export function spendingSection(w: DraftWriter): void {
  const { accounts, lastYear } = w.input;
  const total = figure(accounts, 'expenditure', 'total', 'total');
  w.h1('三、支出决算情况说明');
  w.body(
    `${w.year}年度本年支出合计${amount(total, LINE.spendingTotal)}${yearOnYear(w, total, figure(lastYear, 'expenditure', 'total', 'total'))}具体情况如下：`,
  );
  let n = 0;
  for (const col of SPENDING_COLS) {
    const v = figure(accounts, 'expenditure', 'total', col as ColKey);
    if (v === null) continue;
    w.body(`${++n}. ${SPENDING[col]}${amount(v, SPENDING[col])}${shareOf(v, total, LINE.spendingTotal)}。`);
  }
  const extras: string[] = [];
  for (const [key, label] of [
    ['exp.surplusDistribution', LINE.surplusDistribution],
    ['exp.carryOut', LINE.carryOut],
  ] as const) {
    const v = figure(accounts, 'summary', key, 'amount');
    if (v) extras.push(`${label}${amount(v, label)}`);
  }
  if (extras.length) w.body(`此外，${extras.join('，')}。`);
}

const FUNDS = [
  ['gpb', 'inc.gpb', '一般公共预算财政拨款'],
  ['gf', 'inc.gf', '政府性基金预算财政拨款'],
  ['soe', 'inc.soe', '国有资本经营预算财政拨款'],
] as const;

/** 四、财政拨款收入支出决算总体情况说明 (04). */
export function fiscalSection(w: DraftWriter): void {
  const { accounts, lastYear } = w.input;
  const inc = figure(accounts, 'fiscalSummary', 'inc.grand', 'amount');
  const exp = figure(accounts, 'fiscalSummary', 'exp.grand', 'total');
  w.h1('四、财政拨款收入支出决算总体情况说明');
  const head = `${w.year}年度财政拨款收入总计${amount(inc, '财政拨款收入总计')}，支出总计${amount(exp, '财政拨款支出总计')}`;
  w.body(`${head}${yearOnYear(w, inc, figure(lastYear, 'fiscalSummary', 'inc.grand', 'amount'))}`);
  const income = FUNDS.map(([, key, label]) => {
    const v = figure(accounts, 'fiscalSummary', key, 'amount');
    return `${label}收入${amount(v, `${label}收入`)}`;
  });
  const spending = FUNDS.map(([col, , label]) => {
    const v = figure(accounts, 'fiscalSummary', 'exp.total', col);
    return `${label}支出${amount(v, `${label}支出`)}`;
  });
  w.body(`其中：本年收入中，${income.join('，')}；本年支出中，${spending.join('，')}。`);
  const carryIn = figure(accounts, 'fiscalSummary', 'inc.carryIn', 'amount');
  const carryOut = figure(accounts, 'fiscalSummary', 'exp.carryOut', 'total');
  if (carryIn || carryOut) {
    w.body(`${LINE.fiscalCarryIn}${amount(carryIn, LINE.fiscalCarryIn)}，${LINE.fiscalCarryOut}${amount(carryOut, LINE.fiscalCarryOut)}。`);
  }
}
