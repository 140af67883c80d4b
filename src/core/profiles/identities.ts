// Every identity of the nine tables, as data: within each table (by topic, attached to its spec by
// common.ts) and between tables (the profile's cross identities). The rule ids are those of
// docs/domain.md#identities (T1–T9 within tables, X1–X13 between them). `check` reports a failure of any
// of them; generation computes every total from its parts with the non-balance ones.
import { at, columns, minus, of, sum } from '../identities/build';
import type { CrossIdentity, TableIdentity } from '../identities/types';
import { econRow, type ColKey } from '../keys';
import type { TableId, TableTopic } from '../model';
import { allColumns, type Profile, type TableSpec } from './spec';

const FUNDS = ['gpb', 'gf', 'soe'] as const;

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
      return FIXED_LAYOUT_IDENTITIES[topic];
  }
}

const FIXED_LAYOUT_IDENTITIES: Record<Exclude<TableTopic, 'threePublic' | 'govFund' | 'stateCapital' | 'basicEconomic'>, TableIdentity[]> = {
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
  fiscalSummary: [
    columns('T4-a', 'total', ['gpb', 'gf', 'soe']),
    sum('T4-b', at('inc.total'), [at('inc.gpb'), at('inc.gf'), at('inc.soe')]),
    sum('T4-c', at('inc.carryIn'), [at('inc.carryIn.gpb'), at('inc.carryIn.gf'), at('inc.carryIn.soe')]),
    sum('T4-b', at('inc.grand'), [at('inc.total'), at('inc.carryIn')]),
    { kind: 'classes', rule: 'T4-b', total: 'exp.total', cols: ['total', ...FUNDS] },
    ...(['total', ...FUNDS] as const).map((col) => sum('T4-b', at('exp.grand', col), [at('exp.total', col), at('exp.carryOut', col)])),
    sum('T4-b', at('exp.grand', 'total'), [at('inc.grand')], { balance: true }),
    // Each fund balances: 本年支出 = 本年收入 + 年初结转和结余 − 年末结转和结余.
    ...FUNDS.map((f) => sum('T4-b', at('exp.total', f), [at(`inc.${f}`), at(`inc.carryIn.${f}`), minus(at('exp.carryOut', f))], { balance: true })),
  ],
  generalBudget: [columns('T5-a', 'total', ['basic', 'project']), { kind: 'hierarchy', rule: 'T5-a' }],
};

/** 08/09: 本年支出 = 基本 + 项目; 年末 = 年初 + 本年收入 − 本年支出 where the carry-over is printed; the hierarchy. */
function fundIdentities(rule: string, printed: readonly ColKey[]): TableIdentity[] {
  return [
    columns(rule, 'total', ['basic', 'project']),
    ...(printed.includes('carryOut') ? [columns(rule, 'carryOut', ['carryIn', 'income', '-total'], { balance: true })] : []),
    { kind: 'hierarchy', rule },
  ];
}

const PART_OF_WHOLE = '是全部支出的一部分，不能大于全部支出；请核对两表的数字。';

/**
 * The identities between the tables of a profile. The fund tables' carry-over lines (X8) stand only where the
 * fund table prints them (Fuzhou's 09 prints 本年支出 alone).
 */
function crossIdentities(tables: Record<TableId, TableSpec>): CrossIdentity[] {
  const prints = (topic: TableTopic, col: ColKey) => Object.values(tables).some((s) => s.topic === topic && allColumns(s).some((c) => c.key === col));
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
  ...(
    [
      ['30212', 'abroad'],
      ['30217', 'reception'],
      ['30231', 'carRun'],
      ['31013', 'carPurchase'],
    ] as const
  )
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

/** A profile with the identities between its tables. */
export function withCrossIdentities(profile: Omit<Profile, 'crossIdentities'>): Profile {
  return { ...profile, crossIdentities: crossIdentities(profile.tables) };
}
