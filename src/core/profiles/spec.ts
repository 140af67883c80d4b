// Table specs: one description per table that the reader, the checks and the generator all use.
import type { TableId, TableTopic } from '../model';
import type { ClassListId } from '../catalogs/functional';
import type { EconomicGroup, EconomicListId } from '../catalogs/economic';
import type { CrossIdentity, TableIdentity } from '../identities/types';
import type { ColKey, FixedRowKey } from '../keys';

export interface ColumnSpec {
  /** Stable key the rules use (`total`, `basic`, `fiscal`, …), the same in every profile. */
  key: ColKey;
  /** Header path from the top header row down to the leaf, as printed. */
  path: string[];
  /** Other leaf labels the reader accepts for this column. */
  aliases?: string[];
  /** 栏次 number printed under the header, where the profile prints one. */
  columnNo?: number;
}

export interface FixedRowSpec {
  key: FixedRowKey;
  /** Label as printed (with its 一、 numbering where the profile prints one). */
  label: string;
  aliases?: string[];
  /** Rows of two side-by-side blocks with the same section are laid out next to each other. */
  section: number;
  /** Printed indented (其中 rows, carry-over breakdowns). */
  indent?: boolean;
}

/** Placeholder in a ledger block: the 类 rows of the profile's class list, one per 类. */
export interface ClassRowsSpec {
  classes: true;
  section: number;
}

export type LedgerRowSpec = FixedRowSpec | ClassRowsSpec;

export function isClassRows(r: LedgerRowSpec): r is ClassRowsSpec {
  return (r as ClassRowsSpec).classes === true;
}

export interface LedgerBlockSpec {
  side: 'income' | 'expenditure';
  /** Header path of the item column. */
  itemHeader: string[];
  /** What messages call this block (收入 / 支出 by default; 09's halves have their own). */
  heading?: string;
  columns: ColumnSpec[];
  rows: LedgerRowSpec[];
}

interface BaseSpec {
  id: TableId;
  topic: TableTopic;
  title: string;
  /** Other titles the reader accepts for this table (older names, regional variants). */
  titleAliases?: string[];
  /** `公开01表`, where the profile prints one. */
  marker?: string;
  /** 注 lines printed under the table; `{scope}` is 单位 or 部门, `{year}` the year. */
  notes: string[];
  /** What must add up inside this table (profiles/identities.ts): checked, and used to compute totals. */
  identities: TableIdentity[];
}

export interface LedgerSpec extends BaseSpec {
  kind: 'ledger';
  blocks: LedgerBlockSpec[];
  /** A 行次 column after each item column. */
  rowNumbers?: boolean;
}

export interface CodedSpec extends BaseSpec {
  kind: 'coded';
  /** Header path above the code and name columns (`项目` …). */
  itemHeader: string[];
  codeHeader: string;
  nameHeader: string;
  columns: ColumnSpec[];
  /** The 合计 row: its label as printed, the others the reader accepts. */
  totalLabel: string;
  totalAliases: string[];
  totalPosition: 'top' | 'bottom';
  /** Printed when the table has no data (08/09); the reader accepts any 没有/无 … 说明. */
  emptyNote?: string;
  /** A 栏次 row under the header. */
  columnNumbers?: boolean;
  /**
   * The official layout's 类/款/项 row: 科目编码 spans three columns, labelled 类 款 项 on the 栏次 row (or on
   * the 合计 row when there is no 栏次 row), and each code is printed whole across them (docs/official-layouts.md).
   */
  levelsRow?: boolean;
  /** The classification of its codes: 功能分类 (default) or 经济分类 (the 2018 set's 06 and 07). */
  codes?: 'functional' | 'economic';
}

/** A block of 06: its heading is its group (人员经费 / 公用经费), which its 合计 row totals. */
export interface EconomicBlockSpec {
  group: EconomicGroup;
  /** The 类 printed in this block (the last block also takes any 类 no block names). */
  classes: string[];
  total: { key: FixedRowKey; label: string };
}

export interface EconomicSpec extends BaseSpec {
  kind: 'economic';
  economicList: EconomicListId;
  /** Blocks side by side; `flow` blocks share one list printed top to bottom across them. */
  blocks: EconomicBlockSpec[];
  /** Number of physical column blocks the last heading's classes flow across. */
  flowColumns: number;
  codeHeader: string;
  nameHeader: string;
  amountHeader: string;
  /** Other amount headers the reader accepts. */
  amountAliases: string[];
}

export interface ThreePublicSpec extends BaseSpec {
  kind: 'threePublic';
  /** `rows`: one row per item (Fuzhou); `columns`: one data row, items across (Shanghai). */
  orientation: 'rows' | 'columns';
  items: FixedRowSpec[];
  /** 预算数 / 决算数 columns (`budget`, `final`). */
  measures: ColumnSpec[];
  rowNumbers?: boolean;
  emptyNote?: string;
}

export type TableSpec = LedgerSpec | CodedSpec | EconomicSpec | ThreePublicSpec;

export interface Profile {
  id: string;
  name: string;
  /** The 类 lists the 01/04 tables may carry (hence the catalog year); the first is the one the generator prints. */
  classLists: ClassListId[];
  /** The tables this profile can generate from the working sheets (the 2018 department set is read and checked only). */
  generates?: false;
  /** How zeros are printed: `0.00` (Fuzhou) or a blank cell (Shanghai). */
  zeroStyle: 'zero' | 'blank';
  /** The tables of the set: 01–09 (2024 sets) or 01–10 (the 2018 department set). */
  tables: Partial<Record<TableId, TableSpec>>;
  /** What must agree between tables (profiles/identities.ts). */
  crossIdentities: CrossIdentity[];
}

/** The spec of a table the profile has; a table the model holds always has one. */
export function specOf(profile: Profile, id: TableId): TableSpec {
  const spec = profile.tables[id];
  if (!spec) throw new Error(`profile ${profile.id} has no table ${id}`);
  return spec;
}

/** The table specs of a profile, in print order. */
export function specsOf(profile: Pick<Profile, 'tables'>): TableSpec[] {
  return Object.values(profile.tables).filter((s): s is TableSpec => s !== undefined);
}

type SpecOf<K extends TableSpec['kind']> = Extract<TableSpec, { kind: K }>;

/** A fixed row as printed, with where it stands: its block's side and columns (01/04), indented under a row. */
export interface FixedRowPlace {
  key: FixedRowKey;
  label: string;
  indent?: boolean;
  side?: LedgerBlockSpec['side'];
  /** The columns this row prints, where fewer than the table's (01/04's income block). */
  columns?: ColumnSpec[];
}

/**
 * What each kind's spec prints: its columns and its fixed rows (one entry per kind; a kind added to
 * TableSpec without one is a compile error). Reading, layout and derivation of a kind are in src/kinds/.
 */
const SHAPES: { [K in TableSpec['kind']]: { columns(s: SpecOf<K>): ColumnSpec[]; fixedRows(s: SpecOf<K>): FixedRowPlace[] } } = {
  ledger: {
    columns: (s) => s.blocks.flatMap((b) => b.columns),
    fixedRows: (s) =>
      s.blocks.flatMap((b) =>
        b.rows
          .filter((r): r is FixedRowSpec => !isClassRows(r))
          .map((r) => ({ key: r.key, label: r.label, indent: r.indent, side: b.side, columns: b.columns })),
      ),
  },
  coded: { columns: (s) => s.columns, fixedRows: (s) => [{ key: 'total', label: s.totalLabel }] },
  economic: { columns: (s) => [{ key: 'amount', path: [s.amountHeader] }], fixedRows: (s) => s.blocks.map((b) => b.total) },
  threePublic: { columns: (s) => s.measures, fixedRows: (s) => s.items },
};

function shapeOf<S extends TableSpec>(spec: S): { columns(s: S): ColumnSpec[]; fixedRows(s: S): FixedRowPlace[] } {
  return SHAPES[spec.kind] as unknown as ReturnType<typeof shapeOf<S>>;
}

/** Every column of a spec (ledger blocks flattened), for generic use. */
export function allColumns(spec: TableSpec): ColumnSpec[] {
  return shapeOf(spec).columns(spec);
}

const FIXED_ROWS = new WeakMap<TableSpec, FixedRowPlace[]>();

/** The fixed rows of a spec (01/04's lines, 三公 items, 06's group totals, a coded table's 合计), as printed. */
export function fixedRowsOf(spec: TableSpec): FixedRowPlace[] {
  // Messages ask for a row's name often; the list is built once per spec.
  let rows = FIXED_ROWS.get(spec);
  if (!rows) FIXED_ROWS.set(spec, (rows = shapeOf(spec).fixedRows(spec)));
  return rows;
}
