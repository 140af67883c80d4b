// The nine tables of the Fuzhou reference (examples/data/fuzhou-gxj-2024.json, figures in 万元 exactly as
// printed, inconsistencies kept) as the model the layouts print.
//
// Cells the text extraction lost (null in the JSON) and how they are filled, from the printed text:
// - 03表 合计 row, 上缴上级支出 / 经营支出 / 对附属单位补助支出: the text prints 0.00 (every row of those columns is 0.00);
// - 04表 支出总计, 国有资本经营预算财政拨款: the text prints 0.00 for that column on every row.
import type { FinalAccounts, TableData, TableId, TableRow, TableTopic } from '../../src/core/model';
import { FUZHOU_2024 } from '../../src/core/profiles/fuzhou-2024';
import { EXPENDITURE_COLUMNS, FUND_COLUMNS, INCOME_COLUMNS, codedRows, economicRows, fixed, table as profileTable, type Printed } from './model';

type Num = number | null;

function table(id: TableId, topic: TableTopic, rows: TableRow[], notes: string[] = []): TableData {
  return profileTable(FUZHOU_2024, id, topic, rows, { notes });
}

/** A coded table of the reference JSON: rows keyed by printed column label. */
function coded(data: { rows: Array<Record<string, unknown>>; total: Record<string, Num> }, columns: Record<string, string>): TableRow[] {
  const rows = data.rows.map((r) => ({ code: String(r.code), name: String(r.name), values: r as Record<string, Printed> }));
  return codedRows(columns, data.total, rows);
}

export interface FuzhouJson {
  unit: string;
  year: number;
  tables: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function fuzhouAccounts(data: FuzhouJson): FinalAccounts {
  const t = data.tables;
  const incomeKeys = ['inc.gpb', 'inc.gf', 'inc.soe', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other'];
  const t01: TableRow[] = [
    ...t.t01.income.map((r: { item: string; amount: Num }, i: number) => fixed(incomeKeys[i], r.item, { amount: r.amount })),
    ...t.t01.expenditure_by_class.map((r: { code: string; class: string; amount: Num }) => fixed(`class:${r.code}`, r.class, { amount: r.amount })),
    fixed('inc.total', '本年收入合计', { amount: t.t01.totals['本年收入合计'] }),
    fixed('inc.useSurplus', '使用非财政拨款结余（含专用结余）', { amount: t.t01.totals['使用非财政拨款结余（含专用结余）'] }),
    fixed('inc.carryIn', '年初结转和结余', { amount: t.t01.totals['年初结转和结余'] }),
    fixed('inc.grand', '总计', { amount: t.t01.totals['收入总计'] }),
    fixed('exp.total', '本年支出合计', { amount: t.t01.totals['本年支出合计'] }),
    fixed('exp.surplusDistribution', '结余分配', { amount: t.t01.totals['结余分配'] }),
    fixed('exp.carryOut', '年末结转和结余', { amount: t.t01.totals['年末结转和结余'] }),
    fixed('exp.grand', '总计', { amount: t.t01.totals['支出总计'] }),
  ];
  const t04fund = (o: Record<string, Num>) => ({
    total: o['合计'],
    gpb: o['一般公共预算财政拨款'],
    gf: o['政府性基金预算财政拨款'],
    soe: o['国有资本经营预算财政拨款'] ?? 0,
  });
  const tot4 = t.t04.totals;
  const t04: TableRow[] = [
    ...t.t04.income.map((r: { item: string; amount: Num }, i: number) => fixed(['inc.gpb', 'inc.gf', 'inc.soe'][i], r.item, { amount: r.amount })),
    fixed('inc.total', '本年收入合计', { amount: tot4['收入:本年收入合计'] }),
    fixed('inc.carryIn', '年初结转和结余', { amount: tot4['收入:年初结转和结余'] }),
    fixed('inc.carryIn.gpb', '一、一般公共预算', { amount: tot4['年初结转和结余:一般公共预算'] }),
    fixed('inc.carryIn.gf', '二、政府性基金预算', { amount: tot4['年初结转和结余:政府性基金预算'] }),
    fixed('inc.carryIn.soe', '三、国有资本经营预算', { amount: tot4['年初结转和结余:国有资本经营预算'] }),
    fixed('inc.grand', '总计', { amount: tot4['收入:总计'] }),
    ...t.t04.expenditure_by_class.map((r: Record<string, Num> & { code: string; class: string }) => fixed(`class:${r.code}`, r.class, t04fund(r))),
    fixed('exp.total', '本年支出合计', t04fund(tot4['支出:本年支出合计'])),
    fixed('exp.carryOut', '年末财政拨款结转和结余', t04fund(tot4['支出:年末财政拨款结转和结余'])),
    fixed('exp.grand', '总计', t04fund(tot4['支出:总计'])),
  ];
  const t06 = economicRows(t.t06.items, t.t06.totals);
  const t07: TableRow[] = t.t07.rows.map((r: { key: string; item: string; amount: Num }) => {
    const keys: Record<string, string> = {
      合计: 'total',
      '因公出国（境）费': 'abroad',
      公务用车购置及运行维护费: 'car',
      公务用车购置费: 'carPurchase',
      公务用车运行维护费: 'carRun',
      公务接待费: 'reception',
    };
    return fixed(keys[r.key], r.item, { final: r.amount });
  });
  const t08: TableRow[] = [fixed('total', '合计', Object.fromEntries(FUND_COLUMNS.map((k, i) => [k, t.t08['合计_numbers'][i]])))];
  const t09: TableRow[] = [fixed('total', '合计', Object.fromEntries(['total', 'basic', 'project'].map((k, i) => [k, t.t09['合计_numbers'][i]])))];
  const emptyNote = (s: string) => [s.replace(/\s+/g, '')];
  return {
    unitName: data.unit,
    year: data.year,
    profileId: 'fuzhou-2024',
    tables: {
      '01': table('01', 'summary', t01),
      '02': table('02', 'income', coded(t.t02, INCOME_COLUMNS)),
      '03': table('03', 'expenditure', coded(t.t03, EXPENDITURE_COLUMNS)),
      '04': table('04', 'fiscalSummary', t04),
      '05': table('05', 'generalBudget', coded(t.t05, { 小计: 'total', 基本支出: 'basic', 项目支出: 'project' })),
      '06': table('06', 'basicEconomic', t06),
      '07': table('07', 'threePublic', t07),
      '08': table('08', 'govFund', t08, emptyNote(t.t08.statement)),
      '09': table('09', 'stateCapital', t09, emptyNote(t.t09.statement)),
    },
  };
}
