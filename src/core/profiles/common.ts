// Building blocks shared by the profiles; each profile picks and varies them, so no layout is written twice.
import { BUDGET, FUND, INCOME_SOURCE as IN, LINE, SPENDING as SP, THREE_PUBLIC as TP } from '../catalogs/labels';
import { tableIdentities } from './identities';
import type { CodedSpec, ColumnSpec, EconomicSpec, FixedRowSpec, LedgerSpec, ThreePublicSpec } from './spec';

export const INCOME_COLUMNS: ColumnSpec[] = [
  { key: 'total', path: [LINE.incomeTotal], aliases: [LINE.total, '收入合计'] },
  { key: 'fiscal', path: [IN.fiscal] },
  { key: 'superior', path: [IN.superior] },
  { key: 'business', path: [IN.business] },
  { key: 'operating', path: [IN.operating] },
  { key: 'affiliated', path: [IN.affiliated] },
  { key: 'other', path: [IN.other] },
];

export const EXPENDITURE_COLUMNS: ColumnSpec[] = [
  { key: 'total', path: [LINE.spendingTotal], aliases: [LINE.total, '支出合计'] },
  { key: 'basic', path: [SP.basic] },
  { key: 'project', path: [SP.project] },
  { key: 'remit', path: [SP.remit] },
  { key: 'operating', path: [SP.operating] },
  { key: 'affiliated', path: [SP.affiliated] },
];

/** 合计 / 基本支出 / 项目支出 under a 本年支出 group (Fuzhou 05, 09) or flat (Shanghai 05). */
export function spendColumns(group: string | null, totalLabel: string): ColumnSpec[] {
  const p = (leaf: string) => (group ? [group, leaf] : [leaf]);
  return [
    { key: 'total', path: p(totalLabel), aliases: [LINE.total, LINE.subtotal, LINE.spendingTotal] },
    { key: 'basic', path: p(SP.basic) },
    { key: 'project', path: p(SP.project) },
  ];
}

/** 年初结转和结余 / 本年收入 / 本年支出 {小计, 基本, 项目} / 年末结转和结余 (08, Shanghai 09). */
export const FUND_COLUMNS: ColumnSpec[] = [
  { key: 'carryIn', path: [LINE.carryIn], columnNo: 1 },
  { key: 'income', path: [LINE.income], columnNo: 4 },
  { key: 'total', path: [LINE.spending, LINE.subtotal], aliases: [LINE.total], columnNo: 7 },
  { key: 'basic', path: [LINE.spending, SP.basic], columnNo: 8 },
  { key: 'project', path: [LINE.spending, SP.project], columnNo: 11 },
  { key: 'carryOut', path: [LINE.carryOut], columnNo: 12 },
];

const INCOME_ORDER = ['gpb', 'gf', 'soe', 'superior', 'business', 'operating', 'affiliated', 'other'] as const;
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

export const SUMMARY_INCOME_ROWS: FixedRowSpec[] = [
  ...INCOME_ORDER.map((k, i): FixedRowSpec => ({ key: `inc.${k}`, label: `${ORDINALS[i]}、${IN[k]}`, section: 1 })),
  { key: 'inc.total', label: LINE.incomeTotal, section: 2 },
  { key: 'inc.useSurplus', label: LINE.useSurplus, aliases: ['使用非财政拨款结余'], section: 3 },
  { key: 'inc.carryIn', label: LINE.carryIn, section: 3 },
  { key: 'inc.grand', label: LINE.grand, aliases: ['收入总计'], section: 4 },
];

export const SUMMARY_EXPENDITURE_TAIL: FixedRowSpec[] = [
  { key: 'exp.total', label: LINE.spendingTotal, section: 2 },
  { key: 'exp.surplusDistribution', label: LINE.surplusDistribution, section: 3 },
  { key: 'exp.carryOut', label: LINE.carryOut, section: 3 },
  { key: 'exp.grand', label: LINE.grand, aliases: ['支出总计'], section: 4 },
];

export function summarySpec(opts: { itemHeaders: [string[], string[]]; rowNumbers?: boolean; notes: string[] }): LedgerSpec {
  return {
    id: '01',
    topic: 'summary',
    title: '收入支出决算总表',
    marker: '公开01表',
    kind: 'ledger',
    rowNumbers: opts.rowNumbers,
    notes: opts.notes,
    identities: tableIdentities('summary', ['amount']),
    blocks: [
      {
        side: 'income',
        itemHeader: opts.itemHeaders[0],
        columns: [{ key: 'amount', path: ['收入', '决算数'], aliases: ['金额'] }],
        rows: SUMMARY_INCOME_ROWS,
      },
      {
        side: 'expenditure',
        itemHeader: opts.itemHeaders[1],
        columns: [{ key: 'amount', path: ['支出', '决算数'], aliases: ['金额'] }],
        rows: [{ classes: true, section: 1 }, ...SUMMARY_EXPENDITURE_TAIL],
      },
    ],
  };
}

/** 04表; `short` prints 一、一般公共预算 (Fuzhou) instead of 一、一般公共预算财政拨款 (Shanghai). */
export function fiscalSummarySpec(opts: { short: boolean; itemHeaders: [string[], string[]]; notes: string[] }): LedgerSpec {
  const funds = ['gpb', 'gf', 'soe'] as const;
  const fund = (i: number) => `${ORDINALS[i]}、${opts.short ? BUDGET[funds[i]] : FUND[funds[i]]}`;
  const aliases = (i: number) => [BUDGET[funds[i]], FUND[funds[i]], IN[funds[i]]];
  return {
    id: '04',
    topic: 'fiscalSummary',
    title: '财政拨款收入支出决算总表',
    marker: '公开04表',
    kind: 'ledger',
    notes: opts.notes,
    identities: tableIdentities('fiscalSummary', []),
    blocks: [
      {
        side: 'income',
        itemHeader: opts.itemHeaders[0],
        columns: [{ key: 'amount', path: ['收入', opts.short ? '金额' : '决算数'], aliases: ['金额', '决算数'] }],
        rows: [
          ...funds.map((f, i): FixedRowSpec => ({ key: `inc.${f}`, label: fund(i), aliases: aliases(i), section: 1 })),
          { key: 'inc.total', label: LINE.incomeTotal, section: 2 },
          {
            key: 'inc.carryIn',
            label: opts.short ? LINE.carryIn : LINE.fiscalCarryIn,
            aliases: [LINE.carryIn, LINE.fiscalCarryIn],
            section: 3,
          },
          ...funds.map((f, i): FixedRowSpec => ({ key: `inc.carryIn.${f}`, label: fund(i), aliases: aliases(i), section: 3, indent: true })),
          { key: 'inc.grand', label: LINE.grand, section: 4 },
        ],
      },
      {
        side: 'expenditure',
        itemHeader: opts.itemHeaders[1],
        columns: [{ key: 'total', path: ['支出', LINE.total] }, ...funds.map((f): ColumnSpec => ({ key: f, path: ['支出', FUND[f]] }))],
        rows: [
          { classes: true, section: 1 },
          { key: 'exp.total', label: LINE.spendingTotal, section: 2 },
          { key: 'exp.carryOut', label: LINE.fiscalCarryOut, aliases: [LINE.carryOut], section: 3 },
          { key: 'exp.grand', label: LINE.grand, section: 4 },
        ],
      },
    ],
  };
}

export function codedSpec(base: Pick<CodedSpec, 'id' | 'topic' | 'title' | 'notes'> & Partial<CodedSpec>): CodedSpec {
  return {
    kind: 'coded',
    identities:
      base.identities ??
      tableIdentities(
        base.topic,
        (base.columns ?? []).map((c) => c.key),
      ),
    itemHeader: ['项目'],
    codeHeader: '支出功能分类科目编码',
    nameHeader: '科目名称',
    columns: [],
    totalLabel: LINE.total,
    totalAliases: [LINE.grand],
    totalPosition: 'top',
    marker: `公开${base.id}表`,
    ...base,
  };
}

export const THREE_PUBLIC_ITEMS: FixedRowSpec[] = [
  { key: 'total', label: LINE.total, section: 1 },
  { key: 'abroad', label: `1. ${TP.abroad}`, aliases: [TP.abroad, '因公出国(境)费'], section: 1 },
  { key: 'car', label: `2. ${TP.car}`, aliases: [TP.car, '公务用车购置及运行费', LINE.subtotal], section: 1 },
  { key: 'carPurchase', label: `其中：（1）${TP.carPurchase}`, aliases: [TP.carPurchase], section: 1, indent: true },
  { key: 'carRun', label: `（2）${TP.carRun}`, aliases: [TP.carRun, '公务用车运行费'], section: 1, indent: true },
  { key: 'reception', label: `3. ${TP.reception}`, aliases: [TP.reception], section: 1 },
];

export function threePublicSpec(
  base: Pick<ThreePublicSpec, 'id' | 'title' | 'orientation' | 'measures' | 'notes'> & Partial<ThreePublicSpec>,
): ThreePublicSpec {
  return {
    kind: 'threePublic',
    topic: 'threePublic',
    identities: tableIdentities(
      'threePublic',
      base.measures.map((m) => m.key),
    ),
    items: THREE_PUBLIC_ITEMS,
    marker: `公开${base.id}表`,
    ...base,
  };
}

/** 02表 收入决算表; only the code header differs between profiles. */
export function incomeSpec(codeHeader?: string): CodedSpec {
  return codedSpec({
    id: '02',
    topic: 'income',
    title: '收入决算表',
    ...(codeHeader ? { codeHeader } : {}),
    columns: INCOME_COLUMNS,
    notes: ['注：本表反映{scope}本年度取得的各项收入情况。'],
  });
}

/** 03表 支出决算表. */
export function expenditureSpec(codeHeader?: string): CodedSpec {
  return codedSpec({
    id: '03',
    topic: 'expenditure',
    title: '支出决算表',
    ...(codeHeader ? { codeHeader } : {}),
    columns: EXPENDITURE_COLUMNS,
    notes: ['注：本表反映{scope}本年度各项支出情况。'],
  });
}

/** 06表: 人员经费 and 公用经费 blocks with the 类 each prints, and their 合计 rows. */
export function economicSpec(
  base: Pick<EconomicSpec, 'title' | 'economicList' | 'flowColumns' | 'amountHeader'> &
    Partial<EconomicSpec> & { classes: [personnel: string[], publicUse: string[]] },
): EconomicSpec {
  const { classes, ...rest } = base;
  const blocks: EconomicSpec['blocks'] = [
    { group: '人员经费', classes: classes[0], total: { key: 'personnelTotal', label: '人员经费合计' } },
    { group: '公用经费', classes: classes[1], total: { key: 'publicTotal', label: '公用经费合计' } },
  ];
  return {
    id: '06',
    topic: 'basicEconomic',
    kind: 'economic',
    marker: '公开06表',
    titleAliases: ['一般公共预算财政拨款基本支出决算明细表'],
    codeHeader: '经济分类科目编码',
    nameHeader: '科目名称',
    amountAliases: ['金额', '决算数'],
    notes: ['注：本表反映{scope}本年度一般公共预算财政拨款基本支出明细情况。'],
    blocks,
    identities: [
      { kind: 'hierarchy', rule: 'T6-a' },
      { kind: 'groups', rule: 'T6-b', col: 'amount', groups: blocks.map((b) => ({ total: b.total.key, group: b.group })) },
    ],
    ...rest,
  };
}
