// What the example models share (scripts/examples/fuzhou-tables.ts, shanghai-tables.ts): figures in 万元
// exactly as printed, rows and columns keyed like the model the table readers build.
import { unitValueToMinor } from '../../src/core/money';
import { levelOfCode, type AmountCell, type TableData, type TableId, type TableRow, type TableTopic } from '../../src/core/model';
import { codeRow, colKey, rowKey } from '../../src/core/keys';
import { specOf, type Profile } from '../../src/core/profiles';

/** A printed figure in 万元, as a number or as printed text (`6.20`); blank (null) is 0. */
export type Printed = number | string | null | undefined;

export function amount(v: Printed): AmountCell {
  return { minor: unitValueToMinor(v === null || v === undefined ? 0 : Number(v), '万元'), ref: null };
}

export function table(profile: Profile, id: TableId, topic: TableTopic, rows: TableRow[], extra: Partial<TableData> = {}): TableData {
  return { id, topic, title: specOf(profile, id).title, sheet: '', range: '', unit: '万元', rows, notes: [], titleRef: null, ...extra };
}

export function fixed(key: string, label: string, cells: Record<string, Printed>): TableRow {
  return { key: rowKey(key), label, labelRef: null, cells: Object.fromEntries(Object.entries(cells).map(([k, v]) => [colKey(k), amount(v)])) };
}

/** Printed column label → model column key of 02 and 03 (05's 合计 column is labelled differently per document). */
export const INCOME_COLUMNS: Record<string, string> = {
  本年收入合计: 'total', 财政拨款收入: 'fiscal', 上级补助收入: 'superior', 事业收入: 'business', 经营收入: 'operating', 附属单位上缴收入: 'affiliated', 其他收入: 'other',
};
export const EXPENDITURE_COLUMNS: Record<string, string> = {
  本年支出合计: 'total', 基本支出: 'basic', 项目支出: 'project', 上缴上级支出: 'remit', 经营支出: 'operating', 对附属单位补助支出: 'affiliated',
};

/** Columns of the 08 fund table, in printed order. */
export const FUND_COLUMNS: string[] = ['carryIn', 'income', 'total', 'basic', 'project', 'carryOut'];

/** A coded table: the 合计 row, then one row per code; every column of `columns` gets a cell (absent → 0). */
export function codedRows(
  columns: Record<string, string>,
  total: Record<string, Printed>,
  rows: Array<{ code: string; name: string; values: Record<string, Printed> }>,
): TableRow[] {
  const cells = (values: Record<string, Printed>) => Object.fromEntries(Object.entries(columns).map(([label, key]) => [colKey(key), amount(values[label])]));
  return [
    { key: 'total', label: '合计', labelRef: null, cells: cells(total) },
    ...rows.map((r) => ({ key: codeRow(r.code), label: r.name, code: r.code, level: levelOfCode(r.code), labelRef: null, cells: cells(r.values) })),
  ];
}

/** 06: one row per economic code, then the two totals. */
export function economicRows(
  items: Array<{ code: string; name: string; amount: Printed }>,
  totals: { 人员经费合计: Printed; 公用经费合计: Printed },
): TableRow[] {
  return [
    ...items.map((i) => ({ ...fixed(`econ:${i.code}`, i.name, { amount: i.amount }), code: i.code })),
    fixed('personnelTotal', '人员经费合计', { amount: totals['人员经费合计'] }),
    fixed('publicTotal', '公用经费合计', { amount: totals['公用经费合计'] }),
  ];
}
