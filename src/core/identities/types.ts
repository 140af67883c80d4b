// Identities as data: which printed figures equal the sum of which others. Each table spec declares its
// own, the profile declares those between tables; `check` evaluates them (core/rules/identity-rules.ts)
// and generation computes every total from its parts with the same declarations (./solve.ts).
// The table of T/X rules with their meaning is docs/domain.md#identities.
import type { EconomicGroup } from '../catalogs/economic';
import type { ColKey, FixedRowKey, RowKey } from '../keys';
import type { TableTopic } from '../model';

export type Sign = 1 | -1;

/** One figure: a row and a column of a table (the declaring table when `table` is absent). */
export interface CellAt {
  table?: TableTopic;
  row: RowKey;
  col: ColKey;
  sign?: Sign;
}

interface Base {
  /** The rule id findings carry (`T1-a`, `X3` …); several identities may share one. */
  rule: string;
  /**
   * A balance: both sides are figures in their own right (01's income grand total = its spending grand total). Checked like any identity,
   * never used to compute a figure, since that would hide an unbalanced input.
   */
  balance?: boolean;
}

/** total = Σ parts, over named cells (of one table, or of several: then a cross-table identity). */
export interface SumIdentity extends Base {
  kind: 'sum';
  total: CellAt;
  parts: CellAt[];
}

/** On every row that has these columns: total column = Σ ± part columns. */
export interface ColumnsIdentity extends Base {
  kind: 'columns';
  total: ColKey;
  parts: Array<{ col: ColKey; sign?: Sign }>;
}

/** In every column of a coded table: 合计 = Σ 类, 类 = Σ its 款, 款 = Σ its 项 (by code prefix). */
export interface HierarchyIdentity extends Base {
  kind: 'hierarchy';
}

/** In each listed column of a ledger table: the row `total` = Σ its 类 rows. */
export interface ClassesIdentity extends Base {
  kind: 'classes';
  total: RowKey;
  cols: ColKey[];
}

/** 06: each group total row = Σ the 类 of that group (人员经费 = 301 + 303 …, by the economic catalog). */
export interface GroupsIdentity extends Base {
  kind: 'groups';
  col: ColKey;
  groups: Array<{ total: FixedRowKey; group: EconomicGroup }>;
}

/** The same figure printed in two tables: a = b. */
export interface SameIdentity extends Base {
  kind: 'same';
  a: CellAt & { table: TableTopic };
  b: CellAt & { table: TableTopic };
}

/** For each 类 row of a ledger table: its figure = the same 类's row of a coded table. */
export interface SameClassesIdentity extends Base {
  kind: 'sameClasses';
  a: { table: TableTopic; col: ColKey };
  b: { table: TableTopic; col: ColKey };
}

/**
 * A part that may not exceed its whole: a ≤ b (`rows`: on every row of a's table, in each of `cols`, against
 * the same row of b's table). Reported with `severity`.
 */
export interface AtMostIdentity extends Base {
  kind: 'atMost';
  severity: 'error' | 'warning';
  a: CellAt & { table: TableTopic };
  b: CellAt & { table: TableTopic };
  /** Why a should not exceed b, in Chinese, ending the message. */
  why: string;
}

export interface AtMostRowsIdentity extends Base {
  kind: 'atMostRows';
  severity: 'error' | 'warning';
  /** `classes`: only a's 类 rows (b prints no 款, as the 2018 set's 06 明细表 against its 07). */
  a: { table: TableTopic; cols: ColKey[]; rows?: 'classes' };
  b: { table: TableTopic };
  why: string;
}

/** Identities of one table (declared on its spec). */
export type TableIdentity = SumIdentity | ColumnsIdentity | HierarchyIdentity | ClassesIdentity | GroupsIdentity;
/** Identities between tables (declared on the profile). */
export type CrossIdentity = SumIdentity | SameIdentity | SameClassesIdentity | AtMostIdentity | AtMostRowsIdentity;
export type Identity = TableIdentity | CrossIdentity;
