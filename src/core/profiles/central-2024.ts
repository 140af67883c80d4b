// central-2024: the order used by the central departments and many provinces (Hunan 岳阳, Gansu 张家川,
// Guangxi 玉林 2024; docs/domain.md#profiles): 三公 last (07 政府性基金, 08 国有资本经营,
// 09 三公), 06 named 基本支出决算明细表. Columns follow the Fuzhou layouts where no source shows otherwise.
import { FUZHOU_2024 } from './fuzhou-2024';
import { codedSpec, FUND_COLUMNS, spendColumns, threePublicSpec } from './common';
import { withCrossIdentities } from './identities';
import type { Profile } from './spec';

export const CENTRAL_2024: Profile = withCrossIdentities({
  id: 'central-2024',
  name: '中央及多数省份 2024（三公表列第 09 表）',
  classLists: ['26'],
  zeroStyle: 'zero',
  tables: {
    ...FUZHOU_2024.tables,
    '06': {
      ...FUZHOU_2024.tables['06'],
      title: '一般公共预算财政拨款基本支出决算明细表',
      titleAliases: ['一般公共预算财政拨款基本支出决算表'],
    } as Profile['tables']['06'],
    '07': codedSpec({
      id: '07',
      topic: 'govFund',
      title: '政府性基金预算财政拨款收入支出决算表',
      columns: FUND_COLUMNS,
      columnNumbers: true,
      notes: ['注：本表反映{scope}本年度政府性基金预算财政拨款收入、支出及结转和结余情况。'],
      emptyNote: '说明：本{scope}{year}年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
    }),
    '08': codedSpec({
      id: '08',
      topic: 'stateCapital',
      title: '国有资本经营预算财政拨款支出决算表',
      titleAliases: ['国有资本经营预算财政拨款收入支出决算表'],
      columns: spendColumns('本年支出', '合计'),
      notes: ['注：本表反映{scope}本年度国有资本经营预算财政拨款支出情况。'],
      emptyNote: '说明：本{scope}{year}年度没有国有资本经营预算财政拨款支出，故本表无数据。',
    }),
    '09': threePublicSpec({
      id: '09',
      title: '财政拨款“三公”经费支出决算表',
      titleAliases: ['一般公共预算财政拨款“三公”经费支出决算表'],
      orientation: 'rows',
      rowNumbers: true,
      measures: [
        { key: 'budget', path: ['预算数'] },
        { key: 'final', path: ['决算数'] },
      ],
      notes: ['注：本表反映{scope}本年度“三公”经费支出预决算情况。'],
      emptyNote: '说明：本{scope}{year}年度没有财政拨款“三公”经费支出，故本表无数据。',
    }),
  },
});
