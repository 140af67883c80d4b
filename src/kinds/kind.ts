// A table kind: how a table of that layout is read from a sheet, laid out into one, and derived from the
// working sheets. Each kind is one folder of src/kinds/ and one line of registry.ts.
import type { MoneyUnit } from '../core/money';
import type { TableData } from '../core/model';
import type { TableSpec } from '../core/profiles';
import type { DeriveSource, Draft } from './derive/draft';
import type { TableLayout } from './layout/frame';
import type { LayoutContext } from './layout/options';
import type { BodyResult, TableReadContext } from './read/context';

export interface TableKind<S extends TableSpec> {
  /** Reads the table's body, from the row under its title block. */
  read(ctx: TableReadContext, spec: S, bodyTop: number): BodyResult;
  /** Lays the table out (an absent table with zeros: its fixed rows, its 合计, its 说明). */
  layout(table: TableData | undefined, spec: S, unit: MoneyUnit, ctx: LayoutContext): TableLayout;
  /** The rows it prints with the figures the working sheets give; the identities complete the rest. */
  derive(spec: S, source: DeriveSource): Draft;
}
