// What a kind's derivation works on: the working figures (per 项 and for the whole unit) and the draft rows
// it lays out, whose missing figures core/identities/solve.ts then computes.
import type { ClassListId } from '../../core/catalogs/functional';
import type { DraftRow, DraftTable } from '../../core/identities/solve';
import type { ColKey, RowKey } from '../../core/keys';
import type { TableSpec } from '../../core/profiles';
import type { WorkingData } from '../../core/workings/model';
import { WORKING_SHEETS } from '../../core/workings/spec';

// The figures of one 项 are a vector over the working columns of 底稿1 and 底稿2 (columnar: one
// Float64Array per 项, no object per key).
export const ITEM_KEYS: string[] = [
  ...new Set(WORKING_SHEETS.filter((s) => s.id === 'detail' || s.id === 'fiscal').flatMap((s) => s.columns.map((c) => c.key))),
];
export const KEY_INDEX = new Map(ITEM_KEYS.map((k, i) => [k, i]));

export interface ItemFigures {
  code: string;
  /** The 类 and 款 above it (the code itself when it is one). */
  classCode: string;
  kuanCode: string;
  figures: Float64Array;
}

/** Everything a kind may derive its rows from. */
export interface DeriveSource {
  data: WorkingData;
  /** Every 项 with its working figures, in code order (a 类's 款 and a 款's 项 follow each other). */
  items: ItemFigures[];
  /** Names given on the working sheets for codes. */
  names: Map<string, string>;
  /** A working figure of the whole unit (a 底稿1/2 column summed over the 项, or a `carry.*` row of 底稿6). */
  figure: (source: string) => number;
  classList: ClassListId;
}

/** A row being derived, with the label it will print. */
export interface Row extends DraftRow {
  label: string;
}

export interface Draft extends DraftTable {
  spec: TableSpec;
  rows: Row[];
  /** 类 rows outside the profile's list: printed only when they have a figure. */
  extra?: Set<RowKey>;
  variant?: string;
}

export function row(key: RowKey, label: string, cols: readonly ColKey[], code?: string): Row {
  // Every column present from the start, in one order: the rows of a table share one object shape.
  const values: Row['values'] = {};
  for (const c of cols) values[c] = undefined;
  return { key, label, code, cols, values };
}

export function draft(spec: TableSpec, rows: Row[], extra?: Partial<Draft>): Draft {
  return { topic: spec.topic, coded: spec.kind === 'coded', rows, identities: spec.identities, spec, ...extra };
}
