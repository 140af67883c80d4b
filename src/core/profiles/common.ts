// Building blocks shared by the profiles; each profile picks and varies them, so no layout is written twice.
import { tableIdentities } from './identities';
import type { CodedSpec, ColumnSpec, FixedRowSpec, LedgerSpec, ThreePublicSpec } from './spec';

export const INCOME_COLUMNS: ColumnSpec[] = [
  { key: 'total', path: ['本年收入合计'], aliases: ['合计', '收入合计'] },
  { key: 'fiscal', path: ['财政拨款收入'] },
  { key: 'superior', path: ['上级补助收入'] },
  { key: 'business', path: ['事业收入'] },
  { key: 'operating', path: ['经营收入'] },
  { key: 'affiliated', path: ['附属单位上缴收入'] },
  { key: 'other', path: ['其他收入'] },
];

export const EXPENDITURE_COLUMNS: ColumnSpec[] = [
  { key: 'total', path: ['本年支出合计'], aliases: ['合计', '支出合计'] },
  { key: 'basic', path: ['基本支出'] },
  { key: 'project', path: ['项目支出'] },
  { key: 'remit', path: ['上缴上级支出'] },
  { key: 'operating', path: ['经营支出'] },
  { key: 'affiliated', path: ['对附属单位补助支出'] },
];

/** 合计 / 基本支出 / 项目支出 under a 本年支出 group (Fuzhou 05, 09) or flat (Shanghai 05). */
export function spendColumns(group: string | null, totalLabel: string): ColumnSpec[] {
  const p = (leaf: string) => (group ? [group, leaf] : [leaf]);
  return [
    { key: 'total', path: p(totalLabel), aliases: ['合计', '小计', '本年支出合计'] },
    { key: 'basic', path: p('基本支出') },
    { key: 'project', path: p('项目支出') },
  ];
}

/** 年初结转和结余 / 本年收入 / 本年支出 {小计, 基本, 项目} / 年末结转和结余 (08, Shanghai 09). */
export const FUND_COLUMNS: ColumnSpec[] = [
  { key: 'carryIn', path: ['年初结转和结余'], columnNo: 1 },
  { key: 'income', path: ['本年收入'], columnNo: 4 },
  { key: 'total', path: ['本年支出', '小计'], aliases: ['合计'], columnNo: 7 },
  { key: 'basic', path: ['本年支出', '基本支出'], columnNo: 8 },
  { key: 'project', path: ['本年支出', '项目支出'], columnNo: 11 },
  { key: 'carryOut', path: ['年末结转和结余'], columnNo: 12 },
];

export const SUMMARY_INCOME_ROWS: FixedRowSpec[] = [
  { key: 'inc.gpb', label: '一、一般公共预算财政拨款收入', section: 1 },
  { key: 'inc.gf', label: '二、政府性基金预算财政拨款收入', section: 1 },
  { key: 'inc.soe', label: '三、国有资本经营预算财政拨款收入', section: 1 },
  { key: 'inc.superior', label: '四、上级补助收入', section: 1 },
  { key: 'inc.business', label: '五、事业收入', section: 1 },
  { key: 'inc.operating', label: '六、经营收入', section: 1 },
  { key: 'inc.affiliated', label: '七、附属单位上缴收入', section: 1 },
  { key: 'inc.other', label: '八、其他收入', section: 1 },
  { key: 'inc.total', label: '本年收入合计', section: 2 },
  { key: 'inc.useSurplus', label: '使用非财政拨款结余（含专用结余）', aliases: ['使用非财政拨款结余'], section: 3 },
  { key: 'inc.carryIn', label: '年初结转和结余', section: 3 },
  { key: 'inc.grand', label: '总计', aliases: ['收入总计'], section: 4 },
];

export const SUMMARY_EXPENDITURE_TAIL: FixedRowSpec[] = [
  { key: 'exp.total', label: '本年支出合计', section: 2 },
  { key: 'exp.surplusDistribution', label: '结余分配', section: 3 },
  { key: 'exp.carryOut', label: '年末结转和结余', section: 3 },
  { key: 'exp.grand', label: '总计', aliases: ['支出总计'], section: 4 },
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
  const fund = (n: string, name: string) => (opts.short ? `${n}、${name}` : `${n}、${name}财政拨款`);
  const aliases = (name: string) => [`${name}`, `${name}财政拨款`, `${name}财政拨款收入`];
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
          { key: 'inc.gpb', label: fund('一', '一般公共预算'), aliases: aliases('一般公共预算'), section: 1 },
          { key: 'inc.gf', label: fund('二', '政府性基金预算'), aliases: aliases('政府性基金预算'), section: 1 },
          { key: 'inc.soe', label: fund('三', '国有资本经营预算'), aliases: aliases('国有资本经营预算'), section: 1 },
          { key: 'inc.total', label: '本年收入合计', section: 2 },
          {
            key: 'inc.carryIn',
            label: opts.short ? '年初结转和结余' : '年初财政拨款结转和结余',
            aliases: ['年初结转和结余', '年初财政拨款结转和结余'],
            section: 3,
          },
          { key: 'inc.carryIn.gpb', label: fund('一', '一般公共预算'), aliases: aliases('一般公共预算'), section: 3, indent: true },
          { key: 'inc.carryIn.gf', label: fund('二', '政府性基金预算'), aliases: aliases('政府性基金预算'), section: 3, indent: true },
          { key: 'inc.carryIn.soe', label: fund('三', '国有资本经营预算'), aliases: aliases('国有资本经营预算'), section: 3, indent: true },
          { key: 'inc.grand', label: '总计', section: 4 },
        ],
      },
      {
        side: 'expenditure',
        itemHeader: opts.itemHeaders[1],
        columns: [
          { key: 'total', path: ['支出', '合计'] },
          { key: 'gpb', path: ['支出', '一般公共预算财政拨款'] },
          { key: 'gf', path: ['支出', '政府性基金预算财政拨款'] },
          { key: 'soe', path: ['支出', '国有资本经营预算财政拨款'] },
        ],
        rows: [
          { classes: true, section: 1 },
          { key: 'exp.total', label: '本年支出合计', section: 2 },
          { key: 'exp.carryOut', label: '年末财政拨款结转和结余', aliases: ['年末结转和结余'], section: 3 },
          { key: 'exp.grand', label: '总计', section: 4 },
        ],
      },
    ],
  };
}

export function codedSpec(
  base: Pick<CodedSpec, 'id' | 'topic' | 'title' | 'notes'> & Partial<CodedSpec>,
): CodedSpec {
  return {
    kind: 'coded',
    identities: tableIdentities(base.topic, (base.columns ?? []).map((c) => c.key)),
    itemHeader: ['项目'],
    codeHeader: '支出功能分类科目编码',
    nameHeader: '科目名称',
    columns: [],
    totalPosition: 'top',
    marker: `公开${base.id}表`,
    ...base,
  };
}

export const THREE_PUBLIC_ITEMS: FixedRowSpec[] = [
  { key: 'total', label: '合计', section: 1 },
  { key: 'abroad', label: '1. 因公出国（境）费', aliases: ['因公出国（境）费', '因公出国(境)费'], section: 1 },
  {
    key: 'car',
    label: '2. 公务用车购置及运行维护费',
    aliases: ['公务用车购置及运行维护费', '公务用车购置及运行费', '小计'],
    section: 1,
  },
  { key: 'carPurchase', label: '其中：（1）公务用车购置费', aliases: ['公务用车购置费'], section: 1, indent: true },
  {
    key: 'carRun',
    label: '（2）公务用车运行维护费',
    aliases: ['公务用车运行维护费', '公务用车运行费'],
    section: 1,
    indent: true,
  },
  { key: 'reception', label: '3. 公务接待费', aliases: ['公务接待费'], section: 1 },
];

export function threePublicSpec(base: Pick<ThreePublicSpec, 'id' | 'title' | 'orientation' | 'measures' | 'notes'> &
  Partial<ThreePublicSpec>): ThreePublicSpec {
  return {
    kind: 'threePublic',
    topic: 'threePublic',
    identities: tableIdentities('threePublic', base.measures.map((m) => m.key)),
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
