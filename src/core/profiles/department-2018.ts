// department-2018: the ten-table 部门决算 set as a 2018 福州 department published it (layouts only; no figures:
// docs/department-2018.md). Read and checked; the generator prints the 2024 sets only (`generates: false`).
import { FUND, INCOME_SOURCE as IN, LINE, THREE_PUBLIC as TP } from '../catalogs/labels';
import { codedSpec, EXPENDITURE_COLUMNS, FUND_COLUMNS, INCOME_COLUMNS, spendColumns } from './common';
import { DEPARTMENT_2018_CROSS_IDENTITIES, DEPARTMENT_2018_IDENTITIES as IDS } from './identities';
import type { ColumnSpec, FixedRowSpec, LedgerSpec, Profile } from './spec';

const row = (key: FixedRowSpec['key'], label: string, section: number, extra: Partial<FixedRowSpec> = {}): FixedRowSpec => ({
  key,
  label,
  section,
  ...extra,
});
const under = (key: FixedRowSpec['key'], label: string, section: number, aliases?: string[]): FixedRowSpec =>
  row(key, label, section, { indent: true, ...(aliases ? { aliases } : {}) });

/** 01 收支决算总表: six income rows, the carry-over broken down, 结余分配 with its parts; both totals are 合计. */
const SUMMARY: LedgerSpec = {
  id: '01',
  topic: 'summary',
  title: '收支决算总表',
  titleAliases: ['收入支出决算总表'],
  kind: 'ledger',
  notes: [],
  identities: IDS.summary,
  blocks: [
    {
      side: 'income',
      itemHeader: ['收入', '项目'],
      columns: [{ key: 'amount', path: ['收入', '决算数'], aliases: ['金额'] }],
      rows: [
        row('inc.fiscal', '一、财政拨款', 1),
        under('inc.fiscal.gf', '其中：政府性基金', 1),
        row('inc.superior', `二、${IN.superior}`, 1),
        row('inc.business', `三、${IN.business}`, 1),
        row('inc.operating', `四、${IN.operating}`, 1),
        row('inc.affiliated', '五、附属单位缴款', 1, { aliases: [IN.affiliated] }),
        row('inc.other', `六、${IN.other}`, 1),
        row('inc.total', LINE.incomeTotal, 2),
        row('inc.useFund', '用事业基金弥补收支差额', 3),
        row('inc.carryIn', LINE.carryIn, 3),
        under('inc.carryIn.basic', '基本支出结转', 3),
        under('inc.carryIn.basic.fiscal', '其中：财政拨款结转', 3),
        under('inc.carryIn.project', '项目支出结转和结余', 3),
        under('inc.carryIn.project.fiscal', '其中：财政拨款结转和结余', 3),
        under('inc.carryIn.operating', '经营结余', 3),
        row('inc.grand', LINE.total, 4),
      ],
    },
    {
      side: 'expenditure',
      itemHeader: ['支出', '项目(按支出功能分类)'],
      columns: [{ key: 'amount', path: ['支出', '决算数'], aliases: ['金额'] }],
      rows: [
        { classes: true, section: 1 },
        row('exp.total', LINE.spendingTotal, 2),
        row('exp.surplusDistribution', LINE.surplusDistribution, 3),
        under('exp.sd.tax', '交纳所得税', 3),
        under('exp.sd.welfare', '提取职工福利基金', 3),
        under('exp.sd.toFund', '转入事业基金', 3),
        under('exp.sd.other', '其他', 3),
        row('exp.carryOut', LINE.carryOut, 3),
        under('exp.carryOut.basic', '基本支出结转', 3),
        under('exp.carryOut.basic.fiscal', '其中：财政拨款结转', 3),
        under('exp.carryOut.project', '项目支出结转和结余', 3),
        under('exp.carryOut.project.fiscal', '其中：财政拨款结转和结余', 3),
        under('exp.carryOut.operating', '经营结余', 3),
        row('exp.grand', LINE.total, 4),
      ],
    },
  ],
};

/** 04 财政拨款收入支出决算总表: no 国有资本经营 row or column; 年末 broken into 基本 / 项目. */
const FISCAL_SUMMARY: LedgerSpec = {
  id: '04',
  topic: 'fiscalSummary',
  title: '财政拨款收入支出决算总表',
  kind: 'ledger',
  notes: [],
  identities: IDS.fiscalSummary,
  blocks: [
    {
      side: 'income',
      itemHeader: ['收入', '项目'],
      columns: [{ key: 'amount', path: ['收入', '金额'], aliases: ['决算数'] }],
      rows: [
        row('inc.gpb', `一、${FUND.gpb}`, 1),
        row('inc.gf', `二、${FUND.gf}`, 1),
        row('inc.total', LINE.incomeTotal, 2),
        row('inc.carryIn', LINE.fiscalCarryIn, 3, { aliases: [LINE.carryIn] }),
        under('inc.carryIn.gpb', `一、${FUND.gpb}`, 3),
        under('inc.carryIn.gf', `二、${FUND.gf}`, 3),
        row('inc.grand', LINE.grand, 4),
      ],
    },
    {
      side: 'expenditure',
      itemHeader: ['支出', '项目（按功能分类）'],
      columns: [
        { key: 'total', path: ['支出', LINE.total] },
        { key: 'gpb', path: ['支出', FUND.gpb] },
        { key: 'gf', path: ['支出', FUND.gf] },
      ],
      rows: [
        { classes: true, section: 1 },
        row('exp.total', LINE.spendingTotal, 2),
        row('exp.carryOut', LINE.fiscalCarryOut, 3, { aliases: [LINE.carryOut] }),
        under('exp.carryOut.basic', '基本支出结转', 3),
        under('exp.carryOut.project', '项目支出结转和结余', 3),
        row('exp.grand', LINE.grand, 4),
      ],
    },
  ],
};

/** 09 部门决算相关信息统计表: two halves (行次 1–21, 22–42), one 统计数 column each; section lines print —. */
const RELATED_STATS: LedgerSpec = {
  id: '09',
  topic: 'relatedStats',
  title: '部门决算相关信息统计表',
  kind: 'ledger',
  rowNumbers: true,
  notes: [],
  identities: IDS.relatedStats,
  blocks: [
    {
      side: 'income',
      heading: '“三公”经费',
      itemHeader: ['项目'],
      columns: [{ key: 'amount', path: ['统计数'] }],
      rows: [
        row('total', '（一）支出合计', 1),
        row('abroad', `1．${TP.abroad}`, 1, { aliases: ['因公出国(境)费'] }),
        row('car', `2．${TP.car}`, 1),
        under('carPurchase', `（1）${TP.carPurchase}`, 1),
        under('carRun', `（2）${TP.carRun}`, 1),
        row('reception', `3．${TP.reception}`, 1),
        under('reception.domestic', '（1）国内接待费', 1),
        under('reception.foreignAffairs', '其中：外事接待费', 1),
        under('reception.abroad', '（2）国（境）外接待费', 1),
        row('count.abroadGroups', '1．因公出国（境）团组数（个）', 2),
        row('count.abroadPersons', '2．因公出国（境）人次数（人）', 2),
        row('count.carsBought', '3．公务用车购置数（辆）', 2),
        row('count.carsHeld', '4．公务用车保有量（辆）', 2),
        row('count.receptionBatches', '5．国内公务接待批次（个）', 2),
        under('count.foreignAffairsBatches', '其中：外事接待批次（个）', 2),
        row('count.receptionPersons', '6．国内公务接待人次（人）', 2),
        under('count.foreignAffairsPersons', '其中：外事接待人次（人）', 2),
        row('count.abroadReceptionBatches', '7．国（境）外公务接待批次（个）', 2),
        row('count.abroadReceptionPersons', '8．国（境）外公务接待人次（人）', 2),
      ],
    },
    {
      side: 'expenditure',
      heading: '机关运行经费和国有资产占用',
      itemHeader: ['项目'],
      columns: [{ key: 'amount', path: ['统计数'] }],
      rows: [
        row('ops.total', '二、机关运行经费', 1),
        under('ops.admin', '（一）行政单位', 1),
        under('ops.civilServant', '（二）参照公务员法管理事业单位', 1),
        row('asset.cars', '（一）车辆数合计（辆）', 2),
        under('asset.cars.ministerial', '1．副部（省）级及以上领导用车', 2),
        under('asset.cars.leaders', '2．主要领导干部用车', 2),
        under('asset.cars.confidential', '3．机要通信用车', 2),
        under('asset.cars.emergency', '4．应急保障用车', 2),
        under('asset.cars.enforcement', '5．执法执勤用车', 2),
        under('asset.cars.special', '6．特种专业技术用车', 2),
        under('asset.cars.retired', '7．离退休干部用车', 2),
        under('asset.cars.other', '8．其他用车', 2),
        row('asset.equipment50', '（二）单价50万元以上通用设备（台，套）', 2),
        row('asset.equipment100', '（三）单价100万元以上专用设备（台，套）', 2),
      ],
    },
  ],
};

function procurementColumns(side: 'plan' | 'actual', group: string): ColumnSpec[] {
  const fiscal = '采购预算(财政性资金)';
  return [
    { key: `${side}.total`, path: [group, LINE.grand] },
    { key: `${side}.fiscal`, path: [group, fiscal, LINE.total] },
    { key: `${side}.gpb`, path: [group, fiscal, '一般公共预算'] },
    { key: `${side}.gf`, path: [group, fiscal, '政府性基金预算'] },
    { key: `${side}.otherFunds`, path: [group, fiscal, '其他资金'] },
    { key: `${side}.nonFiscal`, path: [group, '非财政性资金'] },
  ];
}

/** 10 政府采购情况表: 采购计划金额 and 实际采购金额, six leaves each; 合计 then 货物 / 工程 / 服务. */
const PROCUREMENT: LedgerSpec = {
  id: '10',
  topic: 'procurement',
  title: '政府采购情况表',
  kind: 'ledger',
  notes: [],
  identities: IDS.procurement,
  blocks: [
    {
      side: 'expenditure',
      heading: '采购',
      itemHeader: ['项目'],
      columns: [...procurementColumns('plan', '采购计划金额'), ...procurementColumns('actual', '实际采购金额')],
      rows: [row('total', LINE.total, 1), row('goods', '货物', 1), row('works', '工程', 1), row('services', '服务', 1)],
    },
  ],
};

export const DEPARTMENT_2018: Profile = {
  id: 'department-2018',
  name: '部门决算 2018（十张表）',
  classLists: ['2018'],
  zeroStyle: 'blank',
  generates: false,
  tables: {
    '01': SUMMARY,
    '02': codedSpec({
      id: '02',
      topic: 'income',
      title: '收入决算表',
      marker: undefined,
      columns: INCOME_COLUMNS,
      notes: [],
      identities: IDS.income,
    }),
    '03': codedSpec({
      id: '03',
      topic: 'expenditure',
      title: '支出决算表',
      marker: undefined,
      columns: EXPENDITURE_COLUMNS,
      notes: [],
      identities: IDS.expenditure,
    }),
    '04': FISCAL_SUMMARY,
    '05': codedSpec({
      id: '05',
      topic: 'generalBudget',
      title: '一般公共预算财政拨款支出决算表',
      // As printed in the 2018 document, with 预算 missing.
      titleAliases: ['一般公共财政拨款支出决算表'],
      marker: undefined,
      codeHeader: '功能分类科目编码',
      columns: spendColumns('本年支出', LINE.subtotal),
      notes: [],
      identities: IDS.generalBudget,
    }),
    '06': codedSpec({
      id: '06',
      topic: 'economicDetail',
      title: '一般公共预算财政拨款支出决算明细表',
      marker: undefined,
      codes: 'economic',
      codeHeader: '经济分类科目编码',
      columns: [{ key: 'total', path: [LINE.total] }],
      notes: [],
      identities: IDS.economicDetail,
    }),
    '07': codedSpec({
      id: '07',
      topic: 'basicEconomic',
      title: '一般公共预算财政拨款基本支出决算表',
      marker: undefined,
      codes: 'economic',
      codeHeader: '经济分类科目编码',
      columns: [
        { key: 'total', path: [LINE.total] },
        { key: 'personnel', path: ['人员经费'] },
        { key: 'public', path: ['公用经费'] },
      ],
      notes: [],
      identities: IDS.basicEconomic,
    }),
    '08': codedSpec({
      id: '08',
      topic: 'govFund',
      title: '政府性基金预算财政拨款收入支出决算表',
      marker: undefined,
      columns: FUND_COLUMNS,
      columnNumbers: true,
      notes: [],
      emptyNote: '注：本单位{year}年度没有使用政府性基金预算拨款安排的支出。',
      identities: IDS.govFund,
    }),
    '09': RELATED_STATS,
    '10': PROCUREMENT,
  },
  crossIdentities: DEPARTMENT_2018_CROSS_IDENTITIES,
};
