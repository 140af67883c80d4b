// fuzhou-2024: the layouts of the published 福州市工业和信息化局（本级）2024 单位决算
// (docs/domain.md#profiles; figures in examples/data/fuzhou-gxj-2024.json). The default profile.
import {
  codedSpec,
  economicSpec,
  expenditureSpec,
  FUND_COLUMNS,
  fiscalSummarySpec,
  incomeSpec,
  spendColumns,
  summarySpec,
  threePublicSpec,
} from './common';
import { withCrossIdentities } from './identities';
import type { EconomicSpec, Profile } from './spec';

export const FUZHOU_BASIC_ECONOMIC: EconomicSpec = economicSpec({
  title: '一般公共预算财政拨款基本支出决算表',
  economicList: 'fuzhou-2024',
  classes: [
    ['301', '303'],
    ['302', '307', '310', '312', '399'],
  ],
  flowColumns: 2,
  amountHeader: '金额',
});

export const FUZHOU_2024: Profile = withCrossIdentities({
  id: 'fuzhou-2024',
  name: '福州 2024（单位决算公开）',
  classLists: ['26'],
  zeroStyle: 'zero',
  tables: {
    '01': summarySpec({
      itemHeaders: [
        ['收入', '项目'],
        ['支出', '项目(按支出功能分类)'],
      ],
      notes: ['注：1. 本表反映{scope}本年度的总收支和年末结转结余情况。', '2. 本套报表金额单位转换时可能存在尾数误差。'],
    }),
    // The published 02, 03 and 08 print 类/款/项 under 科目编码; 05 and 09 do not (docs/official-layouts.md).
    '02': { ...incomeSpec(), levelsRow: true },
    '03': { ...expenditureSpec(), levelsRow: true },
    '04': fiscalSummarySpec({
      short: true,
      itemHeaders: [
        ['收入', '项目'],
        ['支出', '项目（按功能分类）'],
      ],
      notes: ['注：本表反映{scope}本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。'],
    }),
    '05': codedSpec({
      id: '05',
      topic: 'generalBudget',
      title: '一般公共预算财政拨款支出决算表',
      codeHeader: '功能分类科目编码',
      columns: spendColumns('本年支出', '小计'),
      notes: ['注：本表反映{scope}本年度一般公共预算财政拨款支出情况。'],
    }),
    '06': FUZHOU_BASIC_ECONOMIC,
    '07': threePublicSpec({
      id: '07',
      title: '一般公共预算财政拨款“三公”经费支出决算表',
      titleAliases: ['财政拨款“三公”经费支出决算表'],
      orientation: 'rows',
      rowNumbers: true,
      measures: [{ key: 'final', path: ['决算数'] }],
      notes: ['注：本表反映{scope}本年度“三公”经费支出决算情况，包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。'],
    }),
    '08': codedSpec({
      id: '08',
      topic: 'govFund',
      title: '政府性基金预算财政拨款收入支出决算表',
      columns: FUND_COLUMNS,
      columnNumbers: true,
      levelsRow: true,
      notes: ['注：1. 本表反映{scope}本年度政府性基金预算财政拨款收入、支出及结转和结余情况。'],
      emptyNote: '2. 本{scope}{year}年度没有使用政府性基金预算拨款安排的收支。',
    }),
    '09': codedSpec({
      id: '09',
      topic: 'stateCapital',
      title: '国有资本经营预算财政拨款支出决算表',
      titleAliases: ['国有资本经营预算财政拨款收入支出决算表'],
      codeHeader: '功能分类科目编码',
      columns: spendColumns('本年支出', '合计').map((c, i) => ({ ...c, columnNo: i + 1 })),
      columnNumbers: true,
      notes: ['注：1. 本表反映{scope}本年度国有资本经营预算财政拨款支出情况。'],
      emptyNote: '2. 本{scope}{year}年度没有使用国有资本经营预算财政拨款安排的支出。',
    }),
  },
});
