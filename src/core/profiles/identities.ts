// Every identity of the nine tables, as data: within each table (by topic, attached to its spec by
// common.ts) and between tables (the profile's cross identities). The rule ids are those of
// docs/domain.md#identities (T1–T9 within tables, X1–X13 between them). `check` reports a failure of any
// of them; generation computes every total from its parts with the non-balance ones.
import { at, columns, minus, of, sum } from '../identities/build';
import type { CrossIdentity, TableIdentity } from '../identities/types';
import { econRow, type ColKey, type RowKey } from '../keys';
import type { TableId, TableTopic } from '../model';
import { allColumns, specsOf, type Profile, type TableSpec } from './spec';

const FUNDS = ['gpb', 'gf', 'soe'] as const;
/** The columns of a fund table that prints its carry-over (common.ts FUND_COLUMNS). */
const FUND_COLUMN_KEYS: readonly ColKey[] = ['carryIn', 'income', 'total', 'basic', 'project', 'carryOut'];

/**
 * The identities of a table, by its topic and the columns its spec prints (a 三公 table with or without
 * 预算数, a fund table with or without its carry-over columns).
 */
export function tableIdentities(topic: TableTopic, columns: readonly ColKey[]): TableIdentity[] {
  switch (topic) {
    case 'threePublic':
      return columns.flatMap((m) => [
        sum('T7-a', at('car', m), [at('carPurchase', m), at('carRun', m)]),
        sum('T7-a', at('total', m), [at('abroad', m), at('car', m), at('reception', m)]),
      ]);
    case 'govFund':
      return fundIdentities('T8-a', columns);
    case 'stateCapital':
      return fundIdentities('T9-a', columns);
    case 'basicEconomic':
      throw new Error('06 declares its identities with its blocks (common.ts economicSpec)');
    default:
      if (topic === 'economicDetail' || topic === 'relatedStats' || topic === 'procurement') return DEPARTMENT_2018_IDENTITIES[topic];
      return FIXED_LAYOUT_IDENTITIES[topic];
  }
}

type DepartmentOnly = 'economicDetail' | 'relatedStats' | 'procurement';

const FIXED_LAYOUT_IDENTITIES: Record<
  Exclude<TableTopic, 'threePublic' | 'govFund' | 'stateCapital' | 'basicEconomic' | DepartmentOnly>,
  TableIdentity[]
> = {
  summary: [
    sum('T1-a', at('inc.total'), [
      at('inc.gpb'),
      at('inc.gf'),
      at('inc.soe'),
      at('inc.superior'),
      at('inc.business'),
      at('inc.operating'),
      at('inc.affiliated'),
      at('inc.other'),
    ]),
    { kind: 'classes', rule: 'T1-b', total: 'exp.total', cols: ['amount'] },
    sum('T1-c', at('inc.grand'), [at('inc.total'), at('inc.useSurplus'), at('inc.carryIn')]),
    sum('T1-d', at('exp.grand'), [at('exp.total'), at('exp.surplusDistribution'), at('exp.carryOut')]),
    sum('T1-e', at('exp.grand'), [at('inc.grand')], { balance: true }),
  ],
  income: [columns('T2-a', 'total', ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other']), { kind: 'hierarchy', rule: 'T2-b' }],
  expenditure: [columns('T3-a', 'total', ['basic', 'project', 'remit', 'operating', 'affiliated']), { kind: 'hierarchy', rule: 'T3-b' }],
  fiscalSummary: fiscalSummaryIdentities(FUNDS, false),
  generalBudget: [columns('T5-a', 'total', ['basic', 'project']), { kind: 'hierarchy', rule: 'T5-a' }],
};

/**
 * 04: the row and column totals, the carry-over lines and each fund's balance, for the funds the table prints
 * (2024: 一般公共预算, 政府性基金, 国有资本经营; 2018: the first two), with 年末 broken into 基本 / 项目 where
 * `carryOutParts` (2018).
 */
function fiscalSummaryIdentities(funds: readonly (typeof FUNDS)[number][], carryOutParts: boolean): TableIdentity[] {
  const cols = ['total', ...funds] as const;
  return [
    columns('T4-a', 'total', [...funds]),
    sum(
      'T4-b',
      at('inc.total'),
      funds.map((f) => at(`inc.${f}`)),
    ),
    sum(
      'T4-c',
      at('inc.carryIn'),
      funds.map((f) => at(`inc.carryIn.${f}`)),
    ),
    sum('T4-b', at('inc.grand'), [at('inc.total'), at('inc.carryIn')]),
    { kind: 'classes', rule: 'T4-b', total: 'exp.total', cols: [...cols] },
    ...cols.flatMap((col) => [
      ...(carryOutParts ? [sum('T4-c', at('exp.carryOut', col), [at('exp.carryOut.basic', col), at('exp.carryOut.project', col)])] : []),
      sum('T4-b', at('exp.grand', col), [at('exp.total', col), at('exp.carryOut', col)]),
    ]),
    sum('T4-b', at('exp.grand', 'total'), [at('inc.grand')], { balance: true }),
    // Each fund balances: 本年支出 = 本年收入 + 年初结转和结余 − 年末结转和结余.
    ...funds.map((f) => sum('T4-b', at('exp.total', f), [at(`inc.${f}`), at(`inc.carryIn.${f}`), minus(at('exp.carryOut', f))], { balance: true })),
  ];
}

/** 08/09: 本年支出 = 基本 + 项目; 年末 = 年初 + 本年收入 − 本年支出 where the carry-over is printed; the hierarchy. */
function fundIdentities(rule: string, printed: readonly ColKey[]): TableIdentity[] {
  return [
    columns(rule, 'total', ['basic', 'project']),
    ...(printed.includes('carryOut') ? [columns(rule, 'carryOut', ['carryIn', 'income', '-total'], { balance: true })] : []),
    { kind: 'hierarchy', rule },
  ];
}

/** The 经济分类 款 of basic spending that each “三公” item includes (X12, 2024 and 2018 sets). */
const THREE_PUBLIC_ECONOMIC = [
  ['30212', 'abroad'],
  ['30217', 'reception'],
  ['30231', 'carRun'],
  ['31013', 'carPurchase'],
] as const;

const PART_OF_WHOLE = '是全部支出的一部分，不能大于全部支出；请核对两表的数字。';

/**
 * The identities between the tables of a profile. The fund tables' carry-over lines (X8) stand only where the
 * fund table prints them (Fuzhou's 09 prints 本年支出 alone).
 */
function crossIdentities(tables: Partial<Record<TableId, TableSpec>>): CrossIdentity[] {
  const prints = (topic: TableTopic, col: ColKey) => specsOf({ tables }).some((s) => s.topic === topic && allColumns(s).some((c) => c.key === col));
  return CROSS_IDENTITIES.filter((i) => i.kind !== 'same' || i.rule !== 'X8' || prints(i.b.table, i.b.col));
}

// Severity follows logic (docs/domain.md#identities): two figures that must be equal are an error beyond the
// 尾差 policy (a 0.01 shift between tables is a 提示); a part that exceeds its whole, where the whole is by
// definition that part plus others, is an error; only plausibility is a 提示.
const CROSS_IDENTITIES: CrossIdentity[] = [
  // X1–X8: the same figure printed in two tables (or a figure and the sum it stands for): equal by definition.
  { kind: 'same', rule: 'X1', a: of('summary', 'inc.total'), b: of('income', 'total', 'total') },
  { kind: 'same', rule: 'X2', a: of('summary', 'exp.total'), b: of('expenditure', 'total', 'total') },
  sum('X3', of('income', 'total', 'fiscal'), [of('summary', 'inc.gpb'), of('summary', 'inc.gf'), of('summary', 'inc.soe')]),
  ...(['superior', 'business', 'operating', 'affiliated', 'other'] as const).map((k): CrossIdentity => ({
    kind: 'same',
    rule: 'X3',
    a: of('income', 'total', k),
    b: of('summary', `inc.${k}`),
  })),
  { kind: 'sameClasses', rule: 'X4', a: { table: 'summary', col: 'amount' }, b: { table: 'expenditure', col: 'total' } },
  ...FUNDS.map((f): CrossIdentity => ({ kind: 'same', rule: 'X5', a: of('fiscalSummary', `inc.${f}`), b: of('summary', `inc.${f}`) })),
  { kind: 'same', rule: 'X6', a: of('fiscalSummary', 'inc.total'), b: of('income', 'total', 'fiscal') },
  { kind: 'same', rule: 'X7', a: of('fiscalSummary', 'exp.total', 'gpb'), b: of('generalBudget', 'total', 'total') },
  { kind: 'sameClasses', rule: 'X7', a: { table: 'fiscalSummary', col: 'gpb' }, b: { table: 'generalBudget', col: 'total' } },
  ...(
    [
      ['gf', 'govFund'],
      ['soe', 'stateCapital'],
    ] as const
  ).flatMap(([f, fund]): CrossIdentity[] => [
    { kind: 'same', rule: 'X8', a: of('fiscalSummary', 'exp.total', f), b: of(fund, 'total', 'total') },
    { kind: 'sameClasses', rule: 'X8', a: { table: 'fiscalSummary', col: f }, b: { table: fund, col: 'total' } },
    { kind: 'same', rule: 'X8', a: of('fiscalSummary', `inc.carryIn.${f}`), b: of(fund, 'total', 'carryIn') },
    { kind: 'same', rule: 'X8', a: of('fiscalSummary', 'exp.carryOut', f), b: of(fund, 'total', 'carryOut') },
    { kind: 'same', rule: 'X8', a: of('fiscalSummary', `inc.${f}`), b: of(fund, 'total', 'income') },
  ]),
  // A balance: 05's 基本支出 comes from the functional detail, 06's groups from the economic detail.
  sum('X9', of('generalBudget', 'total', 'basic'), [of('basicEconomic', 'personnelTotal'), of('basicEconomic', 'publicTotal')], { balance: true }),
  // X10: 05 is the 一般公共预算财政拨款 part of 03's spending, row by row: a part larger than its whole is an error.
  {
    kind: 'atMostRows',
    rule: 'X10',
    severity: 'error',
    a: { table: 'generalBudget', cols: ['total', 'basic', 'project'] },
    b: { table: 'expenditure' },
    why: `一般公共预算财政拨款支出${PART_OF_WHOLE}`,
  },
  ...(
    [
      [of('fiscalSummary', 'inc.carryIn'), of('summary', 'inc.carryIn')],
      [of('fiscalSummary', 'exp.carryOut', 'total'), of('summary', 'exp.carryOut')],
    ] as const
  )
    // X11: 01's 结转和结余 is 04's 财政拨款 part plus the 非财政拨款 part: the part larger is an error.
    .map(([a, b]): CrossIdentity => ({
      kind: 'atMost',
      rule: 'X11',
      severity: 'error',
      a,
      b,
      why: `财政拨款结转和结余是全部结转和结余的一部分，不能大于全部；请核对两表的数字。`,
    })),
  ...THREE_PUBLIC_ECONOMIC
    // X12 stays a 提示: 06's economic 款 and 07's “三公” statistics are kept by different definitions
    // (the 三公 scope of 公务用车 and 接待 is narrower in places), so neither is by definition part of the other.
    .map(([code, item]): CrossIdentity => ({
      kind: 'atMost',
      rule: 'X12',
      severity: 'warning',
      a: of('basicEconomic', econRow(code)),
      b: of('threePublic', item, 'final'),
      why: '“三公”经费决算数包含基本支出中的该项，通常不应更小；请核对或说明原因。',
    })),
];

// ---------------------------------------------------------------------------------------------------
// The 2018 ten-table 部门决算 set (docs/department-2018.md): its 01, 04, 07 and the three tables 2024 does not
// have are laid out differently, so their identities are their own; 02, 03, 05 and 08 are those above.

const FUNDS_2018 = ['gpb', 'gf'] as const;
const PROCUREMENT_SIDES = ['plan', 'actual'] as const;
const PROCUREMENT_LEAVES = ['total', 'fiscal', 'gpb', 'gf', 'otherFunds', 'nonFiscal'] as const;

/** The identities of each table of the 2018 department set, by topic. */
export const DEPARTMENT_2018_IDENTITIES: Record<TableTopic, TableIdentity[]> = {
  summary: [
    // 其中：政府性基金 is inside 一、财政拨款, not added to it.
    sum('T1-a', at('inc.total'), [
      at('inc.fiscal'),
      at('inc.superior'),
      at('inc.business'),
      at('inc.operating'),
      at('inc.affiliated'),
      at('inc.other'),
    ]),
    { kind: 'classes', rule: 'T1-b', total: 'exp.total', cols: ['amount'] },
    sum('T1-c', at('inc.carryIn'), [at('inc.carryIn.basic'), at('inc.carryIn.project'), at('inc.carryIn.operating')]),
    sum('T1-c', at('inc.grand'), [at('inc.total'), at('inc.useFund'), at('inc.carryIn')]),
    sum('T1-d', at('exp.surplusDistribution'), [at('exp.sd.tax'), at('exp.sd.welfare'), at('exp.sd.toFund'), at('exp.sd.other')]),
    sum('T1-d', at('exp.carryOut'), [at('exp.carryOut.basic'), at('exp.carryOut.project'), at('exp.carryOut.operating')]),
    sum('T1-d', at('exp.grand'), [at('exp.total'), at('exp.surplusDistribution'), at('exp.carryOut')]),
    sum('T1-e', at('exp.grand'), [at('inc.grand')], { balance: true }),
  ],
  income: FIXED_LAYOUT_IDENTITIES.income,
  expenditure: FIXED_LAYOUT_IDENTITIES.expenditure,
  fiscalSummary: fiscalSummaryIdentities(FUNDS_2018, true),
  generalBudget: FIXED_LAYOUT_IDENTITIES.generalBudget,
  // 06 明细表: 合计 = Σ the nine 经济分类 类.
  economicDetail: [{ kind: 'hierarchy', rule: 'D6-a' }],
  // 07 基本支出: per row 合计 = 人员经费 + 公用经费; 合计 = Σ 类, 类 = Σ 款.
  basicEconomic: [columns('T6-c', 'total', ['personnel', 'public']), { kind: 'hierarchy', rule: 'T6-a' }],
  govFund: fundIdentities('T8-a', FUND_COLUMN_KEYS),
  stateCapital: [],
  threePublic: [],
  // 09 相关信息统计表, by 行次: 2 = 3 + 4 + 7; 4 = 5 + 6; 7 = 8 + 10; 22 = 23 + 24; 27 = Σ 28…35.
  relatedStats: [
    sum('D9-a', at('total'), [at('abroad'), at('car'), at('reception')]),
    sum('D9-a', at('car'), [at('carPurchase'), at('carRun')]),
    sum('D9-a', at('reception'), [at('reception.domestic'), at('reception.abroad')]),
    sum('D9-a', at('ops.total'), [at('ops.admin'), at('ops.civilServant')]),
    sum('D9-a', at('asset.cars'), [
      at('asset.cars.ministerial'),
      at('asset.cars.leaders'),
      at('asset.cars.confidential'),
      at('asset.cars.emergency'),
      at('asset.cars.enforcement'),
      at('asset.cars.special'),
      at('asset.cars.retired'),
      at('asset.cars.other'),
    ]),
  ],
  // 10 政府采购情况表: per side 总计 = 财政性资金合计 + 非财政性资金, 财政性 = 一般 + 基金 + 其他; 合计 = 货物 + 工程 + 服务.
  procurement: [
    ...PROCUREMENT_SIDES.flatMap((side) => [
      columns('D10-a', `${side}.total`, [`${side}.fiscal`, `${side}.nonFiscal`]),
      columns('D10-a', `${side}.fiscal`, [`${side}.gpb`, `${side}.gf`, `${side}.otherFunds`]),
    ]),
    ...PROCUREMENT_SIDES.flatMap((side) =>
      PROCUREMENT_LEAVES.map((leaf) =>
        sum(
          'D10-b',
          at('total', `${side}.${leaf}`),
          (['goods', 'works', 'services'] as const).map((r) => at(r, `${side}.${leaf}`)),
        ),
      ),
    ),
  ],
};

/** A 其中 row may not exceed the row it stands under (the whole is it plus the rest), in the same table. */
function partOfRow(rule: string, table: TableTopic, part: RowKey, whole: RowKey, col: ColKey = 'amount'): CrossIdentity {
  return {
    kind: 'atMost',
    rule,
    severity: 'error',
    a: of(table, part, col),
    b: of(table, whole, col),
    why: '“其中”数是所在行的一部分，不能大于该行；请核对。',
  };
}

/** What must agree between the tables of the 2018 department set (docs/department-2018.md). */
export const DEPARTMENT_2018_CROSS_IDENTITIES: CrossIdentity[] = [
  // Within a table, a part not summed into its row: error when larger (by definition a part).
  partOfRow('T1-f', 'summary', 'inc.fiscal.gf', 'inc.fiscal'),
  partOfRow('T1-f', 'summary', 'inc.carryIn.basic.fiscal', 'inc.carryIn.basic'),
  partOfRow('T1-f', 'summary', 'inc.carryIn.project.fiscal', 'inc.carryIn.project'),
  partOfRow('T1-f', 'summary', 'exp.carryOut.basic.fiscal', 'exp.carryOut.basic'),
  partOfRow('T1-f', 'summary', 'exp.carryOut.project.fiscal', 'exp.carryOut.project'),
  partOfRow('D9-b', 'relatedStats', 'reception.foreignAffairs', 'reception.domestic'),
  partOfRow('D9-b', 'relatedStats', 'count.foreignAffairsBatches', 'count.receptionBatches'),
  partOfRow('D9-b', 'relatedStats', 'count.foreignAffairsPersons', 'count.receptionPersons'),
  // The same as in 2024: X1, X2 (01 = 02/03 totals), X4 (01 类 = 03 类), X6, X7 (04 = 05), X8 for 政府性基金 only
  // (no 国有资本经营 table), X10 (05 ≤ 03 per row), X11 (04 结转和结余 ≤ 01's).
  ...CROSS_IDENTITIES.filter(
    (i) =>
      ['X1', 'X2', 'X4', 'X6', 'X7', 'X10', 'X11'].includes(i.rule) ||
      (i.rule === 'X8' && (i.kind === 'same' || i.kind === 'sameClasses') && i.b.table === 'govFund'),
  ),
  // X3: 01's income rows = 02's 合计 columns (一、财政拨款 is one row here, not three funds).
  ...(['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] as const).map((k): CrossIdentity => ({
    kind: 'same',
    rule: 'X3',
    a: of('income', 'total', k),
    b: of('summary', `inc.${k}`),
  })),
  // X5: 01 一、财政拨款 = 04 本年收入合计; 其中：政府性基金 = 04 二、.
  { kind: 'same', rule: 'X5', a: of('fiscalSummary', 'inc.total'), b: of('summary', 'inc.fiscal') },
  { kind: 'same', rule: 'X5', a: of('fiscalSummary', 'inc.gf'), b: of('summary', 'inc.fiscal.gf') },
  // A balance: 05's 基本支出 comes from the functional detail, 07's 合计 from the economic detail.
  { kind: 'same', rule: 'X9', a: of('generalBudget', 'total', 'basic'), b: of('basicEconomic', 'total', 'total'), balance: true },
  // 06 明细表 is 05 by economic class: its 合计 is 05's 合计 by definition.
  { kind: 'same', rule: 'X14', a: of('economicDetail', 'total', 'total'), b: of('generalBudget', 'total', 'total') },
  // 07 is the basic part of 06 明细表, class by class: a part larger than its whole is an error.
  {
    kind: 'atMostRows',
    rule: 'X15',
    severity: 'error',
    a: { table: 'basicEconomic', cols: ['total'], rows: 'classes' },
    b: { table: 'economicDetail' },
    why: '基本支出是该经济分类全部支出的一部分，不能大于明细表中的数；请核对两表的数字。',
  },
  // X12 stays a 提示 (as in 2024): 07's 款 and 09's “三公” statistics are kept by different definitions.
  ...THREE_PUBLIC_ECONOMIC.map(([code, item]): CrossIdentity => ({
    kind: 'atMost',
    rule: 'X12',
    severity: 'warning',
    a: of('basicEconomic', econRow(code), 'total'),
    b: of('relatedStats', item),
    why: '“三公”经费支出包含基本支出中的该项，通常不应更小；请核对或说明原因。',
  })),
];

/** A profile with the identities between its tables. */
export function withCrossIdentities(profile: Omit<Profile, 'crossIdentities'>): Profile {
  return { ...profile, crossIdentities: crossIdentities(profile.tables) };
}
