// Chinese names of columns and rows, for findings.
import type { TableData, TableRow } from '../model';
import { allColumns, isClassRows, type Profile } from '../profiles';

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

export function fixedRowLabel(profile: Profile, t: TableData, key: string): string {
  const spec = profile.tables[t.id];
  if (spec.kind === 'ledger') {
    for (const b of spec.blocks) for (const r of b.rows) if (!isClassRows(r) && r.key === key) return withoutOrdinal(r.label);
  }
  if (spec.kind === 'threePublic') {
    const it = spec.items.find((i) => i.key === key);
    if (it) return it.label.replace(/^(\d+\.\s*|其中：|（\d）)+/, '');
  }
  return t.rows.find((r) => r.key === key)?.label ?? key;
}

/** `208 社会保障和就业支出` for a coded row, `合计` for the total, the label for a fixed row. */
export function rowName(row: TableRow): string {
  return row.code ? `${row.code} ${row.label}` : row.label;
}

/** A ledger row's label without its `一、` numbering (`一、一般公共服务支出` → `一般公共服务支出`). */
export function withoutOrdinal(label: string): string {
  return label.replace(/^[一二三四五六七八九十]+、/, '');
}
