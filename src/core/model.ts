// The model of a unit's final accounts: the nine tables as printed, every amount in 分 with its cell.
import type { CellRef } from './cells';
import type { ColKey, RowKey } from './keys';
import type { MoneyUnit } from './money';

export type TableId = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10';
/** Every table id any profile uses, in print order (the 2024 sets print 01–09, the 2018 department set 01–10). */
export const TABLE_IDS: TableId[] = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'];

/** One of the nine tables' ids (a finding's `table` is one of these, or a 绩效 table's name). */
export function isTableId(s: string): s is TableId {
  return (TABLE_IDS as string[]).includes(s);
}

/**
 * What a table is about, independent of the number a region gives it
 * (the 三公 table is 07 in Fuzhou and Shanghai, 09 in the central order).
 */
export type TableTopic =
  | 'summary' // 收入支出决算总表
  | 'income' // 收入决算表
  | 'expenditure' // 支出决算表
  | 'fiscalSummary' // 财政拨款收入支出决算总表
  | 'generalBudget' // 一般公共预算财政拨款支出决算表
  | 'basicEconomic' // 一般公共预算财政拨款基本支出决算表
  | 'threePublic' // “三公”经费支出决算表
  | 'govFund' // 政府性基金预算财政拨款收入支出决算表
  | 'stateCapital' // 国有资本经营预算财政拨款（收入）支出决算表
  | 'economicDetail' // 一般公共预算财政拨款支出决算明细表 (2018 department set: 经济分类 类 totals)
  | 'relatedStats' // 部门决算相关信息统计表 (2018 department set: 三公, 机关运行经费, 国有资产占用)
  | 'procurement'; // 政府采购情况表 (2018 department set)

export type CodeLevel = '类' | '款' | '项';

export interface AmountCell {
  /** 分; 0 for blank and dash cells. */
  minor: number;
  ref: CellRef | null;
  /** The cell held no figure (blank or a dash); it reads as 0. */
  blank?: boolean;
  /** The cell's text could not be read as an amount; identities that need it are skipped. */
  invalid?: boolean;
  /** What an unreadable cell held, as it was (kept only for invalid cells: generation shows it as typed). */
  raw?: unknown;
}

export interface TableRow {
  /** `code:2011101`, `class:201`, `econ:30101`, `total`, or a fixed-row key of the table spec (core/keys.ts). */
  key: RowKey;
  label: string;
  code?: string;
  level?: CodeLevel;
  labelRef: CellRef | null;
  codeRef?: CellRef | null;
  /** Amounts by column key of the table spec. */
  cells: Partial<Record<ColKey, AmountCell>>;
}

export interface TableData {
  id: TableId;
  topic: TableTopic;
  title: string;
  sheet: string;
  /** A1 range the table occupies (title to last note). */
  range: string;
  unit: MoneyUnit;
  rows: TableRow[];
  /** 注/说明 lines under the table. */
  notes: string[];
  titleRef: CellRef | null;
  /** For the profile's layout variants (e.g. the 24- or 26-row 类 list). */
  variant?: string;
  /** Rows with figures among the 类 rows that match no 类 (an unknown name): sums over the 类 cannot be checked. */
  unmatched?: UnmatchedRow[];
}

export interface UnmatchedRow {
  label: string;
  labelRef: CellRef;
}

export interface FinalAccounts {
  unitName: string | null;
  year: number | null;
  profileId: string;
  tables: Partial<Record<TableId, TableData>>;
}

export function levelOfCode(code: string): CodeLevel | undefined {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

/** The parent code of a code (类 of a 款, 款 of a 项); '' for a 类 (its parent is the 合计); null otherwise. */
export function parentCode(code: string): string | null {
  return code.length === 3 ? '' : code.length === 5 || code.length === 7 ? code.slice(0, code.length - 2) : null;
}

/** Children of each code row (and of the 合计, under ''), in print order, built in one pass. */
export function childrenByParent<R extends { code?: string }>(rows: readonly R[]): Map<string, R[]> {
  const kids = new Map<string, R[]>();
  for (const r of rows) {
    if (!r.code) continue;
    const parent = parentCode(r.code);
    if (parent === null) continue;
    const list = kids.get(parent);
    if (list) list.push(r);
    else kids.set(parent, [r]);
  }
  return kids;
}
