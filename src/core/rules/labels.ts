// Chinese names of columns and rows, for findings.
import type { TableData, TableRow } from '../model';
import { allColumns, fixedRowsOf, type Profile } from '../profiles';

const COLUMN_LABELS = new WeakMap<object, Map<string, string>>();

/** The printed name of a column (its leaf header), looked up once per table spec. */
export function columnLabel(profile: Profile, t: TableData, key: string): string {
  const spec = profile.tables[t.id];
  let labels = COLUMN_LABELS.get(spec);
  if (!labels) {
    labels = new Map(allColumns(spec).map((c) => [c.key, c.path[c.path.length - 1]]));
    COLUMN_LABELS.set(spec, labels);
  }
  return labels.get(key) ?? key;
}

/** A fixed row's label without its numbering (`一、`, `1. `, `其中：（1）`). */
export function fixedRowLabel(profile: Profile, t: TableData, key: string): string {
  const r = fixedRowsOf(profile.tables[t.id]).find((x) => x.key === key);
  if (r) return r.label.replace(/^([一二三四五六七八九十]+、|\d+\.\s*|其中：|（\d）)+/, '');
  return t.rows.find((x) => x.key === key)?.label ?? key;
}

/** `208 社会保障和就业支出` for a coded row, `合计` for the total, the label for a fixed row. */
export function rowName(row: TableRow): string {
  return row.code ? `${row.code} ${row.label}` : row.label;
}

/** A ledger row's label without its `一、` numbering (`一、一般公共服务支出` → `一般公共服务支出`). */
export function withoutOrdinal(label: string): string {
  return label.replace(/^[一二三四五六七八九十]+、/, '');
}
