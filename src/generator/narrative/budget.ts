// Sections 五 and 六: the 一般公共预算财政拨款 spending of 05 (总体, 结构 by 类, each 项) and the 基本支出 of
// 06 (人员经费 and 公用经费 with the 款 they hold).
import type { FinalAccounts, TableRow } from '../../core/model';
import { codeRow } from '../../core/keys';
import { profileById } from '../../core/profiles';
import type { EconomicSpec } from '../../core/profiles/spec';
import { LINE } from '../../core/catalogs/labels';
import { figure, tableOf } from './figures';
import { chineseNumber } from './format';
import { gap } from './model';
import { amount, shareOf, yearOnYear, type DraftWriter } from './writer';

const GPB = '一般公共预算财政拨款支出';

function codedRows(accounts: FinalAccounts | null | undefined, level: '类' | '项'): TableRow[] {
  return (tableOf(accounts, 'generalBudget')?.rows ?? []).filter((r) => r.code && r.level === level);
}

/** 五、一般公共预算财政拨款支出决算情况说明. */
export function generalBudgetSection(w: DraftWriter): void {
  const { accounts, lastYear } = w.input;
  const total = figure(accounts, 'generalBudget', 'total', 'total');
  const spending = figure(accounts, 'expenditure', 'total', 'total');
  w.h1('五、一般公共预算财政拨款支出决算情况说明');
  w.h2('（一）一般公共预算财政拨款支出决算总体情况');
  w.body(
    `${w.year}年度${GPB}${amount(total, GPB)}${shareOf(total, spending, LINE.spendingTotal)}` +
      yearOnYear(w, total, figure(lastYear, 'generalBudget', 'total', 'total')),
  );

  w.h2('（二）一般公共预算财政拨款支出决算结构情况');
  const classes = codedRows(accounts, '类').filter((r) => r.cells.total?.minor);
  const parts = classes.map((r) => {
    const v = r.cells.total!.minor;
    return `${r.label}（类）${amount(v, r.label)}${shareOf(v, total, GPB)}`;
  });
  w.body(parts.length ? `${w.year}年度${GPB}${amount(total, GPB)}，主要用于以下方面：${parts.join('；')}。` : `${w.year}年度没有${GPB}。`);

  w.h2('（三）一般公共预算财政拨款支出决算具体情况');
  // Every 项 with a figure this year, and, when last year is known, every 项 that had one then.
  const current = new Map(codedRows(accounts, '项').map((r) => [r.code!, r]));
  const previous = new Map(codedRows(lastYear, '项').map((r) => [r.code!, r]));
  const lastYearTable = tableOf(lastYear, 'generalBudget');
  const codes = [...new Set([...current.keys(), ...previous.keys()])]
    .filter((c) => current.get(c)?.cells.total?.minor || previous.get(c)?.cells.total?.minor)
    .sort();
  if (!codes.length) w.body('本年度没有按项级科目列示的一般公共预算财政拨款支出。');
  codes.forEach((code, i) => {
    const row = current.get(code);
    const name = row?.label ?? previous.get(code)!.label;
    const v = row ? figure(accounts, 'generalBudget', codeRow(code), 'total') : 0;
    const head = `${i + 1}. ${code}-${name}（项）${amount(v, name)}`;
    if (w.hasLastYear) {
      // A 项 missing from last year's 05 had nothing; when 05 itself is not known, neither is the 项.
      const prev = lastYearTable ? (figure(lastYear, 'generalBudget', codeRow(code), 'total') ?? 0) : null;
      w.body(`${head}${yearOnYear(w, v, prev)}`);
    } else {
      w.body(`${head}，主要用于${gap('主要用途')}。较上年决算数${gap('增减额及增减率')}，主要原因是${gap('主要原因')}。`);
    }
  });
}

/** The 款 names of 06 with a figure, in print order, for each block (人员经费, 公用经费). */
function economicContents(accounts: FinalAccounts): { personnel: string[]; publicUse: string[] } {
  const table = tableOf(accounts, 'basicEconomic');
  const spec = Object.values(profileById(accounts.profileId)?.tables ?? {}).find((s) => s.topic === 'basicEconomic') as EconomicSpec | undefined;
  const names = (classes: string[]): string[] =>
    (table?.rows ?? []).filter((r) => r.code?.length === 5 && classes.includes(r.code.slice(0, 3)) && r.cells.amount?.minor).map((r) => r.label);
  const blocks = spec?.blocks ?? [];
  return {
    personnel: names(blocks.find((b) => b.total.key === 'personnelTotal')?.classes ?? []),
    publicUse: names(blocks.find((b) => b.total.key === 'publicTotal')?.classes ?? []),
  };
}

/** 六、一般公共预算财政拨款基本支出决算情况说明 (05 基本支出, 06 人员经费 / 公用经费). */
export function basicSection(w: DraftWriter): void {
  const { accounts } = w.input;
  const basic = figure(accounts, 'generalBudget', 'total', 'basic');
  const personnel = figure(accounts, 'basicEconomic', 'personnelTotal', 'amount');
  const publicUse = figure(accounts, 'basicEconomic', 'publicTotal', 'amount');
  const contents = economicContents(accounts);
  const list = (names: string[]): string => (names.length ? names.join('、') : gap('主要内容'));
  w.h1('六、一般公共预算财政拨款基本支出决算情况说明');
  w.body(`${w.year}年度一般公共预算财政拨款基本支出${amount(basic, '基本支出')}，其中：`);
  w.body(`（${chineseNumber(1)}）人员经费${amount(personnel, '人员经费')}，主要包括：${list(contents.personnel)}。`);
  w.body(`（${chineseNumber(2)}）公用经费${amount(publicUse, '公用经费')}，主要包括：${list(contents.publicUse)}。`);
}
