// shanghai-2024: the Shanghai 2024 部门决算 template and the three 普陀区 documents
// (docs/domain.md#profiles; transcriptions in test/fixtures/shanghai-2024/): 07 with 预算数/决算数 per item across one row, 08 and 09 with
// carry-over columns, zeros left blank, 01/04 with the 24- or 26-row 类 list (both occur).
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
import type { Profile } from './spec';

export const SHANGHAI_2024: Profile = withCrossIdentities({
  id: 'shanghai-2024',
  name: '上海 2024（部门决算公开）',
  classLists: ['26', '24'],
  zeroStyle: 'blank',
  tables: {
    '01': summarySpec({
      itemHeaders: [
        ['收入', '项目'],
        ['支出', '项目'],
      ],
      notes: ['注：本表反映{scope}本年度的总收支和年末结转结余情况。'],
    }),
    '02': incomeSpec('功能分类科目编码'),
    '03': expenditureSpec('功能分类科目编码'),
    '04': fiscalSummarySpec({
      short: false,
      itemHeaders: [
        ['收入', '项目'],
        ['支出', '项目'],
      ],
      notes: ['注：本表反映{scope}本年度财政拨款总收支和结转结余情况。'],
    }),
    '05': codedSpec({
      id: '05',
      topic: 'generalBudget',
      title: '一般公共预算财政拨款支出决算表',
      codeHeader: '功能分类科目编码',
      columns: spendColumns(null, '合计'),
      totalPosition: 'bottom',
      notes: ['注：本表反映{scope}本年度一般公共预算财政拨款支出情况。'],
    }),
    '06': economicSpec({
      title: '一般公共预算财政拨款基本支出决算表',
      economicList: 'shanghai-2024',
      classes: [
        ['301', '303'],
        ['302', '310'],
      ],
      flowColumns: 1,
      amountHeader: '决算数',
    }),
    '07': threePublicSpec({
      id: '07',
      title: '财政拨款“三公”经费支出决算表',
      titleAliases: ['一般公共预算财政拨款“三公”经费支出决算表'],
      orientation: 'columns',
      measures: [
        { key: 'budget', path: ['预算数'] },
        { key: 'final', path: ['决算数'] },
      ],
      notes: ['注：本表反映{scope}本年度“三公”经费支出预决算情况。'],
      emptyNote: '说明：本年度没有财政拨款“三公”经费支出，故本表无数据。',
    }),
    '08': codedSpec({
      id: '08',
      topic: 'govFund',
      title: '政府性基金预算财政拨款收入支出决算表',
      codeHeader: '功能分类科目编码',
      columns: FUND_COLUMNS.map(({ columnNo: _n, ...c }) => c),
      notes: ['注：本表反映{scope}本年度政府性基金预算财政拨款收入支出及结转和结余情况。'],
      emptyNote: '说明：本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
    }),
    '09': codedSpec({
      id: '09',
      topic: 'stateCapital',
      title: '国有资本经营预算财政拨款收入支出决算表',
      titleAliases: ['国有资本经营预算财政拨款支出决算表'],
      codeHeader: '功能分类科目编码',
      columns: FUND_COLUMNS.map(({ columnNo: _n, ...c }) => c),
      notes: ['注：本表反映{scope}本年度国有资本经营预算财政拨款收入支出及结转和结余情况。'],
      emptyNote: '说明：本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。',
    }),
  },
});
